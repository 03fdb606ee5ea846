/** The parent's home card: the next parent meeting or lecture of the children, and the way in (家长会与讲座). */
import './messages';
import { TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../../homework/components/model';
import { nextEvent, upcomingFor } from './family';
import { useFamilyUpcoming } from './queries';

export function MeetingsHomeCard() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const q = useFamilyUpcoming(!!me?.children.length);
  if (!me?.children.length || !q.data) return null;
  const data = q.data;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <TeamOutlined style={{ color: '#1677ff' }} />
          {t('hs.family.home')}
        </Flex>
      }
      extra={<Link to="/home-school/family">{t('hs.family.open')}</Link>}
      data-testid="home-hs-family-card"
    >
      <Flex vertical gap={6}>
        {me.children.map((c) => {
          const next = nextEvent(upcomingFor(data, c));
          return (
            <Link key={c.id} to={`/home-school/family?child=${c.id}`}>
              <Typography.Text>
                {c.name} · {next ? t('hs.family.next', { date: formatDay(next.date, locale), title: next.title }) : t('hs.family.nothing')}
              </Typography.Text>
            </Link>
          );
        })}
      </Flex>
    </Card>
  );
}
