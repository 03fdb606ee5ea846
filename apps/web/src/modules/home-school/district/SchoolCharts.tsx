/**
 * The charted figures per school, one horizontal bar chart each (a bar opens the school); past 30 schools the bars
 * are the zones, so the chart stays readable for a district of hundreds.
 */
import type { IndicatorFigures } from '@shuangjian/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { CHARTED, chartPct } from './figures';

const COLORS = ['#1677ff', '#eb2f96', '#52c41a'];
const MAX_SCHOOLS = 30;

export interface ChartRow {
  id: string;
  name: string;
  figures: IndicatorFigures;
}

export function SchoolCharts({ schools, zones, onSchool }: { schools: ChartRow[]; zones: ChartRow[]; onSchool: (schoolId: string) => void }) {
  const { t, locale } = useI18n();
  const bySchool = schools.length <= MAX_SCHOOLS;
  const rows = bySchool ? schools : zones;
  const height = Math.max(160, rows.length * 28 + 50);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={bySchool ? t('hs.district.chartSchools') : t('hs.district.chartZones')}
      extra={bySchool && <Typography.Text type="secondary">{t('hs.district.chartHint')}</Typography.Text>}
    >
      <Row gutter={[16, 16]} data-testid="hs-charts">
        {CHARTED.map((spec, i) => {
          // lowest first from the top: the schools to look at lead
          const sorted = [...rows].sort((a, b) => (chartPct(a.figures[spec.key]) ?? -1) - (chartPct(b.figures[spec.key]) ?? -1)).reverse();
          const option: ChartOption = {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : t('hs.district.noData')) },
            grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { fontSize: 11, width: 130, overflow: 'truncate' } },
            series: [
              {
                name: spec.label[locale],
                type: 'bar',
                barMaxWidth: 18,
                data: sorted.map((r) => chartPct(r.figures[spec.key])),
                itemStyle: { color: COLORS[i % COLORS.length] },
                label: { show: true, position: 'right', fontSize: 11, formatter: (p) => (typeof p.value === 'number' ? `${p.value.toFixed(1)}%` : '') },
              },
            ],
          };
          return (
            <Col key={spec.key} xs={24} lg={8} data-testid={`hs-chart-${spec.key}`}>
              <Typography.Text strong>{spec.label[locale]}</Typography.Text>
              <Chart option={option} style={{ height }} onClick={bySchool ? (p) => onSchool(sorted[p.dataIndex]!.id) : undefined} />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
