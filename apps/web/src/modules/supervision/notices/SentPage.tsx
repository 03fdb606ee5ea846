/**
 * 发布通知 for the district office: the notices, warnings and awards sent, newest first, with delivery, reads and the
 * schools' replies (awaiting review, overdue); a new one from the compose form; one opens with its receipts per school.
 * `?open=<id>` (the bell's link when a school replies) opens one directly.
 */
import './messages';
import { PlusOutlined } from '@ant-design/icons';
import type { SentNotice } from '@shuangjian/contracts';
import { Button, Flex, Progress, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSentNotices } from '../queries-notices';
import { ComposeForm } from './ComposeForm';
import { DueText, KindFilter, type KindFilterValue, KindTag } from './NoticeTags';
import { ReceiptsDrawer } from './ReceiptsDrawer';

const PAGE_SIZE = 20;

function Replies({ n }: { n: SentNotice }) {
  const { t } = useI18n();
  const r = n.replies;
  if (!r) return <Typography.Text type="secondary">{t('sv.notices.repliesNone')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="sv-sent-replies">
      <span>{t('sv.notices.repliesSummary', { accepted: r.accepted, schools: r.schools })}</span>
      <Flex gap={4} wrap>
        {r.submitted > 0 && <Tag color="processing">{t('sv.notices.pending', { n: r.submitted })}</Tag>}
        {r.returned > 0 && <Tag color="warning">{t('sv.notices.returnedN', { n: r.returned })}</Tag>}
        {r.overdue > 0 && <Tag color="error">{t('sv.notices.overdueN', { n: r.overdue })}</Tag>}
      </Flex>
    </Flex>
  );
}

export default function SentPage() {
  const { t } = useI18n();
  const tz = useTimeZone();
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<KindFilterValue>('all');
  const [page, setPage] = useState(1);
  const [composing, setComposing] = useState(false);
  const q = useSentNotices({ kind: kind === 'all' ? undefined : kind, assessmentId: params.get('assessmentId') ?? undefined, page, pageSize: PAGE_SIZE });
  const openId = params.get('open');
  const setOpen = (id: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('open', id);
      else next.delete('open');
      return next;
    });
  return (
    <div data-testid="sv-sent">
      <PageHeader
        title={t('menu.supervision.send')}
        sub={t('sv.notices.sentSub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setComposing(true)} data-testid="sv-compose">
            {t('sv.notices.compose')}
          </Button>
        }
      />
      <KindFilter
        value={kind}
        onChange={(v) => {
          setKind(v);
          setPage(1);
        }}
      />
      <QueryError error={q.error} />
      <Table<SentNotice>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('sv.notices.none') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(n) => ({ onClick: () => setOpen(n.id), style: { cursor: 'pointer' }, 'data-testid': 'sv-sent-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('sv.notices.col.notice'),
            key: 'title',
            render: (_, n) => (
              <Flex vertical gap={2}>
                <span>
                  <KindTag kind={n.kind} />
                  <Typography.Text strong>{n.title}</Typography.Text>
                </span>
                <Flex gap={8} wrap>
                  {n.replyDue && n.replies && n.replies.accepted < n.replies.schools && <DueText date={n.replyDue} overdue={n.replies.overdue > 0} />}
                  {n.assessmentId && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('sv.notices.followsAssessment')}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            ),
          },
          { title: t('sv.notices.col.sentAt'), key: 'sentAt', width: 150, render: (_, n) => formatDateTime(n.sentAt, tz).slice(0, 16) },
          { title: t('sv.notices.col.recipients'), key: 'recipients', width: 90, render: (_, n) => t('sv.notices.people', { n: n.recipients }) },
          {
            title: t('sv.notices.col.read'),
            key: 'read',
            width: 150,
            render: (_, n) => (
              <Flex vertical gap={0}>
                <span>{t('sv.notices.readOf', { read: n.read, total: n.recipients })}</span>
                <Progress percent={n.recipients ? Math.round((n.read / n.recipients) * 100) : 0} size="small" showInfo={false} />
              </Flex>
            ),
          },
          { title: t('sv.notices.col.replies'), key: 'replies', width: 170, render: (_, n) => <Replies n={n} /> },
        ]}
      />
      <ComposeForm open={composing} onClose={() => setComposing(false)} onSent={(n) => setOpen(n.id)} />
      <ReceiptsDrawer id={openId} onClose={() => setOpen(null)} />
    </div>
  );
}
