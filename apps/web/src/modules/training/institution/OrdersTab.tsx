/** The institution's orders, a page at a time, filtered by the server on status, course and pupil or code: lessons left and each order's money. */
import { type InstitutionOrder, ORDER_STATUSES, type OrderStatus, orderStatusLabels } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { type OrderFilters, useInstitutionCourses, useInstitutionOrders } from './queries';
import { usePaging } from '../../../components/usePaging';

const STATUS_COLOR = { active: 'processing', completed: 'default', refunded: 'warning', expired: 'default' } as const;

export function OrdersTab({ institutionId }: { institutionId: string }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<OrderFilters>({});
  const { paging, restart, pagination } = usePaging();
  const q = useInstitutionOrders(institutionId, filters, paging);
  const courses = useInstitutionCourses(institutionId);
  const filter = (next: OrderFilters) => {
    setFilters((f) => ({ ...f, ...next }));
    restart();
  };
  const y = (v: InstitutionOrder['priceFen']) => formatYuan(v, { locale });
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<OrderStatus>
          allowClear
          placeholder={t('training.inst.orders.status')}
          value={filters.status}
          onChange={(status) => filter({ status })}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: orderStatusLabels[s][locale] }))}
          style={{ width: 120 }}
          data-testid="orders-status"
        />
        <Select
          allowClear
          placeholder={t('training.inst.orders.course')}
          value={filters.courseId}
          onChange={(courseId: string | undefined) => filter({ courseId })}
          loading={courses.isLoading}
          options={courses.data?.courses.map((c) => ({ value: c.id, label: c.name }))}
          style={{ width: 200 }}
          data-testid="orders-course"
        />
        <Input.Search
          allowClear
          placeholder={t('training.inst.orders.search')}
          onSearch={(v) => filter({ q: v.trim() || undefined })}
          maxLength={50}
          style={{ width: 220 }}
          data-testid="orders-search"
        />
      </Flex>
      <QueryError error={q.error ?? courses.error} />
      <Table<InstitutionOrder>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('training.inst.orders.none') }}
        pagination={pagination(q.data?.total)}
        onRow={() => ({ 'data-testid': 'order-row' }) as object}
        data-testid="orders-table"
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
