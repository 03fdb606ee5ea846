/** The editor of a policy value, fitting the setting; the server checks the value again against the setting's schema. */
import { Col, Form, Input, InputNumber, Row, Select, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { gradeLabel } from '../components/grades';
import { ReminderEditor } from '../components/ReminderSetting';
import { CapsEditor, GradesEditor, PatternsEditor, StepsEditor } from '../components/ReviewSettings';
import { DAY_KINDS, GRADES } from './values';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function ValueEditor({ policyKey }: { policyKey: string }) {
  const { t, locale } = useI18n();
  const minutes = (name: (string | number)[]) => (
    <Form.Item name={name} noStyle rules={[{ required: true, message: '' }]}>
      <InputNumber min={0} max={600} precision={0} size="small" style={{ width: 60 }} aria-label={name.join('.')} />
    </Form.Item>
  );
  switch (policyKey) {
    case 'homework.dayLimits':
      return (
        <Form.Item label={t('hw.policy.limitsLabel')} required>
          <Table
            rowKey="kind"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={DAY_KINDS.map((kind) => ({ kind }))}
            columns={[
              { title: '', dataIndex: 'kind', width: 90, render: (k: string) => t(`hw.dayKind.${k}`) },
              ...GRADES.map((g) => ({
                title: gradeLabel(Number(g), locale, true),
                key: g,
                width: 70,
                align: 'center' as const,
                render: (_: unknown, r: { kind: string }) => minutes(['value', r.kind, g]),
              })),
            ]}
          />
        </Form.Item>
      );
    case 'homework.forbiddenPhrases':
      return (
        <Form.Item
          name="value"
          label={t('hw.policy.phrasesLabel')}
          extra={t('hw.policy.phrasesHint')}
          rules={[
            {
              validator: async (_, v: string[] | undefined) => {
                const bad = (v ?? []).find((p) => p.trim().length < 2 || p.trim().length > 20);
                if (bad !== undefined) throw new Error(t('hw.policy.phraseBad', { phrase: bad }));
              },
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} style={{ width: '100%' }} tagRender={({ label, closable, onClose }) => (
            <Tag color="red" closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
              {label}
            </Tag>
          )} />
        </Form.Item>
      );
    case 'homework.bedtime':
      return (
        <Row gutter={12}>
          {(['primary', 'junior'] as const).map((k) => (
            <Col key={k} span={12}>
              <Form.Item name={['value', k]} label={t(`hw.policy.bedtime.${k}`)} rules={[{ required: true }, { pattern: HHMM, message: t('hw.policy.hhmm') }]}>
                <Input placeholder="21:20" maxLength={5} style={{ width: 120 }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      );
    case 'homework.completionTarget':
      return (
        <Form.Item name="percent" label={t('hw.policy.targetLabel')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={1} precision={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
      );
    case 'homework.eveningReminder':
      return <ReminderEditor />;
    case 'homework.forbiddenPatterns':
      return <PatternsEditor />;
    case 'homework.noWrittenGrades':
      return <GradesEditor />;
    case 'homework.nonWrittenCaps':
      return <CapsEditor />;
    case 'homework.mandatorySteps':
      return <StepsEditor />;
    case 'homework.overrun':
      return (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['value', 'factor']} label={t('hw.policy.factor')} rules={[{ required: true }]}>
              <InputNumber min={1} max={5} step={0.1} precision={2} suffix="×" style={{ width: 140 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['value', 'minReports']} label={t('hw.policy.minReports')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'homework.vacationExcellentMin':
      return (
        <Form.Item name="value" label={t('hwm.policy.excellentLabel')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} suffix={t('hwm.policy.times')} style={{ width: 160 }} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** The settings with an editor of their own above; every other one gets the generic editor of its value shape. */
export const HAND_EDITED: ReadonlySet<string> = new Set([
  'homework.dayLimits',
  'homework.forbiddenPhrases',
  'homework.bedtime',
  'homework.completionTarget',
  'homework.eveningReminder',
  'homework.forbiddenPatterns',
  'homework.noWrittenGrades',
  'homework.nonWrittenCaps',
  'homework.mandatorySteps',
  'homework.overrun',
  'homework.vacationExcellentMin',
]);
