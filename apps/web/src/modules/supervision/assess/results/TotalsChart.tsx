/** Totals by school as horizontal bars coloured by list (红榜 red, 黄牌 gold, 黑榜 black), the thresholds as lines. */
import type { AssessSchoolResult, SupervisionAssessment } from '@shuangjian/contracts';
import { Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../../app/i18n';
import { Chart, type ChartOption } from '../../../../components/Chart';
import { LIST_COLORS } from '../common/Tags';

export function TotalsChart({ assessment: a, schools }: { assessment: SupervisionAssessment; schools: AssessSchoolResult[] }) {
  const { t } = useI18n();
  // best at the top: ECharts draws a category axis from the bottom up
  const rows = useMemo(() => schools.filter((s) => s.total !== null).sort((x, y) => (x.total ?? 0) - (y.total ?? 0)), [schools]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? t('sv.assess.score.points', { n: v.toFixed(1) }) : '—') },
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: rows.map((r) => r.schoolName), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('sv.assess.col.total'),
          barMaxWidth: 22,
          data: rows.map((r) => ({ value: r.total, itemStyle: { color: LIST_COLORS[r.list ?? 'none'] } })),
          label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(1) : '') },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: '{b}', position: 'end', fontSize: 11 },
            data: [
              { name: `${t('sv.assess.list.red')} ≥ ${a.redMin}`, xAxis: a.redMin, lineStyle: { color: LIST_COLORS.red, type: 'dashed' } },
              { name: `${t('sv.assess.list.yellow')} < ${a.yellowBelow}`, xAxis: a.yellowBelow, lineStyle: { color: LIST_COLORS.yellow, type: 'dashed' } },
              { name: `${t('sv.assess.list.black')} < ${a.blackBelow}`, xAxis: a.blackBelow, lineStyle: { color: LIST_COLORS.black, type: 'dashed' } },
            ],
          },
        },
      ],
    }),
    [rows, a, t],
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('sv.assess.chart.title')}
      extra={
        <Flex gap={12} wrap>
          {(['red', 'yellow', 'black', 'none'] as const).map((k) => (
            <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: LIST_COLORS[k], marginRight: 4 }} />
              {t(`sv.assess.list.${k}`)}
            </Typography.Text>
          ))}
        </Flex>
      }
    >
      {rows.length ? (
        <div data-testid="assess-chart">
          <Chart option={option} style={{ height: Math.max(180, rows.length * 40 + 60) }} />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('sv.assess.chart.empty')}</Typography.Text>
      )}
    </Card>
  );
}
