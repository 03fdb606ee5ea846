/** 巡视: the school's patrols of a day, and the form to record one (a course or a place, findings, rating, issues). */
import type { AssessmentMonth, PatrolView } from '@shuangjian/contracts';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Rate, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { QueryError } from '../../../../components/QueryError';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useDailyWrites, usePatrols } from '../queries';

type Values = { courseId?: string; place?: string; findings: string; rating: number; issues?: string };

export function PatrolsTab({ today, courses, schoolId }: { today: string; courses: AssessmentMonth['courses']; schoolId?: string }) {
  const { t } = useI18n();
  const [date, setDate] = useState(today);
  const day = usePatrols(date, schoolId);
  const writes = useDailyWrites();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) =>
      writes.patrol({
        date,
        schoolId,
        courseId: v.courseId ?? null,
        place: v.place?.trim() || null,
        findings: v.findings,
        rating: v.rating,
        issues: (v.issues ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      }),
    saved: t('afterSchool.daily.patrol.saved'),
    onSuccess: () => setOpen(false),
  });

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <DatePicker inputReadOnly allowClear={false} value={dayjs(date)} disabledDate={(v) => v.format('YYYY-MM-DD') > today} onChange={(v) => v && setDate(v.format('YYYY-MM-DD'))} />
          {day.data && (
            <Typography.Text type="secondary">{t('afterSchool.daily.patrols.sub', { date: day.data.date, n: day.data.patrols.length, staff: day.data.staff })}</Typography.Text>
          )}
        </Flex>
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
          data-testid="new-patrol"
        >
          {t('afterSchool.daily.patrol.new')}
        </Button>
      </Flex>
      {day.error && <QueryError error={day.error} />}
      {day.data && !day.data.patrols.length && <Empty description={t('afterSchool.daily.patrols.none')} />}
      <Flex vertical gap={8}>
        {day.data?.patrols.map((p: PatrolView) => (
          <Card key={p.id} size="small" data-testid="patrol-row">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>{p.courseName ?? p.place}</Typography.Text>
              <Rate disabled value={p.rating} style={{ fontSize: 14 }} />
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{p.findings}</Typography.Paragraph>
            <Flex gap={4} wrap>
              {p.issues.map((i) => (
                <Tag key={i} color="warning">
                  {i}
                </Tag>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('afterSchool.daily.patrol.by')}：{p.patrolledByName}
              </Typography.Text>
            </Flex>
          </Card>
        ))}
      </Flex>
      <FormModal<Values>
        form={form}
        name="patrol"
        open={open}
        title={t('afterSchool.daily.patrol.new')}
        loading={save.isPending}
        onCancel={() => setOpen(false)}
        onFinish={(v) => save.mutate(v)}
        initialValues={{ rating: 5 }}
      >
        <Form.Item name="courseId" label={t('afterSchool.daily.patrol.course')}>
          <Select allowClear showSearch optionFilterProp="label" options={courses.map((c) => ({ value: c.courseId, label: c.courseName }))} />
        </Form.Item>
        <Form.Item name="place" label={t('afterSchool.daily.patrol.place')}>
          <Input maxLength={40} placeholder={t('afterSchool.daily.patrol.placeHint')} />
        </Form.Item>
        <Form.Item name="findings" label={t('afterSchool.daily.patrol.findings')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="rating" label={t('afterSchool.daily.patrol.rating')} rules={[{ required: true }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="issues" label={t('afterSchool.daily.patrol.issues')} extra={t('afterSchool.daily.patrol.issuesHint')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
