/** HTTP routes of 督导考核 notices, warnings (警示通报) and awards: sending, the sent list with receipts, the inbox, replies. */
import {
  ErrorBody,
  IdParams,
  NoticeInbox,
  NoticeInboxNotice,
  NoticeInboxQuery,
  NoticeReplyInput,
  NoticeReviewInput,
  NoticeSendInput,
  SentNotice,
  SentNoticeDetail,
  SentNotices,
  SentNoticesQuery,
  UnreadNotices,
} from '@shuangjian/contracts';
import { registerAttachmentRoutes } from '../../platform/attachments.routes';
import type { App } from '../../platform/http';
import { inbox, openNotice, readerView, replyToNotice, unreadCount } from './notices-inbox.service';
import { replyFileKind } from './notices.repo';
import { listSent, reviewReply, sendNotice, sentDetail } from './notices.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['supervision'];
const base = '/api/supervision/notices';

export function registerNoticeRoutes(app: App): void {
  app.post(base, { schema: { tags, summary: '区教育局：发布通知、警示通报或表彰（按角色、学校、学区；支持 Idempotency-Key）', body: NoticeSendInput, response: { 200: SentNotice, ...errors } } }, (req) => sendNotice(req.ctx, req.body));
  app.get(`${base}/sent`, { schema: { tags, summary: '区教育局：已发布的通知（按类别、关联考核、学校筛选）', querystring: SentNoticesQuery, response: { 200: SentNotices, ...errors } } }, (req) => listSent(req.ctx, req.query));
  app.get(`${base}/sent/:id`, { schema: { tags, summary: '区教育局：一条通知的送达、阅读与各校回复', params: IdParams, response: { 200: SentNoticeDetail, ...errors } } }, (req) => sentDetail(req.ctx, req.params.id));
  app.post(`${base}/replies/:id/review`, { schema: { tags, summary: '区教育局：采纳或退回学校的回复', params: IdParams, body: NoticeReviewInput, response: { 200: SentNoticeDetail, ...errors } } }, (req) => reviewReply(req.ctx, req.params.id, req.body));
  app.get(`${base}/inbox`, { schema: { tags, summary: '我收到的通知与通报（最新在前）', querystring: NoticeInboxQuery, response: { 200: NoticeInbox, ...errors } } }, (req) => inbox(req.ctx, req.query));
  app.get(`${base}/unread`, { schema: { tags, summary: '我未读的通知数（首页提示）', response: { 200: UnreadNotices, ...errors } } }, (req) => unreadCount(req.ctx));
  app.get(`${base}/inbox/:id`, { schema: { tags, summary: '我收到的一条通知', params: IdParams, response: { 200: NoticeInboxNotice, ...errors } } }, (req) => readerView(req.ctx, req.params.id));
  app.post(`${base}/:id/open`, { schema: { tags, summary: '打开通知（首次打开时记为已读）', params: IdParams, response: { 200: NoticeInboxNotice, ...errors } } }, (req) => openNotice(req.ctx, req.params.id));
  app.post(`${base}/:id/replies`, { schema: { tags, summary: '学校管理员：代表本校回复通知（支持 Idempotency-Key）', params: IdParams, body: NoticeReplyInput, response: { 200: NoticeInboxNotice, ...errors } } }, (req) => replyToNotice(req.ctx, req.params.id, req.body));
  registerAttachmentRoutes(app, replyFileKind, { base: `${base}/files`, tags });
}
