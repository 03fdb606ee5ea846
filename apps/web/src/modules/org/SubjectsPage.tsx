/** The district's subject list (code, name, order): homework, timetables and teacher roles refer to it. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { applyServerError } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { type SubjectRow, useSubjects } from './queries';

type FormValues = { code: string; name: string; sort: number };

export default function SubjectsPage() {
  const t = useT();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const subjects = useSubjects();
  const [editing, setEditing] = useState<SubjectRow | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const manage = can(me, 'district.manage');

  const save = useMutation({
    mutationFn: (v: FormValues) => (editing === 'new' ? api.post('/api/subjects', v) : api.put(`/api/subjects/${(editing as SubjectRow).id}`, v)),
    onSuccess: () => {
      message.success(t('common.saved'));
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['subjects'] });
    },
    onError: (e) => applyServerError(form, e, message.error),
  });

  const open = (row: SubjectRow | 'new') => {
    setEditing(row);
    form.resetFields();
    const next = (subjects.data?.reduce((m, s) => Math.max(m, s.sort), 0) ?? 0) + 10;
    form.setFieldsValue(row === 'new' ? { sort: Math.min(next, 999) } : row);
  };

  return (
    <>
      <PageHeader
        title={t('menu.subjects')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('org.subjects.new')}
            </Button>
          )
        }
      />
      <QueryError error={subjects.error} />
      <Table<SubjectRow>
        rowKey="id"
        loading={subjects.isLoading}
        dataSource={subjects.data}
        scroll={{ x: 420 }}
        pagination={false}
        size="middle"
        columns={[
          { title: t('org.subject.sort'), dataIndex: 'sort', width: 70, align: 'right' },
          { title: t('org.subject.name'), dataIndex: 'name' },
          { title: t('org.subject.code'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          ...(manage
            ? [{ title: t('common.actions'), key: 'actions', width: 80, render: (_: unknown, row: SubjectRow) => <Button type="link" onClick={() => open(row)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('org.subjects.new') : t('org.subjects.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('org.subject.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('org.subject.code')}
            extra={t('org.subject.codeHint')}
            rules={[{ required: true, pattern: /^[a-z_]{2,20}$/, message: t('org.subject.codeHint') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="sort" label={t('org.subject.sort')} rules={[{ required: true }]}>
            <InputNumber min={0} max={999} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
