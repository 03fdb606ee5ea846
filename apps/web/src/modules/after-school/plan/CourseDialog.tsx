/** Add or edit a course of the catalogue: category, grades, capacity, days and times, room, and who runs it. */
import { type Course, COURSE_CATEGORIES, courseCategoryLabels, type Provider } from '@shuangjian/contracts';
import { type Fen, formatYuan, weekdayName } from '@shuangjian/policy';
import { Checkbox, Form, type FormInstance, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { CourseDraft } from './queries';
import './messages';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function CourseFields({ form, teachers, providers }: { form: FormInstance<CourseDraft>; teachers: { id: string; name: string }[]; providers: Provider[] }) {
  const { t, locale } = useI18n();
  const staffing = Form.useWatch('staffing', form);
  const category = Form.useWatch('category', form);
  const required = { required: true };
  const hhmm = { pattern: HHMM, message: t('afterSchool.plan.hhmm') };
  const listed = providers.filter((p) => p.status === 'listed' && (!category || p.category === category));
  return (
    <>
      <Form.Item name="name" label={t('afterSchool.plan.course.name')} rules={[required, { max: 40 }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t('afterSchool.plan.course.category')} rules={[required]}>
          <Select style={{ width: 140 }} options={COURSE_CATEGORIES.map((c) => ({ value: c, label: courseCategoryLabels[c][locale] }))} />
        </Form.Item>
        <Form.Item name="capacity" label={t('afterSchool.plan.course.capacity')} rules={[required]}>
          <InputNumber min={1} max={2000} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="grades" label={t('afterSchool.plan.course.grades')} rules={[required]}>
        <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => ({ value: g, label: t('afterSchool.plan.grade', { n: g }) }))} />
      </Form.Item>
      <Form.Item name="weekdays" label={t('afterSchool.plan.course.weekdays')} rules={[required]}>
        <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayName(d) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="startTime" label={t('afterSchool.plan.course.start')} rules={[required, hhmm]}>
          <Input style={{ width: 100 }} placeholder="16:50" />
        </Form.Item>
        <Form.Item name="endTime" label={t('afterSchool.plan.course.end')} rules={[required, hhmm]}>
          <Input style={{ width: 100 }} placeholder="17:50" />
        </Form.Item>
        <Form.Item name="room" label={t('afterSchool.plan.course.room')}>
          <Input style={{ width: 160 }} maxLength={200} />
        </Form.Item>
      </Space>
      <Form.Item name="staffing" label={t('afterSchool.plan.course.staffing')} rules={[required]}>
        <Radio.Group options={(['teacher', 'volunteer', 'provider'] as const).map((s) => ({ value: s, label: t(`afterSchool.plan.course.staffing.${s}`) }))} />
      </Form.Item>
      {staffing === 'provider' && (
        <Form.Item name="providerId" label={t('afterSchool.plan.course.provider')} rules={[required]}>
          <Select
            options={listed.map((p) => ({ value: p.id, label: `${p.institutionName} · ${p.item} · ${formatYuan(p.pricePerLessonFen as Fen, { locale })}/课时` }))}
          />
        </Form.Item>
      )}
      {staffing === 'volunteer' && (
        <Form.Item name="volunteers" label={t('afterSchool.plan.course.volunteers')} rules={[required]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
      )}
      <Form.Item name="teacherIds" label={t('afterSchool.plan.course.teachers')} rules={staffing === 'teacher' ? [required] : []}>
        <Select mode="multiple" optionFilterProp="label" options={teachers.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="description" label={t('afterSchool.plan.course.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** The form's values of a course (or the blanks of a new one). */
export const courseValues = (c: Course | 'new'): Partial<CourseDraft> =>
  c === 'new'
    ? { category: 'sports', grades: [], weekdays: [], startTime: '16:50', endTime: '17:50', capacity: 30, staffing: 'teacher', teacherIds: [], volunteers: [] }
    : {
        name: c.name, category: c.category, description: c.description, grades: c.grades, capacity: c.capacity, weekdays: c.weekdays, startTime: c.startTime,
        endTime: c.endTime, room: c.room, staffing: c.staffing, teacherIds: c.teacherIds, volunteers: c.volunteers, providerId: c.providerId,
      };

/** What is sent: a provider only for a provider course, volunteers only for a volunteer course. */
export const courseBody = (v: CourseDraft): CourseDraft => ({
  ...v,
  providerId: v.staffing === 'provider' ? v.providerId : null,
  volunteers: v.staffing === 'volunteer' ? (v.volunteers ?? []) : [],
  teacherIds: v.teacherIds ?? [],
  description: v.description || null,
  room: v.room || null,
});
