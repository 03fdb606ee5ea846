/**
 * One notice as its reader sees it: opened (marked read the first time), its text, and for a school administrator
 * the school's replies and the reply form while a reply is due.
 */
import './messages';
import { Alert, Divider, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { QueryError } from '../../../components/QueryError';
import { formatDay } from '../../homework/components/model';
import { useInboxNotice, useNoticeWrites } from '../queries-notices';
import { KindTag, ReplyStateTag } from './NoticeTags';
import { ReplyForm } from './ReplyForm';
import { ReplyHistory } from './ReplyHistory';

export function NoticeView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const q = useInboxNotice(id);
  const writes = useNoticeWrites();
  const marked = useRef<string | null>(null);
  const unread = q.data && !q.data.readAt;
  useEffect(() => {
    if (unread && marked.current !== id) {
      marked.current = id;
      void writes.open(id);
    }
  }, [unread, id, writes]);
  if (q.error) return <QueryError error={q.error} />;
  const n = q.data;
  if (!n) return <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid="sv-notice-view">
      <div>
        <KindTag kind={n.kind} />
        <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
          {n.title}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sv.notices.sentAt', { time: formatDateTime(n.sentAt, tz).slice(0, 16) })}
          {n.schoolName ? ` · ${t('sv.notices.forSchool', { school: n.schoolName })}` : ''}
        </Typography.Text>
      </div>
      {n.replyRequired && n.replyDue && n.replyState !== 'accepted' && (
        <Alert type={n.overdue ? 'error' : 'warning'} showIcon title={t('sv.notices.due', { date: formatDay(n.replyDue, locale, true) })} />
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8, marginBottom: 0 }} data-testid="sv-notice-body">
        {n.body}
      </Typography.Paragraph>
      {n.replyState && (
        <>
          <Divider style={{ margin: '4px 0' }} />
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('sv.notices.replyTitle')}</Typography.Text>
            <span>
              <ReplyStateTag state={n.replyState} overdue={n.overdue} />
            </span>
          </Flex>
          {n.canReply && <ReplyForm notice={n} />}
          {n.replies.length > 0 ? <ReplyHistory replies={n.replies} /> : !n.canReply && <Typography.Text type="secondary">{t('sv.notices.noReplyYet')}</Typography.Text>}
        </>
      )}
    </Flex>
  );
}
