/**
 * A sent notice for the district: its text and audience, and per school the people reached, how many read it, the
 * reply state (overdue past the due date) with the replies; a reply awaiting review is accepted or returned here.
 */
import './messages';
import { type NoticeReply, type NoticeSchoolRow, roleLabels, type SentNoticeDetail } from '@shuangjian/contracts';
import { Button, Descriptions, Drawer, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { FormModal } from '../../../components/FormModal';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay } from '../../homework/components/model';
import { useNoticeWrites, useSentNotice } from '../queries-notices';
import { KindTag, ReplyStateTag } from './NoticeTags';
import { ReplyFiles, ReplyHistory } from './ReplyHistory';

function ReviewButtons({ row, reply }: { row: NoticeSchoolRow; reply: NoticeReply }) {
  const { t } = useI18n();
  const writes = useNoticeWrites();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const accept = useSaveMutation({ form: null, mutationFn: () => writes.review(reply.id, { decision: 'accept' }), saved: t('sv.notices.accepted') });
  const back = useSaveMutation({
    form,
    mutationFn: (v: { note: string }) => writes.review(reply.id, { decision: 'return', note: v.note }),
    saved: t('sv.notices.returned'),
    onSuccess: () => setReturning(false),
  });
  return (
    <Space size={4}>
      <Button size="small" type="primary" loading={accept.isPending} onClick={() => accept.mutate(undefined)} data-testid="sv-reply-accept">
        {t('sv.notices.accept')}
      </Button>
      <Button size="small" danger onClick={() => setReturning(true)} data-testid="sv-reply-return">
        {t('sv.notices.return')}
      </Button>
      <FormModal<{ note: string }>
        form={form}
        name="sv-return"
        open={returning}
        onCancel={() => setReturning(false)}
        loading={back.isPending}
        onFinish={(v) => back.mutate(v)}
        title={t('sv.notices.returnTitle', { school: row.schoolName ?? '' })}
      >
        <Form.Item name="note" label={t('sv.notices.returnNote')} rules={[{ required: true, whitespace: true, message: t('sv.notices.f.required', { field: t('sv.notices.returnNote') }) }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('sv.notices.returnHint')} data-testid="sv-return-note" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Summary({ n }: { n: SentNoticeDetail }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const audience = n.schools.filter((s) => s.schoolName).map((s) => s.schoolName);
  return (
    <>
      <Flex gap={8} align="center" wrap>
        <KindTag kind={n.kind} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sv.notices.sentAt', { time: formatDateTime(n.sentAt, tz).slice(0, 16) })} · {t('sv.notices.from', { name: n.sentByName })}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{n.body}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'audience',
            label: t('sv.notices.audience'),
            children: `${n.roles.length ? n.roles.map((r) => roleLabels[r][locale]).join('、') : t('sv.notices.rolesAll')} · ${n.schoolIds.length || n.zoneIds.length ? audience.join('、') : t('sv.notices.audienceAll')}`,
          },
          { key: 'read', label: t('sv.notices.col.read'), children: t('sv.notices.readOf', { read: n.read, total: n.recipients }) },
          ...(n.replyDue ? [{ key: 'due', label: t('sv.notices.f.replyDue'), children: formatDay(n.replyDue, locale, true) }] : []),
        ]}
      />
    </>
  );
}

export function ReceiptsDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const q = useSentNotice(id);
  const n = q.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={1000} title={n?.title ?? ' '} destroyOnHidden data-testid="sv-receipts-drawer">
      <QueryError error={q.error} />
      {q.isLoading && <PageSpinner />}
      {n && (
        <Flex vertical gap={12}>
          <Summary n={n} />
          <Table<NoticeSchoolRow>
            rowKey={(r) => r.schoolId ?? 'staff'}
            size="small"
            pagination={false}
            dataSource={n.schools}
            scroll={{ x: 760 }}
            data-testid="sv-receipts"
            expandable={{ rowExpandable: (r) => r.replies.length > 0, expandedRowRender: (r) => <ReplyHistory replies={r.replies} /> }}
            columns={[
              { title: t('sv.notices.col.school'), key: 'school', width: 150, render: (_, r) => r.schoolName ?? t('sv.notices.staffRow') },
              { title: t('sv.notices.col.delivered'), dataIndex: 'delivered', width: 70 },
              { title: t('sv.notices.col.readCount'), key: 'read', width: 70, render: (_, r) => t('sv.notices.readOf', { read: r.read, total: r.delivered }) },
              { title: t('sv.notices.col.state'), key: 'state', width: 130, render: (_, r) => (r.replyState ? <ReplyStateTag state={r.replyState} overdue={r.overdue} /> : '—') },
              {
                title: t('sv.notices.col.reply'),
                key: 'reply',
                render: (_, r) => {
                  const last = r.replies[0];
                  if (!last) return '—';
                  return (
                    <Flex vertical gap={2}>
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('sv.notices.more') }} style={{ margin: 0 }} data-testid="sv-receipt-reply">
                        {last.body}
                      </Typography.Paragraph>
                      <ReplyFiles reply={last} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('sv.notices.repliedBy', { name: last.repliedByName, time: formatDateTime(last.repliedAt, tz).slice(0, 16) })}
                      </Typography.Text>
                    </Flex>
                  );
                },
              },
              { key: 'review', width: 130, render: (_, r) => r.replyState === 'submitted' && r.replies[0] && <ReviewButtons row={r} reply={r.replies[0]} /> },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
