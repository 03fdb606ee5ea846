/** One care given (谈心, 亲情电话 …) recorded on the spot: kind, the day (today or before), what was done and what follows. */
import { CARE_CONTENT_MAX, CARE_FOLLOW_UP_MAX, CARE_KINDS, type CareKind } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSpecialWrites } from './queries';

interface RecordValues {
  kind: CareKind;
  date: Dayjs;
  content: string;
  followUp?: string;
}

export function CareRecordForm({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  // the district's today, not the device's
  const today = todayIn(useTimeZone());
  const [form] = Form.useForm<RecordValues>();
  const writes = useSpecialWrites();
  const save = useSaveMutation<RecordValues>({
    form,
    mutationFn: (v) => writes.addRecord(studentId, { kind: v.kind, date: v.date.format('YYYY-MM-DD'), content: v.content, followUp: v.followUp || null }),
    saved: t('hs.special.record.added'),
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<RecordValues> form={form} name="care-record" layout="vertical" initialValues={{ kind: 'talk', date: dayjs(today) }} onFinish={(v) => save.mutate(v)} data-testid="care-record-form">
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('hs.special.record.kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px', marginBottom: 12 }}>
          <Select data-testid="care-kind" options={CARE_KINDS.map((k) => ({ value: k, label: t(`hs.special.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('hs.special.record.date')} rules={[{ required: true }]} style={{ flex: '1 1 140px', marginBottom: 12 }}>
          <DatePicker allowClear={false} inputReadOnly disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} data-testid="care-date" />
        </Form.Item>
      </Flex>
      <Form.Item name="content" label={t('hs.special.record.content')} rules={[{ required: true, whitespace: true }, { max: CARE_CONTENT_MAX }]} style={{ marginBottom: 12 }}>
        <Input.TextArea rows={3} data-testid="care-content" />
      </Form.Item>
      <Form.Item name="followUp" label={t('hs.special.record.followUp')} rules={[{ max: CARE_FOLLOW_UP_MAX }]} style={{ marginBottom: 12 }}>
        <Input data-testid="care-follow-up" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="care-add">
        {t('hs.special.record.add')}
      </Button>
    </Form>
  );
}
