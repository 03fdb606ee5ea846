/** The home card of whoever reads 督导通知: the unread count as a badge, the latest unread ones, and the way in. */
import './messages';
import { NotificationOutlined } from '@ant-design/icons';
import { Badge, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useInbox } from '../queries-notices';
import { DueText, KindTag } from './NoticeTags';

export function NoticesHomeCard() {
  const { t } = useI18n();
  const q = useInbox(undefined, 1, 5);
  if (!q.data) return null;
  const { unread, items } = q.data;
  const fresh = items.filter((n) => !n.readAt).slice(0, 3);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <NotificationOutlined style={{ color: '#cf1322' }} />
          {t('sv.notices.home')}
          <Badge count={unread} data-testid="home-sv-notices-badge" />
        </Flex>
      }
      extra={<Link to="/supervision/notices">{t('sv.notices.homeOpen')}</Link>}
      data-testid="home-sv-notices-card"
    >
      {fresh.length ? (
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t('sv.notices.homeUnread', { n: unread })}</Typography.Text>
          {fresh.map((n) => (
            <Link key={n.id} to={`/supervision/notices?open=${n.id}`} data-testid="home-sv-notice">
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                <KindTag kind={n.kind} />
                {n.title}
              </Typography.Paragraph>
              {n.replyRequired && n.replyDue && <DueText date={n.replyDue} overdue={n.overdue} />}
            </Link>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('sv.notices.homeNone')}</Typography.Text>
      )}
    </Card>
  );
}
