/** One written request as the family and the class teacher see it: status, reason, validity, decision, undertaking digest. */
import type { PhoneRequest } from '@shuangjian/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';

const COLORS = { pending: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default', revoked: 'volcano' } as const;

export function StatusTag({ r }: { r: PhoneRequest }) {
  const { t } = useI18n();
  return <Tag color={r.expired ? 'default' : COLORS[r.status]}>{r.expired ? t('five.phones.expired') : t(`five.phones.status.${r.status}`)}</Tag>;
}

export function RequestCard({ r, title, actions }: { r: PhoneRequest; title?: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="phone-request">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{title ?? r.filedAt.slice(0, 10)}</Typography.Text>
        <StatusTag r={r} />
      </Flex>
      <Typography.Paragraph style={{ fontSize: 13, margin: '4px 0' }}>{r.reason}</Typography.Paragraph>
      <div style={{ fontSize: 12, color: '#666' }}>
        {t('five.phones.until', { date: r.validUntil })}
        {r.decidedByName && ` · ${t('five.phones.decidedBy', { name: r.decidedByName })}`}
      </div>
      {r.decisionNote && <div style={{ fontSize: 12, color: '#666' }}>{t('five.phones.note', { note: r.decisionNote })}</div>}
      {r.revokedReason && <div style={{ fontSize: 12, color: '#cf1322' }}>{t('five.phones.revokedReason', { reason: r.revokedReason })}</div>}
      <div style={{ fontSize: 11, color: '#aaa', wordBreak: 'break-all' }}>{t('five.phones.hash', { hash: r.undertakingHash.slice(0, 16) })}</div>
      {actions && <div style={{ marginTop: 8 }}>{actions}</div>}
    </Card>
  );
}
