/** The parent's card on the home page: each child's last night, reported or still to report, and the way in (孩子睡眠). */
import { MoonOutlined } from '@ant-design/icons';
import type { Me } from '@shuangjian/contracts';
import { Button, Card, Flex, Tag } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { hoursMinutes } from './format';
import { useLastNight } from './lastNight';

function ChildNight({ child }: { child: Me['children'][number] }) {
  const { t } = useI18n();
  const night = useLastNight(child.id);
  if (night === undefined) return null;
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid="home-sleep-child">
      <span>
        {child.name} ·{' '}
        {night ? t('five.sleep.home.slept', { time: hoursMinutes(t, night.minutes) }) : t('five.sleep.home.missing')}
      </span>
      {night ? (
        <Tag color={night.meetsMinimum ? 'green' : 'orange'}>{t(night.meetsMinimum ? 'five.sleep.home.enough' : 'five.sleep.home.short')}</Tag>
      ) : (
        <Link to="/five/sleep">
          <Button type="primary" size="small" data-testid="home-sleep-report">
            {t('five.sleep.report')}
          </Button>
        </Link>
      )}
    </Flex>
  );
}

export function SleepHomeCard() {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!me?.children.length) return null;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <MoonOutlined style={{ color: '#1677ff' }} />
          {t('five.sleep.home.title')}
        </Flex>
      }
      extra={<Link to="/five/sleep">{t('five.sleep.home.open')}</Link>}
      data-testid="home-sleep-card"
    >
      <Flex vertical gap={8}>
        {me.children.map((c) => (
          <ChildNight key={c.id} child={c} />
        ))}
      </Flex>
    </Card>
  );
}
