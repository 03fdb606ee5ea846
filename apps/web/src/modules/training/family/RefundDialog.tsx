/** Asking for the refund of an order's unconsumed part: the amount custody returns now, a reason; the answer names the deadline. */
import { type FamilyOrder, TRAINING_REASON_MAX } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Form, Input, Modal, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useFamilyWrites } from './queries';

export function RefundDialog({ order, onClose }: { order: FamilyOrder; onClose(): void }) {
  const { t, locale } = useI18n();
  const writes = useFamilyWrites();
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useState(() => crypto.randomUUID());
  const refund = useSaveMutation({
    form,
    mutationFn: (v: { reason: string }) => writes.refund(order.id, v, key),
    saved: (r) => t('training.family.refund.done', { price: formatYuan(r.amountFen, { locale }), deadline: r.deadline }),
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={t('training.family.refund.title')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => refund.mutate(v))}
      okText={t('training.family.refund.submit')}
      okButtonProps={{ danger: true, disabled: order.money.refundableFen <= 0, 'data-testid': 'refund-submit' }}
      confirmLoading={refund.isPending}
      destroyOnHidden
    >
      <Statistic title={t('training.family.refund.amount')} value={formatYuan(order.money.refundableFen, { locale })} styles={{ content: { color: '#cf1322' } }} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0' }}>
        {order.courseName} · {t('training.family.order.left', { left: order.lessonsLeft, total: order.lessons })}
        <br />
        {t('training.family.refund.intro')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('training.family.refund.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={TRAINING_REASON_MAX} placeholder={t('training.family.refund.placeholder')} data-testid="refund-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
