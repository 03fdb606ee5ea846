/** 教务处作业总览: every class's load today, classes over the limit this week, estimate against actual by teacher. */
import { WarningFilled } from '@ant-design/icons';
import type { ClassDayStat, SchoolClass, SchoolOverview, TeacherItemStat, TeacherSummary } from '@shuangjian/contracts';
import { addDays, defaultHomeworkPolicy } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Progress, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { MeasureTip } from './components/MeasureTip';
import { districtToday, formatDay, hwKey } from './components/model';
import { BAD, GOOD, loadColor, loadShare, MUTED, percent, ratio, WARN, withinColor } from './components/rates';

type Overview = z.infer<typeof SchoolOverview>;
type Stat = z.infer<typeof ClassDayStat>;
type ClassRow = z.infer<typeof SchoolClass>;
type Teacher = z.infer<typeof TeacherSummary>;
type Flagged = z.infer<typeof TeacherItemStat>;

/** A class of the school with today's figures, or none when nothing was set for it. */
type TodayRow = { classId: string; className: string; grade: number; stat: Stat | null };

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

export default function SchoolOverviewPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const today = districtToday(tz);
  const [params, setParams] = useSearchParams();
  const schools = me?.schools ?? [];
  const schoolId = schools.find((s) => s.id === params.get('schoolId'))?.id ?? schools[0]?.id;
  const date = params.get('date') && /^\d{4}-\d{2}-\d{2}$/.test(params.get('date')!) ? params.get('date')! : today;
  const set = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }), { replace: true });
  const overview = useQuery({
    queryKey: hwKey('school-overview', schoolId, date),
    queryFn: () => api.get<Overview>(`/api/homework/school/overview${qs({ schoolId, date })}`),
    enabled: !!schoolId,
  });
  const classes = useQuery({
    queryKey: ['classes', schoolId],
    queryFn: () => api.get<ClassRow[]>(`/api/classes${qs({ schoolId })}`),
    enabled: !!schoolId,
  });
  const data = overview.data;
  const target = defaultHomeworkPolicy.completionTarget;
  const factor = defaultHomeworkPolicy.overrun.factor;

  const todayRows = useMemo<TodayRow[]>(() => {
    const stats = new Map(data?.today.map((s) => [s.classId, s]));
    const rows: TodayRow[] = (classes.data ?? []).map((c) => ({ classId: c.id, className: c.name, grade: c.grade, stat: stats.get(c.id) ?? null }));
    for (const s of data?.today ?? []) if (!rows.some((r) => r.classId === s.classId)) rows.push({ classId: s.classId, className: s.className, grade: 0, stat: s });
    return rows.sort((a, b) => compare(severity(a), severity(b)) || a.grade - b.grade || a.className.localeCompare(b.className, 'zh-CN'));
  }, [data, classes.data]);

  const classIdByName = useMemo(() => new Map(classes.data?.map((c) => [c.name, c.id])), [classes.data]);
  const teachers = data?.teachers ?? [];
  const ratioChart: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p) => {
        const list = Array.isArray(p) ? p : [p];
        const row = teachers[list[0]?.dataIndex ?? 0];
        if (!row) return '';
        return [
          `<b>${row.teacherName}</b>`,
          `${t('hwv.school.meanRatio')}：${row.meanRatio ?? '–'}`,
          t('hwv.school.itemsTip', { items: row.items, reported: row.reportedItems, flagged: row.flagged }),
        ].join('<br/>');
      },
    },
    grid: { left: 40, right: 24, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: teachers.map((x) => x.teacherName), axisLabel: { interval: 0, rotate: teachers.length > 12 ? 45 : 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, name: '×' },
    series: [
      {
        type: 'bar',
        data: teachers.map((x) => ({ value: x.meanRatio, itemStyle: { color: (x.meanRatio ?? 0) > factor ? BAD : (x.meanRatio ?? 0) > 1 ? WARN : GOOD } })),
        markLine: { symbol: 'none', lineStyle: { color: BAD, type: 'dashed' }, label: { formatter: `${factor}×`, position: 'insideEndTop' }, data: [{ yAxis: factor }] },
      },
    ],
  };

  const dayLink = (classId: string, d: string) => `/homework/day/${classId}/${d}`;

  return (
    <>
      <PageHeader
        title={t('menu.homework.school')}
        sub={t('hwv.school.sub')}
        extra={
          <Flex gap={8} wrap align="center">
            {schools.length > 1 && (
              <Select style={{ minWidth: 180 }} value={schoolId} options={schools.map((s) => ({ value: s.id, label: s.name }))} onChange={(v: string) => set({ schoolId: v })} />
            )}
            <Button onClick={() => set({ date: addDays(date, -1) })}>{t('hwv.prevDay')}</Button>
            <DatePicker allowClear={false} value={dayjs(date)} onChange={(v) => v && set({ date: v.format('YYYY-MM-DD') })} data-testid="school-date" />
            <Button onClick={() => set({ date: addDays(date, 1) })}>{t('hwv.nextDay')}</Button>
            {date !== today && <Button onClick={() => set({ date: today })}>{t('hwv.today')}</Button>}
          </Flex>
        }
      />
      {!schoolId && <Empty description={t('hwv.school.noSchool')} />}
      {overview.error && <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: 16 }} />}
      {schoolId && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={t('hwv.school.today', { date: formatDay(date, locale) })}
            extra={
              <Typography.Text type="secondary">
                {t('hwv.school.todaySummary', {
                  published: todayRows.filter((r) => r.stat?.published).length,
                  total: todayRows.length,
                  over: todayRows.filter((r) => r.stat?.overloaded || r.stat?.plannedOver).length,
                })}
              </Typography.Text>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Table<TodayRow>
              rowKey="classId"
              data-testid="school-today"
              loading={overview.isLoading || classes.isLoading}
              dataSource={todayRows}
              pagination={false}
              size="middle"
              scroll={{ x: 860 }}
              columns={[
                { title: t('hwv.col.class'), dataIndex: 'className', width: 130, render: (n: string, r) => <Link to={dayLink(r.classId, date)}>{n}</Link> },
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
                { title: t('hwv.school.reporters'), key: 'reporters', width: 90, align: 'right', render: (_: unknown, r) => r.stat?.reporters ?? '–' },
                {
                  title: <MeasureTip measure="withinRate" vars={{ p: Math.round(target * 100) }}>{t('hwv.withinRate')}</MeasureTip>,
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
                  title: <MeasureTip measure="overloaded" vars={{ p: Math.round(target * 100) }}>{t('hwv.school.flag')}</MeasureTip>,
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
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('hwv.school.weekOver', { from: data ? formatDay(data.weekStart, locale) : '' })} data-testid="school-week" style={{ height: '100%' }}>
                {data && data.week.length === 0 ? (
                  <Empty description={t('hwv.school.weekNone')} />
                ) : (
                  <Table<Stat>
                    rowKey={(r) => `${r.classId}:${r.date}`}
                    size="small"
                    scroll={{ x: 480 }}
                    loading={overview.isLoading}
                    dataSource={data?.week}
                    pagination={false}
                    columns={[
                      { title: t('hwv.col.date'), dataIndex: 'date', width: 120, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDay(d, locale)}</span> },
                      { title: t('hwv.col.class'), dataIndex: 'className', width: 110, render: (n: string, r) => <Link to={dayLink(r.classId, r.date)} style={{ whiteSpace: 'nowrap' }}>{n}</Link> },
                      {
                        title: t('hwv.school.why'),
                        key: 'why',
                        render: (_: unknown, r) => (
                          <Space orientation="vertical" size={0}>
                            {r.plannedOver && <Typography.Text type="danger">{t('hwv.school.whyPlanned', { n: r.plannedWritten, limit: r.limit })}</Typography.Text>}
                            {r.overloaded && <Typography.Text type="danger">{t('hwv.school.overShort', { over: r.overLimit, n: r.reporters, bedtime: r.bedtimeStops })}</Typography.Text>}
                          </Space>
                        ),
                      },
                    ]}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('hwv.school.byTeacher')} styles={{ body: { padding: 0 } }}>
                <Table<Teacher>
                  rowKey="teacherId"
                  size="small"
                  scroll={{ x: 480 }}
                  loading={overview.isLoading}
                  dataSource={teachers}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                  columns={[
                    { title: t('hwv.col.teacher'), dataIndex: 'teacherName' },
                    { title: t('hwv.school.items'), dataIndex: 'items', align: 'right', sorter: (a, b) => a.items - b.items },
                    { title: t('hwv.school.reportedItems'), dataIndex: 'reportedItems', align: 'right' },
                    {
                      title: t('hwv.school.meanRatio'),
                      dataIndex: 'meanRatio',
                      align: 'right',
                      defaultSortOrder: 'descend',
                      sorter: (a, b) => (a.meanRatio ?? 0) - (b.meanRatio ?? 0),
                      render: (v: number | null) => <Typography.Text style={{ color: v === null ? MUTED : v > factor ? BAD : v > 1 ? WARN : undefined }}>{v === null ? '–' : `${v.toFixed(2)}×`}</Typography.Text>,
                    },
                    {
                      title: <MeasureTip measure="flagged" vars={{ factor, min: defaultHomeworkPolicy.overrun.minReports }}>{t('hwv.school.flagged')}</MeasureTip>,
                      dataIndex: 'flagged',
                      align: 'right',
                      sorter: (a, b) => a.flagged - b.flagged,
                      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card
            title={<MeasureTip measure="meanRatio" vars={{ factor }}>{t('hwv.school.estimateTitle')}</MeasureTip>}
            data-testid="school-teachers-chart"
            loading={overview.isLoading}
          >
            {teachers.length ? <Chart option={ratioChart} style={{ height: 300 }} /> : <Empty description={t('hwv.school.noTeacherData')} />}
          </Card>
          <Card title={t('hwv.school.flaggedItems')} styles={{ body: { padding: 0 } }} data-testid="school-flagged">
            <Table<Flagged>
              rowKey="itemId"
              size="small"
              loading={overview.isLoading}
              dataSource={data?.flaggedItems}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('hwv.school.noFlagged') }}
              columns={[
                {
                  title: t('hwv.col.date'),
                  dataIndex: 'date',
                  width: 120,
                  // the item statistics carry the class name only: the school's classes give its id
                  render: (d: string, r) => {
                    const id = classIdByName.get(r.className);
                    return id ? <Link to={dayLink(id, d)}>{formatDay(d, locale)}</Link> : formatDay(d, locale);
                  },
                },
                { title: t('hwv.col.class'), dataIndex: 'className', width: 110 },
                { title: t('hwv.col.subject'), dataIndex: 'subjectName', width: 90 },
                { title: t('hwv.col.teacher'), dataIndex: 'teacherName', width: 90 },
                { title: t('hwv.week.estimate'), dataIndex: 'estimate', align: 'right', render: (m: number) => t('hwv.minutes', { n: m }) },
                {
                  title: t('hwv.week.median'),
                  dataIndex: 'medianMinutes',
                  align: 'right',
                  render: (m: number | null, r) => (
                    <Tooltip title={t('hwv.week.reports', { n: r.reports })}>
                      <Typography.Text type="danger">{m === null ? '–' : t('hwv.minutes', { n: m })}</Typography.Text>
                    </Tooltip>
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
        </Space>
      )}
    </>
  );
}
