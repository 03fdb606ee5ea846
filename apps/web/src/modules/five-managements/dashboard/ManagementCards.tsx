/** Each management's figures in a card: name, span (this week, the week's days, the semester), rate and num/den. */
import type { DashboardFigureSpec, IndicatorFigures } from '@shuangjian/contracts';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { figuresOf, GROUPS, groupLabel, useAreaPath } from './areas';
import { FigureValue } from './FigureValue';

export function SpanTag({ span }: { span: DashboardFigureSpec['span'] }) {
  const { t } = useI18n();
  return (
    <Tag color={span === 'semester' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
      {t(`five.dashboard.span.${span}`)}
    </Tag>
  );
}

export function ManagementCards({ figures, loading }: { figures: IndicatorFigures | undefined; loading?: boolean }) {
  const { t, locale } = useI18n();
  const areaPath = useAreaPath();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {GROUPS.map((g) => {
        const specs = figuresOf(g);
        const path = areaPath(specs[0]?.path ?? null);
        return (
          <Col key={g} xs={24} md={12} xl={g === 'fitness' || g === 'selfcheck' ? 12 : 8}>
            <Card
              size="small"
              loading={loading}
              data-testid={`five-card-${g}`}
              title={groupLabel(g, locale)}
              extra={path && <Link to={path}>{t('five.dashboard.open')}</Link>}
              style={{ height: '100%' }}
            >
              <Flex vertical gap={8}>
                {specs.map((s) => (
                  <Flex key={s.key} justify="space-between" align="center" gap={8} wrap>
                    <Typography.Text style={{ fontSize: 13 }}>
                      {s.label[locale]} <SpanTag span={s.span} />
                    </Typography.Text>
                    <FigureValue figure={figures?.[s.key]} path={areaPath(s.path)} testId={`five-figure-${s.key}`} />
                  </Flex>
                ))}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
