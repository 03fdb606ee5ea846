/** 停课: cancel a course's session of a day with its reason (the families are told). */
import type { DayCourse } from '@shuangjian/contracts';
import { Form, Input } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useDailyWrites } from '../queries';

export function CancelDialog({ course, date, onClose }: { course: DayCourse | null; date: string; onClose: () => void }) {
  const { t } = useI18n();
  const writes = useDailyWrites();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { reason: string }) => writes.cancel(course!.courseId, { date, reason: v.reason }),
    saved: t('afterSchool.daily.cancelDone'),
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      name="cancel-session"
      open={!!course}
      title={course ? t('afterSchool.daily.cancelTitle', { course: course.name }) : ''}
      intro={<p>{t('afterSchool.daily.cancelIntro')}</p>}
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="reason" label={t('afterSchool.daily.cancelReason')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}
