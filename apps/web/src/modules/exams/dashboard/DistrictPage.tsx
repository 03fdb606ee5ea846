/**
 * 考试与评价看板 (district office, inspectors; a school's head sees its own school): the semester's exam filings
 * accepted and refused by a rule, results recorded as levels and growth records complete, per zone and school; a
 * school opens its classes. Counts only: no pupil, score or rank appears here.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { type DashboardSchoolRow, EXAMS_DASHBOARD_FIGURES } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, Flex, Row } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FiguresTable } from '../../five-managements/dashboard/FiguresTable';
import { PeriodPicker } from '../../five-managements/dashboard/PeriodPicker';
import { RatesChart } from '../../five-managements/dashboard/RatesChart';
import { usePeriod } from '../../five-managements/dashboard/usePeriod';
import { ExamFigures } from './Figures';
import { examsExportUrl, useExamsDistrict } from './queries';

export default function DistrictPage() {
  const { t } = useI18n();
  const { period, set, search } = usePeriod();
  const q = useExamsDistrict(period.semesterId);
  const data = q.data;
  const empty = data && !EXAMS_DASHBOARD_FIGURES.some((f) => (data.total[f.key]?.den ?? 0) > 0);
  return (
    <>
      <PageHeader
        title={t('menu.exams.dashboard')}
        sub={t('exams.dashboard.sub')}
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker data={data} value={period} onChange={set} week={false} />
            <Button icon={<DownloadOutlined />} href={examsExportUrl(period.semesterId)} download>
              {t('five.dashboard.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      {empty && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('exams.dashboard.empty')} />}
      <ExamFigures figures={data?.total} loading={q.isLoading} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24}>
          <Card size="small" title={t('exams.dashboard.chart')}>
            <RatesChart rows={(data?.zones ?? []).map((z) => ({ name: z.zoneName, figures: z.figures }))} figures={EXAMS_DASHBOARD_FIGURES} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('five.dashboard.bySchool')}>
        <FiguresTable<DashboardSchoolRow>
          testId="exams-schools"
          rows={data?.schools ?? []}
          rowKey="schoolId"
          loading={q.isLoading}
          specs={EXAMS_DASHBOARD_FIGURES}
          warn={(row, key) => key === EXAMS_DASHBOARD_FIGURES[1]!.key && (row.figures[key]?.num ?? 0) > 0}
          lead={[
            { title: t('five.dashboard.zone'), dataIndex: 'zoneName', width: 100 },
            {
              title: t('five.dashboard.school'),
              dataIndex: 'schoolName',
              fixed: 'left',
              width: 180,
              render: (name: string, r) => <Link to={`/exams/dashboard/schools/${r.schoolId}${search}`}>{name}</Link>,
            },
          ]}
        />
      </Card>
    </>
  );
}
