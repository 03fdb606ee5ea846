/** One rectification: what was found (a 不符合 answer or another area's finding), its deadline and rule, its history, and the next step. */
import { managementLabels, type Rectification, SELFCHECK_ANSWER_MAX, SELFCHECK_NAME_MAX, SELFCHECK_REASON_MAX } from '@shuangjian/contracts';
import { Button, Card, Flex, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { EvidenceFiles, EvidenceUpload } from './EvidenceUpload';
import { useSelfcheckWrites } from './queries';

const statusColor = { open: 'orange', fixed: 'blue', closed: 'green' } as const;

type Step = 'responsible' | 'fix' | 'close' | 'send_back' | null;

function StepDialog({ r, step, onClose }: { r: Rectification; step: Exclude<Step, null>; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text?: string; fileIds?: string[] }>();
  const writes = useSelfcheckWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { text?: string; fileIds?: string[] }) =>
      step === 'responsible' ? writes.setResponsible(r.id, v.text ?? '') : step === 'fix' ? writes.fix(r.id, v.text ?? '', v.fileIds ?? []) : writes.decide(r.id, step, v.text),
    onSuccess: onClose,
  });
  const max = step === 'responsible' ? SELFCHECK_NAME_MAX : step === 'fix' ? SELFCHECK_ANSWER_MAX : SELFCHECK_REASON_MAX;
  return (
    <Modal open title={t(`five.selfcheck.step.${step}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ ...({ 'data-testid': 'step-save' } as Record<string, string>) }}>
      <Typography.Paragraph type="secondary">{r.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ text: step === 'responsible' ? (r.responsible ?? '') : '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="text" label={t(`five.selfcheck.stepLabel.${step}`)} rules={step === 'close' ? [] : [{ required: true, whitespace: true }]}>
          {step === 'responsible' ? <Input maxLength={max} data-testid="step-text" /> : <Input.TextArea rows={3} maxLength={max} data-testid="step-text" />}
        </Form.Item>
        {step === 'fix' && (
          <Form.Item name="fileIds" label={t('five.selfcheck.files')}>
            <EvidenceUpload testId="fix-upload" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function RectificationCard({ r, school, verifier }: { r: Rectification; school: boolean; verifier: boolean }) {
  const { t, locale } = useI18n();
  const zone = useTimeZone();
  const [step, setStep] = useState<Step>(null);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="rectification">
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Space size={4} wrap>
          <Tag>{managementLabels[r.management][locale]}</Tag>
          <Tag color={r.origin === 'finding' ? 'purple' : 'default'}>{r.source ? t('five.selfcheck.fromArea', { area: t(`five.selfcheck.area.${r.source.area}`) }) : t('five.selfcheck.fromAnswer')}</Tag>
        </Space>
        <Space size={4}>
          {r.overdue && <Tag color="red">{t('five.selfcheck.overdue')}</Tag>}
          <Tag color={statusColor[r.status]}>{t(`five.selfcheck.rect.${r.status}`)}</Tag>
        </Space>
      </Flex>
      <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>{r.title}</Typography.Paragraph>
      {r.detail && <Typography.Paragraph style={{ margin: 0 }}>{r.detail}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }} data-testid="rect-deadline">
        {t('five.selfcheck.deadline')} {r.deadline} · {t('five.selfcheck.responsible')}：{r.responsible ?? t('five.selfcheck.unnamed')} ·{' '}
        {t('five.selfcheck.rule', { rule: r.citation.rule, days: r.citation.days, version: r.citation.policyVersion ?? t('five.selfcheck.policyDefault') })}
      </Typography.Paragraph>
      {r.events.length > 1 && (
        <Timeline
          style={{ marginTop: 12 }}
          items={r.events.slice(1).map((e) => ({
            color: e.kind === 'closed' ? 'green' : e.kind === 'sent_back' || e.kind === 'overdue' ? 'red' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`five.selfcheck.event.${e.kind}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {e.byName} · {formatDateTime(e.at, zone)}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
                <EvidenceFiles files={e.files} />
              </div>
            ),
          }))}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {school && r.status === 'open' && <Button onClick={() => setStep('responsible')}>{t('five.selfcheck.step.responsible')}</Button>}
        {school && r.status === 'open' && (
          <Button type="primary" onClick={() => setStep('fix')} data-testid="rect-fix">
            {t('five.selfcheck.step.fix')}
          </Button>
        )}
        {verifier && r.status === 'fixed' && (
          <Button type="primary" onClick={() => setStep('close')} data-testid="rect-close">
            {t('five.selfcheck.step.close')}
          </Button>
        )}
        {verifier && r.status === 'fixed' && <Button danger onClick={() => setStep('send_back')}>{t('five.selfcheck.step.send_back')}</Button>}
      </Space>
      {step && <StepDialog r={r} step={step} onClose={() => setStep(null)} />}
    </Card>
  );
}
