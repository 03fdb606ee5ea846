/**
 * One field of a setting's value, by its schema: a number (integers whole, fen typed in yuan, basis points as a
 * percentage), a text, a time of day (24-hour), an option, a switch, or a list of plain values.
 */
import { Form, Input, InputNumber, Select, Switch, TimePicker } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { numberKind, useFieldText } from './labels';
import { bounds, HHMM, type JsonSchema, kindOf, type Path, pickRange, unitOf, unwrap } from './schema';

export interface FieldProps {
  /** Name path inside the form (relative within a list row). */
  name: Path;
  /** The field's own name in the value ('capFen'), for its label and unit; a row index or nothing at the root. */
  fieldName?: string | number;
  schema: JsonSchema;
  /** In a table cell: no label (the column has it), small controls. */
  cell?: boolean;
  /** The label at the root, where the value has no field name. */
  rootLabel?: string;
}

const SCALE = { fen: 100, bp: 100 } as const;

export function ScalarField({ name, fieldName, schema: raw, cell, rootLabel }: FieldProps) {
  const { label, option, t } = useFieldText();
  const { schema, nullable } = unwrap(raw);
  const kind = kindOf(schema);
  const text = label(fieldName, schema) || rootLabel || t('pse.value');
  const rules: Rule[] = nullable || kind === 'boolean' ? [] : [{ required: true, message: t('pse.required') }];
  const size = cell ? 'small' : undefined;
  const item = { name, label: cell ? undefined : text, rules, style: cell ? { marginBottom: 0 } : undefined };
  // a table cell has no label of its own: its column's words and the row's number ("每生每课时上限（元） 2")
  const aria = { 'aria-label': cell ? `${text}${typeof name.at(-2) === 'number' ? ` ${Number(name.at(-2)) + 1}` : ''}` : undefined };

  if (kind === 'boolean')
    return (
      <Form.Item {...item} valuePropName="checked">
        <Switch size={size} checkedChildren={t('pse.yes')} unCheckedChildren={t('pse.no')} {...aria} />
      </Form.Item>
    );
  if (kind === 'enum')
    return (
      <Form.Item {...item}>
        <Select size={size} allowClear={nullable} popupMatchSelectWidth={false} style={{ minWidth: 120 }} options={(schema.enum ?? []).map((v) => ({ value: v as string, label: option(v) }))} {...aria} />
      </Form.Item>
    );
  if (kind === 'time')
    return (
      <Form.Item
        {...item}
        getValueProps={(v: string | null | undefined) => ({ value: typeof v === 'string' && HHMM.test(v) ? dayjs().hour(Number(v.slice(0, 2))).minute(Number(v.slice(3))).second(0) : null })}
        normalize={(d: Dayjs | null) => (d ? d.format('HH:mm') : nullable ? null : undefined)}
      >
        <TimePicker size={size} format="HH:mm" needConfirm={false} showNow={false} allowClear={nullable} placeholder={t('pse.time')} style={{ width: 130 }} {...aria} />
      </Form.Item>
    );
  if (kind === 'string') {
    const { minLength: lo, maxLength: hi, pattern } = schema;
    const more: Rule[] = [
      ...(pattern ? [{ pattern: new RegExp(pattern), message: t('pse.pattern') }] : []),
      ...(lo !== undefined || hi !== undefined ? [{ min: lo, max: hi, message: t('pse.length', { min: lo ?? 0, max: hi ?? '' }) }] : []),
    ];
    return (
      <Form.Item {...item} rules={[...rules, ...more]} normalize={(v: string) => (nullable && v === '' ? null : v)}>
        <Input size={size} maxLength={hi} style={{ minWidth: 100 }} {...aria} />
      </Form.Item>
    );
  }
  if (kind === 'integer' || kind === 'number') {
    const unit = unitOf(fieldName, schema);
    const scale = unit ? SCALE[unit] : 1;
    const { min, max } = bounds(schema);
    const range = pickRange(schema);
    const named = numberKind(fieldName, schema);
    if (range && named)
      return (
        <Form.Item {...item}>
          <Select size={size} allowClear={nullable} popupMatchSelectWidth={false} style={{ minWidth: 110 }} options={range.map((v) => ({ value: v, label: option(v, named) }))} {...aria} />
        </Form.Item>
      );
    return (
      <Form.Item
        {...item}
        getValueProps={(v: number | null | undefined) => ({ value: typeof v === 'number' ? v / scale : v })}
        normalize={(v: number | null) => (v === null || v === undefined ? (nullable ? null : undefined) : kind === 'integer' ? Math.round(v * scale) : v * scale)}
      >
        <InputNumber
          size={size}
          min={min === undefined ? undefined : min / scale}
          max={max === undefined ? undefined : max / scale}
          precision={kind === 'integer' ? (unit ? 2 : 0) : undefined}
          prefix={unit === 'fen' ? '¥' : undefined}
          suffix={unit === 'bp' ? '%' : undefined}
          placeholder={nullable ? t('pse.empty') : undefined}
          style={{ width: cell ? 110 : '100%', maxWidth: 220 }}
          {...aria}
        />
      </Form.Item>
    );
  }
  return null;
}

/** A list of plain values: options to tick (an enum, a short range of whole numbers), else tags typed in. */
export function ListField({ name, fieldName, schema: raw, cell, rootLabel }: FieldProps) {
  const { label, option, t } = useFieldText();
  const { schema } = unwrap(raw);
  const item = unwrap(schema.items ?? {}).schema;
  const text = label(fieldName, schema) || rootLabel || t('pse.value');
  const numeric = item.type === 'integer' || item.type === 'number';
  const range = pickRange(item);
  const choices = item.enum ?? range;
  const named = numberKind(fieldName, item);
  const rules: Rule[] = [
    {
      validator: async (_, v: unknown[] | undefined) => {
        const n = v?.length ?? 0;
        if (schema.minItems !== undefined && n < schema.minItems) throw new Error(t('pse.minItems', { n: schema.minItems }));
        if (schema.maxItems !== undefined && n > schema.maxItems) throw new Error(t('pse.maxItems', { n: schema.maxItems }));
      },
    },
  ];
  const sorted = (v: unknown[]) => (numeric ? [...v].map(Number).filter((x) => Number.isFinite(x)).sort((a, b) => a - b) : v);
  return (
    <Form.Item name={name} label={cell ? undefined : text} rules={rules} normalize={(v: unknown[] | undefined) => sorted(v ?? [])} style={cell ? { marginBottom: 0 } : undefined}>
      <Select
        mode={choices ? 'multiple' : 'tags'}
        size={cell ? 'small' : undefined}
        open={choices ? undefined : false}
        suffixIcon={choices ? undefined : null}
        tokenSeparators={choices ? undefined : [',', '，', '、', ' ']}
        placeholder={t('pse.none')}
        style={{ width: '100%', minWidth: 160 }}
        options={choices?.map((v) => ({ value: v as string | number, label: option(v, named) }))}
        aria-label={cell ? text : undefined}
      />
    </Form.Item>
  );
}
