/**
 * 资金监管 (the district's custody officer): each institution's custody or risk deposit against what it owes families,
 * the ledger's transfer journal, and the custody bank's statements reconciled against the ledger.
 */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { JournalTab } from './JournalTab';
import { OverviewTab } from './OverviewTab';
import { ReconcileTab } from './ReconcileTab';

export default function CustodyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  return (
    <>
      <PageHeader title={t('menu.training.custody')} sub={t('training.cd.sub')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'overview', label: t('training.cd.tab.overview'), children: <OverviewTab /> },
          { key: 'journal', label: t('training.cd.tab.journal'), children: <JournalTab /> },
          { key: 'reconcile', label: t('training.cd.tab.reconcile'), children: <ReconcileTab /> },
        ]}
      />
    </>
  );
}
