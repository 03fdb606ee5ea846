/** The written request (书面申请) on the phone: reason, the family's undertaking (to agree to), valid until. */
import { PHONE_REASON_MAX, PHONE_UNDERTAKING_DEFAULT, PHONE_UNDERTAKING_MAX } from '@shuangjian/contracts';
import { Button, Checkbox, Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { usePhoneWrites } from './queries';

type Values = { reason: string; undertaking: string; validUntil: string; agree: boolean };

export function RequestForm({ studentId, latestValidUntil, onFiled }: { studentId: string; latestValidUntil: string; onFiled(): void }) {
  const { t } = useI18n();
  const writes = usePhoneWrites();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.file({ studentId, reason: v.reason, undertaking: v.undertaking, validUntil: v.validUntil || null }),
    saved: t('five.phones.filed'),
    onSuccess: () => {
      form.resetFields();
      onFiled();
    },
  });
  return (
    <Form<Values> form={form} name="phone-request" layout="vertical" initialValues={{ undertaking: PHONE_UNDERTAKING_DEFAULT, validUntil: latestValidUntil, agree: false }} onFinish={(v) => save.mutate(v)}>
      <Form.Item name="reason" label={t('five.phones.reason')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} maxLength={PHONE_REASON_MAX} placeholder={t('five.phones.reasonHint')} data-testid="phone-reason" />
      </Form.Item>
      <Form.Item name="undertaking" label={t('five.phones.undertaking')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={PHONE_UNDERTAKING_MAX} />
      </Form.Item>
      <Form.Item name="validUntil" label={t('five.phones.validUntil', { date: latestValidUntil })} rules={[{ required: true }]}>
        <Input type="date" max={latestValidUntil} size="large" />
      </Form.Item>
      <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('five.phones.mustAgree')))) }]}>
        <Checkbox data-testid="phone-agree">{t('five.phones.agree')}</Checkbox>
      </Form.Item>
      <Button type="primary" size="large" block htmlType="submit" loading={save.isPending} data-testid="phone-submit">
        {t('five.phones.submit')}
      </Button>
    </Form>
  );
}
