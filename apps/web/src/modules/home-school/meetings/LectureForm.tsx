/** Creating a family-education lecture: the host (the district, or a school one administers), when, where, places, grades. */
import { LECTURE_CAPACITY_MAX, LECTURE_LINK_MAX, MEETING_TITLE_MAX } from '@shuangjian/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { districtToday } from '../../homework/components/model';
import { useMeetingWrites } from './queries';

interface LectureValues {
  host: string;
  title: string;
  speaker?: string;
  date: Dayjs;
  time?: string;
  place?: string;
  link?: string;
  capacity: number;
  grades?: number[];
}

const DISTRICT = 'district';
const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function LectureForm({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const today = districtToday(useTimeZone());
  const writes = useMeetingWrites();
  const [form] = Form.useForm<LectureValues>();
  const hosts = [
    ...(hasRole(me, 'district_admin') ? [{ value: DISTRICT, label: t('hs.lectures.hostDistrict') }] : []),
    ...(hasRole(me, 'school_admin') ? (me?.schools ?? []).map((s) => ({ value: s.id, label: s.name })) : []),
  ];
  const save = useSaveMutation({
    form,
    saved: t('hs.lectures.created'),
    mutationFn: (v: LectureValues) =>
      writes.createLecture({
        schoolId: v.host === DISTRICT ? null : v.host,
        title: v.title.trim(),
        speaker: v.speaker?.trim() || null,
        date: v.date.format('YYYY-MM-DD'),
        time: v.time?.trim() || null,
        place: v.place?.trim() || null,
        link: v.link?.trim() || null,
        capacity: v.capacity,
        grades: v.grades ?? [],
      }),
    onSuccess: onClose,
  });
  const placeOrLink = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator: () => (String(getFieldValue('place') ?? '').trim() || String(getFieldValue('link') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('hs.lectures.placeOrLink')))),
  });
  return (
    <FormModal<LectureValues>
      open={open}
      title={t('hs.lectures.new')}
      form={form}
      name="hs-lecture"
      loading={save.isPending}
      onCancel={onClose}
      onFinish={(v) => save.mutate(v)}
      initialValues={{ host: hosts[0]?.value, capacity: 100, date: dayjs(today).add(7, 'day'), time: '19:00' }}
      okText={t('hs.lectures.new')}
    >
      <Form.Item name="host" label={t('hs.lectures.host')} rules={[{ required: true }]}>
        <Select options={hosts} data-testid="hs-lecture-host" />
      </Form.Item>
      <Form.Item name="title" label={t('hs.lectures.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_TITLE_MAX} />
      </Form.Item>
      <Form.Item name="speaker" label={t('hs.lectures.speaker')}>
        <Input maxLength={40} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="date" label={t('hs.lectures.date')} rules={[{ required: true }]} style={{ flex: 3 }}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
        <Form.Item name="time" label={t('hs.lectures.time')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]} style={{ flex: 2 }}>
          <Input maxLength={5} placeholder="19:00" inputMode="numeric" />
        </Form.Item>
      </div>
      <Form.Item name="place" label={t('hs.lectures.place')} dependencies={['link']} rules={[placeOrLink]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="link" label={t('hs.lectures.link')} dependencies={['place']} rules={[placeOrLink]}>
        <Input maxLength={LECTURE_LINK_MAX} placeholder="https://" />
      </Form.Item>
      <Form.Item name="capacity" label={t('hs.lectures.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={LECTURE_CAPACITY_MAX} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="grades" label={t('hs.lectures.grades')} extra={t('hs.lectures.gradesHelp')}>
        <Select mode="multiple" allowClear placeholder={t('hs.lectures.gradesAll')} options={GRADES.map((g) => ({ value: g, label: t('hs.lectures.grade', { n: g }) }))} />
      </Form.Item>
    </FormModal>
  );
}
