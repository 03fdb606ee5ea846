/**
 * One school on the 五项管理看板: its figures, the classes whose share of sleep reports meeting the minimum is below the
 * district's threshold (the policy in force, cited), and every class; a class opens its weeks.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { type DashboardClassRow, FIVE_DASHBOARD_FIGURES, FIVE_INDICATORS as F } from '@shuangjian/contracts';
import { Alert, Breadcrumb, Button, Card, Flex, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ratePct } from './figures';
import { FiguresTable } from './FiguresTable';
import { ManagementCards } from './ManagementCards';
import { PeriodPicker } from './PeriodPicker';
import { fiveExportUrl, useFiveSchool } from './queries';
import { usePeriod } from './usePeriod';

type ClassRow = DashboardClassRow & { belowSleep: boolean };

export default function SchoolPage() {
  const { t } = useI18n();
  const { schoolId } = useParams();
  const { period, set, search } = usePeriod();
  const q = useFiveSchool(schoolId, period);
  const data = q.data;
  const below = data?.classes.filter((c) => c.belowSleep) ?? [];
  const threshold = data ? `${data.sleepRule.classThresholdBp / 100}%` : '';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/five/dashboard${search}`}>{t('menu.five.dashboard')}</Link> }, { title: data?.school.name ?? '…' }]}
      />
      <PageHeader
        title={data ? `${data.school.name}（${data.school.zoneName}）` : t('menu.five.dashboardSchool')}
        sub={t('five.dashboard.schoolSub')}
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker data={data} value={period} onChange={set} />
            <Button icon={<DownloadOutlined />} href={fiveExportUrl(period)} download>
              {t('five.dashboard.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      {data && (
        <Alert
          data-testid="five-below"
          style={{ marginBottom: 16 }}
          showIcon
          type={below.length ? 'warning' : 'success'}
          title={below.length ? t('five.dashboard.below', { n: below.length, threshold }) : t('five.dashboard.noneBelow', { threshold })}
          description={
            <>
              {below.map((c) => (
                <Tag key={c.classId} color="red" style={{ marginBottom: 4 }}>
                  <Link to={`/five/dashboard/classes/${c.classId}${search}`}>
                    {c.className} {ratePct(c.figures[F.sleepMeets])}
                  </Link>
                </Tag>
              ))}
              <div style={{ fontSize: 12, marginTop: 4 }}>
                {t('five.dashboard.rule', { rule: data.sleepRule.rule, version: data.sleepRule.policyVersions ?? t('five.dashboard.defaultVersion') })}
              </div>
            </>
          }
        />
      )}
      <ManagementCards figures={data?.figures} loading={q.isLoading} />
      <Card size="small" title={t('five.dashboard.byClass')}>
        <FiguresTable<ClassRow>
          testId="five-classes"
          rows={data?.classes ?? []}
          rowKey="classId"
          loading={q.isLoading}
          specs={FIVE_DASHBOARD_FIGURES.filter((f) => f.management !== 'reading' && f.management !== 'selfcheck')}
          warn={(row, key) => key === F.sleepMeets && row.belowSleep}
          lead={[
            { title: t('five.dashboard.grade'), dataIndex: 'grade', width: 70, render: (g: number) => t('five.dashboard.gradeN', { n: g }) },
            {
              title: t('five.dashboard.class'),
              dataIndex: 'className',
              fixed: 'left',
              width: 120,
              render: (name: string, r) => <Link to={`/five/dashboard/classes/${r.classId}${search}`}>{name}</Link>,
            },
          ]}
        />
      </Card>
    </>
  );
}
