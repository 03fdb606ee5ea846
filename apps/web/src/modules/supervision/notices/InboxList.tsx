/** The inbox as cards, newest first: kind, title (bold while unread), when it was sent, the reply due and the school's reply state. */
import './messages';
import type { NoticeInboxItem } from '@shuangjian/contracts';
import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { DueText, KindTag, ReplyStateTag } from './NoticeTags';

export function InboxList({ items, onOpen }: { items: NoticeInboxItem[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  if (!items.length) return <Empty description={t('sv.notices.none')} />;
  return (
    <Flex vertical gap={8}>
      {items.map((n) => (
        <Card
          key={n.id}
          size="small"
          hoverable
          onClick={() => onOpen(n.id)}
          data-testid="sv-inbox-item"
          data-unread={n.readAt ? undefined : 'true'}
          styles={{ body: { padding: '10px 12px' } }}
        >
          <Flex gap={8} align="flex-start">
            <Badge dot={!n.readAt} offset={[-2, 4]} title={t('sv.notices.unreadDot')}>
              <KindTag kind={n.kind} />
            </Badge>
            <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong={!n.readAt} style={{ wordBreak: 'break-word' }}>
                {n.title}
              </Typography.Text>
              <Flex gap={8} wrap align="center">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sv.notices.sentAt', { time: formatDateTime(n.sentAt, tz).slice(0, 16) })}
                </Typography.Text>
                {n.replyRequired && n.replyDue && n.replyState !== 'accepted' && <DueText date={n.replyDue} overdue={n.overdue} />}
                {n.replyState && <ReplyStateTag state={n.replyState} overdue={n.overdue} />}
              </Flex>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
