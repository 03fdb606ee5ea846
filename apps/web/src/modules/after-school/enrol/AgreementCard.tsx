/** The service agreement (书面协议) on the parent's phone: read it, tick voluntary, sign; once signed, opt out from a date. */
import type { ChildEnrolView } from '@shuangjian/contracts';
import { Alert, Button, Card, Checkbox, Collapse, DatePicker, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useEnrolWrites } from './queries';

export function AgreementCard({ view }: { view: ChildEnrolView }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const writes = useEnrolWrites();
  const [agree, setAgree] = useState(false);
  const [optingOut, setOptingOut] = useState(false);
  const [form] = Form.useForm<{ from: dayjs.Dayjs; reason: string }>();
  const a = view.agreement;
  const sign = useSaveMutation({ form: null, mutationFn: () => writes.sign(view.student.id, a.textHash!), saved: t('afterSchool.enrol.agreement.signedToast') });
  const optOut = useSaveMutation({
    form,
    mutationFn: (v: { from: dayjs.Dayjs; reason: string }) => writes.optOut(view.student.id, { from: v.from.format('YYYY-MM-DD'), reason: v.reason }),
    saved: (r) => t('afterSchool.enrol.optOut.done', { n: r.withdrawn }),
    onSuccess: () => setOptingOut(false),
  });
  const text = a.text && (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 13, margin: 0 }} data-testid="agreement-text">
      {a.text}
    </Typography.Paragraph>
  );
  const mustSign = !a.signed || a.outdated;
  return (
    <Card size="small" title={t('afterSchool.enrol.agreement')} data-testid="agreement" extra={a.signed && !a.outdated ? <Tag color="success">{t('afterSchool.enrol.agreement.signed', { at: formatDateTime(a.signedAt, tz) })}</Tag> : null}>
      {!a.text ? (
        <Alert type="info" showIcon title={t('afterSchool.enrol.agreement.none')} />
      ) : mustSign ? (
        <Flex vertical gap={10}>
          {a.outdated && <Alert type="warning" showIcon title={t('afterSchool.enrol.agreement.outdated')} />}
          {a.optedOut && <Alert type="info" showIcon title={t('afterSchool.enrol.agreement.optedOut', { from: a.optOutFrom ?? '' })} />}
          <div style={{ maxHeight: 220, overflowY: 'auto', background: '#fafafa', borderRadius: 6, padding: 10 }}>{text}</div>
          <Checkbox checked={agree} onChange={(e) => setAgree(e.target.checked)} data-testid="agreement-agree">
            {t('afterSchool.enrol.agreement.agree')}
          </Checkbox>
          <Button type="primary" size="large" block disabled={!agree} loading={sign.isPending} onClick={() => sign.mutate(undefined)} data-testid="agreement-sign">
            {t('afterSchool.enrol.agreement.sign')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Collapse size="small" items={[{ key: 'text', label: t('afterSchool.enrol.agreement.show'), children: text }]} />
          <Button danger block onClick={() => setOptingOut(true)} data-testid="opt-out">
            {t('afterSchool.enrol.optOut')}
          </Button>
        </Flex>
      )}
      <Modal
        open={optingOut}
        title={t('afterSchool.enrol.optOut')}
        onCancel={() => setOptingOut(false)}
        onOk={() => form.validateFields().then((v) => optOut.mutate(v))}
        confirmLoading={optOut.isPending}
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('afterSchool.enrol.optOut.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ from: dayjs() }}>
          <Form.Item name="from" label={t('afterSchool.enrol.optOut.from')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} inputReadOnly />
          </Form.Item>
          <Form.Item name="reason" label={t('afterSchool.enrol.optOut.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
