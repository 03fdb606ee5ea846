/** Findings of every visit the person may see, filtered by status and overdue, each opening its history. */
import { type Finding, findingCategoryLabels, RECTIFICATION_STATUSES, rectificationStatusLabels } from '@shuangjian/contracts';
import { Checkbox, Drawer, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { QueryError } from '../../../../components/QueryError';
import { FindingCard } from '../FindingCard';
import { useFindings } from '../queries';

const statusColor = { open: 'orange', responded: 'blue', closed: 'green' } as const;

export function FindingsTab() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState<Finding | null>(null);
  const list = useFindings({ status, overdue: overdue || undefined });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('training.insp.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: rectificationStatusLabels[s][locale] }))} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="filter-overdue">
          {t('training.insp.filter.overdue')}
        </Checkbox>
      </Flex>
      {list.error && <QueryError error={list.error} />}
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
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
                {r.overdue && <Tag color="red">{t('training.insp.overdue')}</Tag>}
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
