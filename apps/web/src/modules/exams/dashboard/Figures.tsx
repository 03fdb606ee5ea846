/** The semester's exam figures in cards: filings accepted and refused (violations), results as levels, growth records. */
import { EXAMS_DASHBOARD_FIGURES, type IndicatorFigures } from '@shuangjian/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useAreaPath } from '../../five-managements/dashboard/areas';
import { FigureValue } from '../../five-managements/dashboard/FigureValue';

export function ExamFigures({ figures, loading }: { figures: IndicatorFigures | undefined; loading?: boolean }) {
  const { t, locale } = useI18n();
  const areaPath = useAreaPath();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {EXAMS_DASHBOARD_FIGURES.map((f) => (
        <Col key={f.key} xs={24} sm={12} xl={6}>
          <Card size="small" loading={loading} title={f.label[locale]} style={{ height: '100%' }} data-testid={`exams-card-${f.area}`}>
            <div style={{ fontSize: 20 }}>
              <FigureValue figure={figures?.[f.key]} path={areaPath(f.path)} warn={!f.higherIsBetter && (figures?.[f.key]?.num ?? 0) > 0} />
            </div>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
              {t(`exams.dashboard.note.${f.area}${f.higherIsBetter ? '' : '.refused'}`)}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
