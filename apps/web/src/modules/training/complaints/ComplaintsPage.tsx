/** Handling complaints (district and inspectors): the tickets page by page with filters (the server's), a ticket's drawer, and the statistics tab. */
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type Complaint, complaintCategoryLabels, complaintStatusLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Switch, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { PAGE_SIZES } from '../../../components/usePaging';
import { complaintsExportUrl, type ComplaintFilters, useComplaintIdByCode, useComplaints } from './queries';
import { StatsPanel } from './StatsPanel';
import { TicketDrawer, useZones } from './TicketDrawer';
import { StatusTag } from './TicketTimeline';


export default function ComplaintsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: ComplaintFilters = {
    status: params.get('status') ?? undefined,
    category: params.get('category') ?? undefined,
    institutionId: params.get('institutionId') ?? undefined,
    zoneId: params.get('zoneId') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : PAGE_SIZES[0]!;
  /** A new filter starts again on the first page; opening a ticket keeps the page. */
  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (value) n.set(key, value);
      else n.delete(key);
      if (key !== 'id') n.delete('page');
      return n;
    });
  const list = useComplaints(filters, page, pageSize);
  const byCode = useComplaintIdByCode(params.get('code') ?? undefined);
  const zones = useZones();
  const institutions = useQuery({ queryKey: ['institutions'], queryFn: () => api.get<{ id: string; name: string }[]>('/api/institutions') });
  const open = params.get('id') ?? byCode.data ?? undefined;

  const table = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Select allowClear style={{ width: 130 }} placeholder={t('training.complaints.handle.allStatuses')} value={filters.status} onChange={(v) => set('status', v)}
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: complaintStatusLabels[s][locale] }))} data-testid="filter-status" />
        <Select allowClear style={{ width: 140 }} placeholder={t('training.complaints.handle.allCategories')} value={filters.category} onChange={(v) => set('category', v)}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: complaintCategoryLabels[c][locale] }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} placeholder={t('training.complaints.handle.allInstitutions')} value={filters.institutionId}
          onChange={(v) => set('institutionId', v)} options={institutions.data?.map((i) => ({ value: i.id, label: i.name }))} />
        <Select allowClear style={{ width: 160 }} placeholder={t('training.complaints.handle.allZones')} value={filters.zoneId} onChange={(v) => set('zoneId', v)}
          options={zones.data?.map((z) => ({ value: z.id, label: z.name }))} />
        <span>
          <Switch size="small" checked={!!filters.overdue} onChange={(v) => set('overdue', v ? 'true' : undefined)} data-testid="filter-overdue" /> {t('training.complaints.handle.overdueOnly')}
        </span>
        <Button icon={<DownloadOutlined />} href={complaintsExportUrl(filters)} download data-testid="complaints-export">
          {t('training.complaints.handle.export')}
        </Button>
      </Flex>
      {list.error && <QueryError error={list.error} />}
      <Table<Complaint>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) =>
            setParams((prev) => {
              const n = new URLSearchParams(prev);
              n.set('page', String(size === pageSize ? p : 1));
              if (size === PAGE_SIZES[0]) n.delete('pageSize');
              else n.set('pageSize', String(size));
              return n;
            }),
        }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => set('id', r.id), style: { cursor: 'pointer' } })}
        data-testid="complaints-table"
        columns={[
          { title: t('training.complaints.handle.code'), dataIndex: 'code', width: 120, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('training.complaints.ticket.institution'), dataIndex: 'institutionName' },
          { title: t('training.complaints.ticket.category'), dataIndex: 'category', width: 110, render: (v: Complaint['category']) => complaintCategoryLabels[v][locale] },
          { title: t('training.complaints.ticket.zone'), dataIndex: 'zoneName', width: 130, render: (v: string | null) => v ?? t('training.complaints.handle.unassigned') },
          { title: t('training.complaints.ticket.received'), dataIndex: 'receivedOn', width: 110 },
          { title: t('training.complaints.ticket.deadline'), dataIndex: 'deadline', width: 110 },
          { title: t('training.complaints.handle.status'), key: 'status', width: 150, render: (_: unknown, r) => <StatusTag status={r.status} overdue={r.overdue} /> },
        ]}
      />
    </>
  );
  return (
    <div data-testid="complaints-page">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('training.complaints.handle.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('training.complaints.handle.sub')}</Typography.Paragraph>
      {list.error ? <QueryError error={list.error} /> : null}
      <Tabs
        items={[
          { key: 'list', label: t('training.complaints.handle.tab.list'), children: table },
          { key: 'stats', label: t('training.complaints.handle.tab.stats'), children: <StatsPanel /> },
        ]}
      />
      <TicketDrawer id={open} onClose={() => setParams((p) => { const n = new URLSearchParams(p); n.delete('id'); n.delete('code'); return n; })} />
    </div>
  );
}
