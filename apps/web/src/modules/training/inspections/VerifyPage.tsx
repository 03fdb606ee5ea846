/** 整改复核 on the inspector's phone: the answered findings a page at a time (the earliest deadline first) with the institution's evidence; close one or send it back. */
import { INSPECTION_NOTE_MAX, type Finding } from '@shuangjian/contracts';
import { Button, DatePicker, Empty, Flex, Form, Input, Modal, Pagination } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { FindingCard } from './FindingCard';
import { useFindings, useInspectionWrites } from './queries';

function SendBack({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [form] = Form.useForm<{ reason: string; deadline?: Dayjs }>();
  const writes = useInspectionWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { reason: string; deadline?: Dayjs }) => writes.verify(finding.id, { decision: 'send_back', reason: v.reason, deadline: v.deadline?.format('YYYY-MM-DD') }),
    saved: t('training.insp.verify.sentBack'),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('training.insp.verify.sendBack')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ danger: true }}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label={t('training.insp.verify.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={INSPECTION_NOTE_MAX} data-testid="sendback-reason" />
        </Form.Item>
        <Form.Item name="deadline" label={t('training.insp.verify.newDeadline')}>
          <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') <= today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const PAGE_SIZE = 10;

export default function VerifyPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useFindings({ status: 'responded' }, page, PAGE_SIZE);
  // closing the last finding of the last page leaves it empty: step back to the last page there is
  if (list.data && !list.data.items.length && page > 1 && !list.isFetching) setPage(Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)));
  const writes = useInspectionWrites();
  const [sendBack, setSendBack] = useState<Finding | null>(null);
  const close = useSaveMutation({ form: null, mutationFn: (id: string) => writes.verify(id, { decision: 'close' }), saved: t('training.insp.verify.closed') });
  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('menu.training.inspVerify')} sub={t('training.insp.verify.sub')} />
      {list.error && <QueryError error={list.error} />}
      {list.isLoading && <PageSpinner />}
      {list.data && !list.data.total && <Empty description={t('training.insp.verify.none')} />}
      {list.data?.items.map((f) => (
        <FindingCard
          key={f.id}
          finding={f}
          actions={
            <Flex gap={8}>
              <Button type="primary" style={{ flex: 1 }} loading={close.isPending && close.variables === f.id} onClick={() => close.mutate(f.id)} data-testid="verify-close">
                {t('training.insp.verify.close')}
              </Button>
              <Button danger style={{ flex: 1 }} onClick={() => setSendBack(f)} data-testid="verify-sendback">
                {t('training.insp.verify.sendBack')}
              </Button>
            </Flex>
          }
        />
      ))}
      <Pagination align="center" hideOnSinglePage simple current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} />
      {sendBack && <SendBack finding={sendBack} onClose={() => setSendBack(null)} />}
    </div>
  );
}
