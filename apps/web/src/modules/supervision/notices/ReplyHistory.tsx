/** A school's replies to a notice, newest first: the text, its files, who sent it, and the district's review. */
import './messages';
import { PaperClipOutlined } from '@ant-design/icons';
import type { NoticeReply } from '@shuangjian/contracts';
import { Alert, Flex, Tag, Timeline, Typography } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { fileUrl } from '../queries-notices';

const COLORS = { submitted: 'blue', accepted: 'green', returned: 'orange' } as const;

export function ReplyFiles({ reply }: { reply: Pick<NoticeReply, 'files'> }) {
  if (!reply.files.length) return null;
  return (
    <Flex gap={8} wrap>
      {reply.files.map((f) => (
        <Typography.Link key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  );
}

export function ReplyHistory({ replies }: { replies: NoticeReply[] }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const at = (iso: string) => formatDateTime(iso, tz).slice(0, 16);
  return (
    <Timeline
      data-testid="sv-reply-history"
      items={replies.map((r) => ({
        color: COLORS[r.status],
        content: (
          <Flex vertical gap={4}>
            <Flex gap={8} wrap align="center">
              <Tag color={COLORS[r.status]}>{t(`sv.notices.replyStatus.${r.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('sv.notices.repliedBy', { name: r.repliedByName, time: at(r.repliedAt) })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
            <ReplyFiles reply={r} />
            {r.reviewedAt && (
              <Alert
                type={r.status === 'returned' ? 'warning' : 'success'}
                showIcon
                title={r.reviewNote ? t('sv.notices.reviewNote', { note: r.reviewNote }) : t(`sv.notices.replyStatus.${r.status}`)}
                description={t('sv.notices.reviewedBy', { name: r.reviewedByName ?? '', time: at(r.reviewedAt) })}
              />
            )}
          </Flex>
        ),
      }))}
    />
  );
}
