/** 督学 plans by zone and the visits recorded on a phone (checklist, findings with photos, deadlines). */
import type { InspectionPlan, InspectionPlanInput, InspectionVisit } from '@shuangjian/contracts';
import { InspectionPlanQuery, InspectionPlanStatusInput, InspectionVisitQuery, InspectionVisitInput as VisitSchema } from '@shuangjian/contracts';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { eachAtOnce, type Queryable } from '../../platform/db';
import { today } from '../../platform/clock';
import { AppError, found, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { roleHolders } from '../org';
import { defaultDeadline, reachableInstitution, withEvents } from './inspections.repo';
import { trainingFindingEvents, trainingFindings, trainingInspectionPhotos, trainingInspectionPlans, trainingInspectionVisits } from './inspections.schema';

/** People who may be put on a plan: the district's inspectors and district officers. */
export async function listInspectors(ctx: Ctx) {
  requirePermission(ctx, 'training.inspect');
  const d = ctx.user.districtId;
  const ids = [...new Set([...(await roleHolders(ctx.db, d, 'inspector', {})), ...(await roleHolders(ctx.db, d, 'district_admin', {}))])];
  if (!ids.length) return [];
  return ctx.db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, d), inArray(users.id, ids))).orderBy(asc(users.name));
}

function planOut(p: typeof trainingInspectionPlans.$inferSelect, visits: { planId: string | null; institutionId: string; id: string }[]): InspectionPlan {
  return {
    id: p.id,
    zoneId: p.zoneId,
    title: p.title,
    plannedDate: p.plannedDate,
    status: p.status,
    note: p.note,
    inspectors: p.inspectors,
    institutions: p.institutions.map((i) => ({ ...i, visitId: visits.find((v) => v.planId === p.id && v.institutionId === i.id)?.id ?? null })),
    createdAt: p.createdAt.toISOString(),
  };
}

export async function listPlans(ctx: Ctx, query: z.output<typeof InspectionPlanQuery>): Promise<InspectionPlan[]> {
  requirePermission(ctx, 'training.inspect');
  const rows = await ctx.db
    .select()
    .from(trainingInspectionPlans)
    .where(
      and(
        scoped(ctx, trainingInspectionPlans, 'training.inspect'),
        query.from ? gte(trainingInspectionPlans.plannedDate, query.from) : undefined,
        query.to ? lte(trainingInspectionPlans.plannedDate, query.to) : undefined,
        query.status ? eq(trainingInspectionPlans.status, query.status) : undefined,
        query.mine === 'true' ? sql`${ctx.user.id}::uuid = any(${trainingInspectionPlans.inspectorIds})` : undefined,
      ),
    )
    .orderBy(desc(trainingInspectionPlans.plannedDate), asc(trainingInspectionPlans.title))
    .limit(200);
  const visits = rows.length
    ? await ctx.db
        .select({ id: trainingInspectionVisits.id, planId: trainingInspectionVisits.planId, institutionId: trainingInspectionVisits.institutionId })
        .from(trainingInspectionVisits)
        .where(and(eq(trainingInspectionVisits.districtId, ctx.user.districtId), inArray(trainingInspectionVisits.planId, rows.map((r) => r.id))))
    : [];
  return rows.map((p) => planOut(p, visits));
}

export async function createPlan(ctx: Ctx, input: InspectionPlanInput): Promise<InspectionPlan> {
  requirePermission(ctx, 'training.inspect');
  const d = ctx.user.districtId;
  if (!coveringGrants(ctx, 'training.inspect', { districtId: d, zone: input.zoneId }).length) throw notFound('学区');
  if (input.plannedDate < today(ctx)) throw invalid('plannedDate', '计划日期（plannedDate）', '不能早于今天');
  const institutionIds = [...new Set(input.institutionIds)];
  const places: { id: string; name: string }[] = [];
  for (const id of institutionIds) {
    const inst = await reachableInstitution(ctx, ctx.db, id, 'training.inspect');
    if (inst.zoneId !== input.zoneId) throw invalid('institutionIds', '检查机构（institutionIds）', `${inst.name}不在该学区`);
    places.push({ id: inst.id, name: inst.name });
  }
  const people = await listInspectors(ctx);
  const inspectorIds = [...new Set(input.inspectorIds)];
  const inspectors = inspectorIds.map((id) => people.find((p) => p.id === id));
  if (inspectors.some((p) => !p)) throw invalid('inspectorIds', '检查人员（inspectorIds）', '只能选择本区的督学或区级工作人员');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingInspectionPlans)
      .values({ districtId: d, zoneId: input.zoneId, title: input.title, plannedDate: input.plannedDate, note: input.note || null, inspectorIds, inspectors: inspectors as { id: string; name: string }[], institutions: places, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'training.inspection.plan', entity: 'training_inspection_plan', entityId: row!.id, after: { ...input, institutions: places.map((p) => p.name) } });
    const others = inspectorIds.filter((id) => id !== ctx.user.id);
    if (others.length)
      await notify(tx, d, others, { kind: 'training.inspection.plan', title: `检查计划：${input.plannedDate} ${input.title}`, body: places.map((p) => p.name).join('、'), link: '/training/inspections/today' });
    return planOut(row!, []);
  });
}

export async function setPlanStatus(ctx: Ctx, id: string, input: z.output<typeof InspectionPlanStatusInput>): Promise<InspectionPlan> {
  requirePermission(ctx, 'training.inspect');
  return ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(trainingInspectionPlans).where(and(scoped(ctx, trainingInspectionPlans, 'training.inspect'), eq(trainingInspectionPlans.id, id))), '检查计划');
    if (before.status !== 'planned') throw new AppError(409, 'CONFLICT', `检查计划已${before.status === 'done' ? '完成' : '取消'}，不能再改`);
    if (input.status === 'cancelled' && !input.reason) throw invalid('reason', '取消原因（reason）', '取消计划须说明原因');
    const note = input.reason ? [before.note, `${input.status === 'done' ? '完成' : '取消'}：${input.reason}`].filter(Boolean).join('\n') : before.note;
    const [row] = await tx.update(trainingInspectionPlans).set({ status: input.status, note, updatedAt: ctx.now() }).where(and(eq(trainingInspectionPlans.districtId, before.districtId), eq(trainingInspectionPlans.id, id))).returning();
    await audit(tx, ctx.actor, { action: `training.inspection.plan.${input.status}`, entity: 'training_inspection_plan', entityId: id, before: { status: before.status }, after: input });
    const visits = await tx.select({ id: trainingInspectionVisits.id, planId: trainingInspectionVisits.planId, institutionId: trainingInspectionVisits.institutionId }).from(trainingInspectionVisits).where(and(eq(trainingInspectionVisits.districtId, before.districtId), eq(trainingInspectionVisits.planId, id)));
    return planOut(row!, visits);
  });
}

/** Photos named in a finding or response must exist in the district and be the writer's own uploads. */
export async function checkPhotos(ctx: Ctx, q: Queryable, ids: readonly string[], field: string) {
  if (!ids.length) return;
  const rows = await q
    .select({ id: trainingInspectionPhotos.id })
    .from(trainingInspectionPhotos)
    .where(and(eq(trainingInspectionPhotos.districtId, ctx.user.districtId), eq(trainingInspectionPhotos.uploadedBy, ctx.user.id), inArray(trainingInspectionPhotos.id, [...ids])));
  if (rows.length !== new Set(ids).size) throw invalid(field, '照片（photoIds）', '有照片不存在或不是本人上传的，请重新上传');
}

export async function recordVisit(ctx: Ctx, input: z.output<typeof VisitSchema>): Promise<InspectionVisit> {
  requirePermission(ctx, 'training.inspect');
  const d = ctx.user.districtId;
  const inst = await reachableInstitution(ctx, ctx.db, input.institutionId, 'training.inspect');
  const day = today(ctx);
  if (input.visitDate > day) throw invalid('visitDate', '检查日期（visitDate）', '不能晚于今天');
  if (input.planId) {
    const plan = found(await ctx.db.select().from(trainingInspectionPlans).where(and(scoped(ctx, trainingInspectionPlans, 'training.inspect'), eq(trainingInspectionPlans.id, input.planId))), '检查计划');
    if (plan.status === 'cancelled') throw new AppError(409, 'CONFLICT', '检查计划已取消');
    if (!plan.institutions.some((i) => i.id === inst.id)) throw invalid('institutionId', '检查机构（institutionId）', '该机构不在此检查计划中');
  }
  const items = new Set(input.checklist.map((c) => c.item));
  if (items.size !== input.checklist.length) throw invalid('checklist', '检查清单（checklist）', '同一检查项只能填一次');
  const fallback = await defaultDeadline(ctx.db, d, input.visitDate);
  for (const [i, f] of input.findings.entries()) {
    if (f.deadline !== undefined && f.deadline <= day) throw invalid(`findings.${i}.deadline`, `问题 ${i + 1} 的整改期限（deadline）`, '应晚于今天');
    await checkPhotos(ctx, ctx.db, f.photoIds, `findings.${i}.photoIds`);
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(trainingInspectionVisits)
      .values({ districtId: d, planId: input.planId ?? null, institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, inspectorId: ctx.user.id, inspectorName: ctx.user.name, visitDate: input.visitDate, checklist: input.checklist, summary: input.summary })
      .returning({ id: trainingInspectionVisits.id });
    for (const f of input.findings) {
      const deadline = f.deadline ?? fallback.deadline;
      const citation = f.deadline ? { ...fallback.citation, chosen: true } : fallback.citation;
      const [row] = await tx
        .insert(trainingFindings)
        .values({ districtId: d, visitId: visit!.id, visitDate: input.visitDate, institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, inspectorName: ctx.user.name, category: f.category, description: f.description, severity: f.severity, photoIds: f.photoIds, deadline, citation })
        .returning({ id: trainingFindings.id });
      await tx.insert(trainingFindingEvents).values({ districtId: d, findingId: row!.id, institutionId: inst.id, zoneId: inst.zoneId, kind: 'created', note: f.description, photoIds: f.photoIds, deadline, byUserId: ctx.user.id, byName: ctx.user.name });
    }
    await audit(tx, ctx.actor, { action: 'training.inspection.visit', entity: 'training_inspection_visit', entityId: visit!.id, after: { institution: inst.name, visitDate: input.visitDate, findings: input.findings.length, deadlineRule: fallback.citation } });
    if (input.findings.length) {
      const admins = await roleHolders(tx, d, 'institution_admin', { institutionId: inst.id });
      await notify(tx, d, admins, { kind: 'training.rectification.open', title: `检查发现 ${input.findings.length} 个问题，请按期整改`, body: `${inst.name}，${input.visitDate} 检查`, link: '/training/rectifications' });
    }
    return visit!.id;
  });
  return getVisit(ctx, id);
}

export async function listVisits(ctx: Ctx, query: z.output<typeof InspectionVisitQuery>) {
  requirePermission(ctx, 'training.inspect');
  const rows = await ctx.db
    .select({ id: trainingInspectionVisits.id })
    .from(trainingInspectionVisits)
    .where(
      and(
        scoped(ctx, trainingInspectionVisits, 'training.inspect'),
        query.planId ? eq(trainingInspectionVisits.planId, query.planId) : undefined,
        query.institutionId ? eq(trainingInspectionVisits.institutionId, query.institutionId) : undefined,
      ),
    )
    .orderBy(desc(trainingInspectionVisits.visitDate), desc(trainingInspectionVisits.createdAt))
    .limit(100);
  return eachAtOnce(ctx.db, rows, (r) => getVisit(ctx, r.id));
}

export async function getVisit(ctx: Ctx, id: string): Promise<InspectionVisit> {
  requirePermission(ctx, 'training.inspect');
  const v = found(await ctx.db.select().from(trainingInspectionVisits).where(and(scoped(ctx, trainingInspectionVisits, 'training.inspect'), eq(trainingInspectionVisits.id, id))), '检查记录');
  const findings = await ctx.db.select().from(trainingFindings).where(and(eq(trainingFindings.districtId, v.districtId), eq(trainingFindings.visitId, v.id))).orderBy(asc(trainingFindings.createdAt));
  return {
    id: v.id,
    planId: v.planId,
    institutionId: v.institutionId,
    institutionName: v.institutionName,
    zoneId: v.zoneId,
    inspector: { id: v.inspectorId, name: v.inspectorName },
    visitDate: v.visitDate,
    checklist: v.checklist as InspectionVisit['checklist'],
    summary: v.summary,
    findings: await withEvents(ctx.db, findings, today(ctx)),
    createdAt: v.createdAt.toISOString(),
  };
}
