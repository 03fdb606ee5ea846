/**
 * 政策参数: the district's homework policy settings, each with the value in force, the shipped default and its
 * versions. The district office adds a version from a date on (never before today: rules already applied stay as
 * they were); every check the platform makes cites the version it applied.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { PolicyEntry } from '@shuangjian/contracts';
import { type HomeworkSettingKey, type HomeworkSettingValue, homeworkSettings } from '@shuangjian/policy';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Popover, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../app/api';
import { can, useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useSaveMutation } from '../../components/useSaveMutation';
import { gradeLabel } from './components/grades';
import { districtToday } from './components/model';
import { ReminderEditor, ReminderValue } from './components/ReminderSetting';
import { CapsEditor, CapsValue, GradesEditor, GradesValue, PatternsEditor, PatternsValue, StepsEditor, StepsValue } from './components/ReviewSettings';

type Entry = z.infer<typeof PolicyEntry>;
type Version = NonNullable<Entry['current']>;
type Limits = HomeworkSettingValue<'homework.dayLimits'>;
const DAY_KINDS = ['school_day', 'weekend', 'holiday', 'vacation'] as const;
const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function parse<K extends HomeworkSettingKey>(key: K, value: unknown): HomeworkSettingValue<K> | null {
  const r = homeworkSettings[key].schema.safeParse(value);
  return r.success ? (r.data as HomeworkSettingValue<K>) : null;
}
const isKey = (k: string): k is HomeworkSettingKey => k in homeworkSettings;

export default function PoliciesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => api.get<Entry[]>('/api/policies') });
  const [editing, setEditing] = useState<Entry | null>(null);
  const manage = can(me, 'policy.manage');
  return (
    <>
      <PageHeader title={t('menu.policies')} sub={t('hw.policy.sub')} />
      {policies.error && <Alert type="error" showIcon title={policies.error.message} />}
      <Flex vertical gap={16}>
        {(policies.isLoading ? [] : (policies.data ?? [])).map((p) => (
          <PolicyCard key={p.key} entry={p} onEdit={manage ? () => setEditing(p) : undefined} />
        ))}
        {policies.isLoading && <Card loading />}
      </Flex>
      {editing && <VersionModal entry={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PolicyCard({ entry, onEdit }: { entry: Entry; onEdit?: () => void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const today = districtToday(tz);
  const current = entry.current?.value ?? entry.default;
  const sameAsDefault = JSON.stringify(current) === JSON.stringify(entry.default);
  return (
    <Card
      size="small"
      data-testid={`policy-${entry.key}`}
      title={entry.label[locale]}
      extra={
        <Space>
          <Typography.Text type="secondary" code>
            {entry.key}
          </Typography.Text>
          {onEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onEdit} data-testid="policy-new-version">
              {t('hw.policy.newVersion')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={sameAsDefault ? 24 : 12}>
          <Typography.Text strong>{t('hw.policy.inForce')}</Typography.Text>{' '}
          {entry.current ? (
            <Tag color="blue">{t('hw.policy.since', { date: entry.current.effectiveFrom })}</Tag>
          ) : (
            <Tag>{t('hw.policy.defaultApplies')}</Tag>
          )}
          {sameAsDefault && entry.current && <Tag>{t('hw.policy.sameAsDefault')}</Tag>}
          <div style={{ marginTop: 8 }}>
            <ValueView policyKey={entry.key} value={current} />
          </div>
        </Col>
        {!sameAsDefault && (
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('hw.policy.default')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <ValueView policyKey={entry.key} value={entry.default} />
            </div>
          </Col>
        )}
      </Row>
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        {t('hw.policy.history')}
      </Typography.Text>
      {entry.versions.length === 0 ? (
        <Typography.Text type="secondary">{t('hw.policy.noVersions')}</Typography.Text>
      ) : (
        <Table<Version>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={entry.versions}
            scroll={{ x: 720 }}
          columns={[
            {
              title: t('hw.policy.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              width: 170,
              render: (d: string, v) => (
                <Space size={4}>
                  {d}
                  {v.id === entry.current?.id ? <Tag color="green">{t('hw.policy.current')}</Tag> : d > today ? <Tag color="gold">{t('hw.policy.upcoming')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('hw.policy.value'), key: 'value', render: (_: unknown, v) => <ValueView policyKey={entry.key} value={v.value} compact /> },
            { title: t('hw.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
            { title: t('hw.policy.by'), dataIndex: 'createdBy', width: 90 },
            { title: t('hw.policy.at'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, tz) },
          ]}
        />
      )}
    </Card>
  );
}

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

/** A value as people read it: the limits grid, the phrases as tags, times, a percentage. */
function ValueView({ policyKey, value, compact }: { policyKey: string; value: unknown; compact?: boolean }) {
  const { t } = useI18n();
  const raw = <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
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

interface VersionForm {
  value: unknown;
  percent?: number;
  effectiveFrom: Dayjs;
  reason: string;
}

/** 新增版本: the editor fits the setting; the value is checked again by the server against the setting's schema. */
function VersionModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<VersionForm>();
  const today = districtToday(tz);
  const current = entry.current?.value ?? entry.default;
  const completion = entry.key === 'homework.completionTarget' ? parse('homework.completionTarget', current) : null;
  const save = useSaveMutation({
    form,
    mutationFn: (v: VersionForm) =>
      api.post<Entry>(`/api/policies/${entry.key}`, {
        value: entry.key === 'homework.completionTarget' ? (v.percent ?? 0) / 100 : v.value,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      }),
    saved: t('hw.policy.saved'),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['policies'] });
      void client.invalidateQueries({ queryKey: ['homework'] });
      onClose();
    },
  });
  return (
    <FormModal
      open
      width={entry.key === 'homework.dayLimits' ? 880 : 560}
      title={`${t('hw.policy.newVersion')} · ${entry.label[locale]}`}
      onCancel={onClose}
      form={form}
      loading={save.isPending}
      initialValues={{ value: current, percent: completion === null ? undefined : Math.round(completion * 1000) / 10, effectiveFrom: dayjs(today) }}
      onFinish={(v) => save.mutate({ ...v, value: form.getFieldValue('value') as unknown })}
    >
      <ValueEditor policyKey={entry.key} />
      <Row gutter={12}>
        <Col xs={24} sm={9}>
          <Form.Item name="effectiveFrom" label={t('hw.policy.effectiveFrom')} rules={[{ required: true }]} extra={t('hw.policy.effectiveHint')}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={15}>
          <Form.Item name="reason" label={t('hw.reason')} rules={[{ required: true, whitespace: true, message: t('hw.reasonRequired') }, { max: 200 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('hw.policy.reasonHint')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

function ValueEditor({ policyKey }: { policyKey: string }) {
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
      return (
        <Form.Item name="value" label={t('hw.policy.value')}>
          <Input disabled />
        </Form.Item>
      );
  }
}
