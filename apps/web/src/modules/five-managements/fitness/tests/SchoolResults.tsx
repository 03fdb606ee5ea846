/** One school's results of the semester: each grade's levels as shares (stacked bars) and the pass rate per grade. */
import type { FitnessTestSummary } from '@shuangjian/contracts';
import { Card, Table, Tag } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { LEVEL_COLORS, LEVELS, passRate, pct } from './levels';

type School = FitnessTestSummary['schools'][number];
type GradeRow = School['grades'][number];

export function SchoolResults({ school }: { school: School }) {
  const { t } = useI18n();
  const share = (g: GradeRow, level: (typeof LEVELS)[number]) => (g.tested ? Math.round((g.levels[level] / g.tested) * 1000) / 10 : 0);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: school.grades.map((g) => t('five.fitness.gradeN', { n: g.grade })) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: LEVELS.map((level) => ({
      name: t(`five.fitness.level.${level}`),
      type: 'bar' as const,
      stack: 'levels',
      itemStyle: { color: LEVEL_COLORS[level] },
      data: school.grades.map((g) => share(g, level)),
    })),
  };
  return (
    <Card size="small" title={t('five.fitness.chart')} data-testid="fitness-school-results">
      <Chart option={option} style={{ height: 260 }} />
      <Table<GradeRow>
        rowKey="grade"
        size="small"
        pagination={false}
        dataSource={school.grades}
        scroll={{ x: 560 }}
        data-testid="fitness-grade-table"
        columns={[
          { title: t('five.fitness.grade'), dataIndex: 'grade', render: (n: number) => t('five.fitness.gradeN', { n }) },
          { title: t('five.fitness.tested'), dataIndex: 'tested', align: 'right' },
          {
            title: t('five.fitness.passRate'),
            key: 'pass',
            align: 'right',
            render: (_, g) => {
              const r = passRate(g.levels);
              return <Tag color={r !== null && r >= 0.9 ? 'green' : 'orange'}>{pct(r)}</Tag>;
            },
          },
          ...LEVELS.map((level) => ({
            title: t(`five.fitness.level.${level}`),
            key: level,
            align: 'right' as const,
            render: (_: unknown, g: GradeRow) => `${g.levels[level]}（${pct(g.tested ? g.levels[level] / g.tested : null)}）`,
          })),
        ]}
      />
    </Card>
  );
}
