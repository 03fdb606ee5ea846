/** Answering one checklist item: 符合 with the evidence it asks for, or 不符合 with what was found and who will fix it. */
import { type SelfcheckItem, SELFCHECK_ANSWER_MAX, SELFCHECK_NAME_MAX, type SelfcheckAnswer, type SelfcheckResult, selfcheckEvidenceLabels, selfcheckResultLabels } from '@shuangjian/contracts';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { EvidenceUpload } from './EvidenceUpload';
import { useSelfcheckWrites } from './queries';

interface Values {
  result: SelfcheckResult;
  text?: string;
  responsible?: string;
  fileIds?: string[];
}

export function AnswerDialog({ item, answer, checklistId, schoolId, onClose }: { item: SelfcheckItem; answer?: SelfcheckAnswer; checklistId: string; schoolId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const writes = useSelfcheckWrites();
  const result = Form.useWatch('result', form) ?? answer?.result ?? 'pass';
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.answer({ checklistId, schoolId, itemId: item.id, result: v.result, text: v.text ?? null, responsible: v.result === 'fail' ? (v.responsible ?? null) : null, fileIds: v.fileIds ?? answer?.files.map((f) => f.id) ?? [] }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('five.selfcheck.answerTitle', { no: item.no })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ ...({ 'data-testid': 'answer-save' } as Record<string, string>) }}>
      <Typography.Paragraph strong>{item.text}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('five.selfcheck.needs', { what: selfcheckEvidenceLabels[item.evidence][locale] })} />
      <Form form={form} layout="vertical" initialValues={{ result: answer?.result ?? 'pass', text: answer?.text ?? '', responsible: answer?.responsible ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="result" label={t('five.selfcheck.result')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(['pass', 'fail'] as const).map((r) => ({ value: r, label: selfcheckResultLabels[r][locale] }))} data-testid="answer-result" />
        </Form.Item>
        <Form.Item name="text" label={result === 'fail' ? t('five.selfcheck.failText') : t('five.selfcheck.passText')}>
          <Input.TextArea rows={3} maxLength={SELFCHECK_ANSWER_MAX} data-testid="answer-text" />
        </Form.Item>
        {result === 'fail' && (
          <Form.Item name="responsible" label={t('five.selfcheck.responsible')} extra={t('five.selfcheck.responsibleHint')}>
            <Input maxLength={SELFCHECK_NAME_MAX} data-testid="answer-responsible" />
          </Form.Item>
        )}
        <Form.Item name="fileIds" label={t('five.selfcheck.files')}>
          <EvidenceUpload initial={answer?.files} testId="answer-upload" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
