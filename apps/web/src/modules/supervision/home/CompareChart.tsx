/**
 * One figure compared across the zones of the district (or the schools of a zone): horizontal bars, the weakest at
 * the top, each coloured by how it stands; a bar goes down a level (zone → its schools → a school).
 */
import { METRIC_KEYS, type MetricFigureSet, type MetricKey, METRICS } from '@shuangjian/contracts';
import { Card, Flex, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { chartPct, TONE_COLORS, toneOf } from './figures';

export interface CompareRow {
  id: string;
  name: string;
  figures: MetricFigureSet;
}

export function CompareChart({ title, rows, metric, onMetric, onOpen }: { title: string; rows: CompareRow[]; metric: MetricKey; onMetric: (k: MetricKey) => void; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const worseFirst = METRICS[metric].better === 'higher' ? 1 : -1;
  // ECharts draws the first category at the bottom: sort so the weakest ends up on top, no-data rows at the very bottom
  const sorted = [...rows].sort((a, b) => {
    const x = chartPct(a.figures[metric]);
    const y = chartPct(b.figures[metric]);
    if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
    return (y - x) * worseFirst;
  });
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : t('sv.home.noData')),
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', hideOverlap: true } },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { fontSize: 12, width: 150, overflow: 'truncate' } },
    series: [
      {
        name: t(`sv.home.metric.${metric}`),
        type: 'bar',
        barMaxWidth: 20,
        data: sorted.map((r) => ({ value: chartPct(r.figures[metric]) ?? 0, itemStyle: { color: TONE_COLORS[toneOf(metric, r.figures[metric])] } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          formatter: (p) => {
            const f = sorted[p.dataIndex]?.figures[metric];
            return f && f.rate !== null ? `${(f.rate * 100).toFixed(1)}%` : t('sv.home.noData');
          },
        },
      },
    ],
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={title}
    >
      <Flex gap={8} wrap align="center" justify="space-between">
        <Select<MetricKey>
          value={metric}
          onChange={onMetric}
          style={{ width: 240, maxWidth: '100%' }}
          aria-label={t('sv.home.metric')}
          data-testid="sv-chart-metric"
          options={METRIC_KEYS.map((k) => ({ value: k, label: t(`sv.home.metric.${k}`) }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sv.home.chartHint')}
        </Typography.Text>
      </Flex>
      <div data-testid="sv-chart">
        <Chart option={option} style={{ height: Math.max(140, sorted.length * 30 + 40) }} onClick={(p) => sorted[p.dataIndex] && onOpen(sorted[p.dataIndex]!.id)} />
      </div>
    </Card>
  );
}
