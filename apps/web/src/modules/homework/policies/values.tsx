/** A policy value as people read it: the limits grid, phrases and words as tags, grades, times, a percentage. */
import type { PolicyValueSchema } from '@shuangjian/contracts';
import { type HomeworkSettingKey, type HomeworkSettingValue, homeworkSettings } from '@shuangjian/policy';
import { Popover, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { gradeLabel } from '../components/grades';
import { ReminderValue } from '../components/ReminderSetting';
import { CapsValue, GradesValue, PatternsValue, StepsValue } from '../components/ReviewSettings';
import { SchemaValue } from './schema-editor/SchemaValue';

type Limits = HomeworkSettingValue<'homework.dayLimits'>;
export const DAY_KINDS = ['school_day', 'weekend', 'holiday', 'vacation'] as const;
export const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function parse<K extends HomeworkSettingKey>(key: K, value: unknown): HomeworkSettingValue<K> | null {
  const r = homeworkSettings[key].schema.safeParse(value);
  return r.success ? (r.data as HomeworkSettingValue<K>) : null;
}
export const isKey = (k: string): k is HomeworkSettingKey => k in homeworkSettings;

function LimitsTable({ value }: { value: Limits }) {
  const { t, locale } = useI18n();
  return (
    <Table
      rowKey="kind"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={DAY_KINDS.map((kind) => ({ kind, ...value[kind] }))}
      columns={[
        { title: '', dataIndex: 'kind', width: 90, render: (k: string) => t(`hw.dayKind.${k}`) },
        ...GRADES.map((g) => ({ title: gradeLabel(Number(g), locale, true), dataIndex: g, width: 56, align: 'center' as const })),
      ]}
    />
  );
}

/**
 * A value as people read it: the homework settings by their own views (the limits grid, the phrases as tags, times, a
 * percentage), any other setting from its value shape (`schema`, listed with the setting), else as stored.
 */
export function ValueView({ policyKey, value, compact, schema }: { policyKey: string; value: unknown; compact?: boolean; schema?: PolicyValueSchema }) {
  const { t } = useI18n();
  const raw = schema ? <SchemaValue schema={schema} value={value} compact={compact} /> : <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
  if (!isKey(policyKey)) return raw;
  switch (policyKey) {
    case 'homework.dayLimits': {
      const v = parse('homework.dayLimits', value);
      if (!v) return raw;
      if (!compact) return <LimitsTable value={v} />;
      return (
        <Popover content={<div style={{ maxWidth: 640 }}><LimitsTable value={v} /></div>}>
          <Typography.Link>
            {DAY_KINDS.map((k) => `${t(`hw.dayKind.${k}`)} ${v[k]['3']}/${v[k]['7']}`).join(' · ')} {t('hw.policy.limitsCompact')}
          </Typography.Link>
        </Popover>
      );
    }
    case 'homework.forbiddenPhrases': {
      const v = parse('homework.forbiddenPhrases', value);
      if (!v) return raw;
      const shown = compact ? v.slice(0, 6) : v;
      return (
        <Space size={[0, 4]} wrap>
          {shown.map((p) => (
            <Tag key={p} color="red">
              {p}
            </Tag>
          ))}
          {shown.length < v.length && <Typography.Text type="secondary">{t('hw.policy.more', { n: v.length - shown.length })}</Typography.Text>}
        </Space>
      );
    }
    case 'homework.bedtime': {
      const v = parse('homework.bedtime', value);
      return v ? <span>{t('hw.policy.bedtimeValue', { primary: v.primary, junior: v.junior })}</span> : raw;
    }
    case 'homework.completionTarget': {
      const v = parse('homework.completionTarget', value);
      return v === null ? raw : <span>{t('hw.policy.percent', { n: Math.round(v * 1000) / 10 })}</span>;
    }
    case 'homework.overrun': {
      const v = parse('homework.overrun', value);
      return v ? <span>{t('hw.policy.overrunValue', { factor: v.factor, n: v.minReports })}</span> : raw;
    }
    case 'homework.eveningReminder': {
      const v = parse('homework.eveningReminder', value);
      return v ? <ReminderValue value={v} /> : raw;
    }
    case 'homework.forbiddenPatterns': {
      const v = parse('homework.forbiddenPatterns', value);
      return v ? <PatternsValue value={v} compact={compact} /> : raw;
    }
    case 'homework.noWrittenGrades': {
      const v = parse('homework.noWrittenGrades', value);
      return v ? <GradesValue value={v} /> : raw;
    }
    case 'homework.nonWrittenCaps': {
      const v = parse('homework.nonWrittenCaps', value);
      return v ? <CapsValue value={v} compact={compact} /> : raw;
    }
    case 'homework.mandatorySteps': {
      const v = parse('homework.mandatorySteps', value);
      return v ? <StepsValue value={v} /> : raw;
    }
    case 'homework.vacationExcellentMin': {
      const v = parse('homework.vacationExcellentMin', value);
      return v === null ? raw : <span>{t('hwm.policy.excellentValue', { n: v })}</span>;
    }
    default:
      return raw;
  }
}

