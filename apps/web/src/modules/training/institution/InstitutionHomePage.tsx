/**
 * 机构工作台, the institution admin's home in 校外培训: its money (custody, released this month and in total, awaiting
 * parents, refunds), its orders, the lessons it recorded with the parents' confirmations, and the refunds to handle.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Select, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { LessonsTab } from './LessonsTab';
import { MoneyCards } from './MoneyCards';
import { OrdersTab } from './OrdersTab';
import { useInstitutionMoney, useOpenRectifications } from './queries';
import { RecordLessonDrawer } from './RecordLessonDrawer';
import { RefundsTab } from './RefundsTab';
import { useInstitution } from './useInstitution';

const TABS = ['orders', 'lessons', 'refunds'] as const;
type Tab = (typeof TABS)[number];

export default function InstitutionHomePage() {
  const { t } = useI18n();
  const { institutions, institution, choose } = useInstitution();
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(params.get('record') === '1');
  const money = useInstitutionMoney(institution?.id);
  const rectifications = useOpenRectifications(institution?.id);
  const openFindings = rectifications.data?.total ?? 0;
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'orders';
  if (!institution)
    return (
      <Card>
        <Empty description={t('training.inst.none')} />
      </Card>
    );
  const setTab = (next: string) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.set('tab', next);
        return n;
      },
      { replace: true },
    );
  return (
    <div data-testid="training-institution">
      <PageHeader
        title={`${t('menu.training.institution')} · ${institution.name}`}
        sub={t('training.inst.sub')}
        extra={
          <>
            {institutions.length > 1 && (
              <Select value={institution.id} onChange={choose} options={institutions.map((i) => ({ value: i.id, label: i.name }))} style={{ width: 220 }} aria-label={t('training.inst.pick')} />
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-open">
              {t('training.inst.record')}
            </Button>
          </>
        }
      />
      <QueryError error={money.error} />
      {openFindings > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('training.inst.rect.open', { n: openFindings })}
          action={<Link to="/training/rectifications">{t('training.inst.rect.go')}</Link>}
          data-testid="inst-rectifications"
        />
      )}
      <MoneyCards money={money.data} loading={money.isLoading} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'orders', label: t('training.inst.tab.orders'), children: <OrdersTab institutionId={institution.id} /> },
            { key: 'lessons', label: t('training.inst.tab.lessons'), children: <LessonsTab institutionId={institution.id} /> },
            {
              key: 'refunds',
              label: (
                <Badge count={money.data?.openRefunds ?? 0} size="small" offset={[8, -2]}>
                  {t('training.inst.tab.refunds')}
                </Badge>
              ),
              children: <RefundsTab institutionId={institution.id} />,
            },
          ]}
        />
      </Card>
      <RecordLessonDrawer institutionId={institution.id} open={recording} onClose={() => setRecording(false)} />
    </div>
  );
}
