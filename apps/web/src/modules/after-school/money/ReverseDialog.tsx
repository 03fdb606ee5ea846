/** 冲正: a payment recorded by mistake reversed with its reason (never deleted or edited); the bills it paid reopen. */
import type { Payment, PaymentReversalResult } from '@shuangjian/contracts';
import { Alert, Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { yuan } from './money';
import { useMoneyWrites } from './queries';
import './messages';

export function ReverseDialog({ payment, onClose, onDone }: { payment: Payment | null; onClose: () => void; onDone: (r: PaymentReversalResult) => void }) {
  const { t, locale } = useI18n();
  const writes = useMoneyWrites();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { reason: string }) => writes.reverse(payment!.id, v.reason),
    saved: t('afterSchool.money.reversed'),
    onSuccess: (r) => {
      onDone(r);
      onClose();
    },
  });
  const who = payment ? (payment.studentName ? `${payment.className ?? ''} ${payment.studentName}` : (payment.payer ?? payment.reference ?? '')) : '';
  return (
    <FormModal
      form={form}
      name="reverse-payment"
      open={!!payment}
      title={payment ? t('afterSchool.money.reverseTitle', { amount: yuan(payment.amountFen, locale), paidOn: payment.paidOn, who }) : ''}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('afterSchool.money.reverseIntro')} />}
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      okText={t('afterSchool.money.reverse')}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="reason" label={t('afterSchool.money.reverseReason')} rules={[{ required: true, whitespace: true, message: t('afterSchool.money.reverseReasonRequired') }]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} placeholder={t('afterSchool.money.reverseReasonHint')} />
      </Form.Item>
    </FormModal>
  );
}
