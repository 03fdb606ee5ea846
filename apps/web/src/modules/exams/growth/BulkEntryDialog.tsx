/** 班主任 records one entry for the whole class (or the pupils ticked) in one request: a class activity, a labour task. */
import type { GrowthClassView } from '@shuangjian/contracts';
import { Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { entryBody, EntryFields, type EntryValues } from './EntryFields';
import { useGrowthWrites } from './queries';

type Values = EntryValues & { studentIds: string[] };

export function BulkEntryDialog({ view, open, onClose, today }: { view: GrowthClassView; open: boolean; onClose(): void; today: string }) {
  const { t } = useI18n();
  const writes = useGrowthWrites();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ studentIds: view.pupils.map((p) => p.studentId), dimension: 'moral', kind: 'activity', date: dayjs(today), title: undefined, detail: undefined });
  }, [open, form, view, today]);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.bulk(view.class.id, { semesterId: view.semester.id, studentIds: v.studentIds, ...entryBody(v) }),
    saved: (r) => (r.skipped ? t('exams.growth.bulkSkipped', { n: r.created, skipped: r.skipped }) : t('exams.growth.bulkDone', { n: r.created })),
    onSuccess: onClose,
  });
  return (
    <Modal open={open} title={t('exams.growth.bulkTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('exams.growth.save')} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="growth-bulk" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="studentIds" label={t('exams.growth.students')} rules={[{ required: true }]} extra={t('exams.growth.allStudents', { n: view.pupils.length })}>
          <Select mode="multiple" maxTagCount={4} options={view.pupils.map((p) => ({ value: p.studentId, label: p.name }))} optionFilterProp="label" />
        </Form.Item>
        <EntryFields form={form} labourTasks={view.labourTasks} today={today} />
      </Form>
    </Modal>
  );
}
