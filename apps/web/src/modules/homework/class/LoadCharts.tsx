/** The class's calendar heat map (planned written minutes ÷ limit; a click opens the day) and its trend of actual time, completion and reporting. */
import type { ClassDayStat } from '@shuangjian/contracts';
import { Card, Empty, Grid, Typography } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { MeasureTip } from '../components/MeasureTip';
import { formatDay } from '../components/model';
import { BAD, GOOD, loadShare, percent, ratio, WARN } from '../components/rates';

type Stat = z.infer<typeof ClassDayStat>;

export function LoadHeatmap({ days, from, to, weeks, loading, onOpen }: { days: Stat[]; from: string; to: string; weeks: number; loading: boolean; onOpen(date: string): void }) {
  const { t, locale } = useI18n();
  const wide = !!Grid.useBreakpoint().lg;
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const tooltipFor = (d: Stat) =>
    [
      `<b>${formatDay(d.date, locale)}</b> ${d.published ? '' : `(${t('hwv.notPublished')})`}`,
      d.limit === 0 ? t('hwv.class.tip.noWritten') : `${t('hwv.class.tip.planned')}：${t('hwv.minutesOf', { n: d.plannedWritten, limit: d.limit })}`,
      d.plannedOptional ? `${t('hwv.class.tip.optional')}：${t('hwv.minutes', { n: d.plannedOptional })}` : '',
      d.plannedOther ? `${t('hwv.class.tip.other')}：${t('hwv.minutes', { n: d.plannedOther })}` : '',
      d.reporters
        ? [
            `${t('hwv.class.tip.reporters')}：${d.reporters} / ${d.students}`,
            `${t('hwv.class.tip.median')}：${t('hwv.minutes', { n: d.medianMinutes ?? 0 })}，P90：${t('hwv.minutes', { n: d.p90Minutes ?? 0 })}`,
            `${t('hwv.withinRate')}：${percent(ratio(d.withinLimit, d.reporters))}`,
            `${t('hwv.class.tip.bedtime')}：${d.bedtimeStops}`,
            d.overloaded ? `<span style="color:${BAD}">${t('hwv.overloaded')}（${t('hwv.school.overShort', { over: d.overLimit, n: d.reporters, bedtime: d.bedtimeStops })}）</span>` : '',
          ].join('<br/>')
        : t('hwv.class.tip.noReports'),
    ]
      .filter(Boolean)
      .join('<br/>');
  const option: ChartOption = {
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
        data: days.map((d) => [d.date, Math.round(loadShare(d.plannedWritten, d.limit) * 100) / 100]),
        label: { show: wide && weeks <= 24, fontSize: 10, formatter: (p) => String((Array.isArray(p.value) ? byDate.get(String(p.value[0]))?.plannedWritten : '') ?? '') },
      },
    ],
  };
  return (
    <Card
      title={<MeasureTip measure="counted">{t('hwv.class.heatTitle')}</MeasureTip>}
      extra={wide && <Typography.Text type="secondary">{t('hwv.class.clickHint')}</Typography.Text>}
      loading={loading}
      data-testid="class-heatmap"
    >
      {days.length > 0 ? (
        <Chart
          option={option}
          onClick={(params) => {
            const v = (params as { value?: unknown }).value;
            if (Array.isArray(v)) onOpen(String(v[0]));
          }}
          style={{ height: 260 }}
        />
      ) : (
        <Empty description={t('hwv.class.noDays')} />
      )}
    </Card>
  );
}

export function TrendChart({ days, target, loading }: { days: Stat[]; target: number; loading: boolean }) {
  const { t } = useI18n();
  const wide = !!Grid.useBreakpoint().lg;
  const reported = days.filter((d) => d.reporters > 0);
  const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: wide ? 56 : 88, bottom: 32 },
    xAxis: { type: 'category', data: reported.map((d) => d.date.slice(5)) },
    yAxis: [
      { type: 'value', name: wide ? t('hwv.unit.minutes') : undefined, min: 0, minInterval: 5 },
      { type: 'value', name: wide ? '%' : undefined, min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('hwv.class.series.median'), type: 'line', data: reported.map((d) => d.medianMinutes), itemStyle: { color: '#1677ff' }, symbolSize: 5 },
      { name: 'P90', type: 'line', data: reported.map((d) => d.p90Minutes), itemStyle: { color: '#91caff' }, lineStyle: { type: 'dashed' }, symbolSize: 3 },
      { name: t('hwv.class.series.limit'), type: 'line', step: 'middle', data: reported.map((d) => d.limit), itemStyle: { color: BAD }, lineStyle: { type: 'dashed', width: 1 }, symbol: 'none' },
      {
        name: t('hwv.withinRate'),
        type: 'line',
        yAxisIndex: 1,
        data: reported.map((d) => pct(d.withinLimit, d.reporters)),
        itemStyle: { color: GOOD },
        symbolSize: 5,
        markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p: Math.round(target * 100) }), position: 'insideStartTop' }, data: [{ yAxis: target * 100 }] },
      },
      { name: t('hwv.reportingRate'), type: 'line', yAxisIndex: 1, data: reported.map((d) => pct(d.reporters, d.students)), itemStyle: { color: '#722ed1' }, lineStyle: { type: 'dotted' }, symbolSize: 4 },
    ],
  };
  return (
    <Card title={t('hwv.class.lineTitle')} loading={loading} data-testid="class-line">
      {reported.length ? <Chart option={option} style={{ height: 300 }} /> : <Empty description={t('hwv.class.noReports')} />}
    </Card>
  );
}
