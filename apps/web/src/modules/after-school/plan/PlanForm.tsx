/** The plan's fields (服务时间、人员、收费、安全与接送), with the rule check beside them as they are typed. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Course, Plan, PlanContext, ServicePlan } from '@shuangjian/contracts';
import { type Fen, formatYuan, parseYuan, weekdayName, yuanTextProblemText } from '@shuangjian/policy';
import { Button, Card, Checkbox, Col, Form, type FormInstance, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CheckPanel, livePlanCheck } from './CheckPanel';
import './messages';

export interface PlanFormValues extends Omit<ServicePlan, 'fees'> {
  fees: { mode: ServicePlan['fees']['mode']; serviceFee: string; passThroughNote: string | null };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export const toFormValues = (body: Plan['body']): PlanFormValues => ({
  ...body,
  fees: { ...body.fees, serviceFee: formatYuan(body.fees.serviceFeeFen as Fen, { locale: 'zh-CN', symbol: false }) },
});

export function toBody(values: PlanFormValues): ServicePlan {
  const parsed = parseYuan(values.fees.serviceFee);
  return { ...values, fees: { mode: values.fees.mode, passThroughNote: values.fees.passThroughNote, serviceFeeFen: (parsed.ok ? parsed.value : 0) as ServicePlan['fees']['serviceFeeFen'] } };
}

export function PlanForm({ form, context, courses, initial, onFinish }: { form: FormInstance<PlanFormValues>; context: PlanContext | undefined; courses: Course[]; initial: PlanFormValues; onFinish: (v: PlanFormValues) => void }) {
  const { t, locale } = useI18n();
  const weekdays = Form.useWatch('weekdays', form) ?? initial.weekdays;
  const periods = Form.useWatch('periods', form) ?? initial.periods;
  const check = context ? livePlanCheck({ weekdays, periods: (periods ?? []).filter(Boolean) }, context, courses) : null;
  const hhmm = { pattern: HHMM, message: t('afterSchool.plan.hhmm') };
  const required = { required: true };
  return (
    <Form<PlanFormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} name="plan">
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('afterSchool.plan.times')} style={{ marginBottom: 16 }}>
            <Form.Item name="weekdays" label={t('afterSchool.plan.weekdays')} rules={[required]}>
              <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))} />
            </Form.Item>
            <Form.List name="periods">
              {(fields, { add, remove }) => (
                <>
                  <div style={{ marginBottom: 8 }}>{t('afterSchool.plan.periods')}</div>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" wrap data-testid={`period-${i}`}>
                      <Form.Item name={[f.name, 'start']} rules={[required, hhmm]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('afterSchool.plan.period.start')} style={{ width: 90 }} aria-label={`${t('afterSchool.plan.period.start')} ${i + 1}`} />
                      </Form.Item>
                      –
                      <Form.Item name={[f.name, 'end']} rules={[required, hhmm]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('afterSchool.plan.period.end')} style={{ width: 90 }} aria-label={`${t('afterSchool.plan.period.end')} ${i + 1}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} rules={[required]} style={{ marginBottom: 8 }}>
                        <Select style={{ width: 120 }} options={(['homework', 'club'] as const).map((k) => ({ value: k, label: t(`afterSchool.plan.period.${k}`) }))} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '', kind: 'club' })} disabled={fields.length >= 6}>
                    {t('afterSchool.plan.addPeriod')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title={t('afterSchool.plan.staffing')} style={{ marginBottom: 16 }}>
            <Space wrap>
              {(['ownTeachers', 'totalTeachers', 'volunteers', 'providers'] as const).map((k) => (
                <Form.Item key={k} name={['staffing', k]} label={t(`afterSchool.plan.${k}`)} rules={[required]}>
                  <InputNumber min={0} max={5000} precision={0} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item name={['staffing', 'note']} label={t('afterSchool.plan.staffNote')}>
              <Input maxLength={200} />
            </Form.Item>
          </Card>
          <Card size="small" title={t('afterSchool.plan.fees')} style={{ marginBottom: 16 }}>
            <Space wrap align="start">
              <Form.Item name={['fees', 'mode']} label={t('afterSchool.plan.feeMode')} rules={[required]}>
                <Radio.Group options={(['monthly', 'semester'] as const).map((m) => ({ value: m, label: t(`afterSchool.plan.feeMode.${m}`) }))} />
              </Form.Item>
              <Form.Item
                name={['fees', 'serviceFee']}
                label={t('afterSchool.plan.serviceFee')}
                rules={[
                  {
                    validator: async (_, v: string) => {
                      const p = parseYuan(v ?? '');
                      if (!p.ok) throw new Error(yuanTextProblemText[p.problem][locale]);
                      if (p.value < 0) throw new Error(yuanTextProblemText.invalid[locale]);
                    },
                  },
                ]}
              >
                <Input style={{ width: 140 }} prefix={locale === 'zh-CN' ? '¥' : 'CN¥'} />
              </Form.Item>
            </Space>
            <Form.Item name={['fees', 'passThroughNote']} label={t('afterSchool.plan.passThrough')}>
              <Input maxLength={200} />
            </Form.Item>
          </Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="safetyPlan" label={t('afterSchool.plan.safety')} rules={[required]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="pickupPlan" label={t('afterSchool.plan.pickup')} rules={[required]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="principles" label={t('afterSchool.plan.principles')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} lg={10}>{check && <CheckPanel check={check} />}</Col>
      </Row>
    </Form>
  );
}
