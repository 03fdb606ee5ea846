/** The school's two lunch writes: enrolling a child (kitchen chosen) and ending a child's lunch from a day on. */
import type { LunchEnrolment, LunchOffer } from '@shuangjian/contracts';
import { DatePicker, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { StudentPicker } from './CarePickers';
import { useCareWrites } from './queries';
import './messages';

export function LunchEnrolForm({ offer, taken, onClose }: { offer: LunchOffer; taken: readonly string[]; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ studentId: string; kitchen: string }>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { studentId: string; kitchen: string }) => writes.enrolLunch(offer.id, v.studentId, v.kitchen),
    saved: (e) => t('afterSchool.care.lunch.enrolSaved', { name: e.studentName, kitchen: e.kitchen }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('afterSchool.care.lunch.enrol')} onCancel={onClose} onOk={() => form.submit()} okText={t('afterSchool.care.lunch.enrol')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kitchen: offer.kitchens[0] }}>
        <Form.Item name="studentId" label={t('afterSchool.care.student')} rules={[{ required: true }]}>
          <StudentPicker schoolId={offer.schoolId} taken={taken} />
        </Form.Item>
        <Form.Item name="kitchen" label={t('afterSchool.care.kitchen')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={offer.kitchens.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LunchEndForm({ enrolment, today, onClose }: { enrolment: LunchEnrolment; today: string; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ fromDate: Dayjs }>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { fromDate: Dayjs }) => writes.endLunch(enrolment.id, v.fromDate.format('YYYY-MM-DD')),
    saved: (e) => t('afterSchool.care.lunch.endSaved', { name: e.studentName, from: e.endedOn ?? '' }),
    onSuccess: onClose,
  });
  const first = enrolment.startedOn > today ? enrolment.startedOn : today;
  return (
    <Modal open title={`${t('afterSchool.care.lunch.end')} · ${enrolment.studentName}`} onCancel={onClose} onOk={() => form.submit()} okText={t('afterSchool.care.lunch.end')} okButtonProps={{ danger: true }} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ fromDate: dayjs(first) }}>
        <Form.Item name="fromDate" label={t('afterSchool.care.lunch.endFrom')} extra={t('afterSchool.care.lunch.endHint')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < enrolment.startedOn} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
