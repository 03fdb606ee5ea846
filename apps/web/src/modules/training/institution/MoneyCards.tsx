/** The institution's money at a glance: active orders, custody, released this month and in total, awaiting parents, refunds. */
import type { InstitutionMoney } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../app/i18n';
import { optionalFen } from './useInstitution';

export function MoneyCards({ money, loading }: { money: InstitutionMoney | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const y = (v: number | undefined) => (v === undefined ? '-' : formatYuan(v as Fen, { locale }));
  const month = optionalFen(money, 'releasedThisMonthFen');
  const cards: { key: string; title: string; value: string | number; danger?: boolean }[] = [
    { key: 'orders', title: t('training.inst.money.activeOrders'), value: money?.activeOrders ?? '-' },
    { key: 'held', title: t('training.inst.money.held'), value: y(money?.heldFen) },
    ...(month !== undefined ? [{ key: 'month', title: t('training.inst.money.releasedMonth'), value: y(month) }] : []),
    { key: 'released', title: t('training.inst.money.released'), value: y(money?.releasedFen) },
    { key: 'pending', title: money ? t('training.inst.money.pendingCount', { n: money.pendingConsumptions }) : t('training.inst.money.pending'), value: y(money?.pendingFen) },
    { key: 'refunded', title: t('training.inst.money.refunded'), value: y(money?.refundedFen) },
    { key: 'refunds', title: t('training.inst.money.openRefunds'), value: money?.openRefunds ?? '-', danger: !!money?.openRefunds },
  ];
  if (money?.custodyMode === 'deposit') cards.push({ key: 'deposit', title: t('training.inst.money.deposit'), value: y(money.depositFen) });
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={Math.max(3, Math.floor(24 / cards.length))}>
          <Card size="small" data-testid={`inst-money-${c.key}`}>
            <Statistic title={c.title} value={c.value} loading={loading} styles={{ content: { fontSize: 20, color: c.danger ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
