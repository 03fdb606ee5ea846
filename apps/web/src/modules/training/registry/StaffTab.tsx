/** The institution's staff: role, qualification, teacher's certificate (required for 学科类 teaching staff), background check. */
import { PlusOutlined } from '@ant-design/icons';
import { BACKGROUND_CHECKS, backgroundCheckLabels, type RegistryFile, type RegistryStaff, STAFF_ROLES, staffRoleLabels, TRAINING_SUBTYPES, trainingSubtypeLabels } from '@shuangjian/contracts';
import { Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { FormModal, useEditDialog } from '../../../components/FormModal';
import { useRegistryWrites } from './queries';

interface Values {
  name: string;
  role: 'teacher' | 'other';
  subtype: string | null;
  qualification: string | null;
  certificateNo: string | null;
  phone: string | null;
  backgroundCheck: 'pending' | 'passed' | 'failed';
  backgroundCheckedOn: dayjs.Dayjs | null;
}
const checkColor = { pending: 'default', passed: 'green', failed: 'red' } as const;

export function StaffTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t, locale } = useI18n();
  const writes = useRegistryWrites();
  const subject = file.profile.category === 'subject';
  const dialog = useEditDialog<RegistryStaff, Values>({
    save: (v, row) => {
      const body = {
        ...v,
        subtype: (v.subtype || null) as RegistryStaff['subtype'],
        qualification: v.qualification || null,
        certificateNo: v.certificateNo || null,
        backgroundCheckedOn: v.backgroundCheckedOn ? v.backgroundCheckedOn.format('YYYY-MM-DD') : null,
      };
      if (row === 'new') return writes.saveStaff(null, { ...body, phone: v.phone || null, institutionId: file.profile.institutionId });
      // a masked number is not sent back
      const { phone, ...rest } = body;
      return writes.saveStaff(row.id, phone && !phone.includes('*') ? { ...rest, phone } : rest);
    },
    fill: (row) => (row === 'new' ? { role: 'teacher', backgroundCheck: 'pending' } : { ...row, backgroundCheckedOn: row.backgroundCheckedOn ? dayjs(row.backgroundCheckedOn) : null }),
    onSaved: () => undefined,
  });
  return (
    <>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => dialog.open('new')} style={{ marginBottom: 12 }} data-testid="staff-add">
          {t('training.reg.add')}
        </Button>
      )}
      <Table<RegistryStaff>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.staff}
        scroll={{ x: 900 }}
        columns={[
          { title: t('training.reg.staff.name'), dataIndex: 'name', render: (v: string, s) => (s.status === 'left' ? <>{v} <Tag>{t('training.reg.staff.status.left')}</Tag></> : v) },
          { title: t('training.reg.staff.role'), dataIndex: 'role', render: (v: RegistryStaff['role']) => staffRoleLabels[v][locale] },
          { title: t('training.reg.staff.subtype'), dataIndex: 'subtype', render: (v: RegistryStaff['subtype']) => (v ? trainingSubtypeLabels[v][locale] : '—') },
          { title: t('training.reg.staff.qualification'), dataIndex: 'qualification', render: (v: string | null) => v ?? '—' },
          { title: t('training.reg.staff.cert'), dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
          { title: t('training.reg.staff.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          {
            title: t('training.reg.staff.check'),
            key: 'check',
            render: (_, s) => (
              <Tag color={checkColor[s.backgroundCheck]}>
                {backgroundCheckLabels[s.backgroundCheck][locale]}
                {s.backgroundCheckedOn ? ` ${s.backgroundCheckedOn}` : ''}
              </Tag>
            ),
          },
          ...(editable ? [{ title: t('training.reg.actions'), key: 'a', render: (_: unknown, s: RegistryStaff) => <Button size="small" onClick={() => dialog.open(s)}>{t('training.reg.edit')}</Button> }] : []),
        ]}
      />
      <FormModal<Values> {...dialog.modal} name="staff" title={t('training.reg.tab.staff')}>
        <Space wrap>
          <Form.Item name="name" label={t('training.reg.staff.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('training.reg.staff.role')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={STAFF_ROLES.map((r) => ({ value: r, label: staffRoleLabels[r][locale] }))} />
          </Form.Item>
          <Form.Item name="subtype" label={t('training.reg.staff.subtype')}>
            <Select allowClear style={{ width: 140 }} options={TRAINING_SUBTYPES.map((s) => ({ value: s, label: trainingSubtypeLabels[s][locale] }))} />
          </Form.Item>
        </Space>
        <Form.Item name="qualification" label={t('training.reg.staff.qualification')} rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item noStyle dependencies={['role']}>
          {({ getFieldValue }) => (
            <Form.Item
              name="certificateNo"
              label={t('training.reg.staff.cert')}
              extra={subject ? t('training.reg.staff.certHint') : undefined}
              rules={[{ required: subject && getFieldValue('role') === 'teacher', whitespace: true, max: 40 }]}
            >
              <Input />
            </Form.Item>
          )}
        </Form.Item>
        <Space wrap>
          <Form.Item name="phone" label={t('training.reg.staff.phone')} rules={[{ pattern: /^(1[3-9]\d{9}|\d{3}\*{4}\d{4})$/ }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="backgroundCheck" label={t('training.reg.staff.check')}>
            <Select style={{ width: 140 }} options={BACKGROUND_CHECKS.map((c) => ({ value: c, label: backgroundCheckLabels[c][locale] }))} />
          </Form.Item>
          <Form.Item name="backgroundCheckedOn" label={t('training.reg.staff.checkedOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}
