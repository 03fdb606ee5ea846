/**
 * The overview's leading cards for the zone or district shown: homework over the limit and within it, after-school
 * participation and home-visit coverage for the span chosen; then the training institutions by status, custody
 * coverage and complaints open and overdue. Every number links to the page with its records.
 */
import { type InstitutionFigures, INSTITUTION_LINKS, INSTITUTION_STATUSES, type MetricFigureSet, type MetricKey } from '@shuangjian/contracts';
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { pct, TONE_COLORS } from './figures';
import { FigureLink } from './FigureLink';

const LEADING: MetricKey[] = ['homework.overloadedDays', 'homework.withinLimit', 'afterSchool.students', 'homeSchool.visitCoverage'];

function KeyCard({ title, children, note, testId }: { title: ReactNode; children: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ marginTop: 4 }}>{children}</div>
      {note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0', lineHeight: 1.5 }}>
          {note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function MetricCards({ figures, semesterId }: { figures: MetricFigureSet; semesterId?: string | null }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {LEADING.map((k) => (
        <Col key={k} xs={12} lg={6}>
          <KeyCard title={t(`sv.home.metric.${k}`)} testId={`sv-card-${k}`}>
            <FigureLink k={k} f={figures[k]} semesterId={semesterId} big stacked />
          </KeyCard>
        </Col>
      ))}
    </Row>
  );
}

export function InstitutionCards({ figures, zoneId, zoneName }: { figures: InstitutionFigures; zoneId?: string; zoneName?: string }) {
  const { t } = useI18n();
  const zone = zoneId ? `zone=${zoneId}` : '';
  const custody = pct(figures.custody);
  const full = figures.custody.den > 0 && figures.custody.num === figures.custody.den;
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
        {zoneName ? t('sv.home.institutionsIn', { zone: zoneName }) : t('sv.home.institutions')}
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <KeyCard title={t('sv.home.byStatus')} testId="sv-card-institutions">
            <Flex gap={16} wrap>
              {INSTITUTION_STATUSES.map((s) => (
                <Link key={s} to={INSTITUTION_LINKS.byStatus} data-testid={`sv-inst-${s}`}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`sv.home.status.${s}`)}
                  </Typography.Text>{' '}
                  <span style={{ fontSize: 22, fontWeight: 600, color: s === 'active' ? undefined : s === 'rectifying' ? TONE_COLORS.watch : TONE_COLORS.bad }}>{figures.byStatus[s]}</span>
                </Link>
              ))}
            </Flex>
          </KeyCard>
        </Col>
        <Col xs={12} lg={7}>
          <KeyCard title={t('sv.home.custody')} note={t('sv.home.custodyNote')} testId="sv-card-custody">
            <Link to={`${INSTITUTION_LINKS.custody}${zone ? `?${zone}` : ''}`}>
              <span style={{ fontSize: 24, fontWeight: 600, color: custody === null ? TONE_COLORS.none : full ? TONE_COLORS.good : TONE_COLORS.bad }}>{custody ?? t('sv.home.noData')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {figures.custody.num}/{figures.custody.den}
              </Typography.Text>
            </Link>
          </KeyCard>
        </Col>
        <Col xs={12} lg={7}>
          <KeyCard title={t('sv.home.complaintsOpen')} testId="sv-card-complaints">
            <Flex gap={16} align="baseline" wrap>
              <Link to={`${INSTITUTION_LINKS.complaints}${zoneId ? `?zoneId=${zoneId}` : ''}`} data-testid="sv-complaints-open">
                <span style={{ fontSize: 24, fontWeight: 600 }}>{figures.complaintsOpen}</span>
              </Link>
              <Link to={`${INSTITUTION_LINKS.complaints}?overdue=true${zoneId ? `&zoneId=${zoneId}` : ''}`} data-testid="sv-complaints-overdue">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sv.home.complaintsOverdue')}
                </Typography.Text>{' '}
                <span style={{ fontSize: 18, fontWeight: 600, color: figures.complaintsOverdue ? TONE_COLORS.bad : TONE_COLORS.good }}>{figures.complaintsOverdue}</span>
              </Link>
            </Flex>
          </KeyCard>
        </Col>
      </Row>
    </>
  );
}
