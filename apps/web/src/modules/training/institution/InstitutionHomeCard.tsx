/** The institution admin's card on the home page: what waits (active orders, lessons awaiting parents, refunds) and the way in. */
import { ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useInstitutionMoney } from './queries';
import { useInstitution } from './useInstitution';

export function InstitutionHomeCard() {
  const { t } = useI18n();
  const { institution } = useInstitution();
  const money = useInstitutionMoney(institution?.id);
  if (!institution) return null;
  const m = money.data;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <ShopOutlined style={{ color: '#1677ff' }} />
          {t('training.inst.home.title')}
        </Flex>
      }
      extra={
        <Link to="/training/institution" data-testid="home-training-institution">
          <Button type="primary" size="small">
            {t('training.inst.home.open')}
          </Button>
        </Link>
      }
      data-testid="home-training-card"
    >
      <Flex vertical gap={8}>
        <span>{t('training.inst.home.sub', { name: institution.name, orders: m?.activeOrders ?? '-', pending: m?.pendingConsumptions ?? '-', refunds: m?.openRefunds ?? '-' })}</span>
        {!!m?.openRefunds && <Alert type="warning" showIcon title={t('training.inst.money.openRefunds')} action={<Link to="/training/institution?tab=refunds">{t('training.inst.tab.refunds')}</Link>} />}
      </Flex>
    </Card>
  );
}
