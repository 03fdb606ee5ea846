/** The district changes an institution's status with a reason (and marks a serious violation); the lists follow. */
import { INSTITUTION_STATUSES, type RegistryProfile, trainingStatusLabels } from '@shuangjian/contracts';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useRegistryWrites } from './queries';

interface Values {
  status: RegistryProfile['status'];
  reason: string;
  serious: boolean;
}

export function StatusDialog({ profile, open, onClose }: { profile: RegistryProfile; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const writes = useRegistryWrites();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation({ form, mutationFn: (v: Values) => writes.changeStatus(profile.institutionId, v), saved: t('training.reg.statusChanged'), onSuccess: onClose });
  return (
    <FormModal<Values>
      form={form}
      name="status"
      open={open}
      onCancel={onClose}
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      title={t('training.reg.statusTitle', { name: profile.institutionName })}
      initialValues={{ status: profile.status, serious: false }}
      intro={<Typography.Paragraph type="secondary">{t('training.reg.statusRule')}</Typography.Paragraph>}
    >
      <Form.Item name="status" label={t('training.reg.statusTo')} rules={[{ required: true }]}>
        <Select options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: trainingStatusLabels[s][locale] }))} data-testid="status-select" />
      </Form.Item>
      <Form.Item name="reason" label={t('training.reg.statusReason')} extra={t('training.reg.statusReasonHint')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={3} data-testid="status-reason" />
      </Form.Item>
      <Form.Item name="serious" valuePropName="checked">
        <Checkbox>{t('training.reg.serious')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
