/** Institutions per zone stacked by registry status (正常/整改/暂停/注销) (a bar opens its zone), and open alerts per kind. */
import { TRAINING_STATUSES, trainingAlertKindLabels, trainingStatusLabels, type TrainingAlertKind, type TrainingDistrictOverview } from '@shuangjian/contracts';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';

const COLORS: Record<string, string> = { active: '#52c41a', rectifying: '#faad14', suspended: '#fa541c', closed: '#8c8c8c' };

export function StatusChart({ data, onZone }: { data: TrainingDistrictOverview; onZone: (zoneId: string) => void }) {
  const { locale } = useI18n();
  const count = (zoneId: string, status: string) => data.matrix.filter((m) => m.zoneId === zoneId && m.status === status).reduce((n, m) => n + m.count, 0);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: data.zones.map((z) => z.zoneName), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: TRAINING_STATUSES.map((s) => ({
      name: trainingStatusLabels[s][locale],
      type: 'bar' as const,
      stack: 'status',
      itemStyle: { color: COLORS[s] },
      data: data.zones.map((z) => count(z.zoneId, s)),
    })),
  };
  return (
    <Chart
      option={option}
      style={{ height: 260 }}
      onClick={(p) => {
        const zone = data.zones[p.dataIndex];
        if (zone) onZone(zone.zoneId);
      }}
    />
  );
}

export function AlertKindsChart({ data }: { data: TrainingDistrictOverview }) {
  const { locale } = useI18n();
  const kinds = Object.entries(data.alertsByKind);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 180, right: 32, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: kinds.map(([k]) => trainingAlertKindLabels[k as TrainingAlertKind]?.[locale] ?? k), axisLabel: { fontSize: 11 } },
    series: [{ type: 'bar', data: kinds.map(([, n]) => n), itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' } }],
  };
  return <Chart option={option} style={{ height: Math.max(120, 40 + kinds.length * 36) }} />;
}
