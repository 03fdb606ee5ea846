/** 区级作业看板 (district office, inspectors): per school and week the over-limit and within-limit rates, with a drill-down to classes. */
import { DownloadOutlined } from '@ant-design/icons';
import { type ClassSummary, type DistrictWeekly, type SchoolWeek, VIEW_RANGE_MAX_DAYS } from '@shuangjian/contracts';
import { addDays, weekStart } from '@shuangjian/policy';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Drawer, Empty, Flex, Row, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { MeasureTip } from './components/MeasureTip';
import { districtToday, hwKey } from './components/model';
import { BAD, GOOD, overColor, percent, ratio, WARN, withinColor } from './components/rates';
import { downloadXlsx, type XlsxCell } from './components/xlsx';

type Weekly = z.infer<typeof DistrictWeekly>;
type Week = z.infer<typeof SchoolWeek>;
type ClassRow = z.infer<typeof ClassSummary>;
type Rates = { overLimitRate: number | null; withinLimitRate: number | null; reporters: number; reportedDays: number };

type SchoolRow = {
  schoolId: string;
  schoolName: string;
  zoneName: string;
  weeks: Map<string, Week>;
  total: Rates & { withinLimit: number; overloadedDays: number; classDays: number };
};

const weekLabel = (w: string) => `${w.slice(5, 7)}/${w.slice(8)}`;

function RatesCell({ rates, target, testId }: { rates: Rates | undefined; target: number; testId?: string }) {
  const { t } = useI18n();
  if (!rates || rates.reporters === 0) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <div style={{ lineHeight: 1.4, whiteSpace: 'nowrap' }} data-testid={testId}>
      <div style={{ color: withinColor(rates.withinLimitRate, target), fontWeight: 500 }}>
        {t('hwv.district.cellWithin')} {percent(rates.withinLimitRate)}
      </div>
      <div style={{ color: overColor(rates.overLimitRate, target), fontSize: 12 }}>
        {t('hwv.district.cellOver')} {percent(rates.overLimitRate)}
      </div>
    </div>
  );
}

function DrillDown({ school, from, to, target, onClose }: { school: SchoolRow; from: string; to: string; target: number; onClose(): void }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: hwKey('district-classes', school.schoolId, from, to),
    queryFn: () => api.get<ClassRow[]>(`/api/homework/district/classes${qs({ schoolId: school.schoolId, from, to })}`),
  });
  const rows = q.data ?? [];
  const chart: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    grid: { left: 44, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => r.className), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('hwv.withinRate'),
        type: 'bar',
        data: rows.map((r) => {
          const v = ratio(r.withinLimit, r.reporters);
          return { value: v === null ? null : Math.round(v * 1000) / 10, itemStyle: { color: withinColor(v, target) } };
        }),
        markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p: Math.round(target * 100) }), position: 'insideEndTop' }, data: [{ yAxis: target * 100 }] },
      },
    ],
  };
  return (
    <Drawer open onClose={onClose} size={Math.min(920, window.innerWidth)} title={t('hwv.district.drillTitle', { school: school.schoolName })} data-testid="district-drill">
      <Typography.Paragraph type="secondary">
        {school.zoneName} · {t('hwv.range', { from, to })}
      </Typography.Paragraph>
      {q.error && <Alert type="error" showIcon title={q.error.message} />}
      {rows.length > 0 && <Chart option={chart} style={{ height: 240 }} />}
      <Table<ClassRow>
        rowKey="classId"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 820 }}
        data-testid="district-drill-table"
        columns={[
          { title: t('hwv.col.class'), dataIndex: 'className', fixed: 'left', width: 110 },
          { title: t('hwv.district.classDays'), dataIndex: 'classDays', align: 'right', sorter: (a, b) => a.classDays - b.classDays },
          { title: t('hwv.district.reportedDays'), dataIndex: 'reportedDays', align: 'right' },
          {
            title: <MeasureTip measure="overloaded" vars={{ p: Math.round(target * 100) }}>{t('hwv.district.overloadedDays')}</MeasureTip>,
            dataIndex: 'overloadedDays',
            align: 'right',
            sorter: (a, b) => a.overloadedDays - b.overloadedDays,
            render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
          },
          {
            title: <MeasureTip measure="withinRate" vars={{ p: Math.round(target * 100) }}>{t('hwv.withinRate')}</MeasureTip>,
            key: 'within',
            align: 'right',
            sorter: (a, b) => (ratio(a.withinLimit, a.reporters) ?? 2) - (ratio(b.withinLimit, b.reporters) ?? 2),
            render: (_: unknown, r) => {
              const v = ratio(r.withinLimit, r.reporters);
              return <Typography.Text style={{ color: withinColor(v, target) }}>{percent(v)}</Typography.Text>;
            },
          },
          { title: <MeasureTip measure="counted">{t('hwv.district.meanPlanned')}</MeasureTip>, dataIndex: 'meanPlanned', align: 'right', render: (v: number | null) => (v === null ? '–' : t('hwv.minutes', { n: v })) },
          { title: <MeasureTip measure="median">{t('hwv.district.meanMedian')}</MeasureTip>, dataIndex: 'meanMedian', align: 'right', render: (v: number | null) => (v === null ? '–' : t('hwv.minutes', { n: v })) },
        ]}
      />
    </Drawer>
  );
}

export default function DistrictDashboardPage() {
  const tz = useTimeZone();
  const { t } = useI18n();
  const today = districtToday(tz);
  const thisWeek = weekStart(today);
  const [range, setRange] = useState<[string, string]>(() => [addDays(thisWeek, -49), addDays(thisWeek, 6)]);
  const [drill, setDrill] = useState<SchoolRow | null>(null);
  const [from, to] = range;
  const q = useQuery({ queryKey: hwKey('district-weekly', from, to), queryFn: () => api.get<Weekly>(`/api/homework/district/weekly${qs({ from, to })}`) });
  const data = q.data;
  const target = data?.target ?? 0.9;
  const targetPct = Math.round(target * 100);

  const schools = useMemo<SchoolRow[]>(() => {
    const map = new Map<string, SchoolRow>();
    for (const r of data?.rows ?? []) {
      let s = map.get(r.schoolId);
      if (!s) {
        s = { schoolId: r.schoolId, schoolName: r.schoolName, zoneName: r.zoneName, weeks: new Map(), total: { overLimitRate: null, withinLimitRate: null, reporters: 0, reportedDays: 0, withinLimit: 0, overloadedDays: 0, classDays: 0 } };
        map.set(r.schoolId, s);
      }
      s.weeks.set(r.weekStart, r);
      s.total.reporters += r.reporters;
      s.total.withinLimit += r.withinLimit;
      s.total.reportedDays += r.reportedDays;
      s.total.overloadedDays += r.overloadedDays;
      s.total.classDays += r.classDays;
    }
    for (const s of map.values()) {
      s.total.withinLimitRate = ratio(s.total.withinLimit, s.total.reporters);
      s.total.overLimitRate = ratio(s.total.overloadedDays, s.total.reportedDays);
    }
    return [...map.values()];
  }, [data]);

  // the last full week: the one before this week when the range reaches this week, else the range's last week
  const weeks = data?.weeks ?? [];
  const lastFull = weeks.includes(thisWeek) ? addDays(thisWeek, -7) : weeks.at(-1);
  const kpi = data?.totals.find((w) => w.weekStart === lastFull);

  const chart: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0 },
    grid: { left: 48, right: 72, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: weeks.map((w) => t('hwv.district.weekOf', { w: weekLabel(w) })) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('hwv.withinRate'),
        type: 'line',
        data: data?.totals.map((w) => (w.withinLimitRate === null ? null : Math.round(w.withinLimitRate * 1000) / 10)) ?? [],
        itemStyle: { color: GOOD },
        label: { show: true, formatter: (p) => `${String(p.value)}%`, fontSize: 11 },
        markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p: targetPct }), position: 'end' }, data: [{ yAxis: targetPct }] },
      },
      {
        name: t('hwv.overRate'),
        type: 'line',
        data: data?.totals.map((w) => (w.overLimitRate === null ? null : Math.round(w.overLimitRate * 1000) / 10)) ?? [],
        itemStyle: { color: BAD },
        label: { show: true, formatter: (p) => `${String(p.value)}%`, fontSize: 11, position: 'bottom' },
      },
    ],
  };

  const hasData = (w: string) => !!data?.totals.find((x) => x.weekStart === w)?.classDays;
  const weekWidth = (w: string) => (hasData(w) ? 100 : 64);
  const columns: ColumnsType<SchoolRow> = [
    {
      title: t('hwv.col.zone'),
      dataIndex: 'zoneName',
      width: 90,
      fixed: 'left',
      filters: [...new Set(schools.map((s) => s.zoneName))].map((z) => ({ text: z, value: z })),
      onFilter: (v, r) => r.zoneName === v,
      sorter: (a, b) => a.zoneName.localeCompare(b.zoneName, 'zh-CN'),
    },
    {
      title: t('hwv.col.school'),
      dataIndex: 'schoolName',
      width: 140,
      fixed: 'left',
      render: (n: string, r) => (
        <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => setDrill(r)} data-testid="district-school">
          {n}
        </Button>
      ),
    },
    {
      title: t('hwv.district.rangeTotal'),
      key: 'total',
      width: 116,
      sorter: (a, b) => (a.total.withinLimitRate ?? 2) - (b.total.withinLimitRate ?? 2),
      render: (_: unknown, r) => <RatesCell rates={r.total} target={target} />,
    },
    ...weeks.map((w) => ({
      title: t('hwv.district.weekOf', { w: weekLabel(w) }),
      key: w,
      // weeks without any class-day (before the data begins, vacations) stay visible but narrow
      width: weekWidth(w),
      sorter: hasData(w) ? (a: SchoolRow, b: SchoolRow) => (a.weeks.get(w)?.withinLimitRate ?? 2) - (b.weeks.get(w)?.withinLimitRate ?? 2) : undefined,
      render: (_: unknown, r: SchoolRow) => <RatesCell rates={r.weeks.get(w)} target={target} />,
    })),
  ];

  const exportExcel = () => {
    if (!data) return;
    const header: XlsxCell[] = [t('hwv.col.zone'), t('hwv.col.school'), `${t('hwv.district.rangeTotal')} ${t('hwv.withinRate')}`, `${t('hwv.district.rangeTotal')} ${t('hwv.overRate')}`];
    for (const w of weeks) header.push(`${w} ${t('hwv.withinRate')}`, `${w} ${t('hwv.overRate')}`);
    const rows: XlsxCell[][] = schools.map((s) => {
      const row: XlsxCell[] = [s.zoneName, s.schoolName, { percent: s.total.withinLimitRate }, { percent: s.total.overLimitRate }];
      for (const w of weeks) row.push({ percent: s.weeks.get(w)?.withinLimitRate ?? null }, { percent: s.weeks.get(w)?.overLimitRate ?? null });
      return row;
    });
    const total: XlsxCell[] = [t('hwv.district.districtTotal'), '', null, null];
    const sum = data.totals.reduce((a, w) => ({ within: a.within + w.withinLimit, reporters: a.reporters + w.reporters, over: a.over + w.overloadedDays, reported: a.reported + w.reportedDays }), { within: 0, reporters: 0, over: 0, reported: 0 });
    total[2] = { percent: ratio(sum.within, sum.reporters) };
    total[3] = { percent: ratio(sum.over, sum.reported) };
    for (const w of data.totals) total.push({ percent: w.withinLimitRate }, { percent: w.overLimitRate });
    downloadXlsx(`${t('menu.homework.district')}_${data.from}_${data.to}.xlsx`, [
      { name: t('hwv.district.sheetSchools'), headerRows: 1, widths: [12, 22, 14, 14, ...weeks.flatMap(() => [16, 16])], rows: [header, ...rows, total] },
      {
        name: t('hwv.district.sheetNotes'),
        widths: [18, 90],
        rows: [
          [t('hwv.range', { from: data.from, to: data.to }), ''],
          [t('hwv.withinRate'), t('hwv.help.withinRate', { p: targetPct })],
          [t('hwv.overRate'), t('hwv.help.overRate', { p: targetPct })],
          [t('hwv.overloaded'), t('hwv.help.overloaded', { p: targetPct })],
        ],
      },
    ]);
  };

  return (
    <>
      <PageHeader
        title={t('menu.homework.district')}
        sub={t('hwv.district.sub')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              disabledDate={(d, info) => !!info.from && Math.abs(d.diff(info.from, 'day')) > VIEW_RANGE_MAX_DAYS - 1}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
              data-testid="district-range"
            />
            <Button icon={<DownloadOutlined />} onClick={exportExcel} disabled={!data} data-testid="district-export">
              {t('hwv.district.export')}
            </Button>
          </Flex>
        }
      />
      {q.error && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={<MeasureTip measure="withinRate" vars={{ p: targetPct }}>{t('hwv.district.kpiWithin', { w: lastFull ? weekLabel(lastFull) : '' })}</MeasureTip>}
                value={percent(kpi?.withinLimitRate)}
                loading={q.isLoading}
                styles={{ content: { color: withinColor(kpi?.withinLimitRate, target) } }}
                data-testid="district-kpi-within"
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={<MeasureTip measure="overRate" vars={{ p: targetPct }}>{t('hwv.district.kpiOver', { w: lastFull ? weekLabel(lastFull) : '' })}</MeasureTip>}
                value={percent(kpi?.overLimitRate)}
                loading={q.isLoading}
                styles={{ content: { color: overColor(kpi?.overLimitRate, target) } }}
                data-testid="district-kpi-over"
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic title={t('hwv.district.kpiClassDays')} value={kpi ? `${kpi.overloadedDays} / ${kpi.reportedDays}` : '–'} loading={q.isLoading} />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic title={t('hwv.district.kpiReports')} value={kpi?.reporters ?? '–'} loading={q.isLoading} />
            </Card>
          </Col>
        </Row>
        <Card title={t('hwv.district.chartTitle')} loading={q.isLoading} data-testid="district-chart">
          {weeks.length ? <Chart option={chart} style={{ height: 300 }} /> : <Empty />}
        </Card>
        <Card
          title={t('hwv.district.tableTitle')}
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hwv.district.legend', { p: targetPct, tol: Math.round((1 - target) * 100), high: Math.round(2 * (1 - target) * 100) })}
            </Typography.Text>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Table<SchoolRow>
            rowKey="schoolId"
            data-testid="district-table"
            loading={q.isLoading}
            dataSource={schools}
            columns={columns}
            pagination={false}
            scroll={{ x: 346 + weeks.reduce((s, w) => s + weekWidth(w), 0) }}
            size="small"
            summary={() =>
              data && schools.length ? (
                <Table.Summary fixed>
                  <Table.Summary.Row style={{ background: '#fafafa' }}>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <Typography.Text strong>{t('hwv.district.districtTotal')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>
                      <RatesCell
                        target={target}
                        rates={(() => {
                          const s = data.totals.reduce((a, w) => ({ within: a.within + w.withinLimit, reporters: a.reporters + w.reporters, over: a.over + w.overloadedDays, reported: a.reported + w.reportedDays }), { within: 0, reporters: 0, over: 0, reported: 0 });
                          return { withinLimitRate: ratio(s.within, s.reporters), overLimitRate: ratio(s.over, s.reported), reporters: s.reporters, reportedDays: s.reported };
                        })()}
                      />
                    </Table.Summary.Cell>
                    {data.totals.map((w, i) => (
                      <Table.Summary.Cell key={w.weekStart} index={3 + i}>
                        <RatesCell rates={w} target={target} testId={`district-total-${w.weekStart}`} />
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Card>
      </Space>
      {drill && <DrillDown school={drill} from={data?.from ?? from} to={data?.to ?? to} target={target} onClose={() => setDrill(null)} />}
    </>
  );
}
