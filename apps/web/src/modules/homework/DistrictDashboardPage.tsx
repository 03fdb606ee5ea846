/**
 * 区级作业看板 (district office, inspectors): the district's weeks first (completion, reporting and over-limit rates),
 * then the schools a page at a time; a school opens its classes, a class its load calendar, a day its items.
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { School } from '@shuangjian/contracts';
import { VIEW_RANGE_MAX_DAYS } from '@shuangjian/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { hwKey } from './components/model';
import { ClassesDrawer } from './district/ClassesDrawer';
import { Kpis } from './district/Kpis';
import { SchoolsTable, type TableState } from './district/SchoolsTable';
import type { ExportData, Weekly } from './district/types';
import { downloadWorkbook } from './district/workbook';
import { WeeksChart } from './district/WeeksChart';

type Drill = { schoolId: string; schoolName: string; zoneName: string };

export default function DistrictDashboardPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k);
        else next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const asDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const [fromParam, toParam] = [asDate(params.get('from')), asDate(params.get('to'))];
  const zoneId = params.get('zone') ?? undefined;
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20, sort: 'code', order: 'asc' });

  // no range in the address: the server picks the eight weeks up to the latest with published homework
  const weekly = useQuery({
    queryKey: hwKey('district-weekly', fromParam ?? null, fromParam && toParam ? toParam : null),
    queryFn: () => api.get<Weekly>(`/api/homework/district/weekly${qs(fromParam && toParam ? { from: fromParam, to: toParam } : {})}`),
    placeholderData: keepPreviousData,
  });
  const data = weekly.data;
  const target = data?.target ?? 0.9;

  // a school named in the address (a link from the home page) opens its classes
  const schoolParam = params.get('school');
  const linked = useQuery({ queryKey: ['school', schoolParam], queryFn: () => api.get<z.infer<typeof School>>(`/api/schools/${schoolParam}`), enabled: !!schoolParam });
  const [picked, setPicked] = useState<Drill | null>(null);
  const drill = picked ?? (schoolParam && linked.data ? { schoolId: linked.data.id, schoolName: linked.data.name, zoneName: linked.data.zoneName } : null);

  const exporting = useMutation({
    mutationFn: () => api.get<ExportData>(`/api/homework/district/export${qs({ from: data!.from, to: data!.to })}`),
    onSuccess: (x) => downloadWorkbook(x, t, locale, t('menu.homework.district')),
  });

  return (
    <>
      <PageHeader
        title={t('menu.homework.district')}
        sub={t('hwv.district.sub')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker.RangePicker
              allowClear={false}
              value={data ? [dayjs(data.from), dayjs(data.to)] : null}
              disabledDate={(d, info) => !!info.from && Math.abs(d.diff(info.from, 'day')) > VIEW_RANGE_MAX_DAYS - 1}
              onChange={(v) => {
                if (!v?.[0] || !v[1]) return;
                setTable((s) => ({ ...s, page: 1 }));
                set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
              }}
              data-testid="district-range"
            />
            <Select
              style={{ minWidth: 160 }}
              allowClear
              placeholder={t('hwv.district.allZones')}
              value={zoneId}
              options={data?.zones.map((z) => ({ value: z.id, label: z.name }))}
              onChange={(v: string | undefined) => {
                setTable((s) => ({ ...s, page: 1 }));
                set({ zone: v ?? null });
              }}
              data-testid="district-zone"
            />
            <Button icon={<DownloadOutlined />} onClick={() => exporting.mutate()} loading={exporting.isPending} disabled={!data} data-testid="district-export">
              {t('hwv.district.export')}
            </Button>
          </Flex>
        }
      />
      <QueryError error={weekly.error ?? exporting.error} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('hwv.district.howToRead', { p: Math.round(target * 100) })}
          description={data ? t('hwv.district.coverage', { schools: data.schools, silent: data.silentSchools }) : undefined}
          data-testid="district-explain"
        />
        <Kpis data={data} loading={weekly.isLoading} />
        <Card title={t('hwv.district.chartTitle')} loading={weekly.isLoading} data-testid="district-chart">
          {data?.weeks.some((w) => w.classDays) ? <WeeksChart weeks={data.weeks} target={target} /> : <Empty description={t('hwv.district.noData')} />}
        </Card>
        <Card
          title={t('hwv.district.tableTitle')}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hwv.district.legend', { p: Math.round(target * 100), tol: Math.round((1 - target) * 100), high: Math.round(2 * (1 - target) * 100) })}
            </Typography.Text>
          }
          styles={{ body: { padding: 0 } }}
        >
          {data && (
            <SchoolsTable
              from={data.from}
              to={data.to}
              zoneId={zoneId}
              weeks={data.weeks}
              target={target}
              state={table}
              onState={setTable}
              onOpen={(s) => setPicked({ schoolId: s.schoolId, schoolName: s.schoolName, zoneName: s.zoneName })}
            />
          )}
        </Card>
      </Space>
      {drill && data && (
        <ClassesDrawer
          school={drill}
          from={data.from}
          to={data.to}
          target={target}
          onClose={() => {
            setPicked(null);
            if (schoolParam) set({ school: null });
          }}
        />
      )}
    </>
  );
}
