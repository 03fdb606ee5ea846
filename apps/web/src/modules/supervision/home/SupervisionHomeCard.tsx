/** The district officer's (and inspector's) card on the home page: this week's leading figures and the way into 督导总览. */
import './messages';
import { FundOutlined } from '@ant-design/icons';
import type { MetricKey } from '@shuangjian/contracts';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useSupervisionHome } from '../queries-home';
import { FigureLink } from './FigureLink';

const SHOWN: MetricKey[] = ['homework.overloadedDays', 'homework.withinLimit', 'afterSchool.students', 'homeSchool.visitCoverage'];

export function SupervisionHomeCard() {
  const { t } = useI18n();
  const q = useSupervisionHome(undefined);
  const data = q.data;
  if (q.error) return null;
  return (
    <Card
      size="small"
      loading={q.isLoading}
      title={
        <Flex gap={8} align="center">
          <FundOutlined style={{ color: '#1677ff' }} />
          {t('sv.home.card.title')}
          {data && (
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
              {t('sv.home.card.week', { from: data.week.from })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Link to="/supervision/home" data-testid="sv-home-card-open">
          {t('sv.home.card.open')}
        </Link>
      }
      data-testid="sv-home-card"
    >
      {data && (
        <Row gutter={[12, 8]}>
          {SHOWN.map((k) => (
            <Col key={k} xs={12} md={6}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t(`sv.home.metric.${k}`)}
              </Typography.Text>
              <FigureLink k={k} f={k.startsWith('homework') ? data.total.week[k] : data.total.semester[k]} semesterId={data.semester?.id} />
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('sv.home.complaintsOverdue')} · {t('sv.home.complaintsOpen')}
            </Typography.Text>
            <Link to="/training/complaints?overdue=true">
              <Typography.Text strong type={data.institutions.complaintsOverdue ? 'danger' : undefined}>
                {data.institutions.complaintsOverdue}
              </Typography.Text>
            </Link>
            <Typography.Text type="secondary"> / {data.institutions.complaintsOpen}</Typography.Text>
          </Col>
        </Row>
      )}
    </Card>
  );
}
