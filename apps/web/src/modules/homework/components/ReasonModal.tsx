/** A modal that asks for a reason (退回、删减、更正…) and any extra fields the step needs; the server's field errors land on the fields. */
import { REASON_MAX, REASON_MIN } from '@shuangjian/contracts';
import { Form, type FormInstance, Input } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';

export interface ReasonValues {
  reason?: string;
  minutes?: number;
  date?: import('dayjs').Dayjs;
}

export function ReasonModal({
  open,
  title,
  reasonLabel,
  required = true,
  okText,
  danger,
  loading,
  onCancel,
  onOk,
  children,
  description,
  form: given,
  initialValues,
}: {
  open: boolean;
  title: ReactNode;
  reasonLabel?: string;
  required?: boolean;
  okText?: string;
  danger?: boolean;
  loading?: boolean;
  onCancel: () => void;
  onOk: (values: ReasonValues) => void;
  children?: ReactNode;
  description?: ReactNode;
  form?: FormInstance<ReasonValues>;
  initialValues?: ReasonValues;
}) {
  const t = useT();
  const [own] = Form.useForm<ReasonValues>();
  const form = given ?? own;
  return (
    <FormModal
      open={open}
      title={title}
      onCancel={onCancel}
      okText={okText}
      okButtonProps={{ danger }}
      form={form}
      loading={!!loading}
      intro={description && <div style={{ marginBottom: 12 }}>{description}</div>}
      preserve={false}
      initialValues={initialValues}
      onFinish={(v) => onOk({ ...v, reason: v.reason?.trim() || undefined })}
    >
      {children}
      <Form.Item
        name="reason"
        label={reasonLabel ?? t('hw.reason')}
        rules={required ? [{ required: true, whitespace: true, message: t('hw.reasonRequired') }, { min: REASON_MIN, message: t('hw.reasonMin', { n: REASON_MIN }) }] : [{ min: REASON_MIN, message: t('hw.reasonMin', { n: REASON_MIN }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={REASON_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
