/**
 * 区级课后服务看板 (district office, inspectors): the semester's figures from the rollup, participation per zone, then
 * every school; a school opens its courses. The workbook carries the same rows.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AfterSchoolZoneRow } from '@shuangjian/contracts';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { pct, studentRate, teacherRate } from './figures';
import { Kpis } from './Kpis';
import { exportUrl, useDistrictOverview } from './queries';
import { SchoolDrawer } from './SchoolDrawer';
import { SchoolsTable } from './SchoolsTable';
import { ZonesChart } from './ZonesChart';

export default function DistrictPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const semesterParam = params.get('semester') ?? undefined;
  const overview = useDistrictOverview(semesterParam);
  const data = overview.data;
  const semesterId = semesterParam ?? data?.semester?.id;
  const [open, setOpen] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.district')}
        sub={t('afterSchool.district.sub')}
        extra={
          <Flex gap={8} wrap>
            <Select
              style={{ minWidth: 220 }}
              aria-label={t('afterSchool.district.semester')}
              value={semesterId}
              options={data?.semesters.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(v: string) => setParams({ semester: v }, { replace: true })}
            />
            <Button icon={<DownloadOutlined />} href={exportUrl(semesterId)} download disabled={!data?.semester}>
              {t('afterSchool.district.export')}
            </Button>
          </Flex>
        }
      />
      {overview.error && <QueryError error={overview.error} />}
      {data && !data.semester ? (
        <Empty description={t('afterSchool.district.noSemester')} />
      ) : (
        <>
          <Kpis data={data} loading={overview.isLoading} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('afterSchool.district.chart')}>
                <ZonesChart zones={data?.zones ?? []} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('afterSchool.district.byZone')}>
                <Table<AfterSchoolZoneRow>
                  rowKey="zoneId"
                  size="small"
                  pagination={false}
                  dataSource={data?.zones ?? []}
                  columns={[
                    { title: t('afterSchool.district.zone'), dataIndex: 'zoneName' },
                    { title: t('afterSchool.district.schools'), dataIndex: 'schools' },
                    { title: t('afterSchool.district.studentRate'), key: 's', render: (_, z) => pct(studentRate(z)) },
                    { title: t('afterSchool.district.teacherRate'), key: 't', render: (_, z) => pct(teacherRate(z)) },
                    { title: t('afterSchool.district.courses'), dataIndex: 'courses' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('afterSchool.district.bySchool')}>
            <SchoolsTable rows={data?.schools ?? []} loading={overview.isLoading} onOpen={(r) => setOpen(r.schoolId)} />
            {data?.refreshedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('afterSchool.district.refreshed', { at: new Date(data.refreshedAt).toLocaleString(locale) })}
              </Typography.Text>
            )}
          </Card>
        </>
      )}
      <SchoolDrawer schoolId={open} semesterId={semesterId} onClose={() => setOpen(null)} />
    </>
  );
}
