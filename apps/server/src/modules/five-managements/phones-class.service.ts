/**
 * The class teacher's side of 手机管理: the class register (pending requests, approved phones with the day's marks),
 * approving or rejecting a request with a note, revoking an approval with a reason (the family told both ways), the
 * day's hand-in and return marks (统一保管), and the class's 班主任沟通热线. The figures move in the same transaction:
 * phoneApproved (class, semester) on decisions, phoneKept (class, day) on marks.
 */
import { FIVE_INDICATORS, type PhoneMarksInput, type PhoneRegister, type PhoneRequest } from '@shuangjian/contracts';
import { addDays, approvalExpired, type LocalDate, markConsistent, PHONE_RULE_KEY, phoneTransition } from '@shuangjian/policy';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, forbidden, invalid, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, readIndicators } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { notify } from '../../platform/notify';
import { type ClassRef, classKeys, studentDirectory, visibleClass } from '../org';
import { fivePhoneHotlines, fivePhoneMarks, fivePhoneRequests } from './phones.schema';
import { hotlinesOf, phoneRuleAt, refreshKept, requestViews, semesterPeriodAt } from './phones-rule.service';
import { statusLabel } from './phones-family.service';

const READ = 'five-managements.read' as const;
const ACT = 'five-managements.class' as const;
const R = fivePhoneRequests;
const M = fivePhoneMarks;
/** Days back a register may still be marked. */
const MARK_DAYS = 7;

/** Approving, revoking, marking and the hotline are the class teacher's (or the school office's), not a subject teacher's. */
function requireClassTeacher(ctx: Ctx, c: ClassRef) {
  if (!coveringGrants(ctx, ACT, classKeys(c)).some((g) => g.role === 'class_teacher' || g.role === 'school_admin')) throw forbidden('只有本班班主任（或学校教务处）可以办理');
}

async function pupilNames(q: Queryable, ctx: Ctx, classId: string) {
  const S = studentDirectory;
  const rows = await q.select({ id: S.id, name: S.name, className: S.className }).from(S).where(and(scoped(ctx, S, READ), eq(S.classId, classId)));
  return new Map(rows.map((r) => [r.id, { name: r.name, className: r.className }]));
}

export async function classRegister(ctx: Ctx, classId: string, date?: LocalDate): Promise<PhoneRegister> {
  requirePermission(ctx, READ);
  const c = await visibleClass(ctx, classId, READ);
  const day = date ?? today(ctx);
  const rule = await phoneRuleAt(ctx.db, c.districtId, day);
  const names = await pupilNames(ctx.db, ctx, c.id);
  const rows = await ctx.db
    .select()
    .from(R)
    .where(and(scoped(ctx, R, READ), eq(R.classId, c.id), inArray(R.status, ['pending', 'approved'])))
    .orderBy(desc(R.filedAt));
  const approved = rows.filter((r) => r.status === 'approved' && !approvalExpired(r.validUntil, day) && (r.decidedOn ?? day) <= day);
  const marks = approved.length
    ? await ctx.db.select().from(M).where(and(eq(M.districtId, c.districtId), eq(M.date, day), inArray(M.requestId, approved.map((r) => r.id))))
    : [];
  const period = await semesterPeriodAt(ctx.db, c.districtId, day);
  const [figure] = period
    ? await readIndicators(ctx.db, c.districtId, { indicators: [FIVE_INDICATORS.phoneApproved], periods: [period], by: 'class', where: and(scoped(ctx, indicatorRollups, READ), eq(indicatorRollups.classId, c.id)) })
    : [];
  const [hotline] = await hotlinesOf(ctx.db, c.districtId, [{ id: c.id, name: c.name }]);
  const register = approved
    .map((r) => {
      const m = marks.find((x) => x.requestId === r.id);
      return { requestId: r.id, studentId: r.studentId, studentName: names.get(r.studentId)?.name ?? '', validUntil: r.validUntil, handedIn: m?.handedIn ?? false, returned: m?.returned ?? false, markedAt: m?.markedAt.toISOString() ?? null };
    })
    .sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh-CN'));
  return {
    classId: c.id,
    className: c.name,
    schoolName: c.schoolName,
    date: day,
    rule,
    hotline: hotline!,
    pending: await requestViews(ctx.db, rows.filter((r) => r.status === 'pending'), names, day),
    register,
    decided: Number(figure?.den ?? 0),
    approved: Number(figure?.num ?? 0),
    kept: register.filter((r) => r.handedIn).length,
  };
}

async function loadForAction(ctx: Ctx, id: string) {
  requirePermission(ctx, ACT);
  const [found] = await ctx.db.select().from(R).where(and(scoped(ctx, R, ACT), eq(R.id, id)));
  if (!found) throw notFound('申请');
  const c = await visibleClass(ctx, found.classId, ACT);
  requireClassTeacher(ctx, c);
  return { found, c, names: await pupilNames(ctx.db, ctx, c.id) };
}

/** Approve or reject a pending request with a note; the family is told. */
export async function decideRequest(ctx: Ctx, id: string, input: { approve: boolean; note: string | null }): Promise<PhoneRequest> {
  const { found, c, names } = await loadForAction(ctx, id);
  const now = today(ctx);
  const rule = await phoneRuleAt(ctx.db, c.districtId, now);
  if (input.approve && rule.value === 'ban')
    throw ruleViolation(`本区实行“禁止学生手机入校”（${PHONE_RULE_KEY}），不能批准带手机入校`, { rule: PHONE_RULE_KEY, value: rule.value, policyVersions: rule.policyVersions });
  if (!input.approve && !input.note) throw invalid('note', '意见', '退回申请时请写明原因');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(R).where(and(eq(R.districtId, found.districtId), eq(R.id, id))).for('update');
    const expired = approvalExpired(row!.validUntil, now);
    const next = phoneTransition(row!.status, input.approve ? 'approve' : 'reject', expired);
    if (!next) throw conflict(expired && row!.status === 'pending' ? `申请的有效期已过（${row!.validUntil}），不能批准，请家长重新申请` : `这份申请已${statusLabel[row!.status]}，不能再审批`);
    const [saved] = await tx
      .update(R)
      .set({ status: next, decidedBy: ctx.user.id, decidedOn: now, decidedAt: ctx.now(), decisionNote: input.note })
      .where(and(eq(R.districtId, row!.districtId), eq(R.id, id)))
      .returning();
    const period = await semesterPeriodAt(tx, row!.districtId, now);
    if (period) await bumpIndicators(tx, [{ districtId: row!.districtId, indicator: FIVE_INDICATORS.phoneApproved, period, schoolId: row!.schoolId, classId: row!.classId, num: input.approve ? 1 : 0, den: 1 }]);
    if (input.approve) await refreshKept(tx, row!.districtId, row!.schoolId, row!.classId, now);
    await audit(tx, ctx.actor, {
      action: input.approve ? 'five-managements.phones.approve' : 'five-managements.phones.reject',
      entity: 'five_phone_request',
      entityId: id,
      before: { status: row!.status },
      after: { status: next, note: input.note, rule: PHONE_RULE_KEY, policyVersions: rule.policyVersions },
    });
    const child = names.get(row!.studentId);
    await notify(tx, row!.districtId, [row!.filedBy], {
      kind: 'five-managements.phones.decision',
      title: input.approve ? `带手机入校申请已批准：${child?.name ?? ''}` : `带手机入校申请被退回：${child?.name ?? ''}`,
      body: input.approve ? `有效期至 ${row!.validUntil}；进校后交班主任统一保管，放学领回。${input.note ?? ''}` : input.note,
      link: '/five/phones',
    });
    return (await requestViews(tx, [saved!], names, now))[0]!;
  });
}

/** Revoke an approval with a reason: the phone leaves the register from today; the family is told. */
export async function revokeRequest(ctx: Ctx, id: string, reason: string): Promise<PhoneRequest> {
  const { found, names } = await loadForAction(ctx, id);
  const now = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(R).where(and(eq(R.districtId, found.districtId), eq(R.id, id))).for('update');
    const next = phoneTransition(row!.status, 'revoke', approvalExpired(row!.validUntil, now));
    if (!next) throw conflict(row!.status === 'approved' ? `批准已过有效期（${row!.validUntil}），无需撤销` : `这份申请${statusLabel[row!.status]}，没有可撤销的批准`);
    const [saved] = await tx.update(R).set({ status: next, revokedReason: reason, endedAt: ctx.now() }).where(and(eq(R.districtId, row!.districtId), eq(R.id, id))).returning();
    const period = await semesterPeriodAt(tx, row!.districtId, row!.decidedOn ?? now);
    if (period) await bumpIndicators(tx, [{ districtId: row!.districtId, indicator: FIVE_INDICATORS.phoneApproved, period, schoolId: row!.schoolId, classId: row!.classId, num: -1, den: 0 }]);
    await refreshKept(tx, row!.districtId, row!.schoolId, row!.classId, now);
    await audit(tx, ctx.actor, { action: 'five-managements.phones.revoke', entity: 'five_phone_request', entityId: id, before: { status: row!.status }, after: { status: next, reason } });
    await notify(tx, row!.districtId, [row!.filedBy], {
      kind: 'five-managements.phones.revoke',
      title: `带手机入校的批准已撤销：${names.get(row!.studentId)?.name ?? ''}`,
      body: reason,
      link: '/five/phones',
    });
    return (await requestViews(tx, [saved!], names, now))[0]!;
  });
}

/** The day's marks of approved phones: handed in (kept centrally), given back. Today or up to a week back, never ahead. */
export async function markRegister(ctx: Ctx, classId: string, input: PhoneMarksInput): Promise<PhoneRegister> {
  requirePermission(ctx, ACT);
  const c = await visibleClass(ctx, classId, ACT);
  requireClassTeacher(ctx, c);
  const now = today(ctx);
  if (input.date > now) throw invalid('date', '日期', '还没到这一天，不能登记');
  if (input.date < addDays(now, -MARK_DAYS)) throw invalid('date', '日期', `只能登记最近 ${MARK_DAYS} 天的保管情况`);
  input.marks.forEach((m, n) => {
    if (!markConsistent(m)) throw invalid(`marks.${n}.returned`, '发还', '没有上交的手机不能登记为已发还');
  });
  const ids = [...new Set(input.marks.map((m) => m.requestId))];
  if (ids.length !== input.marks.length) throw invalid('marks', '登记', '同一部手机重复登记');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(R).where(and(eq(R.districtId, c.districtId), eq(R.classId, c.id), inArray(R.id, ids)));
    input.marks.forEach((m, n) => {
      const r = rows.find((x) => x.id === m.requestId);
      if (!r || r.status !== 'approved' || approvalExpired(r.validUntil, input.date) || (r.decidedOn ?? input.date) > input.date)
        throw new AppError(400, 'VALIDATION', '登记：这部手机当天不在本班获准带入的名单中', { fields: [{ field: `marks.${n}.requestId`, message: '不在当天的登记名单中' }] });
    });
    const at = ctx.now();
    const values = input.marks.map((m) => {
      const r = rows.find((x) => x.id === m.requestId)!;
      return { districtId: c.districtId, requestId: r.id, date: input.date, studentId: r.studentId, schoolId: c.schoolId, classId: c.id, handedIn: m.handedIn, returned: m.returned, markedBy: ctx.user.id, markedAt: at };
    });
    await tx.insert(M).values(values).onConflictDoUpdate({ target: [M.districtId, M.requestId, M.date], set: { handedIn: sql`excluded.handed_in`, returned: sql`excluded.returned`, markedBy: sql`excluded.marked_by`, markedAt: sql`excluded.marked_at` } });
    await refreshKept(tx, c.districtId, c.schoolId, c.id, input.date);
    await audit(tx, ctx.actor, { action: 'five-managements.phones.mark', entity: 'class', entityId: c.id, after: { date: input.date, marks: input.marks } });
  });
  return classRegister(ctx, c.id, input.date);
}

/** The class's 班主任沟通热线 (shown to the class's families and the school). */
export async function setHotline(ctx: Ctx, classId: string, phone: string) {
  requirePermission(ctx, ACT);
  const c = await visibleClass(ctx, classId, ACT);
  requireClassTeacher(ctx, c);
  const H = fivePhoneHotlines;
  await ctx.db.transaction(async (tx) => {
    const row = { districtId: c.districtId, classId: c.id, schoolId: c.schoolId, phone, updatedBy: ctx.user.id, updatedAt: ctx.now() };
    await tx.insert(H).values(row).onConflictDoUpdate({ target: [H.districtId, H.classId], set: { phone, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
    await audit(tx, ctx.actor, { action: 'five-managements.phones.hotline', entity: 'class', entityId: c.id, after: { phone } });
  });
  return (await hotlinesOf(ctx.db, c.districtId, [{ id: c.id, name: c.name }]))[0]!;
}
