/**
 * Queries the notice services share: sent notices with their read and reply counts (one statement per page), the
 * replies of a notice with the names of who wrote and reviewed them, a school's reply state, and the reply files' kind.
 */
import { type NoticeReply, type NoticeReplyState, type SentNotice } from '@shuangjian/contracts';
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Ctx, defineScope, requirePermission, scoped } from '../../platform/access';
import { type AttachmentKind, attachmentsOf, EVIDENCE_FILE_TYPES } from '../../platform/attachments';
import { type Queryable, rowsOf } from '../../platform/db';
import { users } from '../../platform/schema';
import { supervisionNoticeReceipts, supervisionNoticeReplies, supervisionNotices } from './schema';

// a receipt of district, zone or institution staff has no school: every reader's grant reaches it
defineScope(supervisionNoticeReceipts, { district: supervisionNoticeReceipts.districtId, school: supervisionNoticeReceipts.schoolId, nullable: ['school'] });

export const REPLY_FILE_KIND = 'supervision.notice-reply';
export const REPLY_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Files a school attaches to its reply: read by the district and by whoever replies for the school. */
export const replyFileKind: AttachmentKind = {
  kind: REPLY_FILE_KIND,
  label: '回复附件',
  types: EVIDENCE_FILE_TYPES,
  maxBytes: REPLY_FILE_MAX_BYTES,
  mayUpload: (ctx) => requirePermission(ctx, 'supervision.notice.reply'),
  async mayRead(ctx, ownerId) {
    const P = supervisionNoticeReplies;
    const [row] = await ctx.db
      .select({ id: P.id })
      .from(P)
      .where(and(or(scoped(ctx, P, 'supervision.notice.send'), scoped(ctx, P, 'supervision.notice.reply')), eq(P.id, ownerId)));
    return !!row;
  },
};

const iso = (v: Date | string) => new Date(v).toISOString();

interface SentRow {
  id: string;
  kind: SentNotice['kind'];
  title: string;
  body: string;
  roles: string[];
  school_ids: string[];
  zone_ids: string[];
  reply_required: boolean;
  reply_due: string | null;
  assessment_id: string | null;
  sent_at: Date | string;
  sent_by_name: string;
  recipients: number;
  read: number;
  schools: number | null;
  none: number | null;
  submitted: number | null;
  accepted: number | null;
  returned: number | null;
  overdue: number | null;
}

/**
 * Sent notices matching `where` (a condition on supervision_notices, unaliased), newest first, each with its read count and,
 * when a reply is asked, the count of schools at each reply state (a school's state is its latest reply's).
 */
export async function sentNotices(q: Queryable, districtId: string, today: string, where: SQL, page: { limit: number; offset: number }): Promise<(SentNotice & { body: string })[]> {
  const rows = await rowsOf<SentRow>(
    q,
    sql`select supervision_notices.id, supervision_notices.kind, supervision_notices.title, supervision_notices.body,
        supervision_notices.audience_roles as roles, supervision_notices.audience_school_ids as school_ids,
        supervision_notices.audience_zone_ids as zone_ids, supervision_notices.reply_required,
        supervision_notices.reply_due::text as reply_due, supervision_notices.assessment_id, supervision_notices.sent_at,
        u.name as sent_by_name, supervision_notices.recipients,
        (select count(*)::int from supervision_notice_receipts r
          where r.district_id = supervision_notices.district_id and r.notice_id = supervision_notices.id and r.read_at is not null) as read,
        rs.schools, rs.none, rs.submitted, rs.accepted, rs.returned, rs.overdue
      from supervision_notices
      join users u on u.district_id = supervision_notices.district_id and u.id = supervision_notices.sent_by
      left join lateral (
        select count(*)::int as schools,
          (count(*) filter (where lp.status is null))::int as none,
          (count(*) filter (where lp.status = 'submitted'))::int as submitted,
          (count(*) filter (where lp.status = 'accepted'))::int as accepted,
          (count(*) filter (where lp.status = 'returned'))::int as returned,
          (count(*) filter (where (lp.status is null or lp.status = 'returned') and supervision_notices.reply_due < ${today}::date))::int as overdue
        from (select distinct r.school_id from supervision_notice_receipts r
              where r.district_id = supervision_notices.district_id and r.notice_id = supervision_notices.id and r.school_id is not null) sch
        left join lateral (
          select p.status from supervision_notice_replies p
          where p.district_id = supervision_notices.district_id and p.notice_id = supervision_notices.id and p.school_id = sch.school_id
          order by p.replied_at desc, p.id desc limit 1
        ) lp on true
      ) rs on supervision_notices.reply_required
      where supervision_notices.district_id = ${districtId} and ${where}
      order by supervision_notices.sent_at desc, supervision_notices.id desc
      limit ${page.limit} offset ${page.offset}`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    roles: r.roles as SentNotice['roles'],
    schoolIds: r.school_ids,
    zoneIds: r.zone_ids,
    replyRequired: r.reply_required,
    replyDue: r.reply_due,
    assessmentId: r.assessment_id,
    sentAt: iso(r.sent_at),
    sentByName: r.sent_by_name,
    recipients: r.recipients,
    read: r.read,
    replies: r.reply_required
      ? { schools: r.schools ?? 0, none: r.none ?? 0, submitted: r.submitted ?? 0, accepted: r.accepted ?? 0, returned: r.returned ?? 0, overdue: r.overdue ?? 0 }
      : null,
  }));
}

/** The replies of a notice (of some schools, or all), newest first, with names and files. */
export async function repliesOf(q: Queryable, districtId: string, noticeId: string, schoolIds?: readonly string[]): Promise<NoticeReply[]> {
  const P = supervisionNoticeReplies;
  const author = alias(users, 'author');
  const reviewer = alias(users, 'reviewer');
  if (schoolIds && !schoolIds.length) return [];
  const rows = await q
    .select({ p: P, authorName: author.name, reviewerName: reviewer.name })
    .from(P)
    .innerJoin(author, and(eq(author.districtId, P.districtId), eq(author.id, P.repliedBy)))
    .leftJoin(reviewer, and(eq(reviewer.districtId, P.districtId), eq(reviewer.id, P.reviewedBy)))
    .where(and(eq(P.districtId, districtId), eq(P.noticeId, noticeId), schoolIds ? inArray(P.schoolId, [...schoolIds]) : undefined))
    .orderBy(desc(P.repliedAt), desc(P.id));
  const files = await attachmentsOf(q, districtId, REPLY_FILE_KIND, rows.map((r) => r.p.id));
  return rows.map(({ p, authorName, reviewerName }) => ({
    id: p.id,
    schoolId: p.schoolId,
    body: p.body,
    files: files.get(p.id) ?? [],
    status: p.status,
    repliedAt: p.repliedAt.toISOString(),
    repliedByName: authorName,
    reviewNote: p.reviewNote,
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
    reviewedByName: reviewerName ?? null,
  }));
}

/** A school's state from its replies, newest first: the latest reply's status, or none. */
export const replyState = (replies: readonly Pick<NoticeReply, 'status'>[]): NoticeReplyState => replies[0]?.status ?? 'none';

/** Past the due date with nothing in (no reply, or the last one returned). */
export const isOverdue = (state: NoticeReplyState | null, replyDue: string | null, today: string) =>
  !!replyDue && replyDue < today && (state === 'none' || state === 'returned');

/** The notice, if the district sent it and the user may send notices. */
export async function sentNoticeRow(ctx: Ctx, id: string) {
  const N = supervisionNotices;
  const [row] = await ctx.db.select().from(N).where(and(scoped(ctx, N, 'supervision.notice.send'), eq(N.id, id)));
  return row ?? null;
}
