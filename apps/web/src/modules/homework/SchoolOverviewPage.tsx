/** 教务处作业总览: every class's load today, classes over the limit this week, estimate against actual by teacher. */
import type { ClassDayStat, SchoolClass, SchoolOverview, TeacherSummary } from '@shuangjian/contracts';
import { addDays, defaultHomeworkPolicy } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Space, Table, Typography } from 'antd';
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
import { BAD, GOOD, MUTED, percent, ratio, WARN } from './components/rates';
import { FlaggedItems } from './school/FlaggedItems';
import { type TodayRow, TodayTable, worstFirst } from './school/TodayTable';

type Overview = z.infer<typeof SchoolOverview>;
type Stat = z.infer<typeof ClassDayStat>;
type ClassRow = z.infer<typeof SchoolClass>;
type Teacher = z.infer<typeof TeacherSummary>;

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
  const target = data?.target ?? defaultHomeworkPolicy.completionTarget;
  const factor = data?.overrunFactor ?? defaultHomeworkPolicy.overrun.factor;

  const todayRows = useMemo<TodayRow[]>(() => {
    const stats = new Map(data?.today.map((s) => [s.classId, s]));
    const rows: TodayRow[] = (classes.data ?? []).map((c) => ({ classId: c.id, className: c.name, grade: c.grade, stat: stats.get(c.id) ?? null }));
    for (const s of data?.today ?? []) if (!rows.some((r) => r.classId === s.classId)) rows.push({ classId: s.classId, className: s.className, grade: 0, stat: s });
    return rows.sort(worstFirst);
  }, [data, classes.data]);

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
  const day = todayRows.reduce((x, r) => ({ reporters: x.reporters + (r.stat?.reporters ?? 0), students: x.students + (r.stat?.published ? r.stat.students : 0), within: x.within + (r.stat?.withinLimit ?? 0) }), { reporters: 0, students: 0, within: 0 });

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
                {day.students > 0 && ` · ${t('hwv.school.todayReporting', { n: day.reporters, m: day.students, rate: percent(ratio(day.reporters, day.students)), within: percent(ratio(day.within, day.reporters)) })}`}
              </Typography.Text>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 16px' }} data-testid="school-today-note">
              {t('hwv.note.withinShort', { p: Math.round(target * 100) })} {t('hwv.note.reportingShort')}
            </Typography.Paragraph>
            <TodayTable rows={todayRows} date={date} target={target} loading={overview.isLoading || classes.isLoading} />
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
          <FlaggedItems items={data?.flaggedItems} loading={overview.isLoading} />
        </Space>
      )}
    </>
  );
}
