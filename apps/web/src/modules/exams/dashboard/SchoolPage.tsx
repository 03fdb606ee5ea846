/** One school on the exams dashboard: its filings, and each class's results recorded as levels and growth records. */
import { type DashboardClassRow, EXAMS_DASHBOARD_FIGURES } from '@shuangjian/contracts';
import { Breadcrumb, Card } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FiguresTable } from '../../five-managements/dashboard/FiguresTable';
import { PeriodPicker } from '../../five-managements/dashboard/PeriodPicker';
import { usePeriod } from '../../five-managements/dashboard/usePeriod';
import { ExamFigures } from './Figures';
import { useExamsSchool } from './queries';

const CLASS_FIGURES = EXAMS_DASHBOARD_FIGURES.filter((f) => f.area !== 'filings');

export default function SchoolPage() {
  const { t } = useI18n();
  const { schoolId } = useParams();
  const { period, set, search } = usePeriod();
  const q = useExamsSchool(schoolId, period.semesterId);
  const data = q.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/exams/dashboard${search}`}>{t('menu.exams.dashboard')}</Link> }, { title: data?.school.name ?? '…' }]}
      />
      <PageHeader
        title={data ? `${data.school.name}（${data.school.zoneName}）` : t('menu.exams.dashboardSchool')}
        sub={t('exams.dashboard.schoolSub')}
        extra={<PeriodPicker data={data} value={period} onChange={set} week={false} />}
      />
      {q.error && <QueryError error={q.error} />}
      <ExamFigures figures={data?.figures} loading={q.isLoading} />
      <Card size="small" title={t('exams.dashboard.byClass')}>
        <FiguresTable<DashboardClassRow>
          testId="exams-classes"
          rows={data?.classes ?? []}
          rowKey="classId"
          loading={q.isLoading}
          specs={CLASS_FIGURES}
          lead={[
            { title: t('five.dashboard.grade'), dataIndex: 'grade', width: 70, render: (g: number) => t('five.dashboard.gradeN', { n: g }) },
            { title: t('five.dashboard.class'), dataIndex: 'className', fixed: 'left', width: 120 },
          ]}
        />
      </Card>
    </>
  );
}
