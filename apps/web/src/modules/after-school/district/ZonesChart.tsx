/** Participation of students and of teachers per zone, side by side, with the teachers' 90% target as a line. */
import type { AfterSchoolZoneRow } from '@shuangjian/contracts';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { studentRate, TEACHER_TARGET, teacherRate } from './figures';

const asPct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function ZonesChart({ zones }: { zones: AfterSchoolZoneRow[] }) {
  const { t } = useI18n();
  const label = { show: true, position: 'top' as const, formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? `${p.value}%` : ''), fontSize: 11 };
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: zones.map((z) => z.zoneName), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('afterSchool.district.studentRate'), type: 'bar', data: zones.map((z) => asPct(studentRate(z))), itemStyle: { color: '#1677ff' }, label },
      {
        name: t('afterSchool.district.teacherRate'),
        type: 'bar',
        data: zones.map((z) => asPct(teacherRate(z))),
        itemStyle: { color: '#52c41a' },
        label,
        markLine: { symbol: 'none', lineStyle: { color: '#d48806', type: 'dashed' }, label: { formatter: '90%' }, data: [{ yAxis: TEACHER_TARGET * 100 }] },
      },
    ],
  };
  return <Chart option={option} style={{ height: 280 }} />;
}
