/**
 * 五项管理看板 (district office, inspectors; a school's head sees its own school): each management's figures for the
 * chosen week and the semester, the rates per zone, then every school; a school opens its classes. The workbook
 * carries the same rows.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { type DashboardSchoolRow, type DashboardZoneRow, FIVE_DASHBOARD_FIGURES, FIVE_INDICATORS as F } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, Flex, Row } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FiguresTable } from './FiguresTable';
import { ManagementCards } from './ManagementCards';
import { PeriodPicker } from './PeriodPicker';
import { fiveExportUrl, useFiveDistrict } from './queries';
import { RatesChart } from './RatesChart';
import { usePeriod } from './usePeriod';

/** The weekly figures the chart compares across zones. */
const CHARTED = FIVE_DASHBOARD_FIGURES.filter((f) => f.span === 'week');

export default function DistrictPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { period, set, search } = usePeriod();
  const q = useFiveDistrict(period);
  const data = q.data;
  const empty = data && !FIVE_DASHBOARD_FIGURES.some((f) => (data.total[f.key]?.den ?? 0) > 0);
  return (
    <>
      <PageHeader
        title={t('menu.five.dashboard')}
        sub={t('five.dashboard.sub')}
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker data={data} value={period} onChange={set} />
            <Button icon={<DownloadOutlined />} href={fiveExportUrl(period)} download data-testid="five-export">
              {t('five.dashboard.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      {empty && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('five.dashboard.empty')} />}
      <ManagementCards figures={data?.total} loading={q.isLoading} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('five.dashboard.chart')}>
            <RatesChart rows={(data?.zones ?? []).map((z) => ({ name: z.zoneName, figures: z.figures }))} figures={CHARTED} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('five.dashboard.byZone')}>
            <FiguresTable<DashboardZoneRow>
              rows={data?.zones ?? []}
              rowKey="zoneId"
              loading={q.isLoading}
              specs={FIVE_DASHBOARD_FIGURES.filter((f) => f.key === F.sleepMeets || f.key === F.fitnessActivity || f.key === F.selfcheckRectified)}
              lead={[
                { title: t('five.dashboard.zone'), dataIndex: 'zoneName', fixed: 'left', width: 110 },
                { title: t('five.dashboard.schools'), dataIndex: 'schools', width: 70 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('five.dashboard.bySchool')}>
        <FiguresTable<DashboardSchoolRow>
          testId="five-schools"
          rows={data?.schools ?? []}
          rowKey="schoolId"
          loading={q.isLoading}
          specs={FIVE_DASHBOARD_FIGURES}
          lead={[
            { title: t('five.dashboard.zone'), dataIndex: 'zoneName', width: 100 },
            {
              title: t('five.dashboard.school'),
              dataIndex: 'schoolName',
              fixed: 'left',
              width: 180,
              render: (name: string, r) => <Link to={`/five/dashboard/schools/${r.schoolId}${search}`}>{name}</Link>,
            },
          ]}
        />
      </Card>
      {data?.schools.length === 1 && (
        <Flex justify="end" style={{ marginTop: 8 }}>
          <Button type="link" onClick={() => navigate(`/five/dashboard/schools/${data.schools[0]!.schoolId}${search}`)}>
            {t('five.dashboard.openSchool', { school: data.schools[0]!.schoolName })}
          </Button>
        </Flex>
      )}
    </>
  );
}
