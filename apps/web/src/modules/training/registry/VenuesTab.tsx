/** The institution's venues: address, area, capacity, fire-safety certificate. */
import { PlusOutlined } from '@ant-design/icons';
import type { RegistryFile, RegistryVenue } from '@shuangjian/contracts';
import { Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { useRegistryWrites } from './queries';

interface Values {
  address: string;
  areaSqm: number;
  capacity: number;
  fireCertificateNo: string | null;
  status: 'active' | 'inactive';
}

export function VenuesTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t } = useI18n();
  const writes = useRegistryWrites();
  const dialog = useEditDialog<RegistryVenue, Values>({
    save: (v, row) => writes.saveVenue(row === 'new' ? null : row.id, row === 'new' ? { ...v, institutionId: file.profile.institutionId } : v),
    fill: (row) => (row === 'new' ? { status: 'active' } : row),
    onSaved: () => undefined,
  });
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => dialog.open('new')} style={{ marginBottom: 12 }} data-testid="venue-add">
          {t('training.reg.add')}
        </Button>
      )}
      <Table<RegistryVenue>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.venues}
        scroll={{ x: 700 }}
        columns={[
          { title: t('training.reg.venue.address'), dataIndex: 'address' },
          { title: t('training.reg.venue.area'), dataIndex: 'areaSqm', align: 'right' },
          { title: t('training.reg.venue.capacity'), dataIndex: 'capacity', align: 'right' },
          { title: t('training.reg.venue.fire'), dataIndex: 'fireCertificateNo', render: (v: string | null) => v ?? '—' },
          { title: t('training.reg.venue.status'), dataIndex: 'status', render: (v: string) => t(`training.reg.venue.status.${v}`) },
          ...(editable
            ? [{ title: t('training.reg.actions'), key: 'a', render: (_: unknown, v: RegistryVenue) => <Button size="small" onClick={() => dialog.open(v)}>{t('training.reg.edit')}</Button> }]
            : []),
        ]}
      />
      <FormModal<Values> {...dialog.modal} name="venue" title={t('training.reg.tab.venues')}>
        <Form.Item name="address" label={t('training.reg.venue.address')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="areaSqm" label={t('training.reg.venue.area')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="capacity" label={t('training.reg.venue.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={5000} precision={0} />
          </Form.Item>
          <Form.Item name="status" label={t('training.reg.venue.status')}>
            <Select style={{ width: 120 }} options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`training.reg.venue.status.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="fireCertificateNo" label={t('training.reg.venue.fire')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
