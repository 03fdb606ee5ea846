/**
 * 新增版本 of a district setting: its value (a hand-made editor for the homework settings, the generic editor of the
 * value's shape for every other), an effective date (today or later) and a reason. The server checks the value
 * against the setting's schema; the fields it refuses are marked on the form.
 */
import type { PolicyEntry } from '@shuangjian/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { FormModal } from '../../../components/FormModal';
import { districtToday } from '../components/model';
import { HAND_EDITED, ValueEditor } from './editors';
import { showPolicyError } from './schema-editor/errors';
import { isWide, SchemaEditor } from './schema-editor/SchemaEditor';
import { parse } from './values';

type Entry = z.infer<typeof PolicyEntry>;

interface VersionForm {
  value: unknown;
  percent?: number;
  effectiveFrom: Dayjs;
  reason: string;
}

export function VersionModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const message = useMessage();
  const [form] = Form.useForm<VersionForm>();
  const today = districtToday(tz);
  const current = entry.current?.value ?? entry.default;
  const handEdited = HAND_EDITED.has(entry.key);
  const completion = entry.key === 'homework.completionTarget' ? parse('homework.completionTarget', current) : null;
  const save = useMutation({
    mutationFn: (v: VersionForm) =>
      api.post<Entry>(`/api/policies/${entry.key}`, {
        value: entry.key === 'homework.completionTarget' ? (v.percent ?? 0) / 100 : v.value,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      }),
    onSuccess: () => {
      message.success(t('hw.policy.saved'));
      void client.invalidateQueries({ queryKey: ['policies'] });
      void client.invalidateQueries({ queryKey: ['homework'] });
      onClose();
    },
    onError: (e) => showPolicyError(form, e, (text) => void message.error(text)),
  });
  const wide = entry.key === 'homework.dayLimits' || (!handEdited && isWide(entry.schema));
  return (
    <FormModal
      open
      width={wide ? 880 : 600}
      title={`${t('hw.policy.newVersion')} · ${entry.label[locale]}`}
      onCancel={onClose}
      form={form}
      loading={save.isPending}
      initialValues={{ value: current, percent: completion === null ? undefined : Math.round(completion * 1000) / 10, effectiveFrom: dayjs(today) }}
      onFinish={(v) => save.mutate({ ...v, value: form.getFieldValue('value') as unknown })}
    >
      <div data-testid="policy-value-editor">{handEdited ? <ValueEditor policyKey={entry.key} /> : <SchemaEditor schema={entry.schema} />}</div>
      <Row gutter={12}>
        <Col xs={24} sm={9}>
          <Form.Item name="effectiveFrom" label={t('hw.policy.effectiveFrom')} rules={[{ required: true }]} extra={t('hw.policy.effectiveHint')}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={15}>
          <Form.Item name="reason" label={t('hw.reason')} rules={[{ required: true, whitespace: true, message: t('hw.reasonRequired') }, { max: 200 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('hw.policy.reasonHint')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
