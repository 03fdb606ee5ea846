/** The evening reminder setting (homework.eveningReminder) as people read it and as the district office edits it. */
import type { HomeworkSettingValue } from '@shuangjian/policy';
import { Checkbox, Col, Form, Input, Row, Switch } from 'antd';
import { useI18n } from '../../../app/i18n';

type Reminder = HomeworkSettingValue<'homework.eveningReminder'>;
const KINDS = ['school_day', 'weekend', 'holiday', 'vacation'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function ReminderValue({ value }: { value: Reminder }) {
  const { t } = useI18n();
  if (!value.enabled) return <span>{t('hwn.reminder.off')}</span>;
  const days = value.dayKinds.map((k) => t(`hw.dayKind.${k}`)).join(t('hwn.reminder.daysJoin'));
  return <span data-testid="reminder-value">{t('hwn.reminder.on', { days, time: value.time })}</span>;
}

export function ReminderEditor() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name={['value', 'enabled']} label={t('hwn.reminder.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16}>
        <Form.Item name={['value', 'time']} label={t('hwn.reminder.time')} extra={t('hwn.reminder.timeHelp')} rules={[{ required: true }, { pattern: HHMM, message: t('hw.policy.hhmm') }]}>
          <Input placeholder="20:30" maxLength={5} style={{ width: 120 }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['value', 'dayKinds']} label={t('hwn.reminder.days')} rules={[{ required: true, type: 'array', min: 1, message: t('hwn.reminder.daysRequired') }]}>
          <Checkbox.Group options={KINDS.map((k) => ({ value: k, label: t(`hw.dayKind.${k}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
