/**
 * 一校一案: a school's semester service plan, version by version. The school edits a draft and submits it with the
 * policy check stored (a plan that breaks a rule is refused with the findings); the district approves it (the
 * version in force before becomes superseded) or returns it with reasons. A later change is a new version copied
 * from the one in force.
 */
import type { Plan, PlanCheckResult, PlanContext, SchoolPlanStatus, ServicePlan } from '@shuangjian/contracts';
import { checkCatalogue, checkServicePlan, type LocalDate } from '@shuangjian/policy';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { AppError, conflict, invalid, recordedRefusal } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { classifyDays, semesterById, type SemesterRef } from '../calendar';
import { roleHolders, schoolDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { catalogue, loadPlan, planOut, type SchoolRef, upsertPlanStatus, visibleSchool } from './plan.repo';
import { afterSchoolCourses, afterSchoolPlans } from './schema';

type PlanRow = typeof afterSchoolPlans.$inferSelect;

export async function listPlans(ctx: Ctx, query: { schoolId?: string; semesterId?: string }): Promise<Plan[]> {
  requirePermission(ctx, 'after-school.read');
  const rows = await ctx.db
    .select({ plan: afterSchoolPlans, schoolName: schoolDirectory.name })
    .from(afterSchoolPlans)
    .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, afterSchoolPlans.districtId), eq(schoolDirectory.id, afterSchoolPlans.schoolId)))
    .where(
      and(
        scoped(ctx, afterSchoolPlans, 'after-school.read'),
        query.schoolId ? eq(afterSchoolPlans.schoolId, query.schoolId) : undefined,
        query.semesterId ? eq(afterSchoolPlans.semesterId, query.semesterId) : undefined,
      ),
    )
    .orderBy(asc(schoolDirectory.name), desc(afterSchoolPlans.version))
    .limit(500);
  return rows.map((r) => planOut(r.plan, r.schoolName));
}

export async function getPlan(ctx: Ctx, id: string): Promise<Plan> {
  requirePermission(ctx, 'after-school.read');
  const { plan, schoolName } = await loadPlan(ctx, ctx.db, id);
  return planOut(plan, schoolName);
}

/** The date whose settings a semester's plan is checked against: today, or the semester's first day when ahead. */
const checkDate = (ctx: Ctx, semester: SemesterRef): LocalDate => {
  const now = today(ctx);
  return now > semester.startDate ? now : semester.startDate;
};

async function serviceContext(ctx: Ctx, q: Queryable, school: SchoolRef, semester: SemesterRef) {
  const [days, { values, versions }] = await atOnce(q,
    () => classifyDays(q, school.districtId, school.id, semester.startDate, semester.endDate),
    () => afterSchoolPolicy(q, school.districtId, checkDate(ctx, semester)),
  );
  return { days: days.map((d) => ({ date: d.date, schoolDay: d.schoolDay })), setting: values['after-school.service'], policyVersion: versions };
}

/** What the plan form checks live against: the semester's days and the setting it must meet. */
export async function planContext(ctx: Ctx, query: { schoolId: string; semesterId: string }): Promise<PlanContext> {
  requirePermission(ctx, 'after-school.read');
  const school = await visibleSchool(ctx, query.schoolId);
  const semester = await semesterById(ctx.db, school.districtId, query.semesterId);
  const c = await serviceContext(ctx, ctx.db, school, semester);
  return { semester, ...c };
}

/** A new version: the body given, or a copy of the version in force (else the latest). One open version at a time. */
export async function createPlan(ctx: Ctx, input: { schoolId: string; semesterId: string; body?: ServicePlan }): Promise<Plan> {
  const school = await visibleSchool(ctx, input.schoolId);
  requireAllowed(ctx, 'after-school.plan', { districtId: school.districtId, school: school.id });
  const semester = await semesterById(ctx.db, school.districtId, input.semesterId);
  const id = await ctx.db.transaction(async (tx) => {
    const versions = await tx
      .select()
      .from(afterSchoolPlans)
      .where(and(eq(afterSchoolPlans.districtId, school.districtId), eq(afterSchoolPlans.schoolId, school.id), eq(afterSchoolPlans.semesterId, semester.id)))
      .orderBy(desc(afterSchoolPlans.version))
      .for('update');
    const open = versions.find((v) => v.status === 'draft' || v.status === 'submitted' || v.status === 'returned');
    if (open) throw conflict(`本学期已有一份${open.status === 'submitted' ? '审核中' : '正在编辑'}的方案（第 ${open.version} 版）`, { planId: open.id });
    const source = versions.find((v) => v.status === 'approved') ?? versions[0];
    const body = input.body ?? (source?.body as ServicePlan | undefined);
    if (!body) throw invalid('body', '方案内容', '本学期的第一版方案需要填写服务时间、人员、收费、安全和接送安排');
    const version = (versions[0]?.version ?? 0) + 1;
    const [row] = await tx
      .insert(afterSchoolPlans)
      .values({ districtId: school.districtId, schoolId: school.id, semesterId: semester.id, version, status: 'draft', body, createdBy: ctx.user.id })
      .returning({ id: afterSchoolPlans.id });
    await audit(tx, ctx.actor, { action: 'after-school.plan.create', entity: 'after_school_plan', entityId: row!.id, after: { school: school.name, semester: semester.name, version, copiedFrom: input.body ? null : (source?.version ?? null) } });
    await upsertPlanStatus(tx, school.districtId, school.id, semester.id);
    return row!.id;
  });
  return getPlan(ctx, id);
}

function editable(plan: PlanRow) {
  if (plan.status !== 'draft' && plan.status !== 'returned')
    throw conflict(plan.status === 'submitted' ? '方案已提交审核，不能修改' : '已审核的方案不能修改：请新建一个版本');
}

export async function editPlan(ctx: Ctx, id: string, body: ServicePlan): Promise<Plan> {
  await ctx.db.transaction(async (tx) => {
    const { plan } = await loadPlan(ctx, tx, id, 'after-school.read', true);
    requireAllowed(ctx, 'after-school.plan', { districtId: plan.districtId, school: plan.schoolId });
    editable(plan);
    await tx.update(afterSchoolPlans).set({ body, updatedAt: ctx.now() }).where(and(eq(afterSchoolPlans.districtId, plan.districtId), eq(afterSchoolPlans.id, plan.id)));
    await audit(tx, ctx.actor, { action: 'after-school.plan.edit', entity: 'after_school_plan', entityId: plan.id, before: plan.body, after: body });
  });
  return getPlan(ctx, id);
}

/** The policy check of a plan version and the catalogue it covers, citing the settings' versions. */
async function checkPlan(ctx: Ctx, q: Queryable, plan: PlanRow, school: SchoolRef) {
  const semester = await semesterById(q, plan.districtId, plan.semesterId);
  const c = await serviceContext(ctx, q, school, semester);
  const body = plan.body as ServicePlan;
  const courses = await catalogue(q, plan.districtId, plan.schoolId, plan.semesterId, true);
  const result = checkServicePlan(body, c.days, c.setting, c.policyVersion);
  const findings = [...result.findings, ...checkCatalogue(courses, body, c.policyVersion)];
  const check: PlanCheckResult = { ...result, ok: findings.length === 0, findings };
  return { check, courses, semester };
}

/** Submit for review (审核备案): refused with the findings when a rule fails; the refusal itself is audited. */
export async function submitPlan(ctx: Ctx, id: string): Promise<Plan> {
  const refusal = await ctx.db.transaction(async (tx) => {
    const { plan, schoolName } = await loadPlan(ctx, tx, id, 'after-school.read', true);
    requireAllowed(ctx, 'after-school.plan', { districtId: plan.districtId, school: plan.schoolId });
    editable(plan);
    const school = { districtId: plan.districtId, id: plan.schoolId, name: schoolName, zoneId: '' };
    const { check, courses, semester } = await checkPlan(ctx, tx, plan, school);
    if (!check.ok) {
      await audit(tx, ctx.actor, {
        action: 'after-school.plan.submit.refused',
        entity: 'after_school_plan',
        entityId: plan.id,
        after: { rules: check.findings.map((f) => f.rule), message: check.findings[0]!.message, policyVersion: check.policyVersion },
      });
      // the refused attempt stays on record: the transaction commits its audit entry, then the refusal is thrown
      return recordedRefusal(new AppError(422, 'RULE_VIOLATION', check.findings[0]!.message, { check, policyVersion: check.policyVersion }));
    }
    const snapshot = courses.map((c) => ({
      id: c.id, name: c.name, category: c.category, grades: c.grades, capacity: c.capacity, weekdays: c.weekdays,
      startTime: c.startTime, endTime: c.endTime, staffing: c.staffing, providerName: c.providerName, pricePerLessonFen: c.pricePerLessonFen,
    }));
    const now = ctx.now();
    await tx
      .update(afterSchoolPlans)
      .set({ status: 'submitted', check, policyVersions: check.policyVersion, courses: snapshot, submittedAt: now, submittedBy: ctx.user.id, updatedAt: now })
      .where(and(eq(afterSchoolPlans.districtId, plan.districtId), eq(afterSchoolPlans.id, plan.id)));
    await audit(tx, ctx.actor, {
      action: 'after-school.plan.submit',
      entity: 'after_school_plan',
      entityId: plan.id,
      after: { school: schoolName, semester: semester.name, version: plan.version, courses: snapshot.length, minutesPerDay: check.minutesPerDay, endTime: check.endTime, policyVersion: check.policyVersion },
    });
    const districtAdmins = await roleHolders(tx, plan.districtId, 'district_admin', {});
    await notify(tx, plan.districtId, districtAdmins, {
      kind: 'after-school.plan.submitted',
      title: `${schoolName}提交了课后服务方案（第 ${plan.version} 版），待审核`,
      body: `${semester.name}：每天 ${check.minutesPerDay} 分钟，${check.endTime} 结束，课程 ${snapshot.length} 门`,
      link: `/after-school/plans/review?plan=${plan.id}`,
    }, ctx.channels);
    await upsertPlanStatus(tx, plan.districtId, plan.schoolId, plan.semesterId);
    return null;
  });
  if (refusal) throw refusal;
  return getPlan(ctx, id);
}

async function decide(ctx: Ctx, id: string, decision: 'approved' | 'returned', note: string | null): Promise<Plan> {
  requirePermission(ctx, 'after-school.review');
  await ctx.db.transaction(async (tx) => {
    const { plan, schoolName } = await loadPlan(ctx, tx, id, 'after-school.review', true);
    if (plan.status !== 'submitted') throw conflict('只有待审核的方案可以审核');
    const now = ctx.now();
    const where = (planId: string) => and(eq(afterSchoolPlans.districtId, plan.districtId), eq(afterSchoolPlans.id, planId));
    let superseded: number | null = null;
    if (decision === 'approved') {
      const [previous] = await tx
        .update(afterSchoolPlans)
        .set({ status: 'superseded', updatedAt: now })
        .where(and(eq(afterSchoolPlans.districtId, plan.districtId), eq(afterSchoolPlans.schoolId, plan.schoolId), eq(afterSchoolPlans.semesterId, plan.semesterId), eq(afterSchoolPlans.status, 'approved')))
        .returning({ version: afterSchoolPlans.version });
      superseded = previous?.version ?? null;
    }
    await tx.update(afterSchoolPlans).set({ status: decision, reviewedAt: now, reviewedBy: ctx.user.id, reviewNote: note, updatedAt: now }).where(where(plan.id));
    await audit(tx, ctx.actor, {
      action: decision === 'approved' ? 'after-school.plan.approve' : 'after-school.plan.return',
      entity: 'after_school_plan',
      entityId: plan.id,
      before: { status: plan.status },
      after: { status: decision, school: schoolName, version: plan.version, note, superseded },
    });
    const schoolAdmins = await roleHolders(tx, plan.districtId, 'school_admin', { schoolId: plan.schoolId });
    await notify(tx, plan.districtId, schoolAdmins, {
      kind: decision === 'approved' ? 'after-school.plan.approved' : 'after-school.plan.returned',
      title: decision === 'approved' ? `课后服务方案第 ${plan.version} 版已通过审核备案` : `课后服务方案第 ${plan.version} 版被退回修改`,
      body: note,
      link: `/after-school/plan?plan=${plan.id}`,
    }, ctx.channels);
    await upsertPlanStatus(tx, plan.districtId, plan.schoolId, plan.semesterId);
  });
  return getPlan(ctx, id);
}

export const approvePlan = (ctx: Ctx, id: string, input: { note: string | null }) => decide(ctx, id, 'approved', input.note);
export const returnPlan = (ctx: Ctx, id: string, input: { reason: string }) => decide(ctx, id, 'returned', input.reason);

/** Every school of the district (or the inspector's zone) for a semester, with or without a plan. */
export async function districtPlans(ctx: Ctx, query: { semesterId: string }): Promise<z.infer<typeof SchoolPlanStatus>[]> {
  requirePermission(ctx, 'after-school.district');
  const semester = await semesterById(ctx.db, ctx.user.districtId, query.semesterId);
  const schools = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneName: schoolDirectory.zoneName })
    .from(schoolDirectory)
    .where(scoped(ctx, schoolDirectory, 'after-school.district'))
    .orderBy(asc(schoolDirectory.zoneName), asc(schoolDirectory.name));
  const plans = schools.length
    ? await ctx.db
        .select()
        .from(afterSchoolPlans)
        .where(and(scoped(ctx, afterSchoolPlans, 'after-school.district'), eq(afterSchoolPlans.semesterId, semester.id), inArray(afterSchoolPlans.schoolId, schools.map((s) => s.id))))
        .orderBy(desc(afterSchoolPlans.version))
    : [];
  const counts = schools.length
    ? await ctx.db
        .select({ schoolId: afterSchoolCourses.schoolId, n: count() })
        .from(afterSchoolCourses)
        .where(and(scoped(ctx, afterSchoolCourses, 'after-school.district'), eq(afterSchoolCourses.semesterId, semester.id), eq(afterSchoolCourses.status, 'open')))
        .groupBy(afterSchoolCourses.schoolId)
    : [];
  return schools.map((s) => {
    const mine = plans.filter((p) => p.schoolId === s.id);
    const latest = mine[0];
    const approved = mine.find((p) => p.status === 'approved');
    return {
      schoolId: s.id,
      schoolName: s.name,
      zoneName: s.zoneName,
      status: latest?.status ?? 'none',
      planId: latest?.id ?? null,
      version: latest?.version ?? null,
      approvedVersion: approved && approved !== latest ? approved.version : null,
      submittedAt: latest?.submittedAt ? latest.submittedAt.toISOString() : null,
      ok: latest?.check ? (latest.check as PlanCheckResult).ok : null,
      courses: counts.find((c) => c.schoolId === s.id)?.n ?? 0,
    };
  });
}
