/**
 * The district's form for a notice, warning (警示通报: a reply by a due date) or award: the text, and the audience by
 * roles (those that read notices), zones and schools (none: the whole district).
 */
import './messages';
import { NOTICE_BODY_MAX, NOTICE_KINDS, NOTICE_TITLE_MAX, type NoticeKind, type NoticeSendInput, type Role, ROLES, roleHas, roleLabels, type SentNotice } from '@shuangjian/contracts';
import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSchools, useZones } from '../../org/queries';
import { districtToday } from '../../homework/components/model';
import { useNoticeWrites } from '../queries-notices';

const READER_ROLES = ROLES.filter((r) => roleHas(r, 'supervision.notice.read'));

interface Values {
  kind: NoticeKind;
  title: string;
  body: string;
  roles: Role[];
  zoneIds: string[];
  schoolIds: string[];
  replyRequired: boolean;
  replyDue: Dayjs | null;
}

export function ComposeForm({ open, onClose, onSent }: { open: boolean; onClose: () => void; onSent: (n: SentNotice) => void }) {
  const { t, locale } = useI18n();
  const today = districtToday(useTimeZone());
  const [form] = Form.useForm<Values>();
  const writes = useNoticeWrites();
  const zones = useZones(open);
  const schools = useSchools(open);
  const kind = Form.useWatch('kind', form);
  const replyRequired = Form.useWatch('replyRequired', form);
  const zoneIds = Form.useWatch('zoneIds', form);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => {
      const body: NoticeSendInput = {
        kind: v.kind,
        title: v.title,
        body: v.body,
        roles: v.roles ?? [],
        zoneIds: v.zoneIds ?? [],
        schoolIds: v.schoolIds ?? [],
        replyRequired: v.kind === 'warning' || !!v.replyRequired,
        replyDue: v.replyDue ? v.replyDue.format('YYYY-MM-DD') : null,
      };
      return writes.send(body);
    },
    saved: (n) => t('sv.notices.sent', { n: n.recipients }),
    onSuccess: (n) => {
      onSent(n);
      onClose();
    },
  });
  const needsDue = kind === 'warning' || !!replyRequired;
  const required = (field: string) => ({ required: true, whitespace: true, message: t('sv.notices.f.required', { field: t(field) }) });
  // schools of the chosen zones are already in; the picker offers the others
  const schoolOptions = (schools.data ?? []).filter((s) => !zoneIds?.length || !zoneIds.includes(s.zoneId)).map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormModal<Values>
      form={form}
      name="sv-compose"
      open={open}
      onCancel={onClose}
      loading={save.isPending}
      onFinish={(v) => save.mutate(v)}
      title={t('sv.notices.composeTitle')}
      width={680}
      okText={t('sv.notices.sendOk')}
      initialValues={{ kind: 'notice', roles: [], zoneIds: [], schoolIds: [], replyRequired: false, replyDue: null }}
      okButtonProps={{ 'data-testid': 'sv-compose-send' } as Record<`data-${string}`, string>}
    >
      <Form.Item name="kind" label={t('sv.notices.f.kind')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`sv.notices.kind.${k}`) }))} data-testid="sv-compose-kind" />
      </Form.Item>
      <Form.Item name="title" label={t('sv.notices.f.title')} rules={[required('sv.notices.f.title')]}>
        <Input maxLength={NOTICE_TITLE_MAX} showCount placeholder={t('sv.notices.f.titleHint')} data-testid="sv-compose-title" />
      </Form.Item>
      <Form.Item name="body" label={t('sv.notices.f.body')} rules={[required('sv.notices.f.body')]}>
        <Input.TextArea rows={6} maxLength={NOTICE_BODY_MAX} showCount data-testid="sv-compose-body" />
      </Form.Item>
      <Form.Item name="roles" label={t('sv.notices.f.roles')} extra={t('sv.notices.f.rolesHint')}>
        <Select mode="multiple" allowClear options={READER_ROLES.map((r) => ({ value: r, label: roleLabels[r][locale] }))} data-testid="sv-compose-roles" />
      </Form.Item>
      <Form.Item name="zoneIds" label={t('sv.notices.f.zones')} extra={t('sv.notices.f.zonesHint')}>
        <Select mode="multiple" allowClear loading={zones.isLoading} options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))} data-testid="sv-compose-zones" />
      </Form.Item>
      <Form.Item name="schoolIds" label={t('sv.notices.f.schools')} extra={t('sv.notices.f.schoolsHint')}>
        <Select mode="multiple" allowClear showSearch optionFilterProp="label" loading={schools.isLoading} options={schoolOptions} data-testid="sv-compose-schools" />
      </Form.Item>
      {kind === 'warning' ? (
        <Form.Item label={t('sv.notices.f.replyRequired')} extra={t('sv.notices.f.replyRequiredWarning')}>
          <Switch checked disabled />
        </Form.Item>
      ) : (
        <Form.Item name="replyRequired" label={t('sv.notices.f.replyRequired')} valuePropName="checked">
          <Switch data-testid="sv-compose-reply" />
        </Form.Item>
      )}
      {needsDue && (
        <Form.Item name="replyDue" label={t('sv.notices.f.replyDue')} rules={kind === 'warning' ? [{ required: true, message: t('sv.notices.f.required', { field: t('sv.notices.f.replyDue') }) }] : []}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="sv-compose-due" />
        </Form.Item>
      )}
    </FormModal>
  );
}
