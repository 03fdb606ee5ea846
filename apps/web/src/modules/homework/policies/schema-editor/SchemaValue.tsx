/**
 * A setting's value as people read it, from its JSON Schema: labelled fields, money in yuan, basis points as a
 * percentage, options in words; in a versions table one line ("一次收费最多课时：48 · …") with the whole on hover.
 */
import type { PolicyValueSchema } from '@shuangjian/contracts';
import { fen, formatYuan } from '@shuangjian/policy';
import { Descriptions, Flex, Popover, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { numberKind, useFieldText } from './labels';
import { asSchema, type JsonSchema, kindOf, unitOf, unwrap } from './schema';

type Text = ReturnType<typeof useFieldText>;
const GROUPS = ['object', 'table', 'cards', 'record'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One plain value in words. */
function scalarText(v: unknown, fieldName: string | number | undefined, raw: JsonSchema, x: Text): string {
  const { schema } = unwrap(raw);
  if (v === null || v === undefined) return x.t('pse.empty');
  if (typeof v === 'number') {
    const unit = unitOf(fieldName, schema);
    if (unit === 'fen') return formatYuan(fen(v), { locale: x.locale });
    if (unit === 'bp') return `${Math.round(v) / 100}%`;
    const named = numberKind(fieldName, schema);
    return named ? x.option(v, named) : String(v);
  }
  return x.option(v);
}

/** The value on one line: "label：value · label：value", groups in brackets. */
function line(v: unknown, fieldName: string | number | undefined, raw: JsonSchema, x: Text): string {
  const { schema } = unwrap(raw);
  const kind = kindOf(schema);
  const [colon, open, close] = x.locale === 'en' ? [': ', ' (', ')'] : ['：', '（', '）'];
  if (kind === 'object' && isObj(v))
    return Object.entries(schema.properties ?? {})
      .map(([k, p]) => {
        const inner = line(v[k], k, p, x);
        return kindOf(p) === 'object' ? `${x.label(k, p)}${open}${inner}${close}` : `${x.label(k, p)}${colon}${inner}`;
      })
      .join(' · ');
  if (kind === 'record' && isObj(v)) {
    const value = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
    return Object.entries(v).map(([k, n]) => `${x.option(k)} ${scalarText(n, undefined, value, x)}`).join(x.locale === 'en' ? ', ' : '、') || x.t('pse.none');
  }
  if (Array.isArray(v)) {
    const item = schema.items ?? {};
    if (!v.length) return x.t('pse.none');
    if (kind === 'list') return v.map((e) => scalarText(e, fieldName, item, x)).join(x.locale === 'en' ? ', ' : '、');
    return v.map((e) => `[${line(e, undefined, item, x)}]`).join(' ');
  }
  return scalarText(v, fieldName, schema, x);
}

/** The whole value: labelled fields, tables for lists of objects. */
function Full({ v, fieldName, schema: raw, x }: { v: unknown; fieldName?: string | number; schema: JsonSchema; x: Text }): ReactNode {
  const { schema } = unwrap(raw);
  const kind = kindOf(schema);
  if (kind === 'object' && isObj(v)) {
    const props = Object.entries(schema.properties ?? {});
    // plain fields side by side; groups (primary/junior, price bands, the plan's grades) below, each under its caption,
    // the whole width for it (a table squeezed into a description cell is unreadable on a phone)
    const plain = props.filter(([, p]) => !GROUPS.includes(kindOf(p)));
    const groups = props.filter(([, p]) => GROUPS.includes(kindOf(p)));
    return (
      <Flex vertical gap={8}>
        {plain.length > 0 && (
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 1, md: 2 }}
            styles={{ label: { width: 180 } }}
            items={plain.map(([k, p]) => ({ key: k, label: x.label(k, p), children: <Full v={v[k]} fieldName={k} schema={p} x={x} /> }))}
          />
        )}
        {groups.map(([k, p]) => (
          <div key={k}>
            <Typography.Text type="secondary">{x.label(k, p)}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Full v={v[k]} fieldName={k} schema={p} x={x} />
            </div>
          </div>
        ))}
      </Flex>
    );
  }
  if ((kind === 'table' || kind === 'cards') && Array.isArray(v)) {
    const item = unwrap(schema.items ?? {}).schema;
    return (
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={v.filter(isObj)}
        columns={Object.entries(item.properties ?? {}).map(([k, p]) => ({
          key: k,
          title: x.label(k, p),
          // plain figures stay on one line; lists and records wrap
          render: (_: unknown, row: Record<string, unknown>) => <span style={kindOf(p) === 'record' || kindOf(p) === 'list' ? undefined : { whiteSpace: 'nowrap' }}>{line(row[k], k, p, x)}</span>,
        }))}
      />
    );
  }
  if (kind === 'list' && Array.isArray(v))
    return v.length ? (
      <Space size={[0, 4]} wrap>
        {v.map((e, i) => (
          <Tag key={i}>{scalarText(e, fieldName, schema.items ?? {}, x)}</Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{x.t('pse.none')}</Typography.Text>
    );
  return <span>{line(v, fieldName, schema, x)}</span>;
}

export function SchemaValue({ schema, value, compact }: { schema: PolicyValueSchema; value: unknown; compact?: boolean }) {
  const x = useFieldText();
  const s = asSchema(schema);
  if (!compact) return <Full v={value} schema={s} x={x} />;
  const text = line(value, undefined, s, x);
  const short = text.length > 90 ? `${text.slice(0, 88)}…` : text;
  if (short === text) return <span data-testid="policy-value-line">{text}</span>;
  return (
    <Popover content={<div style={{ maxWidth: 720, maxHeight: 480, overflow: 'auto' }}><Full v={value} schema={s} x={x} /></div>}>
      <Typography.Link data-testid="policy-value-line">{short}</Typography.Link>
    </Popover>
  );
}
