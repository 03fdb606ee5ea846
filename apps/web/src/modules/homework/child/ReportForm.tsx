/**
 * The one-screen report of a day: one tap when everything went as the teachers estimated; otherwise per item a 完成
 * switch and minutes (pre-filled with the estimate), the bedtime stop (作业熔断, in plain words) and when homework ended.
 */
import { CheckCircleFilled, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { FEEDBACK_MINUTES_MAX, type FeedbackInput } from '@shuangjian/contracts';
import { countsTowardLimit, minutesPastBedtime } from '@shuangjian/policy';
import { Button, Card, Checkbox, ConfigProvider, Divider, Flex, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import type { ChildDayRow } from '../components/family';

type Value = { done: boolean; minutes: number | null };

/** [–] minutes [+], large enough for a thumb. */
function MinutesStepper({ value, onChange, label }: { value: number | null; onChange(v: number | null): void; label: string }) {
  const { t } = useI18n();
  const step = (d: number) => onChange(Math.max(0, Math.min(FEEDBACK_MINUTES_MAX, (value ?? 0) + d)));
  return (
    <Space.Compact>
      <Button size="large" icon={<MinusOutlined />} onClick={() => step(-5)} aria-label={t('hwv.report.less')} disabled={(value ?? 0) <= 0} />
      <InputNumber
        size="large"
        min={0}
        max={FEEDBACK_MINUTES_MAX}
        precision={0}
        controls={false}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        placeholder={t('hwv.report.minutesPlaceholder')}
        aria-label={label}
        inputMode="numeric"
        style={{ width: 64, textAlign: 'center' }}
      />
      <Button size="large" icon={<PlusOutlined />} onClick={() => step(5)} aria-label={t('hwv.report.more')} />
    </Space.Compact>
  );
}

export function ReportForm({ day, onSaved, onCancel }: { day: ChildDayRow; onSaved(d: ChildDayRow): void; onCancel?: () => void }) {
  const { t } = useI18n();
  const list = day.list!;
  const items = list.items.filter((i) => i.place === 'home');
  // a first report starts from "as the teachers estimated"; a correction from what was reported
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(
      items.map((i) => {
        const saved = day.feedback?.items.find((f) => f.itemId === i.itemId);
        return [i.itemId, day.feedback ? { done: saved?.done ?? false, minutes: saved?.minutes ?? null } : { done: true, minutes: i.minutes }];
      }),
    ),
  );
  const [stopped, setStopped] = useState(day.feedback?.stoppedAtBedtime ?? false);
  const [endedAt, setEndedAt] = useState(day.feedback?.endedAt ?? '');
  const save = useSaveMutation({
    form: null,
    mutationFn: (body: z.input<typeof FeedbackInput>) => api.put<ChildDayRow>('/api/homework/feedback', body),
    saved: t('hwv.report.saved'),
    onSuccess: (d) => onSaved(d),
  });
  const set = (id: string, patch: Partial<Value>) => setValues((v) => ({ ...v, [id]: { ...v[id]!, ...patch } }));
  const countedItems = items.filter(countsTowardLimit);
  const counted = countedItems.reduce((s, i) => s + (values[i.itemId]?.minutes ?? 0), 0);
  // the server's rule (homework.bedtimeStop), shown before it is asked
  const stopRefused = stopped && !countedItems.some((i) => !values[i.itemId]!.done);
  const late = endedAt ? minutesPastBedtime(endedAt, day.bedtime) : 0;
  const submit = (body?: Partial<z.input<typeof FeedbackInput>>) =>
    save.mutate({
      studentId: day.studentId,
      date: day.date,
      items: items.map((i) => ({ itemId: i.itemId, done: values[i.itemId]!.done, minutes: values[i.itemId]!.minutes })),
      stoppedAtBedtime: stopped,
      endedAt: endedAt || null,
      ...body,
    });
  const asExpected = () =>
    submit({ items: items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes })), stoppedAtBedtime: false, endedAt: endedAt || null });

  return (
    <ConfigProvider theme={{ components: { Switch: { trackHeight: 32, handleSize: 28, trackMinWidth: 84, innerMaxMargin: 36 } } }}>
      <Card
        title={t('hwv.report.title')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hwv.report.optionalHint')}
          </Typography.Text>
        }
        data-testid="report-form"
        styles={{ body: { padding: 12 } }}
      >
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t('hwv.report.nothingAtHome')}</Typography.Text>
        ) : (
          <>
            {!day.feedback && (
              <>
                <Button
                  type="primary"
                  size="large"
                  block
                  icon={<CheckCircleFilled />}
                  onClick={asExpected}
                  loading={save.isPending}
                  data-testid="report-as-expected"
                  style={{ height: 56, fontSize: 17 }}
                >
                  {t('hwf.report.asExpected')}
                </Button>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6, textAlign: 'center' }}>
                  {t('hwf.report.asExpectedHelp')}
                </Typography.Text>
                <Divider style={{ margin: '12px 0 4px' }} />
                <Typography.Text type="secondary">{t('hwf.report.orEach')}</Typography.Text>
              </>
            )}
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              {items.map((i, n) => {
                const v = values[i.itemId]!;
                return (
                  <div key={i.itemId} data-testid="report-item" style={{ padding: '12px 0', borderTop: n ? '1px solid #f0f0f0' : undefined }}>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0, fontSize: 15 }}>
                        {i.subjectName} · {i.title ?? i.content}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        {t('hwv.report.estimate', { n: i.minutes })}
                      </Typography.Text>
                    </Flex>
                    {!countsTowardLimit(i) && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.layer === 'extension' ? t('hwv.report.optionalItem') : t('hwv.report.notCounted')}
                      </Typography.Text>
                    )}
                    <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
                      <Switch
                        checked={v.done}
                        checkedChildren={t('hwv.report.done')}
                        unCheckedChildren={t('hwv.report.notDone')}
                        aria-label={`${i.subjectName} ${t('hwv.report.done')}`}
                        data-testid="report-done"
                        onChange={(done) => set(i.itemId, { done, minutes: done && v.minutes === null ? i.minutes : v.minutes })}
                      />
                      <MinutesStepper value={v.minutes} onChange={(minutes) => set(i.itemId, { minutes })} label={`${i.subjectName} ${t('hwv.report.minutesLabel')}`} />
                    </Flex>
                  </div>
                );
              })}
            </Space>
          </>
        )}
        {countedItems.length > 0 && (
          <label
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 10,
              padding: 12,
              margin: '8px 0 0',
              border: `1px solid ${stopRefused ? '#ffa39e' : '#ffd591'}`,
              background: stopped ? (stopRefused ? '#fff1f0' : '#fff7e6') : undefined,
              borderRadius: 8,
              cursor: 'pointer',
            }}
            data-testid="report-bedtime"
          >
            <Checkbox checked={stopped} onChange={(e) => setStopped(e.target.checked)} />
            <span>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {t('hwf.report.bedtime', { bedtime: day.bedtime })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hwf.report.bedtimeHelp')}
              </Typography.Text>
            </span>
          </label>
        )}
        {stopRefused && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 13, marginTop: 6 }} data-testid="report-bedtime-refused" role="alert">
            {t('hwf.report.bedtimeNeedsUnfinished')}
          </Typography.Text>
        )}
        {items.length > 0 && (
          <div style={{ margin: '12px 0' }}>
            <Flex justify="space-between" align="center" gap={8}>
              <label htmlFor="report-ended" style={{ flex: 1 }}>
                <Typography.Text>{t('hwf.report.endedAt')}</Typography.Text>
              </label>
              <Input
                id="report-ended"
                type="time"
                size="large"
                value={endedAt}
                onChange={(e) => setEndedAt(e.target.value)}
                allowClear
                data-testid="report-ended"
                style={{ width: 150 }}
              />
            </Flex>
            <Typography.Text type={late > 0 ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid="report-ended-hint">
              {late > 0 ? t('hwf.report.late', { n: late, bedtime: day.bedtime }) : t('hwf.report.endedAtHelp')}
            </Typography.Text>
          </div>
        )}
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('hwv.report.countedSoFar')}</Typography.Text>
          <Typography.Text strong style={{ color: counted > list.limit ? '#cf1322' : undefined }} data-testid="report-counted">
            {t('hwv.minutesOf', { n: counted, limit: list.limit })}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          {onCancel && (
            <Button size="large" onClick={onCancel} style={{ flex: 1 }}>
              {t('common.cancel')}
            </Button>
          )}
          <Button
            type={day.feedback ? 'primary' : 'default'}
            size="large"
            block
            onClick={() => submit()}
            loading={save.isPending}
            disabled={stopRefused}
            data-testid="report-submit"
            style={{ flex: 2, height: 48, fontSize: 17 }}
          >
            {t('hwv.report.submit')}
          </Button>
        </Flex>
      </Card>
    </ConfigProvider>
  );
}
