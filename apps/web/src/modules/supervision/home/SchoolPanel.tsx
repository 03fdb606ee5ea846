/**
 * One school on the overview: all its figures for the span chosen, its classes with the figures kept per class, and
 * its weeks of the semester (homework and sleep) as a line chart. Every number links to its page.
 */
import { CLASS_METRICS, type HomeClassRow, type HomeSpan, METRIC_KEYS, WEEK_METRICS } from '@shuangjian/contracts';
import { Card, Col, Row, Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { QueryError } from '../../../components/QueryError';
import { useSupervisionSchool } from '../queries-home';
import { chartPct } from './figures';
import { FigureLink } from './FigureLink';

const COLORS = ['#1677ff', '#cf1322', '#13c2c2'];

export function SchoolPanel({ schoolId, date, span }: { schoolId: string; date: string | undefined; span: HomeSpan }) {
  const { t } = useI18n();
  const q = useSupervisionSchool(schoolId, date);
  const data = q.data;
  if (q.error) return <QueryError error={q.error} />;
  const semesterId = data?.semester?.id;
  const figures = data?.figures[span];
  // from the first week with anything counted: the weeks before it would only stretch the chart
  const all = data?.weeks ?? [];
  const first = all.findIndex((w) => WEEK_METRICS.some((k) => (w.figures[k]?.den ?? 0) > 0));
  const weeks = first < 0 ? [] : all.slice(first);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : t('sv.home.noData')) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: weeks.map((w) => w.weekStart.slice(5)), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: WEEK_METRICS.map((k, i) => ({
      name: t(`sv.home.metric.${k}`),
      type: 'line',
      connectNulls: false,
      data: weeks.map((w) => chartPct(w.figures[k])),
      itemStyle: { color: COLORS[i % COLORS.length] },
    })),
  };
  return (
    <>
      <Card size="small" loading={q.isLoading} style={{ marginBottom: 16 }} title={data && t('sv.home.schoolFigures', { school: data.school.name, span: t(`sv.home.${span}`) })} data-testid="sv-school">
        {figures && (
          <Row gutter={[12, 12]}>
            {METRIC_KEYS.map((k) => (
              <Col key={k} xs={12} md={8} lg={6} xl={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t(`sv.home.metric.${k}`)}
                </Typography.Text>
                <FigureLink k={k} f={figures[k]} semesterId={semesterId} testId={`sv-school-${k}`} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card size="small" title={t('sv.home.classes')} style={{ marginBottom: 16 }} loading={q.isLoading}>
        <Table<HomeClassRow>
          data-testid="sv-classes"
          size="small"
          rowKey="classId"
          dataSource={data?.classes ?? []}
          pagination={false}
          scroll={{ x: 140 + CLASS_METRICS.length * 128 }}
          columns={[
            { title: t('sv.home.class'), dataIndex: 'className', fixed: 'left', width: 140 },
            ...CLASS_METRICS.map((k) => ({
              key: k,
              width: 128,
              title: (
                <Tooltip title={t(`sv.home.metric.${k}`)}>
                  <span>{t(`sv.home.short.${k}`)}</span>
                </Tooltip>
              ),
              render: (_: unknown, r: HomeClassRow) => <FigureLink k={k} f={r[span][k]} semesterId={semesterId} />,
            })),
          ]}
        />
      </Card>
      {weeks.length > 0 && (
        <Card size="small" title={t('sv.home.weeks')} style={{ marginBottom: 16 }} data-testid="sv-weeks">
          <Chart option={option} style={{ height: 260 }} />
        </Card>
      )}
    </>
  );
}
