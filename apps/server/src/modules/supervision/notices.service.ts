/**
 * 督导考核, the district's side of notices: send a notice, warning (警示通报) or award to roles, schools and zones (the
 * recipients resolved once, set-based, in the send's transaction), see what was sent with its delivery, read and reply
 * status per school, and accept or return a school's reply.
 */
import {
  type NoticeKind,
  type NoticeReplyState,
  type NoticeReviewInput,
  type NoticeSchoolRow,
  type NoticeSendInput,
  ROLES,
  roleHas,
  roleLabels,
  type SentNoticeDetail,
  type SentNotices,
  type SentNoticesQuery,
} from '@shuangjian/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, rowsOf } from '../../platform/db';
import { conflict, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { audienceMembers, institutionDirectory, roleHolders, schoolDirectory } from '../org';
import { isOverdue, repliesOf, replyState, sentNoticeRow, sentNotices } from './notices.repo';
import { supervisionAssessments, supervisionNoticeReceipts, supervisionNoticeReplies, supervisionNotices } from './schema';

/** Roles a notice can reach: those that read notices. An empty audience list means all of them. */
export const NOTICE_READER_ROLES = ROLES.filter((r) => roleHas(r, 'supervision.notice.read'));

export const KIND_LABELS: Record<NoticeKind, string> = { notice: '通知', warning: '警示通报', award: '表彰' };

type SendInput = z.output<typeof NoticeSendInput>;

/** Field-named refusals of a send, before anything is written. */
async function checkSend(ctx: Ctx, input: SendInput): Promise<{ replyRequired: boolean }> {
  const d = ctx.user.districtId;
  const badRole = input.roles.find((r) => !roleHas(r, 'supervision.notice.read'));
  if (badRole) throw invalid('roles', '收件角色', `${roleLabels[badRole]['zh-CN']}不接收督导通知`);
  const replyRequired = input.kind === 'warning' || input.replyRequired;
  if (input.kind === 'warning' && !input.replyDue) throw invalid('replyDue', '回复期限', '警示通报须设定学校的回复期限');
  if (!replyRequired && input.replyDue) throw invalid('replyDue', '回复期限', '不要求回复的通知无需设定回复期限');
  if (input.replyDue && input.replyDue < today(ctx)) throw invalid('replyDue', '回复期限', `${input.replyDue} 已过，请设定今天或以后的日期`);
  if (replyRequired && input.roles.length && !input.roles.includes('school_admin'))
    throw invalid('roles', '收件角色', '要求学校回复的通知须发给学校管理员（由其代表学校回复）');
  const schoolIds = [...new Set(input.schoolIds)];
  const zoneIds = [...new Set(input.zoneIds)];
  const S = schoolDirectory;
  const I = institutionDirectory;
  const [schools, schoolZones, institutionZones, assessment] = await atOnce(ctx.db,
    () => schoolIds.length ? ctx.db.select({ id: S.id }).from(S).where(and(eq(S.districtId, d), inArray(S.id, schoolIds))) : Promise.resolve([]),
    () => zoneIds.length ? ctx.db.selectDistinct({ id: S.zoneId }).from(S).where(and(eq(S.districtId, d), inArray(S.zoneId, zoneIds))) : Promise.resolve([]),
    () => zoneIds.length ? ctx.db.selectDistinct({ id: I.zoneId }).from(I).where(and(eq(I.districtId, d), inArray(I.zoneId, zoneIds))) : Promise.resolve([]),
    () => input.assessmentId
      ? ctx.db
          .select({ id: supervisionAssessments.id })
          .from(supervisionAssessments)
          .where(and(scoped(ctx, supervisionAssessments, 'supervision.notice.send'), eq(supervisionAssessments.id, input.assessmentId)))
      : Promise.resolve([]),
  );
  const unknownSchools = schoolIds.filter((id) => !schools.some((s) => s.id === id));
  if (unknownSchools.length) throw invalid('schoolIds', '收件学校', `学校不存在：${unknownSchools.join('、')}`);
  const knownZones = new Set([...schoolZones, ...institutionZones].map((z) => z.id));
  const unknownZones = zoneIds.filter((id) => !knownZones.has(id));
  if (unknownZones.length) throw invalid('zoneIds', '收件学区', `学区/街道不存在：${unknownZones.join('、')}`);
  if (input.assessmentId && !assessment.length) throw invalid('assessmentId', '关联考核', '考核不存在');
  return { replyRequired };
}

/**
 * Sends a notice: one receipt per active account holding a matching role within the audience (the sender aside),
 * written in one statement; the bell for each, and for a warning a message outside the platform too. An audience
 * that reaches nobody is refused and nothing is written.
 */
export async function sendNotice(ctx: Ctx, input: SendInput) {
  requirePermission(ctx, 'supervision.notice.send');
  const { replyRequired } = await checkSend(ctx, input);
  const d = ctx.user.districtId;
  const roles = input.roles.length ? [...new Set(input.roles)] : NOTICE_READER_ROLES;
  const schoolIds = [...new Set(input.schoolIds)];
  const zoneIds = [...new Set(input.zoneIds)];
  const id = await ctx.db.transaction(async (tx) => {
    const [notice] = await tx
      .insert(supervisionNotices)
      .values({
        districtId: d,
        kind: input.kind,
        title: input.title,
        body: input.body,
        audienceRoles: input.roles.length ? roles : [],
        audienceSchoolIds: schoolIds,
        audienceZoneIds: zoneIds,
        replyRequired,
        replyDue: input.replyDue,
        assessmentId: input.assessmentId,
        sentBy: ctx.user.id,
        sentAt: ctx.now(),
      })
      .returning({ id: supervisionNotices.id });
    const noticeId = notice!.id;
    const reached = await rowsOf<{ user_id: string }>(
      tx,
      sql`insert into supervision_notice_receipts (district_id, notice_id, user_id, school_id, delivered_at)
        select ${d}::uuid, ${noticeId}::uuid, m.user_id, m.school_id, ${ctx.now().toISOString()}::timestamptz
        from ${audienceMembers(d, { roles, schoolIds, zoneIds })} m
        where m.user_id <> ${ctx.user.id}::uuid
        returning user_id`,
    );
    if (!reached.length)
      throw invalid(schoolIds.length ? 'schoolIds' : zoneIds.length ? 'zoneIds' : 'roles', '收件范围', '所选角色、学校和学区下没有可接收通知的人员，请调整收件范围');
    await tx.update(supervisionNotices).set({ recipients: reached.length }).where(and(eq(supervisionNotices.districtId, d), eq(supervisionNotices.id, noticeId)));
    const label = KIND_LABELS[input.kind];
    const due = replyRequired && input.replyDue ? `，请于 ${input.replyDue} 前回复` : replyRequired ? '，请回复' : '';
    await notify(
      tx,
      d,
      reached.map((r) => r.user_id),
      {
        kind: `supervision.${input.kind}`,
        title: `${label}：${input.title}`,
        body: `区教育局发布了${label}${due}`,
        link: `/supervision/notices?open=${noticeId}`,
        ...(input.kind === 'warning'
          ? { message: { text: `【双减平台】区教育局向贵校发出警示通报《${input.title}》${due}。请登录平台查看。`, params: { title: input.title, due: input.replyDue ?? '' } } }
          : {}),
      },
      ctx.channels,
    );
    await audit(tx, ctx.actor, {
      action: `supervision.notice.send`,
      entity: 'supervision_notice',
      entityId: noticeId,
      after: { kind: input.kind, title: input.title, roles: input.roles, schoolIds, zoneIds, replyRequired, replyDue: input.replyDue, assessmentId: input.assessmentId, recipients: reached.length },
    });
    return noticeId;
  });
  const [sent] = await sentNotices(ctx.db, d, today(ctx), sql`${supervisionNotices.id} = ${id}`, { limit: 1, offset: 0 });
  const { body: _body, ...summary } = sent!;
  return summary;
}

/** What the district sent, newest first: by kind, by the assessment followed, by a school reached. */
export async function listSent(ctx: Ctx, query: z.output<typeof SentNoticesQuery>): Promise<SentNotices> {
  requirePermission(ctx, 'supervision.notice.send');
  const N = supervisionNotices;
  const R = supervisionNoticeReceipts;
  const where = and(
    scoped(ctx, N, 'supervision.notice.send'),
    query.kind ? eq(N.kind, query.kind) : undefined,
    query.assessmentId ? eq(N.assessmentId, query.assessmentId) : undefined,
    query.schoolId ? sql`exists (select 1 from ${R} where ${R.districtId} = ${N.districtId} and ${R.noticeId} = ${N.id} and ${R.schoolId} = ${query.schoolId})` : undefined,
  )!;
  const [items, [total]] = await atOnce(ctx.db,
    () => sentNotices(ctx.db, ctx.user.districtId, today(ctx), where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    () => ctx.db.select({ n: sql<number>`count(*)::int` }).from(N).where(where),
  );
  return { items: items.map(({ body: _body, ...item }) => item), total: total?.n ?? 0 };
}

/** A sent notice with one row per school reached (and one for staff outside schools): delivered, read, replies. */
export async function sentDetail(ctx: Ctx, id: string): Promise<SentNoticeDetail> {
  requirePermission(ctx, 'supervision.notice.send');
  const row = await sentNoticeRow(ctx, id);
  if (!row) throw notFound('通知');
  const d = ctx.user.districtId;
  const R = supervisionNoticeReceipts;
  const S = schoolDirectory;
  const now = today(ctx);
  const [[notice], receipts, replies] = await atOnce(ctx.db,
    () => sentNotices(ctx.db, d, now, sql`${supervisionNotices.id} = ${id}`, { limit: 1, offset: 0 }),
    () => ctx.db
      .select({ schoolId: R.schoolId, schoolName: S.name, code: S.code, delivered: sql<number>`count(*)::int`, read: sql<number>`(count(*) filter (where ${R.readAt} is not null))::int` })
      .from(R)
      .leftJoin(S, and(eq(S.districtId, R.districtId), eq(S.id, R.schoolId)))
      .where(and(eq(R.districtId, d), eq(R.noticeId, id)))
      .groupBy(R.schoolId, S.name, S.code)
      .orderBy(sql`${S.code} nulls last`),
    () => repliesOf(ctx.db, d, id),
  );
  const schools: NoticeSchoolRow[] = receipts.map((r) => {
    const own = r.schoolId ? replies.filter((p) => p.schoolId === r.schoolId) : [];
    const state: NoticeReplyState | null = row.replyRequired && r.schoolId ? replyState(own) : null;
    return { schoolId: r.schoolId, schoolName: r.schoolName, delivered: r.delivered, read: r.read, replyState: state, overdue: isOverdue(state, row.replyDue, now), replies: own };
  });
  return { ...notice!, schools };
}

/**
 * The district accepts a school's reply, or returns it with a note for the school to reply again; the school's
 * administrators and the author are told.
 */
export async function reviewReply(ctx: Ctx, replyId: string, input: z.output<typeof NoticeReviewInput>): Promise<SentNoticeDetail> {
  requirePermission(ctx, 'supervision.notice.send');
  const P = supervisionNoticeReplies;
  const N = supervisionNotices;
  const [found] = await ctx.db
    .select({ reply: P, title: N.title, schoolName: schoolDirectory.name })
    .from(P)
    .innerJoin(N, and(eq(N.districtId, P.districtId), eq(N.id, P.noticeId)))
    .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, P.districtId), eq(schoolDirectory.id, P.schoolId)))
    .where(and(scoped(ctx, P, 'supervision.notice.send'), eq(P.id, replyId)));
  if (!found) throw notFound('回复');
  const { reply, title } = found;
  if (reply.status !== 'submitted') throw conflict(reply.status === 'accepted' ? '该回复已采纳' : '该回复已退回，等待学校重新回复');
  if (input.decision === 'return' && !input.note) throw invalid('note', '审核意见', '退回时请写明原因，学校据此重新回复');
  const accepted = input.decision === 'accept';
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(P)
      .set({ status: accepted ? 'accepted' : 'returned', reviewNote: input.note, reviewedBy: ctx.user.id, reviewedAt: ctx.now() })
      .where(and(eq(P.districtId, reply.districtId), eq(P.id, replyId), eq(P.status, 'submitted')))
      .returning({ id: P.id });
    if (!done.length) throw conflict('该回复已审核');
    const admins = await roleHolders(tx, reply.districtId, 'school_admin', { schoolId: reply.schoolId });
    await notify(tx, reply.districtId, [...new Set([...admins, reply.repliedBy])], {
      kind: accepted ? 'supervision.reply.accepted' : 'supervision.reply.returned',
      title: accepted ? `回复已采纳：${title}` : `回复被退回：${title}`,
      body: input.note ?? (accepted ? '区教育局已采纳本校的回复' : null),
      link: `/supervision/notices?open=${reply.noticeId}`,
    }, ctx.channels);
    await audit(tx, ctx.actor, {
      action: accepted ? 'supervision.reply.accept' : 'supervision.reply.return',
      entity: 'supervision_notice_reply',
      entityId: replyId,
      before: { status: reply.status },
      after: { status: accepted ? 'accepted' : 'returned', reviewNote: input.note, noticeId: reply.noticeId, schoolId: reply.schoolId },
    });
  });
  return sentDetail(ctx, reply.noticeId);
}
