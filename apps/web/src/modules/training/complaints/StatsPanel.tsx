/** Complaint statistics: totals (open, overdue) and bar charts by category and by institution. */
import { complaintCategoryLabels } from '@shuangjian/contracts';
import { Card, Col, Row } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { Figure } from '../../../components/Figure';
import { QueryError } from '../../../components/QueryError';
import { useComplaintStats } from './queries';

function bars(labels: string[], series: { name: string; data: number[]; color: string }[]): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 18 })),
  };
}

export function StatsPanel() {
  const { t, locale } = useI18n();
  const stats = useComplaintStats();
  if (stats.error) return <QueryError error={stats.error} />;
  const s = stats.data;
  const categories = s?.byCategory.filter((c) => c.count > 0) ?? [];
  const institutions = s?.byInstitution.slice(0, 12) ?? [];
  return (
    <div data-testid="complaint-stats">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={8}>
          <Figure title={t('training.complaints.stats.total')} value={s?.total ?? '—'} loading={stats.isLoading} note={t('training.complaints.stats.totalNote')} testId="stat-total" />
        </Col>
        <Col xs={24} sm={8}>
          <Figure title={t('training.complaints.stats.open')} value={s?.open ?? '—'} loading={stats.isLoading} note={t('training.complaints.stats.openNote')} color="#fa8c16" testId="stat-open" />
        </Col>
        <Col xs={24} sm={8}>
          <Figure title={t('training.complaints.stats.overdue')} value={s?.overdue ?? '—'} loading={stats.isLoading} note={t('training.complaints.stats.overdueNote')} color="#ff4d4f" testId="stat-overdue" />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.complaints.stats.byCategory')}>
            <Chart
              style={{ height: 280 }}
              option={bars(
                categories.map((c) => complaintCategoryLabels[c.category][locale]),
                [
                  { name: t('training.complaints.stats.count'), data: categories.map((c) => c.count), color: '#1677ff' },
                  { name: t('training.complaints.stats.open'), data: categories.map((c) => c.open), color: '#fa8c16' },
                ],
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.complaints.stats.byInstitution')}>
            <Chart
              style={{ height: 280 }}
              option={bars(
                institutions.map((i) => i.institutionName),
                [
                  { name: t('training.complaints.stats.count'), data: institutions.map((i) => i.count), color: '#1677ff' },
                  { name: t('training.complaints.stats.overdue'), data: institutions.map((i) => i.overdue), color: '#ff4d4f' },
                ],
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
