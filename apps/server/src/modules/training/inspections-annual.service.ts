/**
 * 年检 (annual inspection) results and the overdue escalation of rectifications. The district (training.review)
 * decides a 年检 result, since it changes the institution's standing on the public lists; inspectors (training.inspect)
 * read the results of their zone. What each result and an overdue rectification do: inspections-standing.ts.
 */
import type { AnnualReview, AnnualReviewInput } from '@shuangjian/contracts';
import { localDateTimeIn } from '@shuangjian/policy';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit, systemActor } from '../../platform/audit';
import { today } from '../../platform/clock';
import { invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { type JobDeps, perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { institutionStanding, roleHolders } from '../org';
import { reachableInstitution } from './inspections.repo';
import { trainingAnnualReviews, trainingFindingEvents, trainingFindings } from './inspections.schema';
import { moveInstitution } from './inspections-standing';

const RULES = {
  pass: { status: null, serious: false, rule: 'training.annual.pass', reason: '年检合格' },
  basic_pass: { status: 'rectifying', serious: false, rule: 'training.annual.basic_pass', reason: '年检基本合格，限期整改' },
  fail: { status: 'rectifying', serious: true, rule: 'training.annual.fail', reason: '年检不合格，列入黑名单并整改' },
} as const;

function out(r: typeof trainingAnnualReviews.$inferSelect): AnnualReview {
  return {
    id: r.id,
    institutionId: r.institutionId,
    institutionName: r.institutionName,
    zoneId: r.zoneId,
    year: r.year,
    result: r.result,
    notes: r.notes,
    effect: { ...r.effect, listStatus: r.effect.listStatus as AnnualReview['effect']['listStatus'] },
    decidedBy: r.decidedByName,
    decidedAt: r.decidedAt.toISOString(),
  };
}

export async function listAnnualReviews(ctx: Ctx, year: number | undefined): Promise<AnnualReview[]> {
  requirePermission(ctx, 'training.inspect');
  const rows = await ctx.db
    .select()
    .from(trainingAnnualReviews)
    .where(and(scoped(ctx, trainingAnnualReviews, 'training.inspect'), year ? eq(trainingAnnualReviews.year, year) : undefined))
    .orderBy(asc(trainingAnnualReviews.year), asc(trainingAnnualReviews.institutionName));
  return rows.map(out);
}

/** Records (or corrects) one institution's 年检 result for a year and moves its standing by the rule. */
export async function decideAnnualReview(ctx: Ctx, input: AnnualReviewInput): Promise<AnnualReview> {
  requirePermission(ctx, 'training.review');
  const thisYear = Number(today(ctx).slice(0, 4));
  if (input.year > thisYear) throw invalid('year', '年度（year）', '不能晚于今年');
  return ctx.db.transaction(async (tx) => {
    const inst = await reachableInstitution(ctx, tx, input.institutionId, 'training.review');
    const rule = RULES[input.result];
    const [before] = await tx.select().from(trainingAnnualReviews).where(and(eq(trainingAnnualReviews.districtId, inst.districtId), eq(trainingAnnualReviews.institutionId, inst.id), eq(trainingAnnualReviews.year, input.year)));
    const effect = await moveInstitution(tx, ctx.actor, inst, { ...rule, reason: `${input.year} 年度${rule.reason}` });
    const values = { result: input.result, notes: input.notes || null, effect, decidedBy: ctx.user.id, decidedByName: ctx.user.name, decidedAt: ctx.now() };
    const [row] = before
      ? await tx.update(trainingAnnualReviews).set(values).where(and(eq(trainingAnnualReviews.districtId, inst.districtId), eq(trainingAnnualReviews.id, before.id))).returning()
      : await tx.insert(trainingAnnualReviews).values({ districtId: inst.districtId, institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, year: input.year, ...values }).returning();
    await audit(tx, ctx.actor, { action: 'training.annual.decide', entity: 'training_annual_review', entityId: row!.id, before: before ? { result: before.result } : undefined, after: { institution: inst.name, ...input, effect } });
    const admins = await roleHolders(tx, inst.districtId, 'institution_admin', { institutionId: inst.id });
    await notify(tx, inst.districtId, admins, { kind: 'training.annual', title: `${input.year} 年度年检结果：${{ pass: '合格', basic_pass: '基本合格', fail: '不合格' }[input.result]}`, body: input.notes ?? null, link: '/training/rectifications' });
    return out(row!);
  });
}

/**
 * 整改逾期: the open rectifications of one district whose deadline has passed (the deadline day itself is still in
 * time) get marked once, a history line, a notice to the district's officers and the institution, and the institution
 * moves to 整改 by the rule in inspections-standing.ts. The `overdue_at is null` guard makes a second server's run a
 * no-op. Answers how many were marked.
 */
export async function escalateOverdue(deps: Pick<JobDeps, 'db' | 'now'>, district: { id: string; timezone: string }): Promise<number> {
  const day = localDateTimeIn(district.timezone, deps.now()).date;
  const actor = systemActor(district.id, '系统（整改逾期）');
  return deps.db.transaction(async (tx) => {
    const marked = await tx
      .update(trainingFindings)
      .set({ overdueAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(trainingFindings.districtId, district.id), eq(trainingFindings.status, 'open'), lt(trainingFindings.deadline, day), isNull(trainingFindings.overdueAt)))
      .returning();
    if (!marked.length) return 0;
    await tx.insert(trainingFindingEvents).values(
      marked.map((f) => ({ districtId: f.districtId, findingId: f.id, institutionId: f.institutionId, zoneId: f.zoneId, kind: 'overdue' as const, note: `整改期限 ${f.deadline} 已过`, deadline: f.deadline, byUserId: null, byName: actor.userName })),
    );
    const officers = await roleHolders(tx, district.id, 'district_admin', {});
    for (const institutionId of new Set(marked.map((f) => f.institutionId))) {
      const mine = marked.filter((f) => f.institutionId === institutionId);
      const inst = await institutionStanding(tx, district.id, institutionId);
      const effect = inst ? await moveInstitution(tx, actor, inst, { status: 'rectifying', rule: 'training.rectification.overdue', reason: `${mine.length} 项检查问题整改逾期` }) : null;
      await audit(tx, actor, { action: 'training.rectification.overdue', entity: 'institution', entityId: institutionId, after: { findings: mine.map((f) => ({ id: f.id, deadline: f.deadline })), effect } });
      const title = `整改逾期：${mine[0]!.institutionName} ${mine.length} 项`;
      await notify(tx, district.id, officers, { kind: 'training.rectification.overdue', title, body: mine.map((f) => `${f.description.slice(0, 40)}（期限 ${f.deadline}）`).join('；'), link: '/training/inspections' });
      await notify(tx, district.id, await roleHolders(tx, district.id, 'institution_admin', { institutionId }), { kind: 'training.rectification.overdue', title, body: '请尽快提交整改情况', link: '/training/rectifications' });
    }
    return marked.length;
  });
}

/** Every hour: the overdue escalation of each district (cheap when nothing is due: one indexed update). */
export const rectificationOverdueJob = (): ScheduledJob => perDistrictJob('training.rectificationOverdue', 60 * 60_000, escalateOverdue);
