/**
 * 课后服务收费结算 (教务处 as the school's finance officer): a month's bills with waivers and refunds, payments
 * recorded or imported from the bank, the waiver list with subsidy and costs, and the settlement with its statements.
 */
import { todayIn } from '@shuangjian/policy';
import { Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { BillsTab } from './BillsTab';
import { monthsAround } from './money';
import { PaymentsTab } from './PaymentsTab';
import { SettlementTab } from './SettlementTab';
import { WaiversTab } from './WaiversTab';
import './messages';

export default function FinancePage() {
  const { t } = useI18n();
  const me = useMe().data;
  const tz = useTimeZone();
  const today = todayIn(tz);
  const [params, setParams] = useSearchParams();
  const [schoolId, setSchoolId] = useState<string | undefined>(me?.schools[0]?.id);
  const month = params.get('month') ?? today.slice(0, 7);
  const tab = params.get('tab') ?? 'bills';
  const set = (next: Record<string, string>) => setParams({ month, tab, ...next }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.finance')}
        sub={t('afterSchool.money.sub')}
        extra={
          <Space wrap>
            {(me?.schools.length ?? 0) > 1 && <Select style={{ width: 200 }} value={schoolId} onChange={setSchoolId} options={me!.schools.map((s) => ({ value: s.id, label: s.name }))} />}
            <Select
              style={{ width: 140 }}
              aria-label={t('afterSchool.money.month')}
              data-testid="money-month"
              value={month}
              onChange={(v: string) => set({ month: v })}
              options={monthsAround(today).map((m) => ({ value: m, label: m }))}
            />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'bills', label: t('afterSchool.money.tab.bills'), children: <BillsTab schoolId={schoolId} month={month} /> },
          { key: 'payments', label: t('afterSchool.money.tab.payments'), children: <PaymentsTab schoolId={schoolId} month={month} /> },
          { key: 'waivers', label: t('afterSchool.money.tab.waivers'), children: <WaiversTab schoolId={schoolId} month={month} /> },
          { key: 'settlement', label: t('afterSchool.money.tab.settlement'), children: <SettlementTab schoolId={schoolId} month={month} /> },
        ]}
      />
    </>
  );
}
