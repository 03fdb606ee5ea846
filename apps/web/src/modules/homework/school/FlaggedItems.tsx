/** Items whose families' median time is well over the teacher's estimate, over the last four weeks. */
import type { TeacherItemStat } from '@shuangjian/contracts';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../components/model';

type Flagged = z.infer<typeof TeacherItemStat>;

export function FlaggedItems({ items, loading }: { items: Flagged[] | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('hwv.school.flaggedItems')} styles={{ body: { padding: 0 } }} data-testid="school-flagged">
      <Table<Flagged>
        rowKey="itemId"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('hwv.school.noFlagged') }}
        columns={[
          { title: t('hwv.col.date'), dataIndex: 'date', width: 120, render: (d: string, r) => <Link to={`/homework/day/${r.classId}/${d}`}>{formatDay(d, locale)}</Link> },
          { title: t('hwv.col.class'), dataIndex: 'className', width: 110 },
          { title: t('hwv.col.subject'), dataIndex: 'subjectName', width: 90 },
          { title: t('hwv.col.teacher'), dataIndex: 'teacherName', width: 90 },
          { title: t('hwv.week.estimate'), dataIndex: 'estimate', align: 'right', render: (m: number) => t('hwv.minutes', { n: m }) },
          {
            title: t('hwv.week.median'),
            dataIndex: 'medianMinutes',
            align: 'right',
            render: (m: number | null, r) => (
              <span title={t('hwv.week.reports', { n: r.reports })}>
                <Typography.Text type="danger">{m === null ? '–' : t('hwv.minutes', { n: m })}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('hwv.school.meanRatio'),
            key: 'ratio',
            align: 'right',
            render: (_: unknown, r) => (r.medianMinutes === null || !r.estimate ? '–' : <Typography.Text type="danger">{(r.medianMinutes / r.estimate).toFixed(2)}×</Typography.Text>),
          },
          { title: t('hwv.school.reportsCol'), dataIndex: 'reports', align: 'right' },
        ]}
      />
    </Card>
  );
}
