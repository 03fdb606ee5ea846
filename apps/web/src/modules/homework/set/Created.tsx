/** After setting: the items created, and the next step. */
import { Button, Result, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { formatDay, type Item } from '../components/model';
import { ItemStatusTag } from '../components/tags';

export function Created({ items, blocked, onAnother }: { items: Item[]; blocked: boolean; onAnother: () => void }) {
  const { t, locale } = useI18n();
  const drafts = items.every((i) => i.status === 'draft');
  return (
    <Result
      status="success"
      title={drafts ? t('hw.created.drafts', { n: items.length }) : t('hw.created.title', { n: items.length })}
      subTitle={
        <>
          {!drafts && t(items.some((i) => i.status === 'pending_check') ? 'hw.created.toCheck' : 'hw.created.toCoordinate')}
          {blocked && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {t('hw.form.blockedHint')}
            </Typography.Text>
          )}
        </>
      }
      extra={[
        <Button key="again" type="primary" onClick={onAnother} data-testid="set-another">
          {t('hw.created.another')}
        </Button>,
        <Link key="todo" to="/homework/todo">
          <Button>{t('menu.homework.todo')}</Button>
        </Link>,
      ]}
    >
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="created-items"
        scroll={{ x: 600 }}
        columns={[
          { title: t('hw.field.class'), dataIndex: 'className' },
          { title: t('hw.field.date'), dataIndex: 'date', render: (d: string) => formatDay(d, locale) },
          { title: t('hw.field.subject'), dataIndex: 'subjectName' },
          { title: t('hw.field.content'), dataIndex: 'content', ellipsis: true },
          { title: t('hw.field.minutes'), dataIndex: 'minutes', align: 'right', render: (n: number) => t('hw.minutes', { n }) },
          { title: t('hw.field.status'), dataIndex: 'status', render: (s: Item['status'], i) => <ItemStatusTag status={s} dayStatus={i.dayStatus ?? undefined} /> },
          { title: '', key: 'edit', render: (_: unknown, i) => <Link to={`/homework/set?item=${i.id}`}>{t('common.edit')}</Link> },
        ]}
      />
    </Result>
  );
}
