/** The week's rates per zone (or per school, or per week): one bar group per row, a gap where nothing was counted. */
import type { IndicatorFigures } from '@shuangjian/contracts';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { chartPct } from './figures';

const COLORS = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1', '#eb2f96'];

export function RatesChart({
  rows,
  figures,
  type = 'bar',
  onClick,
}: {
  rows: { name: string; figures: IndicatorFigures }[];
  figures: readonly { key: string; label: { 'zh-CN': string; en: string } }[];
  type?: 'bar' | 'line';
  onClick?: (index: number) => void;
}) {
  const { locale } = useI18n();
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: figures.map((f, i) => ({
      name: f.label[locale],
      type,
      connectNulls: false,
      data: rows.map((r) => chartPct(r.figures[f.key])),
      itemStyle: { color: COLORS[i % COLORS.length] },
    })),
  };
  return <Chart option={option} style={{ height: 300 }} onClick={onClick ? (p) => onClick(p.dataIndex) : undefined} />;
}
