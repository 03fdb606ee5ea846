/** An inspector's score of one school on one indicator: 0–100 and the evidence behind it (required), with what to look at. */
import { type AssessIndicator, EVIDENCE_MAX, type InspectorScore, type ScoringSchool } from '@shuangjian/contracts';
import { Descriptions, Form, Input, InputNumber, Typography, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { FormModal } from '../../../../components/FormModal';
import { formatDateTime } from '../../../../components/format';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useAssessWrites } from '../../queries-assess';
import { EvidenceFiles, storedFiles } from './EvidenceFiles';

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
  // the files as edited for this score; the score's stored files until then
  const [edited, setEdited] = useState<{ of: Scoring | null; files: UploadFile[] }>({ of: null, files: [] });
  const stored = (of: Scoring | null) => storedFiles(of?.current?.attachmentIds ?? [], t);
  const files = edited.of === scoring ? edited.files : stored(scoring);
  const setFiles = (update: (list: UploadFile[]) => UploadFile[]) => setEdited((e) => ({ of: scoring, files: update(e.of === scoring ? e.files : stored(scoring)) }));
  const uploading = files.some((f) => f.status === 'uploading');
  const save = useSaveMutation({
    form,
    saved: t('sv.assess.score.saved'),
    mutationFn: (v: ScoreForm) => writes.score(assessmentId, { indicatorId: scoring!.indicator.id, schoolId: scoring!.school.schoolId, score: v.score, evidence: v.evidence, attachmentIds: files.filter((f) => f.status === 'done').map((f) => f.uid) }),
    onSuccess: onClose,
  });
  useEffect(() => {
    if (!scoring) return;
    form.setFieldsValue({ score: scoring.current?.score, evidence: scoring.current?.evidence ?? '' });
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
      okButtonProps={{ disabled: uploading }}
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
      <Form.Item label={t('sv.assess.score.files')} extra={t('sv.assess.score.filesHint')}>
        <EvidenceFiles files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}
