/** The teacher's own items: drafts and returned ones, to edit or hand into review. */
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, idempotencyKey } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay, invalidateHomework, type Item } from '../components/model';
import { ContentCell, Section, useSelection } from './Section';

/** 草稿 / 被退回: edit, or hand into review (one or several at once). */
export function MineSection({ id, title, rows, loading, empty }: { id: string; title: string; rows: Item[] | undefined; loading: boolean; empty: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { chosen, setSelected, rowSelection } = useSelection(rows);
  const submit = useSaveMutation({
    form: null,
    mutationFn: (itemIds: string[]) => api.post('/api/homework/items/submit', { itemIds }, { headers: idempotencyKey() }),
    saved: (_, ids) => t('hw.todo.submitted', { n: ids.length }),
    onSuccess: () => {
      setSelected([]);
      invalidateHomework(client);
    },
  });
  return (
    <Section
      id={id}
      title={title}
      rows={rows}
      loading={loading}
      empty={empty}
      extra={
        rows?.length ? (
          <Button icon={<SendOutlined />} disabled={!chosen.length} loading={submit.isPending} onClick={() => submit.mutate(chosen)}>
            {t('hw.todo.submitSelected', { n: chosen.length })}
          </Button>
        ) : null
      }
    >
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 860 }}
        rowSelection={rowSelection}
        columns={[
          { title: t('hw.field.date'), dataIndex: 'date', width: 120, render: (v: string) => formatDay(v, locale) },
          { title: t('hw.field.class'), dataIndex: 'className', width: 110 },
          { title: t('hw.field.subject'), dataIndex: 'subjectName', width: 70 },
          {
            title: t('hw.field.content'),
            key: 'content',
            render: (_: unknown, i) => (
              <>
                <ContentCell item={i} />
                {i.returnReason && (
                  <div>
                    <Typography.Text type="danger">
                      {t('hw.todo.returnReason')}：{i.returnReason}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: t('hw.field.minutes'), dataIndex: 'minutes', width: 80, align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, i) => (
              <Space size={4}>
                <Link to={`/homework/set?item=${i.id}`}>{t('common.edit')}</Link>
                <Button type="link" size="small" onClick={() => submit.mutate([i.id])}>
                  {t('hw.todo.submitOne')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Section>
  );
}
