/** The night's report on the phone: one tap for "as usual", or the two times; the nights still open to a report. */
import type { SleepFamily, SleepNight } from '@shuangjian/contracts';
import { Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { hoursMinutes } from './format';
import { type SleepReportBody, useSleepWrites } from './queries';

type Values = { date: string; bedtime: string; wakeTime: string; keep: boolean };

function nightsOpen(data: SleepFamily): string[] {
  const out: string[] = [];
  for (let d = new Date(`${data.lastNight}T00:00:00Z`); d.toISOString().slice(0, 10) >= data.earliest; d.setUTCDate(d.getUTCDate() - 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

export function SleepReportForm({ data, editing }: { data: SleepFamily; editing: SleepNight | null }) {
  const { t } = useI18n();
  const writes = useSleepWrites();
  const [form] = Form.useForm<Values>();
  const dates = useMemo(() => nightsOpen(data), [data]);
  useEffect(() => {
    if (editing) form.setFieldsValue({ date: editing.date, bedtime: editing.bedtime, wakeTime: editing.wakeTime });
  }, [editing, form]);
  const verdict = (n: SleepNight) => t('five.sleep.done', { minutes: hoursMinutes(t, n.minutes), verdict: `${n.meetsMinimum ? t('five.sleep.meets') : t('five.sleep.short')}，${n.bedtimeOk ? t('five.sleep.onTime') : t('five.sleep.late', { n: n.lateMinutes })}` });
  const save = useSaveMutation({
    form,
    mutationFn: async ({ body, keep }: { body: SleepReportBody; keep: boolean }) => {
      const night = await writes.report(body);
      if (keep && body.bedtime && body.wakeTime) await writes.saveUsual(body.studentId, { bedtime: body.bedtime, wakeTime: body.wakeTime });
      return night;
    },
    saved: verdict,
  });
  const date = Form.useWatch('date', form) ?? dates[0];
  const label = (d: string) => (d === data.lastNight ? `${t('five.sleep.lastNight')}（${d.slice(5)}）` : t('five.sleep.nightOf', { date: d.slice(5) }));
  return (
    <Form<Values>
      form={form}
      name="sleep"
      layout="vertical"
      initialValues={{ date: dates[0], bedtime: data.usual?.bedtime, wakeTime: data.usual?.wakeTime, keep: false }}
      onFinish={(v) => save.mutate({ body: { studentId: data.studentId, date: v.date, bedtime: v.bedtime, wakeTime: v.wakeTime }, keep: v.keep })}
    >
      <Form.Item name="date" label={t('five.sleep.night')}>
        <Select options={dates.map((d) => ({ value: d, label: label(d) }))} data-testid="sleep-date" />
      </Form.Item>
      {data.usual && (
        <Button
          block
          size="large"
          type="primary"
          ghost
          style={{ marginBottom: 16, height: 'auto', padding: '8px 12px' }}
          loading={save.isPending}
          data-testid="sleep-as-usual"
          onClick={() => save.mutate({ body: { studentId: data.studentId, date, asUsual: true }, keep: false })}
        >
          <div>{t('five.sleep.asUsual')}</div>
          <div style={{ fontSize: 12 }}>{t('five.sleep.asUsualHint', { bedtime: data.usual.bedtime, wake: data.usual.wakeTime })}</div>
        </Button>
      )}
      <Flex gap={8}>
        <Form.Item name="bedtime" label={t('five.sleep.bedtime')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input type="time" size="large" data-testid="sleep-bedtime" />
        </Form.Item>
        <Form.Item name="wakeTime" label={t('five.sleep.wakeTime')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input type="time" size="large" data-testid="sleep-wake" />
        </Form.Item>
      </Flex>
      <Form.Item name="keep" valuePropName="checked" style={{ marginBottom: 12 }}>
        <Checkbox>{t('five.sleep.saveUsual')}</Checkbox>
      </Form.Item>
      <Button type="primary" size="large" block htmlType="submit" loading={save.isPending} data-testid="sleep-submit">
        {t('five.sleep.submit')}
      </Button>
    </Form>
  );
}
