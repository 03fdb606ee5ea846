/** An inspector's score of one school on one indicator: 0–100 and the evidence behind it (required), with what to look at. */
import { type AssessIndicator, EVIDENCE_MAX, type InspectorScore, type ScoringSchool } from '@shuangjian/contracts';
import { Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { formatDateTime } from '../../../../components/format';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useAssessWrites } from '../../queries-assess';

export interface Scoring {
  indicator: AssessIndicator;
  school: ScoringSchool;
  current: InspectorScore | undefined;
}
interface ScoreForm {
  score: number;
  evidence: string;
}

export function ScoreDialog({ assessmentId, scoring, onClose }: { assessmentId: string; scoring: Scoring | null; onClose: () => void }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const [form] = Form.useForm<ScoreForm>();
  const writes = useAssessWrites();
  const save = useSaveMutation({
    form,
    saved: t('sv.assess.score.saved'),
    mutationFn: (v: ScoreForm) => writes.score(assessmentId, { indicatorId: scoring!.indicator.id, schoolId: scoring!.school.schoolId, score: v.score, evidence: v.evidence, attachmentIds: scoring!.current?.attachmentIds ?? [] }),
    onSuccess: onClose,
  });
  useEffect(() => {
    if (scoring) form.setFieldsValue({ score: scoring.current?.score, evidence: scoring.current?.evidence ?? '' });
  }, [scoring, form]);
  return (
    <FormModal<ScoreForm>
      open={!!scoring}
      onCancel={onClose}
      form={form}
      name="score"
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      forceRender
      destroyOnHidden={false}
      title={t('sv.assess.score.title')}
      okText={t('common.save')}
      intro={
        scoring && (
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'school', label: t('sv.assess.col.school'), children: `${scoring.school.name}（${scoring.school.zoneName}）` },
              { key: 'indicator', label: t('sv.assess.score.indicator'), children: scoring.indicator.name },
              { key: 'guidance', label: t('sv.assess.sheet.guidance'), children: scoring.indicator.guidance ?? '—' },
              ...(scoring.current
                ? [{ key: 'by', label: t('sv.assess.score.last'), children: `${scoring.current.scoredByName} · ${formatDateTime(scoring.current.scoredAt, tz).slice(0, 16)}` }]
                : []),
            ]}
          />
        )
      }
    >
      <Form.Item name="score" label={t('sv.assess.score.score')} rules={[{ required: true, message: t('sv.assess.score.scoreRequired') }]}>
        <InputNumber min={0} max={100} step={1} precision={1} suffix={t('sv.assess.points')} style={{ width: 160 }} data-testid="score-value" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('sv.assess.score.evidence')}
        extra={<Typography.Text type="secondary">{t('sv.assess.score.evidenceHint')}</Typography.Text>}
        rules={[{ required: true, whitespace: true, message: t('sv.assess.score.evidenceRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={EVIDENCE_MAX} showCount data-testid="score-evidence" />
      </Form.Item>
    </FormModal>
  );
}
