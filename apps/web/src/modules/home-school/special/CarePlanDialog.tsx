/** The care plan and the stand-in parent (代理家长): writing it the first time opens the file. The stand-in rule shows live. */
import { CARE_GOALS_MAX, CARE_MEASURES_MAX, type CarePlanInput, type SpecialFile } from '@shuangjian/contracts';
import { checkStandIn } from '@shuangjian/policy';
import { Alert, Form, Input, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSpecialWrites } from './queries';

interface PlanValues {
  goals?: string | null;
  measures?: string | null;
  responsible?: string | null;
  standInId?: string | null;
}

export function CarePlanDialog({ file, open, onClose }: { file: SpecialFile; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const writes = useSpecialWrites();
  const save = useSaveMutation<PlanValues>({
    form,
    mutationFn: (v) => writes.savePlan(file.studentId, { goals: v.goals || null, measures: v.measures || null, responsible: v.responsible || null, standInId: v.standInId ?? null } satisfies CarePlanInput),
    saved: t('hs.special.plan.saved'),
    onSuccess: onClose,
  });
  const standInId = Form.useWatch('standInId', form) ?? null;
  const finding = checkStandIn(file.flags.leftBehind, standInId, file.standInRequired);
  return (
    <FormModal<PlanValues>
      form={form}
      name="care-plan"
      open={open}
      onCancel={onClose}
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      title={`${file.hasFile ? t('hs.special.plan.edit') : t('hs.special.plan.create')} · ${file.name}`}
      initialValues={{ goals: file.goals, measures: file.measures, responsible: file.responsible, standInId: file.standInId }}
      okText={t('common.save')}
    >
      <Form.Item name="goals" label={t('hs.special.plan.goals')} rules={[{ max: CARE_GOALS_MAX }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="measures" label={t('hs.special.plan.measures')} rules={[{ max: CARE_MEASURES_MAX }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="responsible" label={t('hs.special.plan.responsible')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="standInId" label={t('hs.special.plan.standIn')} extra={t('hs.special.plan.standInHint')}>
        <Select
          allowClear
          data-testid="plan-stand-in"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('hs.special.plan.noStandIn')}
          options={file.staff.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      {finding && <Alert type="warning" showIcon title={`${t('hs.special.file.needStandIn')}（${finding.rule}）`} data-testid="plan-stand-in-rule" />}
    </FormModal>
  );
}
