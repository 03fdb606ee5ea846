/**
 * 记录课消: a course, the date and time, the teacher, and the pupils who attended, picked from the course's active
 * orders with lessons left (the server filters them; at most LESSON_ATTENDEES_MAX, a lesson's limit, and the screen
 * says so when the course has more); then the server's answer — the rule findings with their citations and each
 * pupil's outcome.
 */
import { LESSON_ATTENDEES_MAX, type RecordLessonResult, TEACHER_NAME_MAX } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Alert, Button, Checkbox, DatePicker, Drawer, Empty, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { LessonResult } from './LessonResult';
import { useInstitutionCourses, useInstitutionOrders, useInstitutionWrites } from './queries';

interface Values {
  courseId: string;
  date: dayjs.Dayjs;
  startTime: string;
  endTime: string;
  teacherName?: string;
  orderIds: string[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function RecordLessonDrawer({ institutionId, open, onClose }: { institutionId: string; open: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useInstitutionWrites();
  const courses = useInstitutionCourses(open ? institutionId : undefined);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<RecordLessonResult | null>(null);
  const courseId = Form.useWatch('courseId', form) as string | undefined;
  const picked = Form.useWatch('orderIds', form) ?? [];
  // the course's orders that may attend: active with lessons left, the newest first, as many as one lesson may list
  const orders = useInstitutionOrders(open && courseId ? institutionId : undefined, { status: 'active', courseId, withLessonsLeft: true }, { page: 1, pageSize: LESSON_ATTENDEES_MAX });
  const ofCourse = orders.isPlaceholderData ? [] : (orders.data?.items ?? []);
  const waiting = orders.isFetching && !ofCourse.length;
  const more = orders.isPlaceholderData ? 0 : (orders.data?.total ?? 0);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) =>
      writes.recordLesson(
        { institutionId, courseId: v.courseId, date: v.date.format('YYYY-MM-DD'), startTime: v.startTime, endTime: v.endTime, teacherName: v.teacherName?.trim() || null, orderIds: v.orderIds },
        key,
      ),
    saved: (r) => t('training.inst.form.done', { n: r.attendees.filter((a) => a.outcome === 'recorded').length }),
    onSuccess: (r) => setResult(r),
  });
  const again = () => {
    setResult(null);
    setKey(crypto.randomUUID());
    form.setFieldsValue({ orderIds: [] });
  };
  const close = () => {
    again();
    onClose();
  };
  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('training.inst.form.title')}
      size={520}
      data-testid="record-lesson"
      destroyOnHidden
      footer={
        result ? (
          <Flex gap={8} justify="end">
            <Button onClick={again}>{t('training.inst.result.another')}</Button>
            <Button type="primary" onClick={close} data-testid="record-done">
              {t('training.inst.result.close')}
            </Button>
          </Flex>
        ) : (
          <Button type="primary" block size="large" loading={save.isPending} onClick={() => form.validateFields().then((v) => save.mutate(v))} data-testid="record-submit">
            {t('training.inst.form.submit')}
          </Button>
        )
      }
    >
      {result ? (
        <LessonResult result={result} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ date: dayjs(), startTime: '16:00', endTime: '16:45', orderIds: [] }}>
          <Form.Item name="courseId" label={t('training.inst.form.course')} rules={[{ required: true }]}>
            <Select
              options={courses.data?.courses.filter((c) => c.activeOrders > 0).map((c) => ({ value: c.id, label: c.name }))}
              loading={courses.isLoading}
              onChange={() => form.setFieldsValue({ orderIds: [] })}
              data-testid="record-course"
            />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="date" label={t('training.inst.form.date')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} data-testid="record-date" />
            </Form.Item>
            <Form.Item name="startTime" label={t('training.inst.form.start')} rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]} style={{ flex: 1 }}>
              <Input placeholder="16:00" data-testid="record-start" />
            </Form.Item>
            <Form.Item name="endTime" label={t('training.inst.form.end')} rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]} style={{ flex: 1 }}>
              <Input placeholder="16:45" data-testid="record-end" />
            </Form.Item>
          </Flex>
          <Form.Item name="teacherName" label={t('training.inst.form.teacher')}>
            <Input maxLength={TEACHER_NAME_MAX} data-testid="record-teacher" />
          </Form.Item>
          <QueryError error={courses.error ?? orders.error} />
          {courseId && !ofCourse.length && !waiting && !orders.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.inst.form.noOrders')} />}
          {more > ofCourse.length && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('training.inst.form.capped', { total: more, shown: ofCourse.length })} data-testid="record-capped" />
          )}
          {courseId && ofCourse.length > 0 && (
            <Form.Item
              name="orderIds"
              label={
                <Flex gap={12} align="center">
                  {t('training.inst.form.attendees', { n: picked.length, total: more })}
                  <Button size="small" type="link" onClick={() => form.setFieldsValue({ orderIds: ofCourse.map((o) => o.id) })} data-testid="record-all">
                    {t('training.inst.form.all')}
                  </Button>
                </Flex>
              }
              extra={t('training.inst.form.attendeesHelp')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Checkbox.Group style={{ width: '100%' }} data-testid="record-attendees">
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  {ofCourse.map((o) => (
                    <div key={o.id} data-testid="record-attendee" data-student={o.studentName}>
                      <Checkbox value={o.id}>
                        <Typography.Text>{o.studentName}</Typography.Text>{' '}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {o.code} · {t('training.inst.form.orderLine', { left: o.lessonsLeft, price: formatYuan(o.pricePerLessonFen, { locale }) })}
                        </Typography.Text>
                      </Checkbox>
                    </div>
                  ))}
                </Flex>
              </Checkbox.Group>
            </Form.Item>
          )}
        </Form>
      )}
    </Drawer>
  );
}
