/** Drill-down from a school: its classes over the range; each class opens its load calendar, and from there its days. */
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { Chart, type ChartOption } from '../../../components/Chart';
import { QueryError } from '../../../components/QueryError';
import { MeasureTip } from '../components/MeasureTip';
import { hwKey } from '../components/model';
import { overColor, percent, WARN, withinColor } from '../components/rates';
import type { ClassRow } from './types';

export function ClassesDrawer({ school, from, to, target, onClose }: { school: { schoolId: string; schoolName: string; zoneName: string }; from: string; to: string; target: number; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: hwKey('district-classes', school.schoolId, from, to),
    queryFn: () => api.get<ClassRow[]>(`/api/homework/district/classes${qs({ schoolId: school.schoolId, from, to })}`),
  });
  const rows = q.data ?? [];
  const classLink = (id: string) => `/homework/class${qs({ classId: id, from, to })}`;
  const p = Math.round(target * 100);
  const chart: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '–') },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => r.className), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('hwv.withinRate'),
        type: 'bar',
        data: rows.map((r) => ({ value: r.withinLimitRate === null ? null : Math.round(r.withinLimitRate * 1000) / 10, itemStyle: { color: withinColor(r.withinLimitRate, target) } })),
        markLine: { symbol: 'none', lineStyle: { color: WARN, type: 'dashed' }, label: { formatter: t('hwv.targetLabel', { p }), position: 'insideEndTop' }, data: [{ yAxis: target * 100 }] },
      },
      { name: t('hwv.reportingRate'), type: 'line', data: rows.map((r) => (r.reportingRate === null ? null : Math.round(r.reportingRate * 1000) / 10)), itemStyle: { color: '#1677ff' }, symbolSize: 5 },
    ],
  };
  return (
    <Drawer open onClose={onClose} size={Math.min(980, window.innerWidth)} title={t('hwv.district.drillTitle', { school: school.schoolName })} data-testid="district-drill">
      <Typography.Paragraph type="secondary">
        {school.zoneName} · {t('hwv.range', { from, to })} · {t('hwv.district.drillHint')}
      </Typography.Paragraph>
      <QueryError error={q.error} />
      {rows.length > 0 && <Chart option={chart} style={{ height: 240 }} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('hwv.note.withinShort', { p })} {t('hwv.note.reportingShort')}
      </Typography.Paragraph>
      <Table<ClassRow>
        rowKey="classId"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="district-drill-table"
        onRow={(r) => ({ onClick: () => void navigate(classLink(r.classId)), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('hwv.col.class'),
            dataIndex: 'className',
            fixed: 'left',
            width: 130,
            render: (n: string, r) => (
              <Link to={classLink(r.classId)} onClick={(e) => e.stopPropagation()} data-testid="district-drill-class">
                {n} <RightOutlined style={{ fontSize: 10 }} />
              </Link>
            ),
          },
          { title: t('hwv.district.classDays'), dataIndex: 'classDays', align: 'right', sorter: (a, b) => a.classDays - b.classDays },
          {
            title: <MeasureTip measure="withinRate" vars={{ p }}>{t('hwv.withinRate')}</MeasureTip>,
            key: 'within',
            align: 'right',
            sorter: (a, b) => (a.withinLimitRate ?? 2) - (b.withinLimitRate ?? 2),
            render: (_: unknown, r) => <Typography.Text style={{ color: withinColor(r.withinLimitRate, target) }}>{percent(r.withinLimitRate)}</Typography.Text>,
          },
          {
            title: t('hwv.reportingRate'),
            key: 'reporting',
            align: 'right',
            sorter: (a, b) => (a.reportingRate ?? 2) - (b.reportingRate ?? 2),
            render: (_: unknown, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {percent(r.reportingRate)}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({r.reporters}/{r.students})
                </Typography.Text>
              </span>
            ),
          },
          {
            title: <MeasureTip measure="overloaded" vars={{ p }}>{t('hwv.district.overloadedDays')}</MeasureTip>,
            key: 'over',
            align: 'right',
            sorter: (a, b) => (a.overLimitRate ?? 0) - (b.overLimitRate ?? 0),
            render: (_: unknown, r) => (
              <Typography.Text style={{ color: overColor(r.overLimitRate, target), whiteSpace: 'nowrap' }}>
                {r.overloadedDays} / {r.reportedDays}
              </Typography.Text>
            ),
          },
          { title: t('hwv.bedtimeStops'), dataIndex: 'bedtimeStops', align: 'right' },
          { title: <MeasureTip measure="counted">{t('hwv.district.meanPlanned')}</MeasureTip>, dataIndex: 'meanPlanned', align: 'right', render: (v: number | null) => (v === null ? '–' : t('hwv.minutes', { n: v })) },
          { title: <MeasureTip measure="median">{t('hwv.district.meanMedian')}</MeasureTip>, dataIndex: 'meanMedian', align: 'right', render: (v: number | null) => (v === null ? '–' : t('hwv.minutes', { n: v })) },
        ]}
      />
    </Drawer>
  );
}
