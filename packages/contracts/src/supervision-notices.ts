/**
 * 督导考核, notices: the district's notices (通知), warnings (警示通报, a school's reply required by a due date) and awards
 * (表彰) to roles, schools and zones; each person's inbox with read status; the schools' replies, accepted or returned.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text, Timestamp } from './common';
import { Role } from './access';
import { Attachment } from './homework';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX, NoticeKind, REPLY_MAX } from './supervision';

export const NOTICE_AUDIENCE_MAX = 500;
export const NOTICE_REPLY_ATTACHMENTS_MAX = 10;
export const NOTICE_REVIEW_NOTE_MAX = 500;

/**
 * POST /api/supervision/notices (Idempotency-Key honoured). Empty roles: every role that reads notices; empty schools
 * and zones: the whole district (schools and zones together: a school in either). A warning requires a reply by
 * replyDue; a plain notice or an award may ask for one too.
 */
export const NoticeSendInput = z.object({
  kind: NoticeKind,
  title: Text(NOTICE_TITLE_MAX),
  body: Text(NOTICE_BODY_MAX),
  roles: z.array(Role).max(20).default([]),
  schoolIds: z.array(Id).max(NOTICE_AUDIENCE_MAX).default([]),
  zoneIds: z.array(Id).max(NOTICE_AUDIENCE_MAX).default([]),
  replyRequired: z.boolean().default(false),
  replyDue: LocalDate.nullish().transform((v) => v ?? null),
  /** The assessment a warning or an award follows. */
  assessmentId: Id.nullish().transform((v) => v ?? null),
});
export type NoticeSendInput = z.input<typeof NoticeSendInput>;

/** A school's reply state: none yet, submitted (awaiting the district), accepted, returned (to reply again). */
export const NOTICE_REPLY_STATES = ['none', 'submitted', 'accepted', 'returned'] as const;
export const NoticeReplyState = z.enum(NOTICE_REPLY_STATES);
export type NoticeReplyState = z.infer<typeof NoticeReplyState>;

/** Over the schools a notice asks a reply of: how many are at each state, and overdue (past replyDue, nothing in). */
export const NoticeReplyCounts = z.object({
  schools: z.number().int(),
  none: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  overdue: z.number().int(),
});
export type NoticeReplyCounts = z.infer<typeof NoticeReplyCounts>;

export const SentNotice = z.object({
  id: Id,
  kind: NoticeKind,
  title: z.string(),
  roles: z.array(Role),
  schoolIds: z.array(Id),
  zoneIds: z.array(Id),
  replyRequired: z.boolean(),
  replyDue: LocalDate.nullable(),
  assessmentId: Id.nullable(),
  sentAt: Timestamp,
  sentByName: z.string(),
  /** People the notice reached, and of them who opened it. */
  recipients: z.number().int(),
  read: z.number().int(),
  /** Null when no reply is asked for. */
  replies: NoticeReplyCounts.nullable(),
});
export type SentNotice = z.infer<typeof SentNotice>;

/** GET /api/supervision/notices/sent: newest first; by kind, by the assessment followed, by a school addressed. */
export const SentNoticesQuery = z.object({
  kind: NoticeKind.optional(),
  assessmentId: Id.optional(),
  schoolId: Id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SentNoticesQuery = z.input<typeof SentNoticesQuery>;
export const SentNotices = z.object({ items: z.array(SentNotice), total: z.number().int() });
export type SentNotices = z.infer<typeof SentNotices>;

export const NoticeReply = z.object({
  id: Id,
  schoolId: Id,
  body: z.string(),
  /** Files uploaded to POST /api/supervision/notices/files and named in the reply. */
  files: z.array(Attachment),
  status: z.enum(['submitted', 'accepted', 'returned']),
  repliedAt: Timestamp,
  repliedByName: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewedByName: z.string().nullable(),
});
export type NoticeReply = z.infer<typeof NoticeReply>;

/** One row per school reached (schoolId null: district, zone or institution staff), with its replies, newest first. */
export const NoticeSchoolRow = z.object({
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  delivered: z.number().int(),
  read: z.number().int(),
  /** Null for the row of staff outside schools, or when no reply is asked for. */
  replyState: NoticeReplyState.nullable(),
  overdue: z.boolean(),
  replies: z.array(NoticeReply),
});
export type NoticeSchoolRow = z.infer<typeof NoticeSchoolRow>;

/** GET /api/supervision/notices/sent/{id}: the notice, and its receipts per school. */
export const SentNoticeDetail = SentNotice.extend({ body: z.string(), schools: z.array(NoticeSchoolRow) });
export type SentNoticeDetail = z.infer<typeof SentNoticeDetail>;

export const NoticeInboxItem = z.object({
  id: Id,
  kind: NoticeKind,
  title: z.string(),
  sentAt: Timestamp,
  readAt: Timestamp.nullable(),
  replyRequired: z.boolean(),
  replyDue: LocalDate.nullable(),
  /** My school's reply state (null: no reply asked, or I am not at a school). */
  replyState: NoticeReplyState.nullable(),
  overdue: z.boolean(),
});
export type NoticeInboxItem = z.infer<typeof NoticeInboxItem>;

/** GET /api/supervision/notices/inbox: newest first, with the count of unread ones. */
export const NoticeInboxQuery = z.object({
  kind: NoticeKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NoticeInboxQuery = z.input<typeof NoticeInboxQuery>;
export const NoticeInbox = z.object({ items: z.array(NoticeInboxItem), total: z.number().int(), unread: z.number().int() });
export type NoticeInbox = z.infer<typeof NoticeInbox>;

/** GET /api/supervision/notices/unread: the home page's badge. */
export const UnreadNotices = z.object({ unread: z.number().int() });
export type UnreadNotices = z.infer<typeof UnreadNotices>;

/**
 * GET /api/supervision/notices/inbox/{id}, and POST /api/supervision/notices/{id}/open (which marks it read, the first
 * time only): the notice as its reader sees it, with the replies of the reader's school (to those who reply for it)
 * and whether the reader may reply now.
 */
export const NoticeInboxNotice = NoticeInboxItem.extend({
  body: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  canReply: z.boolean(),
  replies: z.array(NoticeReply),
});
export type NoticeInboxNotice = z.infer<typeof NoticeInboxNotice>;

/** POST /api/supervision/notices/{id}/replies (Idempotency-Key honoured): a school admin's reply for the school. */
export const NoticeReplyInput = z.object({
  body: Text(REPLY_MAX),
  attachmentIds: z.array(Id).max(NOTICE_REPLY_ATTACHMENTS_MAX).default([]),
});
export type NoticeReplyInput = z.input<typeof NoticeReplyInput>;

/** POST /api/supervision/notices/replies/{id}/review: accept, or return with a note (required) to reply again. */
export const NoticeReviewInput = z.object({
  decision: z.enum(['accept', 'return']),
  note: OptionalText(NOTICE_REVIEW_NOTE_MAX),
});
export type NoticeReviewInput = z.input<typeof NoticeReviewInput>;
