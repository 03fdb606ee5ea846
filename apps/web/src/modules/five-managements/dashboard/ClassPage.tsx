/** One class on the 五项管理看板: its figures for the week and the semester, and its weekly rates over recent weeks. */
import { FIVE_DASHBOARD_FIGURES } from '@shuangjian/contracts';
import { Breadcrumb, Card } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ManagementCards } from './ManagementCards';
import { PeriodPicker } from './PeriodPicker';
import { useFiveClass } from './queries';
import { RatesChart } from './RatesChart';
import { usePeriod } from './usePeriod';

const WEEKLY = FIVE_DASHBOARD_FIGURES.filter((f) => f.span === 'week');

export default function ClassPage() {
  const { t } = useI18n();
  const { classId } = useParams();
  const { period, set, search } = usePeriod();
  const q = useFiveClass(classId, period);
  const data = q.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`/five/dashboard${search}`}>{t('menu.five.dashboard')}</Link> },
          { title: data ? <Link to={`/five/dashboard/schools/${data.class.schoolId}${search}`}>{data.class.schoolName}</Link> : '…' },
          { title: data?.class.name ?? '…' },
        ]}
      />
      <PageHeader
        title={data ? `${data.class.schoolName} ${data.class.name}` : t('menu.five.dashboardClass')}
        sub={t('five.dashboard.classSub')}
        extra={<PeriodPicker data={data} value={period} onChange={set} />}
      />
      {q.error && <QueryError error={q.error} />}
      <ManagementCards figures={data?.figures} loading={q.isLoading} />
      <Card size="small" title={t('five.dashboard.trend')} data-testid="five-trend">
        <RatesChart type="line" rows={(data?.weeks ?? []).map((w) => ({ name: w.week.slice(5), figures: w.figures }))} figures={WEEKLY} />
      </Card>
    </>
  );
}
