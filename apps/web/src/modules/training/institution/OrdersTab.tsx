/** The institution's orders, filtered by status, course and pupil or code: lessons left and each order's money. */
import { type InstitutionOrder, ORDER_STATUSES, type OrderStatus, orderStatusLabels } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Flex, Input, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useInstitutionOrders } from './queries';

const STATUS_COLOR = { active: 'processing', completed: 'default', refunded: 'warning', expired: 'default' } as const;

export function OrdersTab({ institutionId }: { institutionId: string }) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [courseId, setCourseId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const q = useInstitutionOrders(institutionId, status);
  const all = q.data?.orders;
  const courses = useMemo(() => [...new Map((all ?? []).map((o) => [o.courseId, o.courseName])).entries()], [all]);
  const rows = (all ?? []).filter((o) => (!courseId || o.courseId === courseId) && (!search || o.studentName.includes(search.trim()) || o.code.includes(search.trim().toUpperCase())));
  const y = (v: InstitutionOrder['priceFen']) => formatYuan(v, { locale });
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<OrderStatus>
          allowClear
          placeholder={t('training.inst.orders.status')}
          value={status}
          onChange={setStatus}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: orderStatusLabels[s][locale] }))}
          style={{ width: 120 }}
          data-testid="orders-status"
        />
        <Select
          allowClear
          placeholder={t('training.inst.orders.course')}
          value={courseId}
          onChange={setCourseId}
          options={courses.map(([value, label]) => ({ value, label }))}
          style={{ width: 200 }}
        />
        <Input.Search allowClear placeholder={t('training.inst.orders.search')} onSearch={setSearch} style={{ width: 220 }} />
      </Flex>
      <QueryError error={q.error} />
      <Table<InstitutionOrder>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('training.inst.orders.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('training.inst.orders.code'), dataIndex: 'code', width: 150 },
          { title: t('training.inst.orders.student'), dataIndex: 'studentName', width: 90 },
          { title: t('training.inst.orders.course'), key: 'course', render: (_, o) => `${o.courseName} · ${o.packageName}` },
          { title: t('training.inst.orders.left'), key: 'left', width: 100, render: (_, o) => `${o.lessonsLeft} / ${o.lessons}` },
          { title: t('training.inst.orders.held'), key: 'held', width: 110, align: 'right', render: (_, o) => y(o.money.heldFen) },
          { title: t('training.inst.orders.released'), key: 'released', width: 110, align: 'right', render: (_, o) => y(o.money.releasedFen) },
          { title: t('training.inst.orders.refunded'), key: 'refunded', width: 110, align: 'right', render: (_, o) => y(o.money.refundedFen) },
          { title: t('training.inst.orders.validUntil'), dataIndex: 'validUntil', width: 110 },
          { title: t('training.inst.orders.status'), dataIndex: 'status', width: 90, render: (s: OrderStatus) => <Tag color={STATUS_COLOR[s]}>{orderStatusLabels[s][locale]}</Tag> },
        ]}
      />
    </>
  );
}
