/** Zones of the district (学区、街道、乡镇教育中心) with their school counts; the district office creates and renames them. */
import { PlusOutlined } from '@ant-design/icons';
import { ZONE_KINDS, ZONE_NAME_MAX } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { api } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import { FormModal, useEditDialog } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useZones, type ZoneRow } from './queries';

type FormValues = { name: string; kind: ZoneRow['kind'] };
const kindColor: Record<ZoneRow['kind'], string> = { street: 'blue', town: 'green', zone: 'purple' };

export default function ZonesPage() {
  const t = useT();
  const { data: me } = useMe();
  const client = useQueryClient();
  const zones = useZones();
  const manage = can(me, 'district.manage');
  const { editing, open, modal } = useEditDialog<ZoneRow, FormValues>({
    save: (v, row) => (row === 'new' ? api.post('/api/zones', v) : api.put(`/api/zones/${row.id}`, v)),
    fill: (row) => (row === 'new' ? { kind: 'zone' } : { name: row.name, kind: row.kind }),
    onSaved: () => {
      for (const key of ['zones', 'schools', 'org-overview', 'institutions']) void client.invalidateQueries({ queryKey: [key] });
    },
  });

  return (
    <>
      <PageHeader
        title={t('menu.zones')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('org.zones.new')}
            </Button>
          )
        }
      />
      <QueryError error={zones.error} />
      <Table<ZoneRow>
        rowKey="id"
        loading={zones.isLoading}
        dataSource={zones.data}
        scroll={{ x: 480 }}
        pagination={false}
        columns={[
          { title: t('org.zone.name'), dataIndex: 'name' },
          { title: t('org.zone.kind'), dataIndex: 'kind', width: 100, render: (v: ZoneRow['kind']) => <Tag color={kindColor[v]}>{t(`org.zone.kind.${v}`)}</Tag> },
          { title: t('org.zone.schools'), dataIndex: 'schoolCount', width: 90, align: 'right' },
          ...(manage
            ? [{ title: t('common.actions'), key: 'actions', width: 90, render: (_: unknown, row: ZoneRow) => <Button type="link" onClick={() => open(row)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <FormModal {...modal} title={editing === 'new' ? t('org.zones.new') : t('org.zones.edit')}>
        <Form.Item name="name" label={t('org.zone.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={ZONE_NAME_MAX} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.zone.kind')} rules={[{ required: true }]}>
          <Select options={ZONE_KINDS.map((k) => ({ value: k, label: t(`org.zone.kind.${k}`) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}
