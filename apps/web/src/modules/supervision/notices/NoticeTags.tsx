/** The small marks of a notice: its kind, a school's reply state, the reply due date (red when overdue). */
import './messages';
import type { NoticeKind, NoticeReplyState } from '@shuangjian/contracts';
import { Segmented, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../../homework/components/model';

const KIND_COLORS: Record<NoticeKind, string> = { notice: 'blue', warning: 'red', award: 'gold' };
const STATE_COLORS: Record<NoticeReplyState, string> = { none: 'default', submitted: 'processing', accepted: 'success', returned: 'warning' };

export type KindFilterValue = NoticeKind | 'all';

/** The kinds to list (all, notices, warnings, awards); a change of kind goes back to the first page. */
export function KindFilter({ value, onChange, block }: { value: KindFilterValue; onChange: (kind: KindFilterValue) => void; block?: boolean }) {
  const { t } = useI18n();
  return (
    <Segmented<KindFilterValue>
      value={value}
      onChange={onChange}
      options={(['all', 'notice', 'warning', 'award'] as const).map((k) => ({ value: k, label: t(`sv.notices.kind.${k}`) }))}
      style={{ marginBottom: 12 }}
      block={block}
    />
  );
}

export function KindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="sv-notice-kind">
      {t(`sv.notices.kind.${kind}`)}
    </Tag>
  );
}

export function ReplyStateTag({ state, overdue }: { state: NoticeReplyState; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={STATE_COLORS[state]} data-testid="sv-reply-state">
        {t(`sv.notices.state.${state}`)}
      </Tag>
      {overdue && <Tag color="error">{t('sv.notices.overdue')}</Tag>}
    </>
  );
}

export function DueText({ date, overdue }: { date: string; overdue?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Typography.Text type={overdue ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
      {t('sv.notices.dueShort', { date: formatDay(date, locale) })}
    </Typography.Text>
  );
}
