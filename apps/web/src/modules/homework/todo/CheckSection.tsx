/** The content check (学科组长把关 / 年级组统一内容): pass items on, or send them back with a reason. */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { api, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay, invalidateHomework, type Item } from '../components/model';
import { ReasonModal } from '../components/ReasonModal';
import { ItemTags } from '../components/tags';
import { ContentCell, Section, useSelection } from './Section';

/** 待审核内容: the subject or grade leader passes content on, or sends it back with a reason. */
export function CheckSection({ rows, loading }: { rows: Item[] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { chosen, setSelected, rowSelection } = useSelection(rows);
  const [returning, setReturning] = useState(false);
  const decide = useSaveMutation({
    form: null,
    mutationFn: (body: { itemIds: string[]; decision: 'approve' | 'return'; reason?: string }) => api.post('/api/homework/check', body, { headers: idempotencyKey() }),
    saved: (_, body) => (body.decision === 'approve' ? t('hw.check.approved', { n: body.itemIds.length }) : t('hw.check.returned', { n: body.itemIds.length })),
    onSuccess: () => {
      setSelected([]);
      setReturning(false);
      invalidateHomework(client);
    },
  });
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
                loading={decide.isPending && decide.variables?.decision === 'approve'}
                onClick={() => decide.mutate({ itemIds: chosen, decision: 'approve' })}
                data-testid="check-approve"
              >
                {t('hw.check.approve', { n: chosen.length })}
              </Button>
              <Button danger icon={<RollbackOutlined />} disabled={!chosen.length} onClick={() => setReturning(true)} data-testid="check-return">
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
          scroll={{ x: 960 }}
          rowSelection={rowSelection}
          onRow={(i) => ({
            // a click anywhere on the row selects it; the checkbox cell selects by itself
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
              setSelected((s) => (s.includes(i.id) ? s.filter((x) => x !== i.id) : [...s, i.id]));
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('hw.field.date'), dataIndex: 'date', width: 110, render: (v: string) => formatDay(v, locale) },
            { title: t('hw.field.class'), dataIndex: 'className', width: 110 },
            { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70 },
            { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 80 },
            { title: t('hw.field.content'), key: 'content', render: (_: unknown, i) => <ContentCell item={i} /> },
            { title: t('hw.field.kind'), key: 'tags', width: 200, render: (_: unknown, i) => <ItemTags item={i} /> },
            { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 80, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          ]}
        />
      </Section>
      <ReasonModal
        open={returning}
        title={t('hw.check.returnTitle', { n: chosen.length })}
        okText={t('hw.check.returnOk')}
        danger
        loading={decide.isPending}
        onCancel={() => setReturning(false)}
        onOk={(v) => decide.mutate({ itemIds: chosen, decision: 'return', reason: v.reason })}
        description={t('hw.check.returnHint')}
      />
    </>
  );
}
