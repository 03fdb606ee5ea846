/** An order's lessons on the phone: those waiting for the parent (confirm in one tap, or dispute with a reason) and the record of the rest. */
import { type Consumption, consumptionStatusLabels, type FamilyOrder, TRAINING_REASON_MAX } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Button, Collapse, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useFamilyWrites } from './queries';

const STATUS_COLOR = { pending: 'warning', confirmed: 'success', auto_confirmed: 'success', disputed: 'error' } as const;

function When({ c }: { c: Consumption }) {
  const { t, locale } = useI18n();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text>{t('training.family.lesson.line', { date: c.date, start: c.startTime, end: c.endTime })}</Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {c.teacherName ? `${t('training.family.lesson.teacher', { name: c.teacherName })} · ` : ''}
        {formatYuan(c.amountFen, { locale })}
      </Typography.Text>
    </div>
  );
}

function PendingRow({ c }: { c: Consumption }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const writes = useFamilyWrites();
  const [disputing, setDisputing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const confirm = useSaveMutation({ form: null, mutationFn: () => writes.confirm(c.id), saved: (r) => t('training.family.confirmed', { price: formatYuan(r.amountFen, { locale }) }) });
  const dispute = useSaveMutation({
    form,
    mutationFn: (v: { reason: string }) => writes.dispute(c.id, v),
    saved: t('training.family.dispute.done'),
    onSuccess: () => setDisputing(false),
  });
  return (
    <div data-testid="pending-lesson" style={{ background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 6, padding: 10 }}>
      <When c={c} />
      {c.autoConfirmAt && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('training.family.lesson.autoAt', { at: formatDateTime(c.autoConfirmAt, tz).slice(0, 16) })}
        </Typography.Text>
      )}
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button type="primary" size="large" style={{ flex: 2 }} loading={confirm.isPending} onClick={() => confirm.mutate(undefined)} data-testid="lesson-confirm">
          {t('training.family.confirm')}
        </Button>
        <Button size="large" style={{ flex: 1 }} onClick={() => setDisputing(true)} data-testid="lesson-dispute">
          {t('training.family.dispute')}
        </Button>
      </Flex>
      <Modal
        open={disputing}
        title={t('training.family.dispute.title')}
        onCancel={() => setDisputing(false)}
        onOk={() => form.validateFields().then((v) => dispute.mutate(v))}
        confirmLoading={dispute.isPending}
        okButtonProps={{ danger: true, 'data-testid': 'dispute-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('training.family.dispute.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={TRAINING_REASON_MAX} placeholder={t('training.family.dispute.placeholder')} data-testid="dispute-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

export function PendingLessons({ order }: { order: FamilyOrder }) {
  const { t } = useI18n();
  const pending = order.consumptions.filter((c) => c.status === 'pending');
  if (!pending.length) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="warning" style={{ fontSize: 12 }}>
        {t('training.family.pendingHelp')}
      </Typography.Text>
      {pending.map((c) => (
        <PendingRow key={c.id} c={c} />
      ))}
    </Flex>
  );
}

export function LessonHistory({ order }: { order: FamilyOrder }) {
  const { t, locale } = useI18n();
  const done = order.consumptions.filter((c) => c.status !== 'pending');
  if (!done.length) return null;
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'history',
          label: t('training.family.history', { n: done.length }),
          children: (
            <Flex vertical gap={8} data-testid="lesson-history">
              {done.map((c) => (
                <Flex key={c.id} justify="space-between" align="start" gap={8}>
                  <When c={c} />
                  <Flex vertical align="end">
                    <Tag color={STATUS_COLOR[c.status]} style={{ marginInlineEnd: 0 }}>
                      {consumptionStatusLabels[c.status][locale]}
                    </Tag>
                    {c.disputeReason && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.disputeReason}
                      </Typography.Text>
                    )}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
