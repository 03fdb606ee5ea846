/** 班级作业负担日历 (class teacher, grade leader, school): daily planned load against the limit, what families reported, frequent mistakes. */
import { type ClassCalendar, type ClassDayStat, type FrequentMistake, type SchoolClass, type Semester, VIEW_RANGE_MAX_DAYS } from '@shuangjian/contracts';
import { addDays, daysBetween } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Flex, Grid, List, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError, qs } from '../../app/api';
import { hasRole, useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { MeasureTip } from './components/MeasureTip';
import { districtToday, formatDay, hwKey, shortClassName } from './components/model';
import { BAD, GOOD, loadShare, percent, ratio, WARN, withinColor } from './components/rates';

type CalendarRow = z.infer<typeof ClassCalendar>;
type Stat = z.infer<typeof ClassDayStat>;
type SemesterRow = z.infer<typeof Semester>;


/** The semester holding today, else the last one that began, else the first; at most 200 days of it. */
function defaultRange(semesters: SemesterRow[], today: string): [string, string] {
  const sorted = [...semesters].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const s = sorted.find((x) => x.startDate <= today && today <= x.endDate) ?? sorted.filter((x) => x.startDate <= today).at(-1) ?? sorted[0];
  if (!s) return [addDays(today, -60), today];
  return [s.startDate, daysBetween(s.startDate, s.endDate) > VIEW_RANGE_MAX_DAYS - 1 ? addDays(s.startDate, VIEW_RANGE_MAX_DAYS - 1) : s.endDate];
}

function useClassOptions() {
  const { data: me } = useMe();
  const admin = hasRole(me, 'school_admin');
  const all = useQuery({ queryKey: ['classes', 'all'], queryFn: () => api.get<z.infer<typeof SchoolClass>[]>('/api/classes'), enabled: admin });
  return useMemo(() => {
    const out = new Map<string, { value: string; label: string; grade: number }>();
    for (const c of me?.classes ?? [])
      if (c.roles.includes('class_teacher') || c.roles.includes('grade_leader')) out.set(c.id, { value: c.id, label: shortClassName(c.name), grade: c.grade });
    if (admin) {
      const schools = new Set(me?.schools.map((s) => s.id));
      for (const c of all.data ?? []) if (schools.has(c.schoolId) && !out.has(c.id)) out.set(c.id, { value: c.id, label: c.name, grade: c.grade });
    }
    return [...out.values()].sort((a, b) => a.grade - b.grade || a.label.localeCompare(b.label, 'zh-CN'));
  }, [me, admin, all.data]);
}

function FrequentMistakes({ classId, from, to }: { classId: string; from: string; to: string }) {
  const { t, locale } = useI18n();
  const q = useQuery({
    queryKey: hwKey('mistakes-frequent', classId, from, to),
    queryFn: () => api.get<z.infer<typeof FrequentMistake>[]>(`/api/homework/mistakes/frequent${qs({ classId, from, to })}`),
    retry: false,
  });
  return (
    <Card title={t('hwv.class.mistakes')} data-testid="class-mistakes">
      {q.error ? (
        <Typography.Text type="secondary">{q.error instanceof ApiError && q.error.status === 403 ? t('hwv.class.mistakesTeachersOnly') : q.error.message}</Typography.Text>
      ) : (
        <List
          loading={q.isLoading}
          dataSource={q.data}
          locale={{ emptyText: t('hwv.class.noMistakes') }}
          renderItem={(m) => (
            <List.Item
              extra={
                <Tag color={m.students >= 3 ? 'red' : 'orange'} style={{ marginInlineStart: 8 }}>
                  {t('hwv.class.mistakeStudents', { n: m.students })}
                </Tag>
              }
            >
              <List.Item.Meta
                title={<span style={{ overflowWrap: 'anywhere' }}>{m.question}</span>}
                description={
                  <Space size={6} wrap>
                    {m.subjectName && <Tag>{m.subjectName}</Tag>}
                    {m.date && (
                      <Link to={`/homework/day/${classId}/${m.date}`}>{formatDay(m.date, locale)}</Link>
                    )}
                    {m.notes.length > 0 && <Typography.Text type="secondary">{[...new Set(m.notes)].join('；')}</Typography.Text>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function ClassCalendarPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const wide = !!Grid.useBreakpoint().lg;
  const today = districtToday(tz);
  const options = useClassOptions();
  const [params, setParams] = useSearchParams();
  const classId = options.find((o) => o.value === params.get('classId'))?.value ?? options[0]?.value;
  const semesters = useQuery({ queryKey: ['semesters'], queryFn: () => api.get<SemesterRow[]>('/api/semesters') });
  const [custom, setCustom] = useState<[string, string] | null>(null);
  const range = custom ?? (semesters.data ? defaultRange(semesters.data, today) : null);
  const [from, to] = range ?? ['', ''];
  const cal = useQuery({
    queryKey: hwKey('class-calendar', classId, from, to),
    queryFn: () => api.get<CalendarRow>(`/api/homework/classes/${classId}/calendar${qs({ from, to })}`),
    enabled: !!classId && !!range,
  });
  const data = cal.data;
  const byDate = useMemo(() => new Map<string, Stat>(data?.days.map((d) => [d.date, d])), [data]);
  const target = data?.target ?? 0.9;
  const openDay = useCallback(
    (params: { value?: unknown }) => {
      const v = params.value;
      const date = Array.isArray(v) ? String(v[0]) : null;
      if (date && classId) void navigate(`/homework/day/${classId}/${date}`);
    },
    [classId, navigate],
  );

  const reported = data?.days.filter((d) => d.reporters > 0) ?? [];
  const totals = {
    published: data?.days.filter((d) => d.published).length ?? 0,
    overloaded: reported.filter((d) => d.overloaded).length,
    plannedOver: data?.days.filter((d) => d.plannedOver).length ?? 0,
    within: ratio(
      reported.reduce((s, d) => s + d.withinLimit, 0),
      reported.reduce((s, d) => s + d.reporters, 0),
    ),
    bedtime: reported.reduce((s, d) => s + d.bedtimeStops, 0),
  };

  const tooltipFor = (d: Stat) =>
    [
      `<b>${formatDay(d.date, locale)}</b> ${d.published ? '' : `(${t('hwv.notPublished')})`}`,
      `${t('hwv.class.tip.planned')}：${t('hwv.minutesOf', { n: d.plannedWritten, limit: d.limit })}`,
      d.plannedOptional ? `${t('hwv.class.tip.optional')}：${t('hwv.minutes', { n: d.plannedOptional })}` : '',
      d.plannedOther ? `${t('hwv.class.tip.other')}：${t('hwv.minutes', { n: d.plannedOther })}` : '',
      d.reporters
        ? [
            `${t('hwv.class.tip.reporters')}：${d.reporters}`,
            `${t('hwv.class.tip.median')}：${t('hwv.minutes', { n: d.medianMinutes ?? 0 })}，P90：${t('hwv.minutes', { n: d.p90Minutes ?? 0 })}`,
            `${t('hwv.withinRate')}：${percent(ratio(d.withinLimit, d.reporters))}`,
            `${t('hwv.class.tip.bedtime')}：${d.bedtimeStops}`,
            d.overloaded ? `<span style="color:${BAD}">${t('hwv.overloaded')}</span>` : '',
          ].join('<br/>')
        : t('hwv.class.tip.noReports'),
    ]
      .filter(Boolean)
      .join('<br/>');

  const weeks = from && to ? Math.ceil((daysBetween(from, to) + 1) / 7) : 20;
  const heat: ChartOption | null = data
    ? {
        tooltip: {
          formatter: (p) => {
            const v = (p as { value?: unknown }).value;
            const d = Array.isArray(v) ? byDate.get(String(v[0])) : undefined;
            return d ? tooltipFor(d) : '';
          },
        },
        visualMap: {
          type: 'piecewise',
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          dimension: 1,
          itemWidth: wide ? 20 : 12,
          itemGap: wide ? 10 : 4,
          textStyle: { fontSize: wide ? 12 : 10 },
          pieces: [
            { min: 0, max: 0, label: t('hwv.class.legend.none'), color: '#e6f4ff' },
            { gt: 0, lte: 0.5, label: '≤ 50%', color: '#b7eb8f' },
            { gt: 0.5, lte: 0.8, label: '50–80%', color: '#52c41a' },
            { gt: 0.8, lte: 1, label: '80–100%', color: '#faad14' },
            { gt: 1, label: t('hwv.class.legend.over'), color: '#f5222d' },
          ],
        },
        calendar: {
          range: [from, to],
          top: 40,
          left: wide ? 40 : 24,
          right: wide ? 16 : 8,
          bottom: 56,
          cellSize: ['auto', 22],
          orient: 'horizontal',
          splitLine: { lineStyle: { color: '#d9d9d9', width: 1 } },
          itemStyle: { borderColor: '#fff', borderWidth: 2, color: '#fafafa' },
          dayLabel: { firstDay: 1, nameMap: t('hwv.cal.days').split(','), fontSize: 11 },
          monthLabel: { nameMap: t('hwv.cal.months').split(','), fontSize: 12 },
          yearLabel: { show: false },
        },
        series: [
          {
            type: 'heatmap',
            coordinateSystem: 'calendar',
            data: (data.days ?? []).map((d) => [d.date, Math.round(loadShare(d.plannedWritten, d.limit) * 100) / 100]),
            label: { show: wide && weeks <= 24, fontSize: 10, formatter: (p) => String((Array.isArray(p.value) ? byDate.get(String(p.value[0]))?.plannedWritten : '') ?? '') },
          },
        ],
      }
    : null;

  const line: ChartOption | null = reported.length
    ? {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 56, top: wide ? 56 : 72, bottom: 32 },
        xAxis: { type: 'category', data: reported.map((d) => d.date.slice(5)) },
        yAxis: [
          { type: 'value', name: wide ? t('hwv.unit.minutes') : undefined, min: 0 },
          { type: 'value', name: wide ? t('hwv.withinRate') : undefined, min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
        ],
        series: [
          { name: t('hwv.class.series.median'), type: 'line', data: reported.map((d) => d.medianMinutes), itemStyle: { color: '#1677ff' }, symbolSize: 5 },
          { name: 'P90', type: 'line', data: reported.map((d) => d.p90Minutes), itemStyle: { color: '#91caff' }, lineStyle: { type: 'dashed' }, symbolSize: 3 },
          { name: t('hwv.class.series.limit'), type: 'line', step: 'middle', data: reported.map((d) => d.limit), itemStyle: { color: BAD }, lineStyle: { type: 'dashed', width: 1 }, symbol: 'none' },
          {
            name: t('hwv.withinRate'),
            type: 'line',
            yAxisIndex: 1,
            data: reported.map((d) => Math.round((d.withinLimit / d.reporters) * 1000) / 10),
            itemStyle: { color: GOOD },
            symbolSize: 5,
            markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p: Math.round(target * 100) }), position: 'insideStartTop' }, data: [{ yAxis: target * 100 }] },
          },
        ],
      }
    : null;

  if (!me) return null;
  return (
    <>
      <PageHeader title={t('menu.homework.class')} sub={data ? `${data.className} · ${t('hwv.class.sub', { grade: data.grade })}` : undefined} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Flex gap={12} wrap align="center">
          <Select
            style={{ minWidth: 200 }}
            value={classId}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('hwv.col.class')}
            onChange={(v: string) => setParams({ classId: v }, { replace: true })}
            data-testid="class-select"
          />
          <Select
            style={{ minWidth: 200 }}
            placeholder={t('hwv.class.semester')}
            value={semesters.data?.find((s) => s.startDate === from)?.id ?? null}
            options={semesters.data?.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(id: string) => {
              const s = semesters.data?.find((x) => x.id === id);
              if (s) setCustom(defaultRange([s], s.startDate));
            }}
          />
          <DatePicker.RangePicker
            allowClear={false}
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
            disabledDate={(d, info) => {
              const from = info.from;
              return !!from && Math.abs(d.diff(from, 'day')) > VIEW_RANGE_MAX_DAYS - 1;
            }}
            onChange={(v) => v?.[0] && v[1] && setCustom([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          />
        </Flex>
      </Card>
      {options.length === 0 && <Empty description={t('hwv.class.noClasses')} />}
      {cal.error && <Alert type="error" showIcon title={cal.error.message} style={{ marginBottom: 16 }} />}
      {classId && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('hwv.class.publishedDays')} value={totals.published} loading={cal.isLoading} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={<MeasureTip measure="withinRate" vars={{ p: Math.round(target * 100) }}>{t('hwv.withinRate')}</MeasureTip>}
                  value={percent(totals.within)}
                  loading={cal.isLoading}
                  styles={{ content: { color: withinColor(totals.within, target) } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={<MeasureTip measure="overloaded" vars={{ p: Math.round(target * 100) }}>{t('hwv.class.overloadedDays')}</MeasureTip>}
                  value={`${totals.overloaded} / ${reported.length}`}
                  loading={cal.isLoading}
                  styles={{ content: { color: totals.overloaded ? BAD : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={<MeasureTip measure="bedtime">{t('hwv.class.bedtimeStops')}</MeasureTip>} value={totals.bedtime} loading={cal.isLoading} />
              </Card>
            </Col>
          </Row>
          <Card
            title={<MeasureTip measure="counted">{t('hwv.class.heatTitle')}</MeasureTip>}
            extra={wide && <Typography.Text type="secondary">{t('hwv.class.clickHint')}</Typography.Text>}
            loading={cal.isLoading}
            data-testid="class-heatmap"
          >
            {heat && (data?.days.length ?? 0) > 0 ? <Chart option={heat} onClick={openDay} style={{ height: 260 }} /> : <Empty description={t('hwv.class.noDays')} />}
          </Card>
          <Card title={t('hwv.class.lineTitle')} loading={cal.isLoading} data-testid="class-line">
            {line ? <Chart option={line} style={{ height: 300 }} /> : <Empty description={t('hwv.class.noReports')} />}
          </Card>
          <FrequentMistakes classId={classId} from={from || today} to={to || today} />
        </Space>
      )}
    </>
  );
}
