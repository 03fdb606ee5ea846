/** The latest published days of the class, each a link to its list: the written load, who reported and how it went. */
import type { ClassDayStat } from '@shuangjian/contracts';
import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../components/model';
import { BAD, percent, ratio, withinColor } from '../components/rates';

type Stat = z.infer<typeof ClassDayStat>;

const SHOWN = 10;

export function RecentDays({ classId, days, target, loading }: { classId: string; days: Stat[]; target: number; loading: boolean }) {
  const { t, locale } = useI18n();
  const rows = days.filter((d) => d.published).slice(-SHOWN).reverse();
  return (
    <Card title={t('hwv.class.recentDays', { n: SHOWN })} styles={{ body: { padding: 0 } }} loading={loading} data-testid="class-days">
      <Table<Stat>
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('hwv.class.noDays') }}
        columns={[
          {
            title: t('hwv.col.date'),
            dataIndex: 'date',
            width: 130,
            render: (d: string) => (
              <Link to={`/homework/day/${classId}/${d}`} style={{ whiteSpace: 'nowrap' }} data-testid="class-day-link">
                {formatDay(d, locale)}
              </Link>
            ),
          },
          {
            title: t('hwv.school.plannedVsLimit'),
            key: 'written',
            width: 170,
            render: (_: unknown, d) =>
              d.limit === 0 && d.plannedWritten === 0 ? (
                <Typography.Text type="secondary">{t('hwv.school.noWrittenGrade')}</Typography.Text>
              ) : (
                <Typography.Text style={{ color: d.plannedWritten > d.limit ? BAD : undefined }}>{t('hwv.minutesOf', { n: d.plannedWritten, limit: d.limit })}</Typography.Text>
              ),
          },
          { title: t('hwv.class.tip.other'), dataIndex: 'plannedOther', width: 110, align: 'right', render: (m: number) => (m ? t('hwv.minutes', { n: m }) : '–') },
          { title: t('hwv.reportingRate'), key: 'reporting', width: 110, align: 'right', render: (_: unknown, d) => `${d.reporters}/${d.students}` },
          {
            title: t('hwv.withinRate'),
            key: 'within',
            width: 100,
            align: 'right',
            render: (_: unknown, d) => <Typography.Text style={{ color: withinColor(ratio(d.withinLimit, d.reporters), target) }}>{percent(ratio(d.withinLimit, d.reporters))}</Typography.Text>,
          },
          {
            title: t('hwv.school.flag'),
            key: 'flag',
            render: (_: unknown, d) =>
              d.overloaded ? (
                <Tag color="red">{t('hwv.school.overShort', { over: d.overLimit, n: d.reporters, bedtime: d.bedtimeStops })}</Tag>
              ) : d.bedtimeStops ? (
                <Typography.Text type="secondary">{t('hwv.class.tip.bedtime')} {d.bedtimeStops}</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
