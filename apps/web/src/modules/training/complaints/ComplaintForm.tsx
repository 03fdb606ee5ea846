/**
 * The complaint form the public page and the parent's page share: an institution from the district's published lists
 * or a name typed in, the category, what happened, a phone to reply to. Server field errors land on their fields.
 */
import { COMPLAINT_CATEGORIES, COMPLAINT_TEXT_MAX, COMPLAINT_TEXT_MIN, complaintCategoryLabels } from '@shuangjian/contracts';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { applyServerError } from '../../../components/errors';
import { type Filing, type InstitutionOption } from './queries';

interface Values {
  institutionId?: string;
  institutionName?: string;
  category: string;
  description: string;
  replyPhone?: string;
}

export function ComplaintForm({
  institutions,
  phoneRequired,
  submit,
  onFiled,
}: {
  institutions: readonly InstitutionOption[];
  phoneRequired: boolean;
  submit: (body: Filing) => Promise<unknown>;
  onFiled: (result: unknown) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = Form.useWatch('institutionId', form);

  const finish = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      const result = await submit({
        category: v.category,
        institutionId: v.institutionId ?? null,
        institutionName: v.institutionId ? null : v.institutionName?.trim() || null,
        description: v.description,
        replyPhone: v.replyPhone?.trim() || null,
      });
      form.resetFields();
      onFiled(result);
    } catch (e) {
      applyServerError(form, e, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} requiredMark={false} data-testid="complaint-form">
      <Form.Item name="institutionId" label={t('training.complaints.form.institution')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          size="large"
          placeholder={t('training.complaints.form.institutionPick')}
          options={institutions.map((i) => ({ value: i.id, label: i.name }))}
          data-testid="complaint-institution"
        />
      </Form.Item>
      {!picked && (
        <Form.Item
          name="institutionName"
          label={t('training.complaints.form.institutionFree')}
          rules={[{ validator: async (_r, v: string | undefined) => (form.getFieldValue('institutionId') || v?.trim() ? undefined : Promise.reject(new Error(t('training.complaints.form.needInstitution')))) }]}
        >
          <Input size="large" maxLength={60} placeholder={t('training.complaints.form.institutionFreeHolder')} data-testid="complaint-institution-name" />
        </Form.Item>
      )}
      <Form.Item name="category" label={t('training.complaints.form.category')} rules={[{ required: true }]}>
        <Select size="large" options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: complaintCategoryLabels[c][locale] }))} data-testid="complaint-category" />
      </Form.Item>
      <Form.Item name="description" label={t('training.complaints.form.description')} rules={[{ required: true, whitespace: true }, { min: COMPLAINT_TEXT_MIN }]}>
        <Input.TextArea rows={5} maxLength={COMPLAINT_TEXT_MAX} showCount placeholder={t('training.complaints.form.descriptionHolder')} data-testid="complaint-description" />
      </Form.Item>
      <Form.Item
        name="replyPhone"
        label={t(phoneRequired ? 'training.complaints.form.phone' : 'training.complaints.form.phoneOptional')}
        rules={[{ required: phoneRequired }, { pattern: /^1[3-9]\d{9}$/, message: '应为 11 位手机号' }]}
      >
        <Input size="large" inputMode="tel" maxLength={11} data-testid="complaint-phone" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="complaint-error" />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="complaint-submit">
        {t('training.complaints.form.submit')}
      </Button>
    </Form>
  );
}
