/** One ticket for its handlers: details (the phone in full for its handler only), timeline, and the next step's form. */
import { complaintCategoryLabels } from '@shuangjian/contracts';
import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { PageSpinner } from '../../../components/PageSpinner';
import { type Step, takeStep, useComplaint, useRefreshComplaints } from './queries';
import { AnswerBox, StatusTag, TicketTimeline } from './TicketTimeline';

export const useZones = () => useQuery({ queryKey: ['zones'], queryFn: () => api.get<{ id: string; name: string }[]>('/api/zones') });

export function TicketDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const ticket = useComplaint(id);
  const zones = useZones();
  const refresh = useRefreshComplaints();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const c = ticket.data;

  const run = async (step: Step) => {
    setBusy(true);
    try {
      await takeStep(id!, step);
      message.success(t('training.complaints.handle.done'));
      form.resetFields();
      await refresh();
    } catch (e) {
      applyServerError(form, e, message.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={c ? `${c.institutionName} · ${c.code}` : ''} data-testid="complaint-drawer" destroyOnHidden>
      {ticket.isLoading && <PageSpinner />}
      {c && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <StatusTag status={c.status} overdue={c.overdue} />
          </div>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('training.complaints.ticket.category')}>
              {complaintCategoryLabels[c.category][locale]} · {t(`training.complaints.ticket.channel.${c.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.description')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.phone')}>
              <span data-testid="complaint-phone-shown">{c.replyPhone ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.received')}>{c.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.deadline')}>
              {c.deadline}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('training.complaints.ticket.days', { n: c.answerDays, version: c.policyVersion ?? t('training.complaints.ticket.defaultPolicy') })}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.zone')}>{c.zoneName ?? t('training.complaints.handle.unassigned')}</Descriptions.Item>
            <Descriptions.Item label={t('training.complaints.ticket.handler')}>{c.handlerName ?? '—'}</Descriptions.Item>
          </Descriptions>
          {(c.status === 'answered' || c.status === 'closed') && <AnswerBox answer={c.answer} />}
          <Form form={form} layout="vertical" key={c.status} initialValues={{ zoneId: c.zoneId ?? c.suggestedZoneId ?? undefined }}>
            {(c.status === 'received' || c.status === 'assigned') && (
              <>
                <Form.Item name="zoneId" label={t('training.complaints.handle.assignTo')} rules={[{ required: true }]}>
                  <Select options={zones.data?.map((z) => ({ value: z.id, label: z.name }))} data-testid="assign-zone" />
                </Form.Item>
                <Form.Item name="note" label={t('training.complaints.handle.note')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Space>
                  <Button type={c.status === 'received' ? 'primary' : 'default'} loading={busy} data-testid="complaint-assign"
                    onClick={() => void form.validateFields().then((v: { zoneId: string; note?: string }) => run({ kind: 'assign', zoneId: v.zoneId, note: v.note }))}>
                    {t('training.complaints.handle.assign')}
                  </Button>
                  {c.status === 'assigned' && (
                    <Button type="primary" loading={busy} data-testid="complaint-investigate" onClick={() => void run({ kind: 'investigate', note: form.getFieldValue('note') })}>
                      {t('training.complaints.handle.investigate')}
                    </Button>
                  )}
                </Space>
              </>
            )}
            {c.status === 'investigating' && (
              <>
                <Form.Item name="answer" label={t('training.complaints.handle.answer')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('training.complaints.handle.answerHolder')} data-testid="complaint-answer-input" />
                </Form.Item>
                <Button type="primary" loading={busy} data-testid="complaint-answer-submit"
                  onClick={() => void form.validateFields().then((v: { answer: string }) => run({ kind: 'answer', answer: v.answer }))}>
                  {t('training.complaints.handle.answer')}
                </Button>
              </>
            )}
            {c.status === 'answered' && (
              <>
                <Form.Item name="note" label={t('training.complaints.handle.note')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button loading={busy} data-testid="complaint-close" onClick={() => void run({ kind: 'close', note: form.getFieldValue('note') })}>
                  {t('training.complaints.handle.close')}
                </Button>
              </>
            )}
          </Form>
          {c.overdue && <Alert type="error" showIcon title={t('training.complaints.ticket.overdue')} />}
          <Typography.Title level={5}>{t('training.complaints.ticket.timeline')}</Typography.Title>
          <TicketTimeline events={c.timeline} />
        </Space>
      )}
    </Drawer>
  );
}
