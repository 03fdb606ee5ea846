/** Schools by week, a page at a time: the server sorts (by a rate, worst first, or by zone and code), filters by zone and pages. */
import { DISTRICT_SCHOOL_SORTS } from '@shuangjian/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { api, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { hwKey } from '../components/model';
import { overColor, percent, withinColor } from '../components/rates';
import { RatesCell } from './RatesCell';
import { type SchoolRow, type SchoolsPage, type Week, weekLabel } from './types';

type Sort = (typeof DISTRICT_SCHOOL_SORTS)[number];
export interface TableState {
  page: number;
  pageSize: number;
  sort: Sort;
  order: 'asc' | 'desc';
}

export function SchoolsTable({
  from,
  to,
  zoneId,
  weeks,
  target,
  state,
  onState,
  onOpen,
}: {
  from: string;
  to: string;
  zoneId: string | undefined;
  weeks: Week[];
  target: number;
  state: TableState;
  onState(s: TableState): void;
  onOpen(school: SchoolRow): void;
}) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: hwKey('district-schools', from, to, zoneId, state),
    queryFn: () => api.get<SchoolsPage>(`/api/homework/district/schools${qs({ from, to, zoneId, ...state })}`),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const sortOrder = (key: Sort): SortOrder => (state.sort === key ? (state.order === 'asc' ? 'ascend' : 'descend') : null);
  const rate = (key: 'within' | 'over' | 'reporting', title: string, pick: (r: SchoolRow) => number | null, color: (v: number | null) => string | undefined) => ({
    title,
    key,
    width: 112,
    align: 'right' as const,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
    render: (_: unknown, r: SchoolRow) => <Typography.Text style={{ color: color(pick(r)) }}>{percent(pick(r))}</Typography.Text>,
  });
  const columns: ColumnsType<SchoolRow> = [
    { title: t('hwv.col.zone'), dataIndex: 'zoneName', key: 'zone', width: 110, fixed: 'left', sorter: true, sortOrder: sortOrder('zone') },
    {
      title: t('hwv.col.school'),
      dataIndex: 'schoolName',
      key: 'code',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('code'),
      render: (n: string, r) => (
        <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => onOpen(r)} data-testid="district-school">
          {n}
        </Button>
      ),
    },
    rate('within', t('hwv.withinRate'), (r) => r.withinLimitRate, (v) => withinColor(v, target)),
    rate('reporting', t('hwv.reportingRate'), (r) => r.reportingRate, () => undefined),
    rate('over', t('hwv.overRate'), (r) => r.overLimitRate, (v) => overColor(v, target)),
    ...weeks.map((w) => ({
      title: (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('hwv.district.weekOf', { w: weekLabel(w.weekStart) })}
          {w.partial && (
            <Tag color="gold" style={{ marginInlineStart: 4, fontSize: 11, paddingInline: 4 }}>
              {t('hwv.partialShort')}
            </Tag>
          )}
        </span>
      ),
      key: w.weekStart,
      width: w.classDays ? 118 : 84,
      render: (_: unknown, r: SchoolRow) => <RatesCell rates={r.weeks.find((x) => x.weekStart === w.weekStart)} target={target} />,
    })),
  ];
  return (
    <>
      <QueryError error={q.error} style={{ margin: 12 }} />
      <Table<SchoolRow>
        rowKey="schoolId"
        data-testid="district-table"
        loading={q.isFetching}
        dataSource={rows}
        columns={columns}
        size="small"
        scroll={{ x: 596 + weeks.reduce((s, w) => s + (w.classDays ? 118 : 84), 0) }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('hwv.district.schoolsTotal', { n }),
        }}
        onChange={(p, _f, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<SchoolRow> | undefined;
          const key = (s?.order ? String(s.columnKey) : 'code') as Sort;
          const order = s?.order === 'descend' ? 'desc' : 'asc';
          const sortChanged = key !== state.sort || order !== state.order;
          onState({ page: sortChanged ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? state.pageSize, sort: key, order });
        }}
      />
    </>
  );
}
