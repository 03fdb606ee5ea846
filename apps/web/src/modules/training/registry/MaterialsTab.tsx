/** Training materials filed for the district's review. */
import { PlusOutlined } from '@ant-design/icons';
import { type RegistryFile, type RegistryMaterial, TRAINING_SUBTYPES, trainingSubtypeLabels } from '@shuangjian/contracts';
import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { FilingTag } from './labels';
import { useRegistryWrites } from './queries';

interface Values {
  title: string;
  subtype: RegistryMaterial['subtype'];
  gradeRange: string | null;
  publisher: string | null;
  author: string | null;
}
const open = (s: string) => s === 'draft' || s === 'returned';

export function MaterialsTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t, locale } = useI18n();
  const writes = useRegistryWrites();
  const dialog = useEditDialog<RegistryMaterial, Values>({
    save: (v, row) => writes.saveMaterial(row === 'new' ? null : row.id, row === 'new' ? { ...v, institutionId: file.profile.institutionId } : v),
    fill: (row) => (row === 'new' ? undefined : row),
    onSaved: () => undefined,
  });
  const submit = useSaveMutation({ form: null, mutationFn: (id: string) => writes.submitMaterial(id), saved: t('training.reg.submitted') });
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => dialog.open('new')} style={{ marginBottom: 12 }}>
          {t('training.reg.add')}
        </Button>
      )}
      <Table<RegistryMaterial>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.materials}
        scroll={{ x: 800 }}
        columns={[
          { title: t('training.reg.material.title'), dataIndex: 'title' },
          { title: t('training.reg.material.subtype'), dataIndex: 'subtype', render: (v: RegistryMaterial['subtype']) => trainingSubtypeLabels[v][locale] },
          { title: t('training.reg.material.grades'), dataIndex: 'gradeRange', render: (v: string | null) => v ?? '—' },
          { title: t('training.reg.material.publisher'), key: 'p', render: (_, m) => [m.publisher, m.author].filter(Boolean).join(' · ') || '—' },
          { title: t('training.reg.filingStatus'), key: 's', render: (_, m) => <><FilingTag status={m.status} />{m.reviewNote && m.status === 'returned' ? m.reviewNote : null}</> },
          ...(editable
            ? [
                {
                  title: t('training.reg.actions'),
                  key: 'a',
                  render: (_: unknown, m: RegistryMaterial) =>
                    open(m.status) && (
                      <Space size={4}>
                        <Button size="small" onClick={() => dialog.open(m)}>{t('training.reg.edit')}</Button>
                        <Button size="small" type="primary" onClick={() => submit.mutate(m.id)}>{t('training.reg.submit')}</Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values> {...dialog.modal} name="material" title={t('training.reg.tab.materials')}>
        <Form.Item name="title" label={t('training.reg.material.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="subtype" label={t('training.reg.material.subtype')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={TRAINING_SUBTYPES.map((s) => ({ value: s, label: trainingSubtypeLabels[s][locale] }))} />
          </Form.Item>
          <Form.Item name="gradeRange" label={t('training.reg.material.grades')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="publisher" label={t('training.reg.material.publisher')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="author" label={t('training.reg.material.author')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}
