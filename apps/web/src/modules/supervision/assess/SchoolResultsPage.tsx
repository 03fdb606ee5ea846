/**
 * 本校考核结果 (a school's head): the school's own results of the district's published assessments — total, rank, list,
 * award and the breakdown per indicator; nothing before the district publishes. Read on a phone as well as a desk.
 */
import './messages';
import { Empty, Spin } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useOwnResults } from '../queries-assess';
import { OwnResultCard } from './school/OwnResultCard';

export default function SchoolResultsPage() {
  const { t } = useI18n();
  const q = useOwnResults();
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('menu.supervision.results')} sub={t('sv.assess.own.sub')} />
      <QueryError error={q.error} />
      {q.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {q.data && items.length === 0 && <Empty style={{ marginTop: 48 }} description={t('sv.assess.own.none')} data-testid="own-empty" />}
      {items.map((item) => (
        <OwnResultCard key={item.assessment.id} item={item} />
      ))}
    </>
  );
}
