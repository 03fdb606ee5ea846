/** The 督导通知 calls: the inbox and a notice as its reader sees it, replies; the district's sent notices, sending, reviewing. */
import type {
  NoticeInbox,
  NoticeInboxNotice,
  NoticeKind,
  NoticeReply,
  NoticeReplyInput,
  NoticeReviewInput,
  NoticeSendInput,
  SentNotice,
  SentNoticeDetail,
  SentNotices,
} from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, qs } from '../../app/api';

export const noticesKey = (...parts: unknown[]) => ['supervision', 'notices', ...parts];
const base = '/api/supervision/notices';

export const useInbox = (kind: NoticeKind | undefined, page: number, pageSize = 20, enabled = true) =>
  useQuery({ queryKey: noticesKey('inbox', kind ?? 'all', page, pageSize), queryFn: () => api.get<NoticeInbox>(`${base}/inbox${qs({ kind, page, pageSize })}`), enabled });

export const useUnreadNotices = (enabled = true) =>
  useQuery({ queryKey: noticesKey('unread'), queryFn: () => api.get<{ unread: number }>(`${base}/unread`), enabled });

export const useInboxNotice = (id: string | null) =>
  useQuery({ queryKey: noticesKey('notice', id), queryFn: () => api.get<NoticeInboxNotice>(`${base}/inbox/${id}`), enabled: !!id });

export interface SentFilter {
  kind?: NoticeKind;
  assessmentId?: string;
  schoolId?: string;
  page: number;
  pageSize?: number;
}
export const useSentNotices = (f: SentFilter) =>
  useQuery({ queryKey: noticesKey('sent', f), queryFn: () => api.get<SentNotices>(`${base}/sent${qs({ kind: f.kind, assessmentId: f.assessmentId, schoolId: f.schoolId, page: f.page, pageSize: f.pageSize ?? 20 })}`) });

export const useSentNotice = (id: string | null) =>
  useQuery({ queryKey: noticesKey('sent-detail', id), queryFn: () => api.get<SentNoticeDetail>(`${base}/sent/${id}`), enabled: !!id });

export function useNoticeWrites() {
  const client = useQueryClient();
  const refreshInbox = () => client.invalidateQueries({ queryKey: noticesKey() });
  return {
    /** Marks the notice read (the first time) and refreshes the lists and the badge. */
    open: async (id: string) => {
      const out = await api.post<NoticeInboxNotice>(`${base}/${id}/open`);
      client.setQueryData(noticesKey('notice', id), out);
      await Promise.all([client.invalidateQueries({ queryKey: noticesKey('inbox') }), client.invalidateQueries({ queryKey: noticesKey('unread') })]);
      return out;
    },
    reply: async (id: string, body: NoticeReplyInput) => {
      const out = await api.post<NoticeInboxNotice>(`${base}/${id}/replies`, body, { headers: idempotencyKey() });
      client.setQueryData(noticesKey('notice', id), out);
      await refreshInbox();
      return out;
    },
    upload: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<NoticeReply['files'][number]>(`${base}/files`, form);
    },
    send: async (body: NoticeSendInput) => {
      const out = await api.post<SentNotice>(base, body, { headers: idempotencyKey() });
      await refreshInbox();
      return out;
    },
    review: async (replyId: string, body: NoticeReviewInput) => {
      const out = await api.post<SentNoticeDetail>(`${base}/replies/${replyId}/review`, body);
      client.setQueryData(noticesKey('sent-detail', out.id), out);
      await client.invalidateQueries({ queryKey: noticesKey('sent') });
      return out;
    },
  };
}

export const fileUrl = (id: string) => `${base}/files/${id}`;
