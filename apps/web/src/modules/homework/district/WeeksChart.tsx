/** The district week by week: completion, over-limit and reporting rates; a week not yet whole is named so on its axis label. */
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { BAD, GOOD, WARN } from '../components/rates';
import { type Week, weekLabel } from './types';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const REPORTING = '#1677ff';

export function WeeksChart({ weeks, target }: { weeks: Week[]; target: number }) {
  const { t } = useI18n();
  const targetPct = Math.round(target * 100);
  const label = { show: true, formatter: (p: { value?: unknown }) => (p.value === null || p.value === undefined ? '' : `${String(p.value)}%`), fontSize: 11 };
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0 },
    grid: { left: 48, right: 72, top: 40, bottom: 40 },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => `${t('hwv.district.weekOf', { w: weekLabel(w.weekStart) })}${w.partial ? `\n${t('hwv.partialShort')}` : ''}`),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('hwv.withinRate'),
        type: 'line',
        data: weeks.map((w) => pct(w.withinLimitRate)),
        itemStyle: { color: GOOD },
        label,
        markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p: targetPct }), position: 'end' }, data: [{ yAxis: targetPct }] },
      },
      { name: t('hwv.reportingRate'), type: 'line', data: weeks.map((w) => pct(w.reportingRate)), itemStyle: { color: REPORTING }, lineStyle: { type: 'dashed' }, label: { ...label, position: 'top' } },
      { name: t('hwv.overRate'), type: 'line', data: weeks.map((w) => pct(w.overLimitRate)), itemStyle: { color: BAD }, label: { ...label, position: 'bottom' } },
    ],
  };
  return <Chart option={option} style={{ height: 320 }} />;
}
