/**
 * 全区督导总览 (district office, inspectors — an inspector of a zone sees that zone): this week's or this semester's
 * figures of every module for the district, a zone or a school, drilled down without a map (district → zone → school,
 * kept in the address so the back button walks up), the training institutions' cards, one figure compared across the
 * zones or schools, a table of every figure coloured by how it stands. Every number opens the page behind it.
 */
import './messages';
import { DownloadOutlined } from '@ant-design/icons';
import { type HomeSpan, METRIC_KEYS, type MetricKey } from '@shuangjian/contracts';
import { Alert, Breadcrumb, Button, Card, DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { homeExportUrl, useSupervisionHome } from '../queries-home';
import { CompareChart } from './CompareChart';
import { FiguresTable } from './FiguresTable';
import { InstitutionCards, MetricCards } from './KeyCards';
import { SchoolPanel } from './SchoolPanel';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function DistrictHomePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const span: HomeSpan = params.get('span') === 'semester' ? 'semester' : 'week';
  const metric = (METRIC_KEYS as readonly string[]).includes(params.get('metric') ?? '') ? (params.get('metric') as MetricKey) : 'homework.overloadedDays';
  const set = (changes: Record<string, string | undefined>, push = false) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v) n.set(k, v);
          else n.delete(k);
        }
        return n;
      },
      { replace: !push },
    );
  const q = useSupervisionHome(date);
  const data = q.data;
  // a zone inspector reaches one zone: the overview opens on it
  const onlyZone = data?.zones.length === 1 ? data.zones[0] : undefined;
  const zone = data?.zones.find((z) => z.zoneId === (params.get('zone') ?? onlyZone?.zoneId));
  const school = data?.schools.find((s) => s.schoolId === params.get('school'));
  const semesterId = data?.semester?.id;
  const openZone = (id: string) => set({ zone: id, school: undefined }, true);
  const openSchool = (id: string) => set({ school: id }, true);
  const schoolsOf = (zoneId: string) => data?.schools.filter((s) => s.zoneId === zoneId) ?? [];

  const crumbs = [
    { title: onlyZone ? <span>{onlyZone.zoneName}</span> : <a onClick={() => set({ zone: undefined, school: undefined }, true)}>{t('sv.home.district')}</a> },
    ...(zone && !onlyZone ? [{ title: school ? <a onClick={() => set({ school: undefined }, true)}>{zone.zoneName}</a> : <span>{zone.zoneName}</span> }] : []),
    ...(school ? [{ title: <span>{school.name}</span> }] : []),
  ];
  const periodText =
    data &&
    (span === 'week'
      ? t('sv.home.weekOf', { from: data.week.from, to: data.week.to })
      : data.semester
        ? t('sv.home.semesterOf', { name: data.semester.name, to: data.semester.endDate < data.week.to ? data.semester.endDate : data.week.to })
        : '');

  return (
    <>
      <PageHeader
        title={t('menu.supervision.home')}
        sub={t('sv.home.sub')}
        extra={
          <Flex gap={8} wrap align="center">
            <DatePicker
              allowClear={false}
              inputReadOnly
              aria-label={t('sv.home.date')}
              data-testid="sv-date"
              value={data ? dayjs(data.date) : date ? dayjs(date) : null}
              onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') })}
              style={{ width: 140 }}
            />
            <Segmented<HomeSpan>
              data-testid="sv-span"
              value={span}
              onChange={(v) => set({ span: v === 'week' ? undefined : v })}
              options={[
                { value: 'week', label: t('sv.home.week') },
                { value: 'semester', label: t('sv.home.semester') },
              ]}
            />
            <Button icon={<DownloadOutlined />} href={homeExportUrl(date)} download data-testid="sv-export">
              {t('sv.home.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <QueryError error={q.error} />}
      <Flex justify="space-between" wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Breadcrumb items={crumbs} data-testid="sv-crumbs" />
        {periodText && (
          <Typography.Text type="secondary" data-testid="sv-period">
            {t(`sv.home.${span}`)}：{periodText}
          </Typography.Text>
        )}
      </Flex>
      {data && span === 'semester' && !data.semester && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sv.home.noSemester')} />}
      {!data && q.isLoading && <Card loading />}
      {data && school && <SchoolPanel schoolId={school.schoolId} date={date} span={span} />}
      {data && !school && (
        <>
          <MetricCards figures={zone ? zone.figures[span] : data.total[span]} semesterId={semesterId} />
          <InstitutionCards figures={zone ? zone.institutions : data.institutions} zoneId={zone?.zoneId} zoneName={zone?.zoneName} />
          <CompareChart
            title={zone ? t('sv.home.chartSchools', { zone: zone.zoneName }) : t('sv.home.chartZones')}
            rows={
              zone
                ? schoolsOf(zone.zoneId).map((s) => ({ id: s.schoolId, name: s.name, figures: s.figures[span] }))
                : data.zones.map((z) => ({ id: z.zoneId, name: z.zoneName, figures: z.figures[span] }))
            }
            metric={metric}
            onMetric={(k) => set({ metric: k })}
            onOpen={zone ? openSchool : openZone}
          />
          <Card
            size="small"
            title={zone ? t('sv.home.tableZone', { zone: zone.zoneName }) : t('sv.home.table')}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              {t('sv.home.tableHint')}
            </Typography.Paragraph>
            <FiguresTable
              testId={zone ? 'sv-schools' : 'sv-zones'}
              rows={
                zone
                  ? schoolsOf(zone.zoneId).map((s) => ({ id: s.schoolId, name: s.name, figures: s.figures[span] }))
                  : data.zones.map((z) => ({ id: z.zoneId, name: z.zoneName, schools: z.schools, figures: z.figures[span] }))
              }
              total={zone ? zone.figures[span] : data.total[span]}
              totalName={zone ? zone.zoneName : t('sv.home.district')}
              semesterId={semesterId}
              onOpen={zone ? openSchool : openZone}
            />
          </Card>
        </>
      )}
    </>
  );
}
