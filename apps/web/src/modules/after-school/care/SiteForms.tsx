/** The two small forms of the summer page: a new site (kind, school, address, capacity, fee rule) and a new session. */
import { type SummerSite, SUMMER_FEE_MODES, SUMMER_SITE_KINDS } from '@shuangjian/contracts';
import { parseYuan, yuanTextProblemText } from '@shuangjian/policy';
import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { hasRole, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSchools } from '../../org/queries';
import { useCareWrites } from './queries';
import './messages';

interface SiteValues {
  kind: 'school' | 'community';
  schoolId?: string;
  name: string;
  address: string;
  capacity: number;
  feeMode: 'session' | 'week';
  fee: string;
}

export function SiteForm({ year, onClose }: { year: number; onClose(): void }) {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const isDistrict = hasRole(me, 'district_admin');
  const schools = useSchools(isDistrict);
  const [form] = Form.useForm<SiteValues>();
  const writes = useCareWrites();
  const kind = Form.useWatch('kind', form);
  const save = useSaveMutation({
    form,
    mutationFn: (v: SiteValues) => {
      const fee = parseYuan(v.fee);
      if (!fee.ok) throw new Error(yuanTextProblemText[fee.problem][locale]);
      const schoolId = v.kind === 'community' ? null : isDistrict ? (v.schoolId ?? null) : (me?.schools[0]?.id ?? null);
      return writes.createSite(year, { kind: v.kind, schoolId, name: v.name, address: v.address, capacity: v.capacity, feeMode: v.feeMode, feeFen: fee.value });
    },
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('afterSchool.care.summer.newSite')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<SiteValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: isDistrict ? 'community' : 'school', capacity: 40, feeMode: 'week', fee: '200.00' }}>
        <Form.Item name="kind" label={t('afterSchool.care.summer.kind')}>
          <Radio.Group optionType="button" disabled={!isDistrict} options={SUMMER_SITE_KINDS.map((k) => ({ value: k, label: t(`afterSchool.care.summer.kind.${k}`) }))} />
        </Form.Item>
        {isDistrict && kind === 'school' && (
          <Form.Item name="schoolId" label={t('afterSchool.care.summer.school')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('afterSchool.care.summer.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="address" label={t('afterSchool.care.summer.address')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="capacity" label={t('afterSchool.care.summer.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="feeMode" label={t('afterSchool.care.summer.feeMode')}>
          <Radio.Group optionType="button" options={SUMMER_FEE_MODES.map((m) => ({ value: m, label: t(`afterSchool.care.summer.feeMode.${m}`) }))} />
        </Form.Item>
        <Form.Item name="fee" label={t('afterSchool.care.summer.fee')} rules={[{ required: true }]}>
          <Input inputMode="decimal" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SessionForm({ site, onClose }: { site: SummerSite; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; dates: [Dayjs, Dayjs] }>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { name: string; dates: [Dayjs, Dayjs] }) =>
      writes.addSession(site.id, { name: v.name, startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD') }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={`${site.name} · ${t('afterSchool.care.summer.addSession')}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ name: `第${site.sessions.length + 1}期` }}>
        <Form.Item name="name" label={t('afterSchool.care.summer.sessionName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="dates" label={t('afterSchool.care.summer.dates')} rules={[{ required: true }]} validateTrigger="onChange">
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
