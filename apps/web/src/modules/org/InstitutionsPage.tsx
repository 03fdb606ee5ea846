/** Registry of the district's off-campus training institutions with their white/black list status. */
import { PlusOutlined } from '@ant-design/icons';
import { ADDRESS_MAX, INSTITUTION_CATEGORIES, INSTITUTION_STATUSES, INSTITUTION_FIELD_MAX, INSTITUTION_NAME_MAX, LICENSE_NO_MAX, LIST_STATUSES } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { type InstitutionRow, useInstitutions, useZones } from './queries';

type FormValues = Pick<InstitutionRow, 'zoneId' | 'name' | 'licenseNo' | 'category' | 'field' | 'status' | 'listStatus'> & { address?: string };
const STATUSES = INSTITUTION_STATUSES;
const listColor: Record<InstitutionRow['listStatus'], string> = { white: 'green', black: 'red', none: 'default' };
const statusColor: Record<InstitutionRow['status'], string> = { active: 'blue', rectifying: 'gold', suspended: 'orange', closed: 'default' };

export default function InstitutionsPage() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const institutions = useInstitutions();
  const manage = can(me, 'institution.manage');
  const zones = useZones(manage);
  const [q, setQ] = useState('');
  const [list, setList] = useState<InstitutionRow['listStatus'] | undefined>();
  const { editing, open, modal } = useEditDialog<InstitutionRow, FormValues>({
    save: ({ status, listStatus, ...v }, row) =>
      row === 'new'
        ? api.post<InstitutionRow>('/api/institutions', { ...v, address: v.address || null })
        : api.patch<InstitutionRow>(`/api/institutions/${row.id}`, { ...v, address: v.address || null, status, listStatus }),
    fill: (row) => (row === 'new' ? { category: 'non_subject' } : { ...row, address: row.address ?? undefined }),
    onSaved: () => {
      void client.invalidateQueries({ queryKey: ['institutions'] });
      void client.invalidateQueries({ queryKey: ['org-overview'] });
    },
  });
  const rows = (institutions.data ?? []).filter(
    (i) => (!list || i.listStatus === list) && (!q || i.name.includes(q) || i.licenseNo.includes(q) || i.field.includes(q)),
  );

  return (
    <>
      <PageHeader
        title={t('menu.institutions')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('org.institutions.new')}
            </Button>
          )
        }
      />
      {(institutions.data?.length ?? 0) > 1 && (
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('org.institutions.searchHint')} onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
          <Select
            allowClear
            placeholder={t('org.institution.listStatus')}
            value={list}
            onChange={setList}
            options={LIST_STATUSES.map((s) => ({ value: s, label: t(`org.institution.list.${s}`) }))}
            style={{ width: 140 }}
          />
        </Flex>
      )}
      <QueryError error={institutions.error} />
      <Table<InstitutionRow>
        rowKey="id"
        loading={institutions.isLoading}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={false}
        columns={[
          { title: t('org.institution.name'), dataIndex: 'name', width: 200 },
          { title: t('org.institution.licenseNo'), dataIndex: 'licenseNo', width: 190 },
          {
            title: t('org.institution.category'),
            dataIndex: 'category',
            width: 100,
            render: (v: InstitutionRow['category']) => <Tag color={v === 'subject' ? 'geekblue' : 'cyan'}>{t(`org.institution.category.${v}`)}</Tag>,
          },
          { title: t('org.institution.field'), dataIndex: 'field', width: 100 },
          { title: t('org.zone'), dataIndex: 'zoneName', width: 150 },
          {
            title: t('org.institution.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: InstitutionRow['status']) => <Tag color={statusColor[v]}>{t(`org.institution.status.${v}`)}</Tag>,
          },
          {
            title: t('org.institution.listStatus'),
            dataIndex: 'listStatus',
            width: 100,
            render: (v: InstitutionRow['listStatus']) => <Tag color={listColor[v]}>{t(`org.institution.list.${v}`)}</Tag>,
          },
          ...(manage
            ? [{ title: t('common.actions'), key: 'actions', width: 80, fixed: 'right' as const, render: (_: unknown, row: InstitutionRow) => <Button type="link" onClick={() => open(row)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('org.institutions.new') : t('org.institutions.edit')}>
        <Form.Item name="name" label={t('org.institution.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={INSTITUTION_NAME_MAX} />
        </Form.Item>
        <Form.Item name="licenseNo" label={t('org.institution.licenseNo')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={LICENSE_NO_MAX} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('org.institution.category')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <Select options={INSTITUTION_CATEGORIES.map((c) => ({ value: c, label: t(`org.institution.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="field" label={t('org.institution.field')} rules={[{ required: true, whitespace: true }]} extra={t('org.institution.fieldHint')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={INSTITUTION_FIELD_MAX} />
          </Form.Item>
        </Flex>
        <Form.Item name="zoneId" label={t('org.zone')} rules={[{ required: true }]}>
          <Select options={zones.data?.map((z) => ({ value: z.id, label: z.name }))} />
        </Form.Item>
        <Form.Item name="address" label={t('org.institution.address')}>
          <Input maxLength={ADDRESS_MAX} />
        </Form.Item>
        {editing !== 'new' && (
          <Flex gap={12} wrap>
            <Form.Item name="status" label={t('org.institution.status')} style={{ flex: '1 1 160px' }}>
              <Select options={STATUSES.map((s) => ({ value: s, label: t(`org.institution.status.${s}`) }))} />
            </Form.Item>
            <Form.Item name="listStatus" label={t('org.institution.listStatus')} style={{ flex: '1 1 160px' }}>
              <Select options={LIST_STATUSES.map((s) => ({ value: s, label: t(`org.institution.list.${s}`) }))} />
            </Form.Item>
          </Flex>
        )}
      </FormModal>
    </>
  );
}
