/**
 * 督导考核, the reader's side of notices: one's inbox (only what was addressed to one), opening a notice (read once),
 * the home page's unread count, and a school administrator's reply for the school, again after a return.
 */
import type { NoticeInbox, NoticeInboxItem, NoticeInboxNotice, NoticeInboxQuery, NoticeReplyInput, NoticeReplyState } from '@shuangjian/contracts';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { claimAttachments } from '../../platform/attachments';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { conflict, forbidden, notFound, ruleViolation } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { schoolDirectory } from '../org';
import { isOverdue, repliesOf, replyFileKind } from './notices.repo';
import { supervisionNoticeReceipts, supervisionNoticeReplies, supervisionNotices } from './schema';

const R = supervisionNoticeReceipts;
const N = supervisionNotices;
const P = supervisionNoticeReplies;

/** The signed-in person's receipts, through the reader's scope: nobody reads another's. */
const mine = (ctx: Ctx) => and(scoped(ctx, R, 'supervision.notice.read'), eq(R.userId, ctx.user.id));

/** Whether the person replies for the receipt's school (a school administrator there). */
const repliesFor = (ctx: Ctx, schoolId: string | null): schoolId is string =>
  !!schoolId && allows(ctx, 'supervision.notice.reply', { districtId: ctx.user.districtId, school: schoolId });

/** The latest reply's status of the school, as a column of a notice row (null when no reply is asked). */
const latestStatus = sql<NoticeReplyState | null>`case when ${N.replyRequired} and ${R.schoolId} is not null then coalesce((
  select p.status from supervision_notice_replies p
  where p.district_id = ${R.districtId} and p.notice_id = ${R.noticeId} and p.school_id = ${R.schoolId}
  order by p.replied_at desc, p.id desc limit 1), 'none') end`;

const itemColumns = {
  id: N.id,
  kind: N.kind,
  title: N.title,
  sentAt: N.sentAt,
  readAt: R.readAt,
  replyRequired: N.replyRequired,
  replyDue: N.replyDue,
  schoolId: R.schoolId,
  state: latestStatus,
};
type ItemRow = { id: string; kind: NoticeInboxItem['kind']; title: string; sentAt: Date; readAt: Date | null; replyRequired: boolean; replyDue: string | null; schoolId: string | null; state: NoticeReplyState | null };

function toItem(ctx: Ctx, r: ItemRow, now: string): NoticeInboxItem {
  // the reply state is the business of whoever replies for the school
  const state = repliesFor(ctx, r.schoolId) ? r.state : null;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    sentAt: r.sentAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    replyRequired: r.replyRequired,
    replyDue: r.replyDue,
    replyState: state,
    overdue: isOverdue(state, r.replyDue, now),
  };
}

/** What was addressed to the person, newest first, with how many are unread. */
export async function inbox(ctx: Ctx, query: z.output<typeof NoticeInboxQuery>): Promise<NoticeInbox> {
  requirePermission(ctx, 'supervision.notice.read');
  const where = and(mine(ctx), query.kind ? eq(N.kind, query.kind) : undefined);
  const joined = and(eq(N.districtId, R.districtId), eq(N.id, R.noticeId));
  const [rows, [counts]] = await atOnce(ctx.db,
    () => ctx.db
      .select(itemColumns)
      .from(R)
      .innerJoin(N, joined)
      .where(where)
      .orderBy(desc(N.sentAt), desc(N.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    () => ctx.db
      .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${R.readAt} is null))::int` })
      .from(R)
      .innerJoin(N, joined)
      .where(where),
  );
  const now = today(ctx);
  return { items: rows.map((r) => toItem(ctx, r, now)), total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** The home page's badge: notices addressed to the person and not yet opened. */
export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  requirePermission(ctx, 'supervision.notice.read');
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(R).where(and(mine(ctx), isNull(R.readAt)));
  return { unread: row?.n ?? 0 };
}

async function receiptOf(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ ...itemColumns, body: N.body, districtId: N.districtId, sentBy: N.sentBy })
    .from(R)
    .innerJoin(N, and(eq(N.districtId, R.districtId), eq(N.id, R.noticeId)))
    .where(and(mine(ctx), eq(R.noticeId, id)));
  if (!row) throw notFound('通知');
  return row;
}

/** A notice as its reader sees it; a notice not addressed to the person is not found. */
export async function readerView(ctx: Ctx, id: string): Promise<NoticeInboxNotice> {
  requirePermission(ctx, 'supervision.notice.read');
  const row = await receiptOf(ctx, id);
  const replier = repliesFor(ctx, row.schoolId);
  const [replies, [school]] = await atOnce(ctx.db,
    () => replier && row.replyRequired ? repliesOf(ctx.db, row.districtId, id, [row.schoolId!]) : Promise.resolve([]),
    () => row.schoolId
      ? ctx.db.select({ name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, row.districtId), eq(schoolDirectory.id, row.schoolId)))
      : Promise.resolve([]),
  );
  const item = toItem(ctx, row, today(ctx));
  return {
    ...item,
    body: row.body,
    schoolId: row.schoolId,
    schoolName: school?.name ?? null,
    canReply: replier && row.replyRequired && (item.replyState === 'none' || item.replyState === 'returned'),
    replies,
  };
}

/** Opens a notice: marked read the first time (kept, with its audit entry); answered as the reader sees it. */
export async function openNotice(ctx: Ctx, id: string): Promise<NoticeInboxNotice> {
  requirePermission(ctx, 'supervision.notice.read');
  const row = await receiptOf(ctx, id);
  if (!row.readAt) {
    await ctx.db.transaction(async (tx) => {
      const marked = await tx
        .update(R)
        .set({ readAt: ctx.now() })
        .where(and(eq(R.districtId, row.districtId), eq(R.noticeId, id), eq(R.userId, ctx.user.id), isNull(R.readAt)))
        .returning({ readAt: R.readAt });
      if (marked.length) await audit(tx, ctx.actor, { action: 'supervision.notice.read', entity: 'supervision_notice', entityId: id });
    });
  }
  return readerView(ctx, id);
}

/**
 * A school administrator's reply for the school, when the notice asks one and the school has none awaiting review or
 * accepted; files uploaded beforehand are claimed by it. The sender is told.
 */
export async function replyToNotice(ctx: Ctx, id: string, input: z.output<typeof NoticeReplyInput>): Promise<NoticeInboxNotice> {
  requirePermission(ctx, 'supervision.notice.reply');
  const row = await receiptOf(ctx, id);
  if (!row.replyRequired) throw ruleViolation('该通知不要求学校回复', { field: 'body' });
  if (!repliesFor(ctx, row.schoolId)) throw forbidden('只有本校的学校管理员可以代表学校回复');
  if (row.state === 'submitted') throw conflict('本校已回复，等待区教育局审核');
  if (row.state === 'accepted') throw conflict('本校的回复已被采纳，无需再回复');
  const replyId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const files = await claimAttachments(tx, ctx, replyFileKind, { ownerId: replyId, ids: input.attachmentIds, field: 'attachmentIds' });
    await tx.insert(P).values({
      districtId: row.districtId,
      id: replyId,
      noticeId: id,
      schoolId: row.schoolId!,
      body: input.body,
      attachmentIds: files.map((f) => f.id),
      repliedBy: ctx.user.id,
      repliedAt: ctx.now(),
    });
    // replying is reading: a reply from the inbox's list marks the notice read too
    await tx.update(R).set({ readAt: ctx.now() }).where(and(eq(R.districtId, row.districtId), eq(R.noticeId, id), eq(R.userId, ctx.user.id), isNull(R.readAt)));
    const [school] = await tx.select({ name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, row.districtId), eq(schoolDirectory.id, row.schoolId!)));
    await notify(tx, row.districtId, [row.sentBy], {
      kind: 'supervision.reply.submitted',
      title: `${school?.name ?? '学校'}已回复：${row.title}`,
      body: input.body.slice(0, 100),
      link: `/supervision/notices/sent?open=${id}`,
    }, ctx.channels);
    await audit(tx, ctx.actor, {
      action: 'supervision.reply.submit',
      entity: 'supervision_notice_reply',
      entityId: replyId,
      after: { noticeId: id, schoolId: row.schoolId, body: input.body, files: files.length, again: row.state === 'returned' },
    });
  });
  return readerView(ctx, id);
}
