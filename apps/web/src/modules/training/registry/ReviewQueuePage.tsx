/** 备案审核: what waits for the district (registry files, courses, packages, materials); approve, or return with a reason. */
import { filingKindLabels, type RegistryQueueItem } from '@shuangjian/contracts';
import { Button, Card, Empty, Form, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { RuleFindings } from '../components/RuleFindings';
import { useRegistryWrites, useReviewQueue } from './queries';

export default function ReviewQueuePage() {
  const { t, locale } = useI18n();
  const queue = useReviewQueue();
  const writes = useRegistryWrites();
  const [returning, setReturning] = useState<RegistryQueueItem | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const approve = useSaveMutation({ form: null, mutationFn: (i: RegistryQueueItem) => writes.review({ kind: i.kind, id: i.id, decision: 'approve' }), saved: t('training.reg.approved') });
  const back = useSaveMutation({
    form,
    mutationFn: (v: { note: string }) => writes.review({ kind: returning!.kind, id: returning!.id, decision: 'return', note: v.note }),
    saved: t('training.reg.returned'),
    onSuccess: () => setReturning(null),
  });
  return (
    <>
      <PageHeader title={t('menu.training.review')} sub={t('training.reg.queueSub')} />
      <QueryError error={queue.error} />
      <Card>
        <Table<RegistryQueueItem>
          rowKey={(r) => `${r.kind}:${r.id}`}
          size="middle"
          loading={queue.isLoading}
          dataSource={queue.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('training.reg.queue.empty')} /> }}
          expandable={{ rowExpandable: (r) => r.findings.length > 0, expandedRowRender: (r) => <RuleFindings findings={r.findings} compact /> }}
          columns={[
            { title: t('training.reg.queue.kind'), key: 'k', width: 100, render: (_, r) => <Tag>{filingKindLabels[r.kind][locale]}</Tag> },
            { title: t('training.reg.queue.institution'), key: 'i', render: (_, r) => <Link to={`/training/registry/institutions/${r.institutionId}`}>{r.institutionName}</Link> },
            { title: t('training.reg.queue.title'), dataIndex: 'title' },
            { title: t('training.reg.queue.detail'), dataIndex: 'detail' },
            { title: t('training.reg.queue.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm') : '—') },
            {
              title: t('training.reg.actions'),
              key: 'a',
              width: 150,
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" type="primary" loading={approve.isPending && approve.variables === r} onClick={() => approve.mutate(r)} data-testid={`approve-${r.title}`}>
                    {t('training.reg.approve')}
                  </Button>
                  <Button size="small" onClick={() => { form.resetFields(); setReturning(r); }} data-testid={`return-${r.title}`}>
                    {t('training.reg.return')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <FormModal<{ note: string }> form={form} name="return" open={!!returning} onCancel={() => setReturning(null)} loading={back.isPending} onFinish={(v) => back.mutate(v)} title={returning ? t('training.reg.returnTitle', { title: returning.title }) : ''}>
        <Form.Item name="note" label={t('training.reg.returnNote')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
