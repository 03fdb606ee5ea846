/**
 * A record (`additionalProperties`: a subject's weekly periods, …) as key/value rows: the key picked from the allowed
 * names (or typed), the value by its schema; rows added and removed. A controlled field of antd's Form.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useFieldText } from './labels';
import { blank, bounds, type JsonSchema, kindOf, unwrap } from './schema';

type Row = [key: string, value: unknown];

export function RecordRows({ schema: raw, value, onChange, id }: { schema: JsonSchema; value?: Record<string, unknown>; onChange?: (v: Record<string, unknown>) => void; id?: string }) {
  const { option, t } = useFieldText();
  const { schema } = unwrap(raw);
  const valueSchema = unwrap(typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {}).schema;
  const names = schema.propertyNames?.enum?.map(String) ?? null;
  const [rows, setRows] = useState<Row[]>(() => Object.entries(value ?? {}));
  const emit = (next: Row[]) => {
    setRows(next);
    onChange?.(Object.fromEntries(next.filter(([k]) => k !== '')));
  };
  const used = new Set(rows.map(([k]) => k));
  const free = names?.filter((n) => !used.has(n)) ?? [];
  const setAt = (i: number, row: Row) => emit(rows.map((r, j) => (j === i ? row : r)));
  const kind = kindOf(valueSchema);
  const { min, max } = bounds(valueSchema);
  const input = (v: unknown, i: number, key: string) =>
    kind === 'boolean' ? (
      <Switch size="small" checked={v === true} onChange={(c) => setAt(i, [key, c])} />
    ) : kind === 'integer' || kind === 'number' ? (
      <InputNumber
        size="small"
        min={min}
        max={max}
        precision={kind === 'integer' ? 0 : undefined}
        value={typeof v === 'number' ? v : null}
        onChange={(n) => setAt(i, [key, n ?? min ?? 0])}
        style={{ width: 72 }}
        aria-label={key ? option(key) : t('pse.value')}
      />
    ) : kind === 'enum' ? (
      <Select size="small" value={v as string} onChange={(n) => setAt(i, [key, n])} options={(valueSchema.enum ?? []).map((o) => ({ value: o as string, label: option(o) }))} style={{ minWidth: 100 }} />
    ) : (
      <Input size="small" value={typeof v === 'string' ? v : ''} onChange={(e) => setAt(i, [key, e.target.value])} style={{ width: 120 }} />
    );
  return (
    <Flex wrap gap={8} id={id} data-testid="record-rows">
      {rows.map(([key, v], i) => (
        <Flex key={i} gap={4} align="center" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '2px 4px' }}>
          {names ? (
            <Select
              size="small"
              value={key || undefined}
              onChange={(k) => setAt(i, [k, v])}
              options={[...(key ? [key] : []), ...free].map((n) => ({ value: n, label: option(n) }))}
              popupMatchSelectWidth={false}
              style={{ width: 150 }}
              aria-label={t('pse.key')}
            />
          ) : (
            <Input size="small" value={key} onChange={(e) => setAt(i, [e.target.value, v])} placeholder={t('pse.key')} style={{ width: 150 }} />
          )}
          {input(v, i, key)}
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('pse.remove')} onClick={() => emit(rows.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      {(!names || free.length > 0) && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => emit([...rows, [free[0] ?? '', blank(valueSchema)]])}>
          {t('pse.addEntry')}
        </Button>
      )}
    </Flex>
  );
}
