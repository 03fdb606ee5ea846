/**
 * The assessment's head as the district writes it: name, semester (fills the period and the close date), the period the
 * computed indicators read, the close date the scores freeze at, and the list thresholds (红榜 ≥, 黄牌 <, 黑榜 <).
 */
import type { SupervisionAssessment, SupervisionAssessmentInput } from '@shuangjian/contracts';
import { ASSESSMENT_NAME_MAX } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { FormModal, useEditDialog } from '../../../../components/FormModal';
import { useSemesters } from '../../../calendar/queries';

export interface AssessmentForm {
  name: string;
  semesterId: string | null;
  periodFrom: dayjs.Dayjs;
  periodTo: dayjs.Dayjs;
  closeDate: dayjs.Dayjs;
  redMin: number;
  yellowBelow: number;
  blackBelow: number;
}

const DAY = 'YYYY-MM-DD';

export const toInput = (v: AssessmentForm): SupervisionAssessmentInput => ({
  name: v.name,
  semesterId: v.semesterId ?? null,
  periodFrom: v.periodFrom.format(DAY),
  periodTo: v.periodTo.format(DAY),
  closeDate: v.closeDate.format(DAY),
  redMin: v.redMin,
  yellowBelow: v.yellowBelow,
  blackBelow: v.blackBelow,
});

/** The dialog's form when it opens: a new assessment of the current semester, or the draft as it stands. */
export function useFill() {
  const { t } = useI18n();
  const tz = useTimeZone();
  const semesters = useSemesters();
  return (row: SupervisionAssessment | 'new'): Partial<AssessmentForm> => {
    if (row !== 'new')
      return { ...row, periodFrom: dayjs(row.periodFrom), periodTo: dayjs(row.periodTo), closeDate: dayjs(row.closeDate) };
    const today = todayIn(tz);
    const current = semesters.data?.find((s) => s.startDate <= today && today <= s.endDate);
    return {
      name: current ? t('sv.assess.defaultName', { semester: current.name }) : '',
      semesterId: current?.id ?? null,
      periodFrom: dayjs(current?.startDate ?? today),
      periodTo: dayjs(current?.endDate ?? today),
      closeDate: dayjs(current?.endDate ?? today),
      redMin: 90,
      yellowBelow: 70,
      blackBelow: 60,
    };
  };
}

export function AssessmentDialog({ dialog }: { dialog: ReturnType<typeof useEditDialog<SupervisionAssessment, AssessmentForm>> }) {
  const { t } = useI18n();
  const semesters = useSemesters();
  const form = dialog.form;
  const onSemester = (id: string | null) => {
    const s = semesters.data?.find((x) => x.id === id);
    if (s) form.setFieldsValue({ periodFrom: dayjs(s.startDate), periodTo: dayjs(s.endDate), closeDate: dayjs(s.endDate) });
  };
  const threshold = (name: 'redMin' | 'yellowBelow' | 'blackBelow') => (
    <Col xs={24} sm={8}>
      <Form.Item name={name} label={t(`sv.assess.f.${name}`)} rules={[{ required: true, message: t('sv.assess.f.required') }]}>
        <InputNumber min={0} max={100} step={1} suffix={t('sv.assess.points')} style={{ width: '100%' }} data-testid={`assess-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <FormModal<AssessmentForm>
      {...dialog.modal}
      name="assessment"
      width={640}
      title={dialog.editing === 'new' ? t('sv.assess.create') : t('sv.assess.edit')}
      okText={t('common.save')}
      intro={<Typography.Paragraph type="secondary">{t('sv.assess.createIntro')}</Typography.Paragraph>}
    >
      <Form.Item name="name" label={t('sv.assess.f.name')} rules={[{ required: true, whitespace: true, message: t('sv.assess.f.required') }]}>
        <Input maxLength={ASSESSMENT_NAME_MAX} showCount data-testid="assess-name" />
      </Form.Item>
      <Form.Item name="semesterId" label={t('sv.assess.f.semester')} extra={t('sv.assess.f.semesterHint')}>
        <Select
          allowClear
          data-testid="assess-semester"
          onChange={onSemester}
          loading={semesters.isLoading}
          options={[...(semesters.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Row gutter={12}>
        {(['periodFrom', 'periodTo', 'closeDate'] as const).map((name) => (
          <Col xs={24} sm={8} key={name}>
            <Form.Item name={name} label={t(`sv.assess.f.${name}`)} rules={[{ required: true, message: t('sv.assess.f.required') }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} data-testid={`assess-${name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('sv.assess.f.closeHint')}
      </Typography.Paragraph>
      <Row gutter={12}>
        {threshold('redMin')}
        {threshold('yellowBelow')}
        {threshold('blackBelow')}
      </Row>
      <Typography.Text type="secondary">{t('sv.assess.f.listsHint')}</Typography.Text>
    </FormModal>
  );
}
