/** The registry file itself: licence, legal form, contact, fund supervision; editable while a draft or sent back. */
import { CUSTODY_MODES, custodyModeLabels, LEGAL_FORMS, legalFormLabels, type RegistryFile, trainingSubtypeLabels } from '@shuangjian/contracts';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { FilingTag, ListTag, StatusTag } from './labels';
import { useRegistryWrites } from './queries';

interface Values {
  legalForm: string;
  licenseIssuer: string | null;
  licenseValidUntil: dayjs.Dayjs | null;
  legalPerson: string | null;
  contactPhone: string | null;
  custodyMode: string;
  custodyBank: string | null;
  custodyAccountNo: string | null;
}

export function ProfileTab({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t, locale } = useI18n();
  const p = file.profile;
  const writes = useRegistryWrites();
  const [form] = Form.useForm<Values>();
  const canEdit = editable && (p.filingStatus === 'draft' || p.filingStatus === 'returned');
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) =>
      writes.saveProfile(p.institutionId, {
        legalForm: v.legalForm as 'non_profit',
        licenseIssuer: v.licenseIssuer || null,
        licenseValidUntil: v.licenseValidUntil ? v.licenseValidUntil.format('YYYY-MM-DD') : null,
        legalPerson: v.legalPerson || null,
        contactPhone: v.contactPhone || null,
        custodyMode: v.custodyMode as 'custody',
        custodyBank: v.custodyBank || null,
        custodyAccountNo: v.custodyAccountNo || null,
      }),
  });
  const submit = useSaveMutation({ form, mutationFn: () => writes.submitProfile(p.institutionId), saved: t('training.reg.submitted') });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('training.reg.profile.licenseNo')}>{p.licenseNo}</Descriptions.Item>
        <Descriptions.Item label={t('training.reg.profile.category')}>{p.field}</Descriptions.Item>
        <Descriptions.Item label={t('training.reg.profile.zone')}>{p.zoneName}</Descriptions.Item>
        <Descriptions.Item label={t('training.reg.status')}>
          <StatusTag status={p.status} /> <ListTag list={p.listStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('training.reg.filingStatus')}>
          <FilingTag status={p.filingStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('training.reg.tab.courses')}>
          {[...new Set(file.courses.map((c) => trainingSubtypeLabels[c.subtype][locale]))].join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
      {p.reviewNote && p.filingStatus === 'returned' && <Alert type="warning" showIcon title={t('training.reg.reviewNote', { note: p.reviewNote })} />}
      <Form<Values>
        form={form}
        name="profile"
        layout="vertical"
        disabled={!canEdit}
        initialValues={{ ...p, licenseValidUntil: p.licenseValidUntil ? dayjs(p.licenseValidUntil) : null }}
        onFinish={(v) => save.mutate(v)}
        style={{ maxWidth: 760 }}
      >
        <Space wrap align="start">
          <Form.Item name="legalForm" label={t('training.reg.profile.legalForm')} extra={p.category === 'subject' ? t('training.reg.profile.legalFormHint') : undefined} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={LEGAL_FORMS.map((f) => ({ value: f, label: legalFormLabels[f][locale] }))} />
          </Form.Item>
          <Form.Item name="licenseIssuer" label={t('training.reg.profile.licenseIssuer')} rules={[{ max: 60 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="licenseValidUntil" label={t('training.reg.profile.licenseValidUntil')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="legalPerson" label={t('training.reg.profile.legalPerson')} rules={[{ max: 60 }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('training.reg.profile.contactPhone')} rules={[{ pattern: /^1[3-9]\d{9}$/ }]}>
            <Input style={{ width: 180 }} disabled={!canEdit || (!!p.contactPhone && p.contactPhone.includes('*'))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="custodyMode" label={t('training.reg.profile.custodyMode')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={CUSTODY_MODES.map((m) => ({ value: m, label: custodyModeLabels[m][locale] }))} />
          </Form.Item>
          <Form.Item name="custodyBank" label={t('training.reg.profile.custodyBank')} rules={[{ max: 60 }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="custodyAccountNo" label={t('training.reg.profile.custodyAccountNo')} rules={[{ max: 40 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        {canEdit && (
          <Space>
            <Button htmlType="submit" loading={save.isPending} data-testid="profile-save">
              {t('training.reg.profile.save')}
            </Button>
            <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate(undefined)} data-testid="profile-submit">
              {t('training.reg.submit')}
            </Button>
          </Space>
        )}
      </Form>
    </Space>
  );
}
