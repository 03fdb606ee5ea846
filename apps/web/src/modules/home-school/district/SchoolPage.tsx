/**
 * One school on the 家校社协同看板: its figures for the semester and every class's; a class opens its visit progress
 * (the class teacher's and each subject teacher's pupils visited).
 */
import './messages';
import { DownloadOutlined } from '@ant-design/icons';
import type { IndicatorFigures } from '@shuangjian/contracts';
import { Breadcrumb, Button, Card, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FigureCards } from './FigureCards';
import { FiguresTable } from './FiguresTable';
import { hsExportUrl, useHsSchool } from './queries';
import { SemesterPicker } from './SemesterPicker';
import { useSemester } from './useSemester';

interface Row {
  key: string;
  className: string;
  figures: IndicatorFigures;
}

export default function SchoolPage() {
  const { t } = useI18n();
  const { schoolId } = useParams();
  const { semesterId, set, search } = useSemester();
  const q = useHsSchool(schoolId, semesterId);
  const data = q.data;
  const rows: Row[] = data?.classes.map((c) => ({ key: c.classId, className: c.className, figures: c.figures })) ?? [];
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/home-school/district${search}`}>{t('menu.homeSchool.district')}</Link> }, { title: data?.school.name ?? '…' }]}
      />
      <PageHeader
        title={data ? `${data.school.name}（${data.school.zoneName}）` : t('menu.homeSchool.districtSchool')}
        sub={t('hs.district.schoolSub')}
        extra={
          <Flex gap={8} wrap align="center">
            {data && <Typography.Text type="secondary">{t('hs.district.weekOf', { date: data.weekStart })}</Typography.Text>}
            <SemesterPicker value={semesterId ?? data?.semester?.id} onChange={set} />
            <Button icon={<DownloadOutlined />} href={hsExportUrl(semesterId)} download>
              {t('hs.district.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      <FigureCards figures={data?.figures} loading={q.isLoading} />
      <Card size="small" title={t('hs.district.byClass')} loading={q.isLoading}>
        {data && (
          <FiguresTable<Row>
            testId="hs-classes"
            rows={rows}
            omit={['teachersWeek', 'lecturesHeld', 'lectureAttendance']}
            yesNo={['meetingClasses']}
            lead={[
              {
                title: t('hs.district.class'),
                dataIndex: 'className',
                fixed: 'left',
                width: 130,
                render: (name: string, r) => <Link to={`/home-school/visits/classes/${r.key}`}>{name}</Link>,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
