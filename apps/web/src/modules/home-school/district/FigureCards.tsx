/** The dashboard's figures as cards, in three groups: visits, special students (counts only), meetings and lectures. */
import { HS_FIGURES, type IndicatorFigures } from '@shuangjian/contracts';
import { Col, Row, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { ratePct } from './figures';

const GROUPS = [
  { key: 'visits', figures: ['visitCoverage', 'teachersWeek', 'visits'] },
  { key: 'special', figures: ['specialFiles', 'specialCared', 'specialVisited'] },
  { key: 'meetings', figures: ['meetingClasses', 'classLectures', 'lecturesHeld', 'lectureAttendance'] },
] as const;

export function FigureCards({ figures, loading }: { figures: IndicatorFigures | undefined; loading?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      {GROUPS.map((g) => (
        <div key={g.key} style={{ marginBottom: 12 }} data-testid={`hs-group-${g.key}`}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t(`hs.district.group.${g.key}`)}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            {g.figures.map((key) => {
              const spec = HS_FIGURES.find((f) => f.key === key)!;
              const f = figures?.[key];
              const rate = spec.kind === 'rate' ? ratePct(f) : null;
              return (
                <Col key={key} xs={12} md={8} xl={g.figures.length === 4 ? 6 : 8}>
                  <Figure
                    testId={`hs-figure-${key}`}
                    loading={loading}
                    title={spec.label[locale]}
                    value={spec.kind === 'count' ? (f?.num ?? 0) : (rate ?? t('hs.district.noData'))}
                    extra={
                      rate !== null && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {f!.num}/{f!.den}
                        </Typography.Text>
                      )
                    }
                    note={t(`hs.district.note.${key}`)}
                  />
                </Col>
              );
            })}
          </Row>
        </div>
      ))}
    </>
  );
}
