/**
 * An institution's timetable (课表备案): when each course meets, weekly or on a date. Each entry is checked by the server
 * when filed (length, end time, online breaks, and for 学科类 weekends, holidays and vacations from the calendar); a
 * refused entry shows the findings with the rule and policy version they cite.
 */
import type { TrainingRuleFinding, TrainingSchedule } from '@shuangjian/contracts';
import { Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Radio, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { RuleFindings } from '../components/RuleFindings';
import { useDeleteSchedule, useFileSchedule, useRuleTexts, useScheduleCourses, useSchedules } from './queries';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const weekdayText = (n: number, locale: string) =>
  locale === 'en' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][n - 1]! : ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][n - 1]!;

interface Values {
  courseId: string;
  kind: 'weekly' | 'date';
  weekday?: number;
  date?: Dayjs;
  startTime: string;
  endTime: string;
  venueName?: string;
}

export default function SchedulesPage() {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const courses = useScheduleCourses();
  const schedules = useSchedules();
  const rules = useRuleTexts();
  const file = useFileSchedule();
  const remove = useDeleteSchedule();
  const [result, setResult] = useState<{ ok: boolean; findings: TrainingRuleFinding[] } | null>(null);
  const texts = Object.fromEntries((rules.data?.rules ?? []).map((r) => [r.rule, r.citation.text]));
  const endOffline = /(\d{2}:\d{2})/.exec(texts.end_time_offline ?? '')?.[1] ?? '20:30';
  const endOnline = /(\d{2}:\d{2})/.exec(texts.end_time_online ?? '')?.[1] ?? '21:00';

  const submit = (v: Values) => {
    setResult(null);
    file.mutate(
      {
        courseId: v.courseId,
        weekday: v.kind === 'weekly' ? (v.weekday ?? null) : null,
        date: v.kind === 'date' ? (v.date?.format('YYYY-MM-DD') ?? null) : null,
        startTime: v.startTime.slice(0, 5),
        endTime: v.endTime.slice(0, 5),
        venueName: v.venueName?.trim() || null,
      },
      {
        onSuccess: (s) => {
          toast.success(t('training.rules.schedules.filed'));
          setResult({ ok: true, findings: s.findings });
        },
        onError: (e) => {
          const findings = e instanceof ApiError ? (e.details as { findings?: TrainingRuleFinding[] } | undefined)?.findings : undefined;
          if (findings) setResult({ ok: false, findings });
          else toast.error(e.message);
        },
      },
    );
  };

  return (
    <div data-testid="schedules-page">
      <PageHeader title={t('training.rules.schedules.title')} sub={t('training.rules.schedules.sub', { offline: endOffline, online: endOnline })} />
      <QueryError error={courses.error ?? schedules.error} />
      {courses.data?.length === 0 ? (
        <Empty description={t('training.rules.schedules.noCourses')} />
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form<Values> form={form} layout="inline" initialValues={{ kind: 'weekly', weekday: 2 }} onFinish={submit} style={{ rowGap: 8 }} data-testid="schedule-form">
            <Form.Item name="courseId" label={t('training.rules.schedules.course')} rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                data-testid="schedule-course"
                options={courses.data?.map((c) => ({ value: c.id, label: `${c.name}（${t(`training.rules.category.${c.category}`)}·${t(`training.rules.mode.${c.mode}`)}）` }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('training.rules.schedules.kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'weekly', label: t('training.rules.schedules.kind.weekly') },
                  { value: 'date', label: t('training.rules.schedules.kind.date') },
                ]}
              />
            </Form.Item>
            {kind === 'date' ? (
              <Form.Item name="date" label={t('training.rules.schedules.date')} rules={[{ required: true }]}>
                <DatePicker inputReadOnly data-testid="schedule-date" />
              </Form.Item>
            ) : (
              <Form.Item name="weekday" label={t('training.rules.schedules.weekday')} rules={[{ required: true }]}>
                <Select style={{ width: 90 }} data-testid="schedule-weekday" options={WEEKDAYS.map((d) => ({ value: d, label: weekdayText(d, locale) }))} />
              </Form.Item>
            )}
            <Form.Item name="startTime" label={t('training.rules.schedules.start')} rules={[{ required: true }]}>
              <Input type="time" style={{ width: 120 }} data-testid="schedule-start" />
            </Form.Item>
            <Form.Item name="endTime" label={t('training.rules.schedules.end')} rules={[{ required: true }]}>
              <Input type="time" style={{ width: 120 }} data-testid="schedule-end" />
            </Form.Item>
            <Form.Item name="venueName" label={t('training.rules.schedules.venue')}>
              <Input style={{ width: 140 }} maxLength={60} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="schedule-add">
                {t('training.rules.schedules.add')}
              </Button>
            </Form.Item>
          </Form>
          {result && (
            <div style={{ marginTop: 12 }} data-testid="schedule-result">
              {!result.ok && (
                <Typography.Text type="danger" strong>
                  {t('training.rules.schedules.refused')}
                </Typography.Text>
              )}
              <RuleFindings findings={result.findings} showOk={result.ok} />
            </div>
          )}
        </Card>
      )}
      <Table<TrainingSchedule>
        rowKey="id"
        size="small"
        loading={schedules.isLoading}
        dataSource={schedules.data?.items}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: t('training.rules.schedules.empty') }}
        onRow={() => ({ 'data-testid': 'schedule-row' }) as object}
        columns={[
          { title: t('training.rules.schedules.course'), dataIndex: 'courseName' },
          {
            title: t('training.rules.schedules.when'),
            key: 'when',
            width: 200,
            render: (_, s) => `${s.weekday ? t('training.rules.schedules.every', { day: weekdayText(s.weekday, locale) }) : s.date} ${s.startTime}–${s.endTime}`,
          },
          { title: t('training.rules.schedules.venue'), dataIndex: 'venueName', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: t('training.rules.schedules.findings'),
            key: 'findings',
            render: (_, s) => (s.findings.length ? s.findings.map((f, i) => <Tag key={i} color="gold">{f.message}</Tag>) : <Tag color="green">{t('training.rules.ok')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            width: 80,
            render: (_, s) => (
              <Popconfirm title={t('training.rules.schedules.deleteConfirm')} onConfirm={() => remove.mutate(s.id, { onSuccess: () => toast.success(t('training.rules.schedules.deleted')) })}>
                <Button size="small" type="link" danger>
                  {t('training.rules.schedules.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
