/**
 * 通知与通报: what the district sent to the signed-in person, newest first with the unread count; a notice opens in a
 * drawer (the whole screen on a phone), where a school administrator replies for the school. `?open=<id>` (the
 * bell's link) opens one directly.
 */
import './messages';
import { Drawer, Flex, Grid, Pagination, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useInbox } from '../queries-notices';
import { InboxList } from './InboxList';
import { KindFilter, type KindFilterValue } from './NoticeTags';
import { NoticeView } from './NoticeView';

const PAGE_SIZE = 20;

export default function InboxPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<KindFilterValue>('all');
  const [page, setPage] = useState(1);
  const q = useInbox(kind === 'all' ? undefined : kind, page, PAGE_SIZE);
  const openId = params.get('open');
  const setOpen = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('open', id);
        else next.delete('open');
        return next;
      },
      { replace: !id },
    );
  return (
    <div data-testid="sv-inbox">
      <PageHeader
        title={t('menu.supervision.notices')}
        sub={t('sv.notices.inboxSub')}
        extra={q.data && q.data.unread > 0 && <Tag color="red" data-testid="sv-inbox-unread">{t('sv.notices.unread', { n: q.data.unread })}</Tag>}
      />
      <KindFilter
        value={kind}
        onChange={(v) => {
          setKind(v);
          setPage(1);
        }}
        block={phone}
      />
      <QueryError error={q.error} />
      {q.isLoading ? <Skeleton active /> : q.data && <InboxList items={q.data.items} onOpen={setOpen} />}
      {q.data && q.data.total > PAGE_SIZE && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={setPage} size="small" showSizeChanger={false} />
        </Flex>
      )}
      <Drawer open={!!openId} onClose={() => setOpen(null)} size={phone ? '100%' : 640} title={t('menu.supervision.notices')} destroyOnHidden data-testid="sv-notice-drawer">
        {openId && <NoticeView id={openId} />}
      </Drawer>
    </div>
  );
}
