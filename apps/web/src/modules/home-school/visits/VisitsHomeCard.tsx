/** The teacher's card on the home page: this week's visit done or still to do (the weekly rule), the pupils still due this semester, the way in. */
import './messages';
import { HomeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useMyProgress } from './queries';
import { RuleCitation, weeklyModes } from './WeekStatus';

export function VisitsHomeCard() {
  const { t } = useI18n();
  const q = useMyProgress();
  const p = q.data;
  if (!p?.classes.length) return null;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <HomeOutlined style={{ color: '#1677ff' }} />
          {t('hs.visits.home.title')}
        </Flex>
      }
      extra={<Link to="/home-school/visits">{t('menu.homeSchool.visits')}</Link>}
      data-testid="home-visits-card"
    >
      <Flex vertical gap={8}>
        <Alert
          type={p.weekDone ? 'success' : 'warning'}
          showIcon
          data-testid="home-visits-week"
          title={p.weekDone ? t('hs.visits.weekDone', { n: p.weekVisits, modes: weeklyModes(t, p.rule) }) : t('hs.visits.weekMissing', { min: p.rule.weeklyMin, modes: weeklyModes(t, p.rule) })}
          action={
            !p.weekDone && (
              <Link to="/home-school/visits">
                <Button type="primary" size="small" data-testid="home-visits-open">
                  {t('hs.visits.home.open')}
                </Button>
              </Link>
            )
          }
        />
        {p.due.length > 0 && (
          <Typography.Text data-testid="home-visits-due">
            {t('hs.visits.home.due', { n: p.due.length })}
            {p.focusShort > 0 && <Typography.Text type="danger">{t('hs.visits.home.focus', { n: p.focusShort, min: p.rule.specialMin })}</Typography.Text>}
          </Typography.Text>
        )}
        <RuleCitation rule={p.rule} />
      </Flex>
    </Card>
  );
}
