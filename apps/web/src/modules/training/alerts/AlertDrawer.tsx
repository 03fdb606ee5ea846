/** One early-warning case: its evidence (figures, rule, policy version), its notes, and the steps left to take. */
import { TRAINING_ALERT_OUTCOMES, trainingStatusLabels, type TrainingAlertDetail, type TrainingAlertOutcome, type TrainingStatus } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Button, Descriptions, Divider, Drawer, Flex, Form, Input, Select, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { kindLabel, outcomeLabel, statusColor, statusLabel } from './labels';
import { useAlert, useAlertWrites, useAssignees } from './queries';

function figureText(key: string, value: number | string | null, locale: 'zh-CN' | 'en') {
  if (value === null) return '–';
  if (typeof value === 'number' && key.endsWith('Fen')) return formatYuan(value as Fen, { locale });
  if (key === 'status') return trainingStatusLabels[value as TrainingStatus]?.[locale] ?? String(value);
  return String(value);
}

export function AlertDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const alert = useAlert(id);
  const a = alert.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={Math.min(720, window.innerWidth)} title={a ? `${a.institutionName} · ${kindLabel(a.kind, locale)}` : ''} destroyOnHidden>
      {alert.error && <QueryError error={alert.error} />}
      {a && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="alert-head">
            <Descriptions.Item label={t('training.alerts.status')}>
              <Tag color={statusColor[a.status]}>{statusLabel(a.status, locale)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('training.alerts.zone')}>{a.zoneName}</Descriptions.Item>
            <Descriptions.Item label={t('training.alerts.assignee')}>{a.assigneeName ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('training.alerts.openedAt')}>{new Date(a.openedAt).toLocaleString(locale)}</Descriptions.Item>
            {a.outcome && <Descriptions.Item label={t('training.alerts.outcome')}>{outcomeLabel(a.outcome, locale)}</Descriptions.Item>}
            {a.outcomeNote && <Descriptions.Item label={t('training.alerts.closeNote')}>{a.outcomeNote}</Descriptions.Item>}
          </Descriptions>
          <Divider titlePlacement="start">{t('training.alerts.evidence')}</Divider>
          <Descriptions size="small" bordered column={1} data-testid="alert-evidence">
            {Object.entries(a.evidence.figures).map(([k, v]) => (
              <Descriptions.Item key={k} label={t(`training.alerts.fig.${k}`)}>
                {figureText(k, v, locale)}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('training.alerts.rule')}>{a.evidence.rule}</Descriptions.Item>
            <Descriptions.Item label={t('training.alerts.policyVersion')}>{a.evidence.policyVersion ?? t('training.alerts.defaultPolicy')}</Descriptions.Item>
            <Descriptions.Item label={t('training.alerts.asOf')}>{a.evidence.asOf}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('training.alerts.notes')}</Divider>
          {a.notes.length ? (
            <Timeline
              items={a.notes.map((n) => ({
                key: n.id,
                content: (
                  <>
                    <Typography.Text>{n.text}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {n.authorName} · {new Date(n.createdAt).toLocaleString(locale)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t('training.alerts.noNotes')}</Typography.Paragraph>
          )}
          {a.status !== 'closed' && <CaseSteps alert={a} />}
        </>
      )}
    </Drawer>
  );
}

function CaseSteps({ alert }: { alert: TrainingAlertDetail }) {
  const { t, locale } = useI18n();
  const writes = useAlertWrites();
  const people = useAssignees(alert.zoneId);
  const [assignee, setAssignee] = useState<string | undefined>(alert.assigneeId ?? undefined);
  const [noteForm] = Form.useForm<{ text: string }>();
  const [closeForm] = Form.useForm<{ outcome: TrainingAlertOutcome; note: string }>();
  const assign = useSaveMutation({ form: null, mutationFn: (userId: string) => writes.assign(alert.id, userId), saved: t('training.alerts.assigned') });
  const note = useSaveMutation({
    form: noteForm,
    mutationFn: (v: { text: string }) => writes.note(alert.id, v.text),
    saved: t('training.alerts.noted'),
    onSuccess: () => noteForm.resetFields(),
  });
  const close = useSaveMutation({
    form: closeForm,
    mutationFn: (v: { outcome: TrainingAlertOutcome; note: string }) => writes.close(alert.id, v),
    saved: t('training.alerts.closed'),
  });
  return (
    <>
      <Divider titlePlacement="start">{t('training.alerts.assign')}</Divider>
      <Flex gap={8} wrap>
        <Select
          style={{ minWidth: 240 }}
          aria-label={t('training.alerts.assignTo')}
          placeholder={t('training.alerts.assignTo')}
          value={assignee}
          onChange={setAssignee}
          loading={people.isLoading}
          options={people.data?.map((p) => ({ value: p.userId, label: `${p.name}（${p.role === 'inspector' ? '督学' : '区教育局'}）` }))}
        />
        <Button type="primary" disabled={!assignee} loading={assign.isPending} onClick={() => assignee && assign.mutate(assignee)}>
          {t('training.alerts.assign')}
        </Button>
      </Flex>
      <Divider titlePlacement="start">{t('training.alerts.addNote')}</Divider>
      <Form form={noteForm} layout="vertical" onFinish={(v) => note.mutate(v)}>
        <Form.Item name="text" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('training.alerts.notePlaceholder')} aria-label={t('training.alerts.addNote')} />
        </Form.Item>
        <Button htmlType="submit" loading={note.isPending}>
          {t('training.alerts.addNote')}
        </Button>
      </Form>
      <Divider titlePlacement="start">{t('training.alerts.close')}</Divider>
      <Form form={closeForm} layout="vertical" onFinish={(v) => close.mutate(v)}>
        <Form.Item name="outcome" label={t('training.alerts.outcome')} rules={[{ required: true }]}>
          <Select options={TRAINING_ALERT_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o, locale) }))} aria-label={t('training.alerts.outcome')} />
        </Form.Item>
        <Form.Item name="note" label={t('training.alerts.closeNote')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={1000} aria-label={t('training.alerts.closeNote')} />
        </Form.Item>
        <Button danger type="primary" htmlType="submit" loading={close.isPending}>
          {t('training.alerts.close')}
        </Button>
      </Form>
    </>
  );
}
