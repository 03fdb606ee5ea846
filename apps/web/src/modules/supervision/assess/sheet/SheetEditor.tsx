/**
 * The indicator sheet while a draft: one row per indicator (name, weight with its share of 100%, kind, and either the
 * platform figure with its formula and target or what inspectors look at), saved as a whole; then 开始评分.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Formula,
  FORMULAS,
  formulaNeedsTarget,
  INDICATOR_GUIDANCE_MAX,
  INDICATOR_NAME_MAX,
  INDICATOR_WEIGHT_MAX,
  INDICATORS_MAX,
  type MetricKey,
  METRIC_KEYS,
  METRICS,
  type SupervisionAssessmentDetail,
} from '@shuangjian/contracts';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useAssessWrites } from '../../queries-assess';
import { ConfirmAction } from '../common/ConfirmAction';

interface Row {
  name: string;
  weight: number;
  kind: 'metric' | 'inspector';
  metric?: MetricKey | null;
  formula?: Formula | null;
  /** The target as a percentage (the server keeps 0–1). */
  targetPct?: number | null;
  guidance?: string | null;
}
interface SheetForm {
  indicators: Row[];
}

const NEW_ROW: Row = { name: '', weight: 10, kind: 'metric', metric: null, formula: 'rate', targetPct: null, guidance: null };

const toRows = (a: SupervisionAssessmentDetail): Row[] =>
  a.indicators.map((i) => ({ ...i, targetPct: i.target === null ? null : +(i.target * 100).toFixed(2) }));

const toInput = (rows: Row[]) => ({
  indicators: rows.map((r) => {
    const metric = r.kind === 'metric';
    const target = metric && r.formula && formulaNeedsTarget(r.formula) && r.targetPct !== null && r.targetPct !== undefined ? r.targetPct / 100 : null;
    return { name: r.name, weight: r.weight, kind: r.kind, metric: metric ? (r.metric ?? null) : null, formula: metric ? (r.formula ?? null) : null, target, guidance: r.guidance || null };
  }),
});

export function SheetEditor({ assessment: a }: { assessment: SupervisionAssessmentDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SheetForm>();
  const writes = useAssessWrites();
  const rows = Form.useWatch('indicators', form) ?? toRows(a);
  const totalWeight = rows.reduce((sum, r) => sum + (Number(r?.weight) > 0 ? Number(r.weight) : 0), 0);
  const share = (w: number | undefined) => (totalWeight > 0 && Number(w) > 0 ? `${((Number(w) / totalWeight) * 100).toFixed(1)}%` : '—');
  // the server names a row's field as 'indicators.0.weight', which the form's list cannot match: its refusals are toasts
  const save = useSaveMutation({ form: null, saved: t('sv.assess.sheet.saved'), mutationFn: (v: SheetForm) => writes.saveSheet(a.id, toInput(v.indicators)) });
  const required = { required: true, message: t('sv.assess.f.required') };
  // the sheet as it is on screen is saved first, so what opens is what the district sees
  const openScoring = async () => {
    const values = await form.validateFields().catch(() => {
      throw new Error(t('sv.assess.sheet.fixFirst'));
    });
    await writes.saveSheet(a.id, toInput(values.indicators));
    await writes.open(a.id);
  };
  const metricOptions = METRIC_KEYS.map((k) => ({
    value: k,
    label: t(`sv.assess.metric.${k}`),
    title: `${t(`sv.assess.metric.${k}`)}（${t(`sv.assess.better.${METRICS[k].better}`)}）`,
  }));
  const formulaOptions = FORMULAS.map((f) => ({ value: f, label: t(`sv.assess.formula.${f}`), help: t(`sv.assess.formula.${f}.help`) }));
  const onMetric = (index: number, key: MetricKey) => {
    const row = form.getFieldValue(['indicators', index]) as Row;
    // a lower-is-better figure scores the other way round; an empty name takes the figure's
    form.setFieldValue(['indicators', index], { ...row, metric: key, name: row.name || t(`sv.assess.metric.${key}`), formula: METRICS[key].better === 'lower' ? 'inverse' : (row.formula ?? 'rate') });
  };

  return (
    <Form<SheetForm> form={form} name="sheet" initialValues={{ indicators: toRows(a) }} onFinish={(v) => save.mutate(v)}>
      <Form.List name="indicators">
        {(fields, { add, remove, move }) => (
          <Card
            size="small"
            title={t('sv.assess.sheet.title')}
            extra={
              <Typography.Text type="secondary" data-testid="sheet-weights">
                {t('sv.assess.sheet.weights', { total: +totalWeight.toFixed(2), n: fields.length })}
              </Typography.Text>
            }
          >
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 1080 }}
              data-testid="sheet-table"
              locale={{ emptyText: t('sv.assess.sheet.empty') }}
              summary={() =>
                fields.length > 0 && (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <Typography.Text strong>{t('sv.assess.sheet.sum')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>{+totalWeight.toFixed(2)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>
                      <Typography.Text strong data-testid="sheet-share-sum">
                        {totalWeight > 0 ? '100%' : '—'}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} colSpan={3} />
                  </Table.Summary.Row>
                )
              }
              columns={[
                { title: '#', key: 'n', width: 40, render: (_: unknown, f) => f.name + 1 },
                {
                  title: t('sv.assess.sheet.name'),
                  key: 'name',
                  width: 220,
                  render: (_: unknown, f) => (
                    <Form.Item name={[f.name, 'name']} rules={[{ ...required, whitespace: true }]} style={{ margin: 0 }}>
                      <Input maxLength={INDICATOR_NAME_MAX} aria-label={t('sv.assess.sheet.name')} data-testid="sheet-name" />
                    </Form.Item>
                  ),
                },
                {
                  title: t('sv.assess.sheet.weight'),
                  key: 'weight',
                  width: 120,
                  render: (_: unknown, f) => (
                    <Form.Item name={[f.name, 'weight']} rules={[required]} style={{ margin: 0 }}>
                      <InputNumber min={0.1} max={INDICATOR_WEIGHT_MAX} step={1} style={{ width: 100 }} aria-label={t('sv.assess.sheet.weight')} data-testid="sheet-weight" />
                    </Form.Item>
                  ),
                },
                {
                  title: t('sv.assess.sheet.share'),
                  key: 'share',
                  width: 80,
                  render: (_: unknown, f) => <span data-testid="sheet-share">{share(rows[f.name]?.weight)}</span>,
                },
                {
                  title: t('sv.assess.sheet.kind'),
                  key: 'kind',
                  width: 130,
                  render: (_: unknown, f) => (
                    <Form.Item name={[f.name, 'kind']} style={{ margin: 0 }}>
                      <Select
                        aria-label={t('sv.assess.sheet.kind')}
                        data-testid="sheet-kind"
                        options={(['metric', 'inspector'] as const).map((k) => ({ value: k, label: t(`sv.assess.kind.${k}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('sv.assess.sheet.method'),
                  key: 'method',
                  render: (_: unknown, f) => {
                    const row = rows[f.name];
                    if (row?.kind === 'inspector')
                      return (
                        <Form.Item name={[f.name, 'guidance']} style={{ margin: 0 }}>
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={INDICATOR_GUIDANCE_MAX} placeholder={t('sv.assess.sheet.guidance')} aria-label={t('sv.assess.sheet.guidance')} data-testid="sheet-guidance" />
                        </Form.Item>
                      );
                    const formula = row?.formula ?? null;
                    return (
                      <Flex vertical gap={4}>
                        <Flex gap={8} wrap>
                          <Form.Item name={[f.name, 'metric']} rules={[required]} style={{ margin: 0 }}>
                            <Select<MetricKey>
                              style={{ width: 230 }}
                              placeholder={t('sv.assess.sheet.metric')}
                              aria-label={t('sv.assess.sheet.metric')}
                              data-testid="sheet-metric"
                              options={metricOptions}
                              onChange={(k) => onMetric(f.name, k)}
                              popupMatchSelectWidth={false}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'formula']} rules={[required]} style={{ margin: 0 }}>
                            <Select<Formula>
                              style={{ width: 130 }}
                              aria-label={t('sv.assess.sheet.formula')}
                              data-testid="sheet-formula"
                              options={formulaOptions}
                              popupMatchSelectWidth={false}
                              optionRender={(o) => (
                                <Flex vertical>
                                  <span>{o.data.label}</span>
                                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                    {o.data.help}
                                  </Typography.Text>
                                </Flex>
                              )}
                            />
                          </Form.Item>
                          {formula && formulaNeedsTarget(formula) && (
                            <Form.Item name={[f.name, 'targetPct']} rules={[required]} style={{ margin: 0 }}>
                              <InputNumber min={formula === 'target' ? 1 : 0} max={100} step={1} prefix={t('sv.assess.sheet.target')} suffix="%" style={{ width: 140 }} aria-label={t('sv.assess.sheet.target')} data-testid="sheet-target" />
                            </Form.Item>
                          )}
                        </Flex>
                        {formula && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="sheet-formula-help">
                            {t(`sv.assess.formula.${formula}.help`)}
                          </Typography.Text>
                        )}
                      </Flex>
                    );
                  },
                },
                {
                  title: '',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, f) => (
                    <Flex gap={0}>
                      <Tooltip title={t('sv.assess.sheet.up')}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={f.name === 0} onClick={() => move(f.name, f.name - 1)} aria-label={t('sv.assess.sheet.up')} />
                      </Tooltip>
                      <Tooltip title={t('sv.assess.sheet.down')}>
                        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={f.name === fields.length - 1} onClick={() => move(f.name, f.name + 1)} aria-label={t('sv.assess.sheet.down')} />
                      </Tooltip>
                      <Tooltip title={t('common.delete')}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} data-testid="sheet-remove" />
                      </Tooltip>
                    </Flex>
                  ),
                },
              ]}
            />
            <Flex justify="space-between" wrap gap={8} style={{ marginTop: 12 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_ROW })} disabled={fields.length >= INDICATORS_MAX} data-testid="sheet-add">
                {t('sv.assess.sheet.add')}
              </Button>
              <Flex gap={8} wrap>
                <Button htmlType="submit" loading={save.isPending} data-testid="sheet-save">
                  {t('sv.assess.sheet.save')}
                </Button>
                <ConfirmAction
                  type="primary"
                  testId="sheet-open"
                  label={t('sv.assess.open')}
                  title={t('sv.assess.openTitle')}
                  body={t('sv.assess.openBody')}
                  done={t('sv.assess.opened')}
                  disabled={fields.length === 0}
                  run={openScoring}
                />
              </Flex>
            </Flex>
          </Card>
        )}
      </Form.List>
    </Form>
  );
}
