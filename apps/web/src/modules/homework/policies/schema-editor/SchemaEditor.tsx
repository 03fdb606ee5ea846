/**
 * The generic editor of a district setting's value, built from the JSON Schema the server lists with the setting:
 * objects as labelled groups, plain fields in a grid, lists of objects as editable tables, records as key/value rows.
 * The server checks the value again against the setting's own schema (cross-field rules included) on save.
 */
import type { PolicyValueSchema } from '@shuangjian/contracts';
import { Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { ArrayRows } from './ArrayRows';
import { type FieldProps, ListField, ScalarField } from './fields';
import { useFieldText } from './labels';
import { RecordRows } from './RecordRows';
import { asSchema, type JsonSchema, kindOf, unwrap } from './schema';

export function SchemaEditor({ schema }: { schema: PolicyValueSchema }) {
  return <SchemaField name={['value']} schema={asSchema(schema)} />;
}

/** Whether a value shape makes a wide dialog (tables, groups of groups). */
export function isWide(schema: PolicyValueSchema): boolean {
  const s = asSchema(schema);
  const kinds = Object.values(s.properties ?? {}).map(kindOf);
  return ['table', 'cards', 'record'].includes(kindOf(s)) || kinds.some((k) => k === 'table' || k === 'cards' || k === 'record') || kinds.filter((k) => k === 'object').length > 1;
}

export function SchemaField(props: FieldProps) {
  const { label, t } = useFieldText();
  switch (kindOf(props.schema)) {
    case 'object':
      return <ObjectGroup {...props} />;
    case 'table':
    case 'cards':
      return <ArrayRows {...props} renderField={(p) => <SchemaField {...p} />} />;
    case 'list':
      return <ListField {...props} />;
    case 'record':
      return (
        <Form.Item name={props.name} label={label(props.fieldName, props.schema) || t('pse.value')}>
          <RecordRows schema={props.schema} />
        </Form.Item>
      );
    case 'unknown':
      return (
        <Form.Item name={props.name} label={label(props.fieldName, props.schema) || t('pse.value')} extra={t('pse.rawUnit')}>
          <JsonInput />
        </Form.Item>
      );
    default:
      return <ScalarField {...props} />;
  }
}

const GROUPS = new Set(['object', 'table', 'cards', 'record', 'unknown']);

/** An object: its plain fields in a grid, then its groups (as the value view shows them); a nested one under its heading. */
function ObjectGroup({ name, fieldName, schema: raw }: FieldProps) {
  const { label } = useFieldText();
  const { schema } = unwrap(raw);
  const entries = Object.entries(schema.properties ?? {});
  const plain = entries.filter(([, p]) => !GROUPS.has(kindOf(p)));
  const groups = entries.filter(([, p]) => GROUPS.has(kindOf(p)));
  const body = (
    <>
      {plain.length > 0 && (
        <Row gutter={12}>
          {plain.map(([k, p]) => (
            <Col key={k} xs={24} sm={12} md={plain.length > 2 ? 8 : 12}>
              <SchemaField name={[...name, k]} fieldName={k} schema={p} />
            </Col>
          ))}
        </Row>
      )}
      {groups.map(([k, p]) => (
        <SchemaField key={k} name={[...name, k]} fieldName={k} schema={p} />
      ))}
    </>
  );
  // the root and a list item's block carry their own heading
  if (typeof fieldName !== 'string') return body;
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '4px 12px 0', margin: '0 0 16px' }} data-testid={`group-${fieldName}`}>
      <legend style={{ width: 'auto', border: 0, margin: 0, padding: '0 6px', fontSize: 14 }}>
        <Typography.Text strong>{label(fieldName, schema as JsonSchema)}</Typography.Text>
      </legend>
      {body}
    </fieldset>
  );
}

/** A value whose shape has no widget: typed as JSON. */
function JsonInput({ value, onChange, id }: { value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  return (
    <Input.TextArea
      id={id}
      value={text}
      autoSize={{ minRows: 3, maxRows: 12 }}
      style={{ fontFamily: 'monospace' }}
      onChange={(e) => {
        setText(e.target.value);
        try {
          onChange?.(JSON.parse(e.target.value));
        } catch {
          // keep the last value that parsed; the text stays as typed
        }
      }}
    />
  );
}
