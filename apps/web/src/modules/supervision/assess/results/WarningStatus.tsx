/** The state of the warning a school was sent: read, and its reply (awaiting, in, accepted, returned, overdue). */
import type { SentNotice } from '@shuangjian/contracts';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../../app/i18n';

export function WarningStatus({ notice }: { notice: SentNotice }) {
  const { t } = useI18n();
  const r = notice.replies;
  const [color, key] = !r
    ? ['default', 'sent']
    : r.overdue > 0
      ? ['red', 'overdue']
      : r.accepted > 0
        ? ['green', 'accepted']
        : r.submitted > 0
          ? ['blue', 'submitted']
          : r.returned > 0
            ? ['orange', 'returned']
            : ['gold', 'awaiting'];
  return (
    <Flex vertical gap={2} data-testid="warning-status">
      <span>
        <Tag color={color}>{t(`sv.assess.warn.state.${key}`)}</Tag>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {notice.replyDue && t('sv.assess.warn.due', { date: notice.replyDue })} · {t('sv.assess.warn.read', { read: notice.read, n: notice.recipients })}
      </Typography.Text>
      <Link to={`/supervision/notices/sent?open=${notice.id}`} style={{ fontSize: 12 }}>
        {t('sv.assess.warn.open')}
      </Link>
    </Flex>
  );
}
