/** Schools of the district (or the user's own): list with counts; the district office creates and edits them. */
import { PlusOutlined } from '@ant-design/icons';
import { ADDRESS_MAX, CODE_MAX, gradeNames, type School, SCHOOL_NAME_MAX, SCHOOL_TYPES, schoolTypeLabels, type Zone } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import type { z } from 'zod';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';

type SchoolRow = z.infer<typeof School>;
type FormValues = { zoneId: string; code: string; name: string; type: SchoolRow['type']; grades: number[]; address?: string };

export default function SchoolsPage() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const schools = useQuery({ queryKey: ['schools'], queryFn: () => api.get<SchoolRow[]>('/api/schools') });
  const zones = useQuery({ queryKey: ['zones'], queryFn: () => api.get<z.infer<typeof Zone>[]>('/api/zones') });
  const manage = can(me, 'district.manage');
  const { editing, open, modal } = useEditDialog<SchoolRow, FormValues>({
    save: (v, row) => (row === 'new' ? api.post('/api/schools', v) : api.put(`/api/schools/${row.id}`, v)),
    fill: (row) => (row === 'new' ? undefined : { ...row, address: row.address ?? undefined }),
    onSaved: () => void client.invalidateQueries({ queryKey: ['schools'] }),
  });

  return (
    <>
      <PageHeader
        title={t('menu.schools')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('org.schools.new')}
            </Button>
          )
        }
      />
      <Table<SchoolRow>
        rowKey="id"
        loading={schools.isLoading}
        dataSource={schools.data}
        scroll={{ x: 800 }}
        pagination={false}
        columns={[
          { title: t('org.school.code'), dataIndex: 'code', width: 90 },
          { title: t('org.school.name'), dataIndex: 'name' },
          { title: t('org.school.type'), dataIndex: 'type', render: (v: SchoolRow['type']) => <Tag>{schoolTypeLabels[v]}</Tag>, width: 110 },
          { title: t('org.zone'), dataIndex: 'zoneName' },
          { title: t('org.school.classes'), dataIndex: 'classCount', width: 80, align: 'right' },
          { title: t('org.school.students'), dataIndex: 'studentCount', width: 80, align: 'right' },
          ...(manage
            ? [{ title: t('common.actions'), key: 'actions', width: 80, render: (_: unknown, row: SchoolRow) => <Button type="link" onClick={() => open(row)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('org.schools.new') : t('org.schools.edit')}>
        <Form.Item name="zoneId" label={t('org.zone')} rules={[{ required: true }]}>
          <Select options={zones.data?.map((z) => ({ value: z.id, label: z.name }))} />
        </Form.Item>
        <Form.Item name="code" label={t('org.school.code')} rules={[{ required: true }]}>
          <Input maxLength={CODE_MAX} />
        </Form.Item>
        <Form.Item name="name" label={t('org.school.name')} rules={[{ required: true }]}>
          <Input maxLength={SCHOOL_NAME_MAX} />
        </Form.Item>
        <Form.Item name="type" label={t('org.school.type')} rules={[{ required: true }]}>
          <Select options={SCHOOL_TYPES.map((v) => ({ value: v, label: schoolTypeLabels[v] }))} />
        </Form.Item>
        <Form.Item name="grades" label={t('org.school.grades')}>
          <Select mode="multiple" options={gradeNames.slice(1).map((label, i) => ({ value: i + 1, label }))} />
        </Form.Item>
        <Form.Item name="address" label={t('org.school.address')}>
          <Input maxLength={ADDRESS_MAX} />
        </Form.Item>
      </FormModal>
    </>
  );
}
