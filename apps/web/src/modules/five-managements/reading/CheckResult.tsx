/** A check against the district lists: the status as a tag, and the list entry it matched (with the reason) in words. */
import type { ReadingCheck, ReadingStatus } from '@shuangjian/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

const COLORS: Record<ReadingStatus, string> = { ok: 'green', warning: 'gold', flagged: 'red' };

export function StatusTag({ status }: { status: ReadingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid={`reading-status-${status}`}>
      {t(`five.reading.status.${status}`)}
    </Tag>
  );
}

/** The matched entries and the rule; `compact` keeps it to one line for a table cell. */
export function CheckResult({ check, compact }: { check: ReadingCheck; compact?: boolean }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (check.negative) lines.push(t('five.reading.hit.negative', { title: check.negative.title, reason: check.negative.reason ?? '' }) + t(`five.reading.hit.by.${check.negative.by}`));
  else if (check.recommended) lines.push(t('five.reading.hit.recommended', { title: check.recommended.title }) + t(`five.reading.hit.by.${check.recommended.by}`));
  else lines.push(t('five.reading.hit.none'));
  return (
    <Flex vertical gap={2} data-testid="reading-check">
      <Flex gap={6} align="baseline" wrap>
        <StatusTag status={check.status} />
        <Typography.Text type={check.status === 'flagged' ? 'danger' : undefined} style={{ fontSize: compact ? 12 : undefined }}>
          {lines.join('；')}
        </Typography.Text>
      </Flex>
      {check.rule && !compact && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('five.reading.hit.rule', { text: check.rule.text })}
        </Typography.Text>
      )}
    </Flex>
  );
}
