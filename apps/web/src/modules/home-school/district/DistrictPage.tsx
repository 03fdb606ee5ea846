/**
 * 家校社协同看板 (district office, inspectors; a school's head sees its own school): the semester's figures as cards,
 * the charted figures per school, then every zone with its schools and every figure; a school opens its classes. The
 * workbook carries the same rows and every class. Timetables and 阴阳课表 have their own monitor, linked from a card.
 */
import './messages';
import { DownloadOutlined } from '@ant-design/icons';
import type { IndicatorFigures } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FigureCards } from './FigureCards';
import { FiguresTable } from './FiguresTable';
import { hsExportUrl, useHsDistrict } from './queries';
import { SchoolCharts } from './SchoolCharts';
import { SemesterPicker } from './SemesterPicker';
import { TimetableCard } from './TimetableCard';
import { useSemester } from './useSemester';

interface Row {
  key: string;
  name: string;
  schoolId?: string;
  schools?: number;
  figures: IndicatorFigures;
  children?: Row[];
}

export default function DistrictPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { semesterId, set, search } = useSemester();
  const q = useHsDistrict(semesterId);
  const data = q.data;
  const schoolPath = (id: string) => `/home-school/district/schools/${id}${search}`;
  const rows: Row[] =
    data?.zones.map((z) => ({
      key: `zone:${z.zoneId}`,
      name: z.zoneName,
      schools: z.schools,
      figures: z.figures,
      children: data.schools.filter((s) => s.zoneId === z.zoneId).map((s) => ({ key: s.schoolId, name: s.schoolName, schoolId: s.schoolId, figures: s.figures })),
    })) ?? [];
  const only = data?.schools.length === 1 ? data.schools[0] : undefined;
  return (
    <>
      <PageHeader
        title={t('menu.homeSchool.district')}
        sub={t('hs.district.sub')}
        extra={
          <Flex gap={8} wrap align="center">
            {data && <Typography.Text type="secondary">{t('hs.district.weekOf', { date: data.weekStart })}</Typography.Text>}
            <SemesterPicker value={semesterId ?? data?.semester?.id} onChange={set} />
            <Button icon={<DownloadOutlined />} href={hsExportUrl(semesterId)} download data-testid="hs-export">
              {t('hs.district.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      {data && !data.semester && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hs.district.noSemester')} />}
      {only && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<Link to={schoolPath(only.schoolId)}>{t('hs.district.openSchool', { school: only.schoolName })}</Link>}
        />
      )}
      <FigureCards figures={data?.total} loading={q.isLoading} />
      {data && (
        <SchoolCharts
          schools={data.schools.map((s) => ({ id: s.schoolId, name: s.schoolName, figures: s.figures }))}
          zones={data.zones.map((z) => ({ id: z.zoneId, name: z.zoneName, figures: z.figures }))}
          onSchool={(id) => navigate(schoolPath(id))}
        />
      )}
      <TimetableCard semesterId={semesterId} />
      <Card size="small" title={t('hs.district.byZone')} loading={q.isLoading}>
        {data && (
          <FiguresTable<Row>
            testId="hs-schools"
            rows={rows}
            lead={[
              {
                title: `${t('hs.district.zone')} / ${t('hs.district.school')}`,
                dataIndex: 'name',
                fixed: 'left',
                width: 220,
                render: (name: string, r) =>
                  r.schoolId ? (
                    <Link to={schoolPath(r.schoolId)}>{name}</Link>
                  ) : (
                    <Typography.Text strong>
                      {name}
                      <Typography.Text type="secondary" style={{ fontWeight: 400, marginLeft: 6, fontSize: 12 }}>
                        {t('hs.district.schoolsN', { n: r.schools ?? 0 })}
                      </Typography.Text>
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
