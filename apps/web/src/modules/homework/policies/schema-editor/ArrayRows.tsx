/**
 * A list of objects: an editable table when every field is plain (price bands, PE lessons by grade, waiver
 * categories), one block per item when an item holds lists or groups of its own (the curriculum plan's grades); rows
 * added and removed within the schema's minimum and maximum.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Table } from 'antd';
import type { ReactNode } from 'react';
import { type FieldProps, ListField, ScalarField } from './fields';
import { useFieldText } from './labels';
import { blank, kindOf, unwrap } from './schema';

export function ArrayRows({ name, fieldName, schema: raw, rootLabel, renderField }: FieldProps & { renderField: (p: FieldProps) => ReactNode }) {
  const { label, t } = useFieldText();
  const { schema } = unwrap(raw);
  const item = unwrap(schema.items ?? {}).schema;
  const props = Object.entries(item.properties ?? {});
  const text = label(fieldName, schema) || rootLabel || t('pse.value');
  const { minItems = 0, maxItems = Infinity } = schema;
  const asTable = kindOf(schema) === 'table';
  return (
    <Form.Item label={text} required={minItems > 0} style={{ marginBottom: 16 }}>
      <Form.List
        name={name}
        rules={[
          {
            validator: async (_, v: unknown[] | undefined) => {
              const n = v?.length ?? 0;
              if (n < minItems) throw new Error(t('pse.minItems', { n: minItems }));
              if (n > maxItems) throw new Error(t('pse.maxItems', { n: maxItems }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid={`rows-${name.join('.')}`}>
            {asTable ? (
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="key"
                dataSource={fields}
                scroll={{ x: 'max-content' }}
                columns={[
                  ...props.map(([k, p]) => ({
                    title: label(k, p),
                    key: k,
                    render: (_: unknown, f: (typeof fields)[number]) =>
                      kindOf(p) === 'list' ? <ListField name={[f.name, k]} fieldName={k} schema={p} cell /> : <ScalarField name={[f.name, k]} fieldName={k} schema={p} cell />,
                  })),
                  {
                    title: '',
                    key: 'remove',
                    width: 48,
                    render: (_: unknown, f: (typeof fields)[number]) => (
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= minItems} aria-label={t('pse.remove')} onClick={() => remove(f.name)} />
                    ),
                  },
                ]}
              />
            ) : (
              fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  type="inner"
                  title={t('pse.item', { n: i + 1 })}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= minItems} aria-label={t('pse.remove')} onClick={() => remove(f.name)} />}
                >
                  {renderField({ name: [f.name], fieldName: i, schema: item, cell: false })}
                </Card>
              ))
            )}
            {fields.length < maxItems && (
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add(blank(item))} style={{ alignSelf: 'flex-start' }}>
                {t('pse.addRow')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
