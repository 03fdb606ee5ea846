/** The error notebook tab (错题本, grade 3 and up): open and mastered mistakes, and a dialog to add one from a day's items. */
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { type Mistake, MISTAKE_TEXT_MAX, type MistakeInput } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { PageSpinner } from '../../../components/PageSpinner';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { childDayKey, fetchChildDay } from '../components/family';
import { formatDay, hwKey } from '../components/model';
import type { Child } from './types';

type MistakeRow = z.infer<typeof Mistake>;

type MistakeForm = { date: dayjs.Dayjs; itemId?: string; question: string; note?: string };

export default function MistakesTab({ child, date, today }: { child: Child; date: string; today: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const key = hwKey('mistakes', child.id);
  const mistakes = useQuery({ queryKey: key, queryFn: () => api.get<MistakeRow[]>(`/api/homework/mistakes${qs({ studentId: child.id })}`) });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<MistakeForm>();
  const picked = Form.useWatch('date', form);
  const itemsDate = picked ? picked.format('YYYY-MM-DD') : date > today ? today : date;
  const day = useQuery({ queryKey: childDayKey(child.id, itemsDate), queryFn: () => fetchChildDay(child.id, itemsDate), enabled: adding });
  const add = useSaveMutation({
    form,
    mutationFn: (body: z.input<typeof MistakeInput>) => api.post<MistakeRow>('/api/homework/mistakes', body),
    saved: t('hwv.mistakes.added'),
    onSuccess: () => {
      setAdding(false);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const resolve = useSaveMutation({
    form: null,
    mutationFn: (id: string) => api.post<MistakeRow>(`/api/homework/mistakes/${id}/resolve`),
    saved: false,
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const open = mistakes.data?.filter((m) => !m.resolved) ?? [];
  const done = mistakes.data?.filter((m) => m.resolved) ?? [];
  const row = (m: MistakeRow) => (
    <Card key={m.id} size="small" data-testid="mistake" styles={{ body: { padding: 12 } }}>
      <Typography.Paragraph strong style={{ margin: 0, fontSize: 15, overflowWrap: 'anywhere' }} delete={m.resolved}>
        {m.question}
      </Typography.Paragraph>
      {m.note && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
          {m.note}
        </Typography.Paragraph>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Space size={4} wrap>
          {m.subjectName && <Tag color="blue">{m.subjectName}</Tag>}
          {m.date && <Typography.Text type="secondary">{formatDay(m.date, locale)}</Typography.Text>}
        </Space>
        {m.resolved ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('hwv.mistakes.resolved')}
          </Tag>
        ) : (
          <Button onClick={() => resolve.mutate(m.id)} loading={resolve.isPending && resolve.variables === m.id} data-testid="mistake-resolve">
            {t('hwv.mistakes.resolve')}
          </Button>
        )}
      </Flex>
    </Card>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="child-mistakes">
      <Button
        type="primary"
        size="large"
        block
        icon={<PlusOutlined />}
        data-testid="mistake-add"
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ date: dayjs(date > today ? today : date) });
          setAdding(true);
        }}
      >
        {t('hwv.mistakes.add')}
      </Button>
      {mistakes.isLoading && <PageSpinner />}
      {mistakes.data && mistakes.data.length === 0 && (
        <Card>
          <Empty description={t('hwv.mistakes.none')} />
        </Card>
      )}
      {open.map(row)}
      {done.length > 0 && (
        <Typography.Text type="secondary">{t('hwv.mistakes.resolvedCount', { n: done.length })}</Typography.Text>
      )}
      {done.map(row)}
      <FormModal
        open={adding}
        title={t('hwv.mistakes.add')}
        onCancel={() => setAdding(false)}
        okText={t('common.save')}
        form={form}
        loading={add.isPending}
        onFinish={(v) => add.mutate({ studentId: child.id, itemId: v.itemId || null, question: v.question, note: v.note || null })}
      >
        <Form.Item name="date" label={t('hwv.mistakes.date')}>
          <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} disabledDate={(v) => v.format('YYYY-MM-DD') > today} onChange={() => form.setFieldValue('itemId', '')} />
        </Form.Item>
        <Form.Item name="itemId" label={t('hwv.mistakes.item')} initialValue="">
          <Select
            loading={day.isLoading}
            options={[
              { value: '', label: t('hwv.mistakes.noItem') },
              ...(day.data?.list?.items ?? []).map((i) => ({ value: i.itemId, label: `${i.subjectName}：${i.title ?? i.content}` })),
            ]}
            data-testid="mistake-item"
          />
        </Form.Item>
        <Form.Item name="question" label={t('hwv.mistakes.question')} rules={[{ required: true, whitespace: true, message: t('hwv.mistakes.questionRequired') }]}>
          <Input.TextArea rows={3} maxLength={MISTAKE_TEXT_MAX} showCount placeholder={t('hwv.mistakes.questionPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('hwv.mistakes.note')}>
          <Input.TextArea rows={2} maxLength={MISTAKE_TEXT_MAX} placeholder={t('hwv.mistakes.notePlaceholder')} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
