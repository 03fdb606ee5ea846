/**
 * The review chain's district settings as people read them and as the district office edits them: forbidden requests
 * by pattern (homework.forbiddenPatterns), grades without written homework (homework.noWrittenGrades), non-written caps
 * (homework.nonWrittenCaps) and the mandatory review steps (homework.mandatorySteps).
 */
import { LockOutlined } from '@ant-design/icons';
import { type HomeworkSettingValue, REVIEW_STEPS } from '@shuangjian/policy';
import { Checkbox, Col, Form, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { gradeLabel } from './grades';

type Patterns = HomeworkSettingValue<'homework.forbiddenPatterns'>;
type Caps = HomeworkSettingValue<'homework.nonWrittenCaps'>;
const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const words = (list: string[], color?: string) => (
  <Space size={[0, 4]} wrap>
    {list.map((w) => (
      <Tag key={w} color={color}>
        {w}
      </Tag>
    ))}
  </Space>
);

export function PatternsValue({ value, compact }: { value: Patterns; compact?: boolean }) {
  const { t } = useI18n();
  if (compact)
    return <span>{t('hwr.policy.patternsCompact', { parents: value.parentWords.length, actions: value.actionWords.length, gap: value.maxGap })}</span>;
  return (
    <div data-testid="patterns-value">
      <div>
        <Typography.Text type="secondary">{t('hwr.policy.parentWords')}：</Typography.Text>
        {words(value.parentWords, 'orange')}
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{t('hwr.policy.actionWords')}：</Typography.Text>
        {words(value.actionWords, 'red')}
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{t('hwr.policy.maxGapValue', { n: value.maxGap })}</Typography.Text>
      </div>
      {value.negations.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('hwr.policy.negations')}：</Typography.Text>
          {words(value.negations)}
        </div>
      )}
    </div>
  );
}

export function GradesValue({ value }: { value: number[] }) {
  const { t, locale } = useI18n();
  return <span>{value.length ? [...value].sort().map((g) => gradeLabel(g, locale)).join(t('hwr.policy.join')) : t('hwr.policy.noGrades')}</span>;
}

export function CapsValue({ value, compact }: { value: Caps; compact?: boolean }) {
  const { t, locale } = useI18n();
  const set = GRADES.filter((g) => value[`${g}`] !== null);
  if (compact || !set.length)
    return <span>{set.length ? set.map((g) => `${gradeLabel(g, locale, true)} ${value[`${g}`]}`).join(' · ') : t('hwr.policy.noCaps')}</span>;
  return (
    <Table
      rowKey="row"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={[{ row: 'caps', ...value }]}
      columns={GRADES.map((g) => ({
        title: gradeLabel(g, locale, true),
        dataIndex: `${g}`,
        width: 56,
        align: 'center' as const,
        render: (n: number | null) => (n === null ? '—' : n),
      }))}
    />
  );
}

export function StepsValue({ value }: { value: string[] }) {
  const { t } = useI18n();
  if (!value.length) return <span>{t('hwr.policy.noSteps')}</span>;
  return (
    <Space size={[0, 4]} wrap>
      {value.map((s) => (
        <Tag key={s} color="blue" icon={<LockOutlined />}>
          {t(`hw.settings.${s}`)}
        </Tag>
      ))}
    </Space>
  );
}

const tags = (placeholder: string) => <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} style={{ width: '100%' }} placeholder={placeholder} />;

export function PatternsEditor() {
  const { t } = useI18n();
  const required = [{ required: true, type: 'array' as const, min: 1, message: t('hwr.policy.wordsRequired') }];
  return (
    <>
      <Form.Item name={['value', 'parentWords']} label={t('hwr.policy.parentWords')} rules={required} extra={t('hw.policy.phrasesHint')}>
        {tags('家长、父母…')}
      </Form.Item>
      <Form.Item name={['value', 'actionWords']} label={t('hwr.policy.actionWords')} rules={required}>
        {tags('检查、批改、签字…')}
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={['value', 'maxGap']} label={t('hwr.policy.maxGap')} rules={[{ required: true }]} extra={t('hwr.policy.maxGapHint')}>
            <InputNumber min={0} max={30} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={['value', 'negations']} label={t('hwr.policy.negations')} extra={t('hwr.policy.negationsHint')}>
            {tags('无需、不用…')}
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function GradesEditor() {
  const { t, locale } = useI18n();
  return (
    <Form.Item name="value" label={t('hwr.policy.noWrittenGrades')} extra={t('hwr.policy.noWrittenGradesHint')}>
      <Checkbox.Group options={GRADES.map((g) => ({ value: g, label: gradeLabel(g, locale) }))} />
    </Form.Item>
  );
}

export function CapsEditor() {
  const { t, locale } = useI18n();
  return (
    <Form.Item label={t('hwr.policy.capsLabel')} extra={t('hwr.policy.capsHint')}>
      <Row gutter={[8, 8]}>
        {GRADES.map((g) => (
          <Col key={g} xs={8} sm={6} md={4}>
            <Form.Item name={['value', `${g}`]} noStyle>
              <InputNumber min={0} max={600} precision={0} placeholder="—" prefix={gradeLabel(g, locale, true)} style={{ width: '100%' }} aria-label={gradeLabel(g, locale)} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}

export function StepsEditor() {
  const { t } = useI18n();
  return (
    <Form.Item name="value" label={t('hwr.policy.mandatorySteps')} extra={t('hwr.policy.mandatoryStepsHint')}>
      <Checkbox.Group options={REVIEW_STEPS.map((s) => ({ value: s, label: t(`hw.settings.${s}`) }))} />
    </Form.Item>
  );
}
