/** One order on the parent's phone: lessons left, where the money is (custody, released, refunded), lessons to confirm, refunds. */
import { type FamilyOrder, orderStatusLabels, refundStatusLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { LessonHistory, PendingLessons } from './LessonRows';
import { RefundDialog } from './RefundDialog';

const STATUS_COLOR = { active: 'processing', completed: 'default', refunded: 'warning', expired: 'default' } as const;

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div style={{ flex: '1 1 45%', minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} style={{ fontSize: 16 }} data-testid={testId}>
        {value}
      </Typography.Text>
    </div>
  );
}

export function OrderCard({ order: o }: { order: FamilyOrder }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const [refunding, setRefunding] = useState(false);
  const y = (v: Fen) => formatYuan(v, { locale });
  const m = o.money;
  const openRefund = o.refunds.some((r) => r.status === 'requested');
  return (
    <Card
      size="small"
      data-testid="order-card"
      data-order={o.code}
      title={
        <div style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <Typography.Text strong>{o.courseName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
            {o.institutionName} · {o.packageName}
          </Typography.Text>
        </div>
      }
      extra={<Tag color={STATUS_COLOR[o.status]}>{orderStatusLabels[o.status][locale]}</Tag>}
    >
      <Flex vertical gap={10}>
        <div>
          <Flex justify="space-between">
            <Typography.Text strong data-testid="order-left">
              {t('training.family.order.left', { left: o.lessonsLeft, total: o.lessons })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.family.order.validUntil', { date: o.validUntil })}
            </Typography.Text>
          </Flex>
          <Progress percent={Math.round(((o.lessons - o.lessonsLeft) / o.lessons) * 100)} showInfo={false} size="small" />
        </div>
        <Flex wrap gap={8}>
          <Figure label={t('training.family.money.paid')} value={y(m.paidFen)} testId="order-paid" />
          <Figure label={t('training.family.money.held')} value={y(m.heldFen)} testId="order-held" strong />
          <Figure label={t('training.family.money.released')} value={y(m.releasedFen)} testId="order-released" />
          <Figure label={t('training.family.money.refunded')} value={y(m.refundedFen)} testId="order-refunded" />
        </Flex>
        <PendingLessons order={o} />
        {o.refunds.map((r) => (
          <Flex key={r.id} justify="space-between" align="center" gap={8} data-testid="order-refund" wrap>
            <Typography.Text>{t('training.family.refund.line', { price: y(r.amountFen), status: refundStatusLabels[r.status][locale] })}</Typography.Text>
            {r.status === 'paid' ? (
              <Tag color="success">{t('training.family.refund.paidAt', { at: formatDateTime(r.paidAt, tz).slice(0, 16) })}</Tag>
            ) : (
              <Tag color={r.overdue ? 'error' : 'warning'}>{r.overdue ? t('training.family.refund.overdue') : t('training.family.refund.deadline', { deadline: r.deadline })}</Tag>
            )}
          </Flex>
        ))}
        <LessonHistory order={o} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('training.family.order.code', { code: o.code })} · {t('training.family.order.contract', { version: o.contractVersion })}
        </Typography.Text>
        {o.status === 'active' && !openRefund && m.refundableFen > 0 && (
          <Button block onClick={() => setRefunding(true)} data-testid="order-refund-open">
            {t('training.family.refund')}
          </Button>
        )}
      </Flex>
      {refunding && <RefundDialog order={o} onClose={() => setRefunding(false)} />}
    </Card>
  );
}
