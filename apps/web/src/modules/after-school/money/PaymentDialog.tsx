/** 登记缴费 for a child's bill: amount (yuan, to the fen), date, payer, remark, reference; sent once under one key. */
import type { Bill } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { Form, type FormInstance, Input } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { amountRule, toFen, yuanString } from './money';
import { useMoneyWrites } from './queries';
import './messages';


interface Values {
  amount: string;
  paidOn: string;
  payer?: string;
  remark?: string;
  reference?: string;
}

export function PaymentDialog({ form, schoolId, bill, onClose }: { form: FormInstance<Values>; schoolId: string; bill: Bill; onClose: () => void }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const writes = useMoneyWrites();
  const save = useSaveMutation<Values>({
    form,
    mutationFn: (v) =>
      writes.recordPayment({ schoolId, studentId: bill.studentId, amountFen: toFen(v.amount), paidOn: v.paidOn, payer: v.payer, remark: v.remark, reference: v.reference }),
    saved: t('afterSchool.money.recorded'),
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      open
      form={form}
      name="payment"
      title={`${t('afterSchool.money.record')} · ${bill.className} ${bill.studentName}`}
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      initialValues={{ amount: yuanString(bill.dueFen - bill.paidFen), paidOn: todayIn(tz) }}
    >
      <Form.Item name="amount" label={t('afterSchool.money.amount')} rules={[amountRule(t('afterSchool.money.amount'))]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="paidOn" label={t('afterSchool.money.paidOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="payer" label={t('afterSchool.money.payer')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="remark" label={t('afterSchool.money.remark')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="reference" label={t('afterSchool.money.reference')}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}
