/** Every class of the school on one day, worst first: written load against the limit, publication, reporting and completion. */
import { WarningFilled } from '@ant-design/icons';
import type { ClassDayStat } from '@shuangjian/contracts';
import { Flex, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { MeasureTip } from '../components/MeasureTip';
import { BAD, loadColor, loadShare, percent, ratio, withinColor } from '../components/rates';

type Stat = z.infer<typeof ClassDayStat>;
/** A class of the school with the day's figures, or none when nothing was set for it. */
export type TodayRow = { classId: string; className: string; grade: number; stat: Stat | null };

/** Worst first: over-loaded, then planned over the limit, then fullest load, then lowest completion. */
function severity(r: TodayRow): number[] {
  const s = r.stat;
  if (!s) return [0, 0, -1, 1];
  return [s.overloaded ? 1 : 0, s.plannedOver ? 1 : 0, loadShare(s.plannedWritten, s.limit), -(ratio(s.withinLimit, s.reporters) ?? 1)];
}
const compare = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
};
export const worstFirst = (a: TodayRow, b: TodayRow) => compare(severity(a), severity(b)) || a.grade - b.grade || a.className.localeCompare(b.className, 'zh-CN');

export function TodayTable({ rows, date, target, loading }: { rows: TodayRow[]; date: string; target: number; loading: boolean }) {
  const { t } = useI18n();
  const p = Math.round(target * 100);
  return (
    <Table<TodayRow>
      rowKey="classId"
      data-testid="school-today"
      loading={loading}
      dataSource={rows}
      pagination={false}
      size="middle"
      scroll={{ x: 960 }}
      columns={[
        { title: t('hwv.col.class'), dataIndex: 'className', width: 130, render: (n: string, r) => <Link to={`/homework/day/${r.classId}/${date}`}>{n}</Link> },
        {
          title: <MeasureTip measure="counted">{t('hwv.school.plannedVsLimit')}</MeasureTip>,
          key: 'planned',
          width: 240,
          render: (_: unknown, r) => {
            const s = r.stat;
            if (!s) return <Typography.Text type="secondary">{t('hwv.school.nothingSet')}</Typography.Text>;
            if (s.limit === 0 && s.plannedWritten === 0) return <Typography.Text type="secondary">{t('hwv.school.noWrittenGrade')}</Typography.Text>;
            const share = loadShare(s.plannedWritten, s.limit);
            return (
              <Flex align="center" gap={8}>
                <Progress percent={Math.min(100, Math.round(share * 100))} showInfo={false} strokeColor={loadColor(share)} style={{ flex: 1, margin: 0 }} size="small" />
                <Typography.Text style={{ whiteSpace: 'nowrap', color: share > 1 ? BAD : undefined }}>{t('hwv.minutesOf', { n: s.plannedWritten, limit: s.limit })}</Typography.Text>
              </Flex>
            );
          },
        },
        {
          title: t('hwv.school.published'),
          key: 'published',
          width: 90,
          render: (_: unknown, r) => (r.stat?.published ? <Tag color="success">{t('hwv.published')}</Tag> : <Tag>{t('hwv.notPublished')}</Tag>),
        },
        {
          title: t('hwv.reportingRate'),
          key: 'reporting',
          width: 120,
          align: 'right',
          render: (_: unknown, r) =>
            r.stat?.published ? (
              <span style={{ whiteSpace: 'nowrap' }} data-testid="school-today-reporting">
                {percent(ratio(r.stat.reporters, r.stat.students))}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({r.stat.reporters}/{r.stat.students})
                </Typography.Text>
              </span>
            ) : (
              '–'
            ),
        },
        {
          title: <MeasureTip measure="withinRate" vars={{ p }}>{t('hwv.withinRate')}</MeasureTip>,
          key: 'within',
          width: 130,
          align: 'right',
          render: (_: unknown, r) => {
            const v = r.stat ? ratio(r.stat.withinLimit, r.stat.reporters) : null;
            return <Typography.Text style={{ color: withinColor(v, target) }}>{percent(v)}</Typography.Text>;
          },
        },
        {
          title: t('hwv.school.median'),
          key: 'median',
          width: 110,
          align: 'right',
          render: (_: unknown, r) => (r.stat?.medianMinutes !== null && r.stat?.medianMinutes !== undefined && r.stat.reporters ? t('hwv.minutes', { n: r.stat.medianMinutes }) : '–'),
        },
        {
          title: <MeasureTip measure="overloaded" vars={{ p }}>{t('hwv.school.flag')}</MeasureTip>,
          key: 'flag',
          width: 150,
          render: (_: unknown, r) => (
            <Space size={0} wrap>
              {r.stat?.plannedOver && <Tag color="red">{t('hwv.plannedOver')}</Tag>}
              {r.stat?.overloaded && (
                <Tooltip title={t('hwv.school.overTip', { over: r.stat.overLimit, n: r.stat.reporters, bedtime: r.stat.bedtimeStops })}>
                  <Tag color="red" icon={<WarningFilled />}>
                    {t('hwv.overloaded')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
