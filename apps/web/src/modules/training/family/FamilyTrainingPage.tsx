/**
 * 校外培训 on the parent's phone (390 px wide): the child's orders first — lessons left, the money in custody, released
 * and refunded, lessons waiting for confirmation, refunds — and the approved packages on sale with the standard
 * contract (合同示范文本) to accept before paying.
 */
import { Alert, Button, Empty, Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useChild } from '../../homework/child/useChild';
import { OrderCard } from './OrderCard';
import { PackageCard } from './PackageCard';
import { useFamilyOrders, usePackages } from './queries';

type Tab = 'orders' | 'buy';

export default function FamilyTrainingPage() {
  const { t } = useI18n();
  const { child, choose } = useChild();
  const [params, setParams] = useSearchParams();
  const orders = useFamilyOrders(child?.id);
  const tab: Tab = params.get('tab') === 'buy' || (params.get('tab') !== 'orders' && orders.data?.orders.length === 0) ? 'buy' : 'orders';
  const packages = usePackages(tab === 'buy' ? child?.id : undefined);
  const setTab = (next: Tab) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.set('tab', next);
        return n;
      },
      { replace: true },
    );
  const pending = orders.data?.orders.flatMap((o) => o.consumptions.filter((c) => c.status === 'pending')) ?? [];
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="training-family">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.training.family')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('training.family.sub')}
      </Typography.Paragraph>
      {child && <ChildSwitcher value={child.id} onChange={choose} />}
      <Segmented<Tab>
        block
        size="large"
        value={tab}
        onChange={setTab}
        options={[
          { value: 'orders', label: t('training.family.tab.orders') },
          { value: 'buy', label: t('training.family.tab.buy') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="training-tabs"
      />
      {tab === 'orders' ? (
        <>
          {orders.error && <QueryError error={orders.error} />}
          {orders.isLoading && <PageSpinner />}
          {orders.data && (
            <Flex vertical gap={12}>
              {pending.length > 0 && <Alert type="warning" showIcon title={t('training.family.pendingAlert', { n: pending.length })} data-testid="training-pending-alert" />}
              {!orders.data.orders.length && (
                <Empty description={t('training.family.orders.none')}>
                  <Button type="primary" onClick={() => setTab('buy')}>
                    {t('training.family.orders.goBuy')}
                  </Button>
                </Empty>
              )}
              {orders.data.orders.map((o) => (
                <OrderCard key={o.id} order={o} />
              ))}
            </Flex>
          )}
        </>
      ) : (
        <>
          {packages.error && <QueryError error={packages.error} />}
          {packages.isLoading && <PageSpinner />}
          {packages.data && child && (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="training-contract-line">
                {t('training.family.contractLine', { title: packages.data.contract.title, version: packages.data.contract.version })}
              </Typography.Text>
              {!packages.data.packages.length && <Empty description={t('training.family.packages.none')} />}
              {packages.data.packages.map((p) => (
                <PackageCard key={p.packageId} pkg={p} child={child} onBought={() => setTab('orders')} />
              ))}
            </Flex>
          )}
        </>
      )}
    </div>
  );
}
