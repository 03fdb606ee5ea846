/**
 * The content check (学科组长把关 / 年级组统一内容): each item with its attachments and its class's whole day (every subject
 * against the limit); pass items on or send them back, several at once or one row at a time, with a comment the
 * teacher is told.
 */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { LoadBar } from '../components/LoadBar';
import { formatDay, invalidateHomework, type Item, type TodoRow } from '../components/model';
import { ReasonModal } from '../components/ReasonModal';
import { ItemTags } from '../components/tags';
import { ContentCell, Section, useSelection } from './Section';

type Decision = { itemIds: string[]; decision: 'approve' | 'return'; reason?: string };

/** 待审核内容: the subject or grade leader passes content on, or sends it back with a reason. */
export function CheckSection({ rows, days, loading }: { rows: Item[] | undefined; days: TodoRow['checkDays'] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { chosen, setSelected, rowSelection } = useSelection(rows);
  // the items a dialog decides on: the ticked ones, or one row's
  const [deciding, setDeciding] = useState<{ ids: string[]; decision: Decision['decision'] } | null>(null);
  const decide = useSaveMutation({
    form: null,
    mutationFn: (body: Decision) => api.post('/api/homework/check', body, { headers: idempotencyKey() }),
    saved: (_, body) => (body.decision === 'approve' ? t('hw.check.approved', { n: body.itemIds.length }) : t('hw.check.returned', { n: body.itemIds.length })),
    onSuccess: () => {
      setSelected([]);
      setDeciding(null);
      invalidateHomework(client);
    },
  });
  const dayOf = (i: Item) => days?.find((d) => d.classId === i.classId && d.date === i.date);
  const approving = deciding?.decision === 'approve';
  return (
    <>
      <Section
        id="toCheck"
        title={t('hw.todo.toCheck')}
        rows={rows}
        loading={loading}
        empty={t('hw.todo.toCheckEmpty')}
        extra={
          rows?.length ? (
            <Space>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={!chosen.length}
                loading={decide.isPending && decide.variables?.decision === 'approve' && !deciding}
                onClick={() => decide.mutate({ itemIds: chosen, decision: 'approve' })}
                data-testid="check-approve"
              >
                {t('hw.check.approve', { n: chosen.length })}
              </Button>
              <Button danger icon={<RollbackOutlined />} disabled={!chosen.length} onClick={() => setDeciding({ ids: chosen, decision: 'return' })} data-testid="check-return">
                {t('hw.check.return', { n: chosen.length })}
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<Item>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 1020 }}
          rowSelection={rowSelection}
          onRow={(i) => ({
            // a click on the row's text selects it; its checkbox, links and buttons act by themselves
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column, a, button')) return;
              setSelected((s) => (s.includes(i.id) ? s.filter((x) => x !== i.id) : [...s, i.id]));
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('hw.field.date'), dataIndex: 'date', width: 104, render: (v: string) => formatDay(v, locale) },
            { title: t('hw.field.class'), dataIndex: 'className', width: 100 },
            { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 60 },
            { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 72 },
            {
              title: t('hw.field.content'),
              key: 'content',
              render: (_: unknown, i) => (
                <>
                  <ContentCell item={i} />
                  <div style={{ marginTop: 4 }}>
                    <ItemTags item={i} />
                  </div>
                </>
              ),
            },
            { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 72, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
            {
              title: t('hwr.check.classDay'),
              key: 'day',
              width: 236,
              render: (_: unknown, i) => {
                const d = dayOf(i);
                if (!d) return null;
                return (
                  <div data-testid="check-day">
                    {d.check.noWrittenGrade ? (
                      <Typography.Text type={d.check.written ? 'danger' : 'secondary'}>{t('hwr.load.noWrittenGrade', { grade: d.check.grade })}</Typography.Text>
                    ) : (
                      <LoadBar limit={d.check.limit} written={d.check.written} />
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('hwr.load.nonWritten', { n: d.check.nonWritten })}
                      {d.check.violations.length > 0 && <Typography.Text type="danger">{` · ${t('hwr.check.dayBreaks', { n: d.check.violations.length })}`}</Typography.Text>}
                    </Typography.Text>
                  </div>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'decide',
              width: 120,
              fixed: 'right',
              render: (_: unknown, i) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDeciding({ ids: [i.id], decision: 'approve' })} data-testid="check-row-approve">
                    {t('hwr.check.pass')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setDeciding({ ids: [i.id], decision: 'return' })} data-testid="check-row-return">
                    {t('hw.check.returnOk')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Section>
      <ReasonModal
        open={deciding !== null}
        title={approving ? t('hwr.check.approveTitle', { n: deciding?.ids.length ?? 0 }) : t('hw.check.returnTitle', { n: deciding?.ids.length ?? 0 })}
        okText={approving ? t('hwr.check.pass') : t('hw.check.returnOk')}
        reasonLabel={approving ? t('hwr.check.comment') : undefined}
        required={!approving}
        danger={!approving}
        loading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={(v) => deciding && decide.mutate({ itemIds: deciding.ids, decision: deciding.decision, reason: v.reason })}
        description={approving ? t('hwr.check.commentHint') : t('hw.check.returnHint')}
      />
    </>
  );
}
