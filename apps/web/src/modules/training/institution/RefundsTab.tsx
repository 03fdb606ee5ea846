/** Refunds families asked of this institution, a page at a time (the server's): amount, reason, deadline (overdue marked); record one paid from custody. */
import { type Refund, REFUND_STATUSES, type RefundStatus, refundStatusLabels } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Button, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useInstitutionWrites, useRefunds } from './queries';
import { usePaging } from '../../../components/usePaging';

function PayDialog({ refund, onClose }: { refund: Refund; onClose(): void }) {
  const { t, locale } = useI18n();
  const writes = useInstitutionWrites();
  const [form] = Form.useForm<{ reference?: string; note?: string }>();
  const [key] = useState(() => crypto.randomUUID());
  const pay = useSaveMutation({
    form,
    mutationFn: (v: { reference?: string; note?: string }) => writes.payRefund(refund.id, { reference: v.reference?.trim() || null, note: v.note?.trim() || null }, key),
    saved: (r) => t('training.inst.refunds.paid', { price: formatYuan(r.amountFen, { locale }) }),
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={t('training.inst.refunds.payTitle')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => pay.mutate(v))}
      confirmLoading={pay.isPending}
      okButtonProps={{ 'data-testid': 'refund-pay-submit' }}
      destroyOnHidden
    >
      <p>
        {refund.studentName} · {refund.orderCode} · <strong>{formatYuan(refund.amountFen, { locale })}</strong>
      </p>
      <Form form={form} layout="vertical">
        <Form.Item name="reference" label={t('training.inst.refunds.reference')}>
          <Input maxLength={64} data-testid="refund-reference" />
        </Form.Item>
        <Form.Item name="note" label={t('training.inst.refunds.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RefundsTab({ institutionId }: { institutionId: string }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const [status, setStatus] = useState<RefundStatus | undefined>();
  const [paying, setPaying] = useState<Refund | null>(null);
  const { paging, restart, pagination } = usePaging();
  const q = useRefunds(institutionId, status, paging);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<RefundStatus>
          allowClear
          placeholder={t('training.inst.refunds.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            restart();
          }}
          options={REFUND_STATUSES.map((s) => ({ value: s, label: refundStatusLabels[s][locale] }))}
          style={{ width: 140 }}
        />
      </Flex>
      <QueryError error={q.error} />
      <Table<Refund>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('training.inst.refunds.none') }}
        pagination={pagination(q.data?.total)}
        onRow={() => ({ 'data-testid': 'refund-row' }) as object}
        data-testid="refunds-table"
        columns={[
          { title: t('training.inst.refunds.student'), dataIndex: 'studentName', width: 90 },
          { title: t('training.inst.refunds.order'), dataIndex: 'orderCode', width: 150 },
          { title: t('training.inst.refunds.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: Refund['amountFen']) => formatYuan(v, { locale }) },
          { title: t('training.inst.refunds.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('training.inst.refunds.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v, tz).slice(0, 16) },
          {
            title: t('training.inst.refunds.deadline'),
            key: 'deadline',
            width: 150,
            render: (_, r) => (
              <>
                {r.deadline} {r.overdue && r.status === 'requested' && <Tag color="error">{t('training.inst.refunds.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('training.inst.refunds.status'),
            key: 'status',
            width: 170,
            render: (_, r) =>
              r.status === 'requested' ? (
                <Button size="small" type="primary" onClick={() => setPaying(r)} data-testid="refund-pay">
                  {t('training.inst.refunds.pay')}
                </Button>
              ) : (
                <Tag color="success" title={r.payReference ?? undefined}>
                  {refundStatusLabels[r.status][locale]} {t('training.inst.refunds.paidBy', { name: r.paidByName ?? '', at: formatDateTime(r.paidAt, tz).slice(5, 16) })}
                </Tag>
              ),
          },
        ]}
      />
      {paying && <PayDialog refund={paying} onClose={() => setPaying(null)} />}
    </>
  );
}
