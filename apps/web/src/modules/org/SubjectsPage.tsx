/** The district's subject list (code, name, order): homework, timetables and teacher roles refer to it. */
import { CODE_MAX, SUBJECT_CODE_PATTERN, SUBJECT_NAME_MAX, SUBJECT_SORT_MAX } from '@shuangjian/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Table } from 'antd';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { type SubjectRow, useSubjects } from './queries';

type FormValues = { code: string; name: string; sort: number };

export default function SubjectsPage() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const subjects = useSubjects();
  const manage = can(me, 'district.manage');
  const { editing, open, modal } = useEditDialog<SubjectRow, FormValues>({
    save: (v, row) => (row === 'new' ? api.post('/api/subjects', v) : api.put(`/api/subjects/${row.id}`, v)),
    fill: (row) => {
      const next = (subjects.data?.reduce((m, s) => Math.max(m, s.sort), 0) ?? 0) + 10;
      return row === 'new' ? { sort: Math.min(next, 999) } : row;
    },
    onSaved: () => void client.invalidateQueries({ queryKey: ['subjects'] }),
  });

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
      <FormModal {...modal} title={editing === 'new' ? t('org.subjects.new') : t('org.subjects.edit')}>
        <Form.Item name="name" label={t('org.subject.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={SUBJECT_NAME_MAX} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.subject.code')}
          extra={t('org.subject.codeHint', { max: CODE_MAX })}
          rules={[{ required: true, pattern: SUBJECT_CODE_PATTERN, message: t('org.subject.codeHint', { max: CODE_MAX }) }]}
        >
          <Input maxLength={CODE_MAX} />
        </Form.Item>
        <Form.Item name="sort" label={t('org.subject.sort')} rules={[{ required: true }]}>
          <InputNumber min={0} max={SUBJECT_SORT_MAX} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
