/** The school's two dialogs: open a choosing window, and run the lottery draw with a seed to publish. */
import type { EnrolWindow } from '@shuangjian/contracts';
import { DatePicker, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useEnrolWrites } from './queries';

interface OpenValues {
  opensAt: Dayjs;
  closesAt: Dayjs;
  mode: 'first_come' | 'lottery';
  maxClubs: number;
}

export function OpenWindowDialog({ open, schoolId, semesterId, onClose }: { open: boolean; schoolId: string; semesterId: string; onClose(): void }) {
  const { t } = useI18n();
  const writes = useEnrolWrites();
  const [form] = Form.useForm<OpenValues>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: OpenValues) => writes.openWindow({ schoolId, semesterId, opensAt: v.opensAt.toISOString(), closesAt: v.closesAt.toISOString(), mode: v.mode, maxClubs: v.maxClubs }),
    saved: t('afterSchool.enrol.school.opened'),
    onSuccess: onClose,
  });
  return (
    <FormModal<OpenValues>
      open={open}
      title={t('afterSchool.enrol.school.open')}
      form={form}
      name="open-window"
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      initialValues={{ opensAt: dayjs().startOf('hour'), closesAt: dayjs().add(7, 'day').hour(20).startOf('hour'), mode: 'first_come', maxClubs: 2 }}
    >
      <Form.Item name="opensAt" label={t('afterSchool.enrol.school.opens')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="closesAt" label={t('afterSchool.enrol.school.closes')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="mode" label={t('afterSchool.enrol.school.mode')}>
        <Radio.Group options={(['first_come', 'lottery'] as const).map((m) => ({ value: m, label: t(`afterSchool.enrol.mode.${m}`) }))} />
      </Form.Item>
      <Form.Item name="maxClubs" label={t('afterSchool.enrol.school.maxClubs')} rules={[{ required: true }]}>
        <InputNumber min={0} max={10} />
      </Form.Item>
    </FormModal>
  );
}

export function DrawDialog({ window, onClose }: { window: EnrolWindow | null; onClose(): void }) {
  const { t } = useI18n();
  const writes = useEnrolWrites();
  const [form] = Form.useForm<{ seed?: string }>();
  const draw = useSaveMutation({
    form,
    mutationFn: (v: { seed?: string }) => writes.draw(window!.id, v.seed?.trim() || undefined),
    saved: (r) => t('afterSchool.enrol.school.drawn', { seed: r.seed }),
    onSuccess: onClose,
  });
  return (
    <FormModal<{ seed?: string }>
      open={!!window}
      title={t('afterSchool.enrol.school.drawTitle')}
      form={form}
      name="draw"
      loading={draw.isPending}
      onCancel={onClose}
      onFinish={(v) => draw.mutate(v)}
      intro={<Typography.Paragraph type="secondary">{t('afterSchool.enrol.school.drawIntro')}</Typography.Paragraph>}
    >
      <Form.Item name="seed" label={t('afterSchool.enrol.school.seed')}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}
