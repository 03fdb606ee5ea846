/**
 * A family's side of 手机管理: the school's rule page (the rule in force, the class teacher's hotline), the child's
 * requests, filing a written request (书面申请: reason, the family's undertaking kept with its hash, valid until a date
 * within requestValidDays) — refused under the district's 'ban' rule, citing it — and withdrawing one.
 */
import { createHash } from 'node:crypto';
import { FIVE_INDICATORS, type PhoneFamily, type PhoneRequest, type PhoneRequestInput } from '@shuangjian/contracts';
import { addDays, PHONE_RULE_KEY, phoneTransition, approvalExpired, requestLive, requestsAccepted, requestValidUntil } from '@shuangjian/policy';
import { and, desc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { AppError, conflict, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { type ChildRef, reachableChild } from './five-managements.repo';
import { fivePhoneRequests } from './phones.schema';
import { classTeachersOf, hotlinesOf, phoneRuleAt, refreshKept, requestViews, semesterPeriodAt } from './phones-rule.service';

const PERMISSION = 'five-managements.family' as const;
const R = fivePhoneRequests;

const namesOf = (child: ChildRef) => new Map([[child.id, { name: child.name, className: child.className }]]);

export async function familyPhones(ctx: Ctx, studentId: string): Promise<PhoneFamily> {
  requirePermission(ctx, PERMISSION);
  const child = await reachableChild(ctx, studentId, PERMISSION);
  const now = today(ctx);
  const rule = await phoneRuleAt(ctx.db, child.districtId, now);
  const [hotline] = await hotlinesOf(ctx.db, child.districtId, [{ id: child.classId, name: child.className }]);
  const rows = await ctx.db.select().from(R).where(and(scoped(ctx, R, PERMISSION), eq(R.studentId, child.id))).orderBy(desc(R.filedAt));
  return {
    studentId: child.id,
    studentName: child.name,
    schoolName: child.schoolName,
    rule,
    hotline: hotline!,
    requests: await requestViews(ctx.db, rows, namesOf(child), now),
    latestValidUntil: addDays(now, rule.requestValidDays),
  };
}

export async function fileRequest(ctx: Ctx, input: PhoneRequestInput): Promise<PhoneRequest> {
  requirePermission(ctx, PERMISSION);
  const child = await reachableChild(ctx, input.studentId, PERMISSION);
  const now = today(ctx);
  const rule = await phoneRuleAt(ctx.db, child.districtId, now);
  const cite = { rule: PHONE_RULE_KEY, value: rule.value, policyVersions: rule.policyVersions };
  if (!requestsAccepted(rule.value))
    throw ruleViolation(`本区实行“禁止学生手机入校”（${PHONE_RULE_KEY}），不受理带手机入校的申请；应急通话请联系班主任沟通热线`, cite);
  const until = requestValidUntil(now, rule.requestValidDays, input.validUntil);
  if ('reason' in until)
    throw new AppError(400, 'VALIDATION', until.reason === 'too_far' ? `有效期至：最长到 ${until.latest}（申请有效期不超过 ${rule.requestValidDays} 天，${PHONE_RULE_KEY}）` : '有效期至：应在今天之后', {
      fields: [{ field: 'validUntil', message: until.reason === 'too_far' ? `最长到 ${until.latest}` : '应在今天之后' }],
      ...cite,
    });
  return ctx.db.transaction(async (tx) => {
    const live = await tx.select().from(R).where(and(eq(R.districtId, child.districtId), eq(R.studentId, child.id))).for('update');
    const holding = live.find((r) => requestLive(r.status, r.validUntil, now));
    if (holding) throw conflict(holding.status === 'pending' ? '已有一份待班主任审批的申请，请等待审批或先撤回' : `已获批准带手机入校（有效期至 ${holding.validUntil}），无需再申请`);
    const [row] = await tx
      .insert(R)
      .values({
        districtId: child.districtId,
        studentId: child.id,
        schoolId: child.schoolId,
        classId: child.classId,
        reason: input.reason,
        undertaking: input.undertaking,
        undertakingHash: createHash('sha256').update(input.undertaking, 'utf8').digest('hex'),
        validUntil: until.validUntil,
        policyVersions: rule.policyVersions,
        filedBy: ctx.user.id,
        filedOn: now,
        filedAt: ctx.now(),
      })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'five-managements.phones.request',
      entity: 'five_phone_request',
      entityId: row!.id,
      after: { studentId: child.id, reason: input.reason, undertakingHash: row!.undertakingHash, validUntil: row!.validUntil, ...cite },
    });
    await notify(tx, child.districtId, await classTeachersOf(tx, child.districtId, child.classId), {
      kind: 'five-managements.phones.request',
      title: `带手机入校申请：${child.className} ${child.name}`,
      body: `家长书面申请带手机入校，有效期至 ${row!.validUntil}，请审批`,
      link: '/five/phones/class',
    });
    return (await requestViews(tx, [row!], namesOf(child), now))[0]!;
  });
}

/** The parent takes back a request, pending or approved; an approved one leaves the register from today. */
export async function withdrawRequest(ctx: Ctx, id: string): Promise<PhoneRequest> {
  requirePermission(ctx, PERMISSION);
  const now = today(ctx);
  const [found] = await ctx.db.select().from(R).where(and(scoped(ctx, R, PERMISSION), eq(R.id, id)));
  if (!found) throw notFound('申请');
  const child = await reachableChild(ctx, found.studentId, PERMISSION);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(R).where(and(eq(R.districtId, found.districtId), eq(R.id, id))).for('update');
    const next = phoneTransition(row!.status, 'withdraw', false);
    if (!next) throw conflict(`这份申请已${statusLabel[row!.status]}，不能撤回`);
    const [saved] = await tx.update(R).set({ status: next, endedAt: ctx.now() }).where(and(eq(R.districtId, row!.districtId), eq(R.id, id))).returning();
    if (row!.status === 'approved') {
      const period = await semesterPeriodAt(tx, row!.districtId, row!.decidedOn ?? now);
      if (period) await bumpIndicators(tx, [{ districtId: row!.districtId, indicator: FIVE_INDICATORS.phoneApproved, period, schoolId: row!.schoolId, classId: row!.classId, num: -1, den: 0 }]);
      if (!approvalExpired(row!.validUntil, now)) await refreshKept(tx, row!.districtId, row!.schoolId, row!.classId, now);
    }
    await audit(tx, ctx.actor, { action: 'five-managements.phones.withdraw', entity: 'five_phone_request', entityId: id, before: { status: row!.status }, after: { status: next } });
    await notify(tx, row!.districtId, await classTeachersOf(tx, row!.districtId, row!.classId), {
      kind: 'five-managements.phones.withdraw',
      title: `家长撤回了带手机入校申请：${child.className} ${child.name}`,
      link: '/five/phones/class',
    });
    return (await requestViews(tx, [saved!], namesOf(child), now))[0]!;
  });
}

export const statusLabel = { pending: '待审批', approved: '批准', rejected: '被退回', withdrawn: '撤回', revoked: '被撤销' } as const;
