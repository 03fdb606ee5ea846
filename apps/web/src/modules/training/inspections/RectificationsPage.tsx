/** 整改通知: the institution's findings a page at a time (still to deal with, overdue first; and closed); each open one is answered with what was done and photos of it. */
import { INSPECTION_TEXT_MAX, type Finding } from '@shuangjian/contracts';
import { Button, Empty, Form, Input, Modal, Pagination, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { FindingCard } from './FindingCard';
import { PhotoUpload } from './PhotoUpload';
import { useFindings, useInspectionWrites } from './queries';

function Respond({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string; photoIds?: string[] }>();
  const writes = useInspectionWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { text: string; photoIds?: string[] }) => writes.respond(finding.id, { text: v.text, photoIds: v.photoIds ?? [] }),
    saved: t('training.insp.rect.sent'),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('training.insp.rect.respond')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ ...({ 'data-testid': 'respond-submit' } as Record<string, string>) }}>
      <Typography.Paragraph type="secondary">{finding.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="text" label={t('training.insp.rect.text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={INSPECTION_TEXT_MAX} placeholder={t('training.insp.rect.textPh')} data-testid="respond-text" />
        </Form.Item>
        <Form.Item name="photoIds" label={t('training.insp.rect.evidence')}>
          <PhotoUpload testId="respond-photos" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const PAGE_SIZE = 10;

export default function RectificationsPage() {
  const { t } = useI18n();
  const [pages, setPages] = useState({ open: 1, closed: 1 });
  const open = useFindings({ status: ['open', 'responded'] }, pages.open, PAGE_SIZE);
  const closed = useFindings({ status: 'closed' }, pages.closed, PAGE_SIZE);
  const [answering, setAnswering] = useState<Finding | null>(null);
  const pager = (key: 'open' | 'closed', total: number) => (
    <Pagination align="center" hideOnSinglePage simple current={pages[key]} pageSize={PAGE_SIZE} total={total} onChange={(p) => setPages((x) => ({ ...x, [key]: p }))} data-testid={`rect-pages-${key}`} />
  );
  const error = open.error ?? closed.error;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('menu.training.rectifications')} sub={t('training.insp.rect.sub')} />
      {error && <QueryError error={error} />}
      {open.isLoading && <PageSpinner />}
      {open.data && (
        <Tabs
          items={[
            {
              key: 'open',
              label: `${t('training.insp.overview.open')} (${open.data.total})`,
              children: open.data.items.length ? (
                <>
                  {open.data.items.map((f) => (
                    <FindingCard
                      key={f.id}
                      finding={f}
                      showInstitution={false}
                      actions={
                        f.status === 'open' ? (
                          <Button type="primary" block onClick={() => setAnswering(f)} data-testid="respond">
                            {t('training.insp.rect.respond')}
                          </Button>
                        ) : (
                          <Typography.Text type="secondary">{t('training.insp.rect.waiting')}</Typography.Text>
                        )
                      }
                    />
                  ))}
                  {pager('open', open.data.total)}
                </>
              ) : (
                <Empty description={t('training.insp.rect.none')} />
              ),
            },
            {
              key: 'closed',
              label: `${t('training.insp.rect.history')} (${closed.data?.total ?? 0})`,
              children: (
                <>
                  {closed.data?.items.map((f) => <FindingCard key={f.id} finding={f} showInstitution={false} />)}
                  {pager('closed', closed.data?.total ?? 0)}
                </>
              ),
            },
          ]}
        />
      )}
      {answering && <Respond finding={answering} onClose={() => setAnswering(null)} />}
    </div>
  );
}
