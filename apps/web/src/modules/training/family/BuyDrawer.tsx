/**
 * Buying a package on the phone: what is bought for whom, the standard contract (合同示范文本) in full with its version,
 * the tick that accepts it, and the pay button. One Idempotency-Key per opened drawer: a retried tap never pays twice.
 */
import { custodyModeLabels, type PackageForSale } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Alert, Button, Checkbox, Drawer, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useContract, useFamilyWrites } from './queries';

export function BuyDrawer({ pkg, child, onClose, onBought }: { pkg: PackageForSale; child: { id: string; name: string }; onClose(): void; onBought(): void }) {
  const { t, locale } = useI18n();
  const contract = useContract();
  const writes = useFamilyWrites();
  const [agree, setAgree] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const total = formatYuan(pkg.priceFen, { locale });
  const buy = useSaveMutation({
    form: null,
    mutationFn: () => writes.buy({ packageId: pkg.packageId, studentId: child.id, acceptContract: true, contractHash: contract.data!.sha256 }, key),
    saved: (o) => t('training.family.buy.done', { price: formatYuan(o.money.paidFen, { locale }) }),
    onSuccess: () => {
      onClose();
      onBought();
    },
  });
  const c = contract.data;
  return (
    <Drawer
      open
      placement="bottom"
      size="92%"
      onClose={onClose}
      title={t('training.family.buy.title')}
      styles={{ body: { padding: 12, display: 'flex', flexDirection: 'column', gap: 10 } }}
      data-testid="buy-drawer"
      footer={
        <Flex vertical gap={8}>
          <Checkbox checked={agree} onChange={(e) => setAgree(e.target.checked)} disabled={!c} data-testid="buy-agree">
            {t('training.family.buy.agree', { title: c?.title ?? '' })}
          </Checkbox>
          <Button type="primary" size="large" block disabled={!agree || !c} loading={buy.isPending} onClick={() => buy.mutate(undefined)} data-testid="buy-pay">
            {t('training.family.buy.pay', { price: total })}
          </Button>
        </Flex>
      }
    >
      <div>
        <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
          {pkg.courseName} · {pkg.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
          {pkg.institutionName} · {t('training.family.buy.for', { name: child.name })}
        </Typography.Text>
        <Typography.Text style={{ display: 'block' }}>
          {t('training.family.lessonsMonths', { lessons: pkg.lessons, months: pkg.months })} · {t('training.family.perLesson', { price: formatYuan(pkg.pricePerLessonFen, { locale }) })} ·{' '}
          <Typography.Text strong>{t('training.family.total', { price: total })}</Typography.Text>
        </Typography.Text>
      </div>
      <Alert type="info" showIcon title={t('training.family.buy.custody', { mode: custodyModeLabels[pkg.custodyMode][locale] })} />
      {contract.error && <QueryError error={contract.error} />}
      {contract.isLoading && <PageSpinner />}
      {c && (
        <div data-testid="buy-contract">
          <Flex justify="space-between" align="baseline" gap={8}>
            <Typography.Text strong>{c.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="buy-contract-version">
              {t('training.family.buy.version', { version: c.version })}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 13, margin: '6px 0 0', background: '#fafafa', borderRadius: 6, padding: 10 }} data-testid="buy-contract-text">
            {c.text}
          </Typography.Paragraph>
        </div>
      )}
    </Drawer>
  );
}
