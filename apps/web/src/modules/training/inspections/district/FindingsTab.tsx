/** Findings of every visit the person may see, a page at a time from the server (overdue first), filtered by status, overdue and words; each opens its history. */
import { type Finding, findingCategoryLabels, RECTIFICATION_STATUSES, type RectificationStatus, rectificationStatusLabels } from '@shuangjian/contracts';
import { Checkbox, Drawer, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { QueryError } from '../../../../components/QueryError';
import { usePaging } from '../../../../components/usePaging';
import { FindingCard } from '../FindingCard';
import { type FindingFilters, useFindings } from '../queries';

const statusColor = { open: 'orange', responded: 'blue', closed: 'green' } as const;

export function FindingsTab() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<FindingFilters>({});
  const pager = usePaging();
  const [open, setOpen] = useState<Finding | null>(null);
  const list = useFindings(filters, pager.page, pager.pageSize);
  /** A new filter starts again on the first page. */
  const filter = (next: Partial<FindingFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    pager.restart();
  };
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select<RectificationStatus>
          allowClear
          placeholder={t('training.insp.status')}
          style={{ width: 160 }}
          value={filters.status as RectificationStatus | undefined}
          onChange={(status) => filter({ status })}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: rectificationStatusLabels[s][locale] }))}
          data-testid="filter-status"
        />
        <Input.Search
          allowClear
          placeholder={t('training.insp.filter.search')}
          style={{ width: 260 }}
          maxLength={50}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="filter-q"
        />
        <Checkbox checked={!!filters.overdue} onChange={(e) => filter({ overdue: e.target.checked || undefined })} data-testid="filter-overdue">
          {t('training.insp.filter.overdue')}
        </Checkbox>
      </Flex>
      {list.error && <QueryError error={list.error} />}
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={pager.pagination(list.data?.total)}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        data-testid="findings-table"
        columns={[
          { title: t('training.insp.col.institution'), dataIndex: 'institutionName', width: 180 },
          { title: t('training.insp.col.category'), dataIndex: 'category', width: 100, render: (v: Finding['category']) => findingCategoryLabels[v][locale] },
          { title: t('training.insp.col.description'), dataIndex: 'description', ellipsis: true },
          { title: t('training.insp.col.visitDate'), dataIndex: 'visitDate', width: 110 },
          { title: t('training.insp.col.inspector'), dataIndex: 'inspectorName', width: 90 },
          { title: t('training.insp.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('training.insp.status'),
            key: 'status',
            width: 140,
            render: (_: unknown, r) => (
              <>
                <Tag color={statusColor[r.status]}>{rectificationStatusLabels[r.status][locale]}</Tag>
                {r.overdue && (
                  <Tag color="red" data-testid="finding-overdue">
                    {t('training.insp.overdue')}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.institutionName} size="large">
        {open && <FindingCard finding={open} showInstitution={false} />}
      </Drawer>
    </>
  );
}
