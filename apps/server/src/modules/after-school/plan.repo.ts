/** Loads and row → answer mappers the plan area's services share (plans, courses, providers, the plan-status rollup). */
import type { Course, Plan, PlanCheckResult, Provider, ServicePlan } from '@shuangjian/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { schoolDirectory } from '../org';
import { afterSchoolCourses, afterSchoolPlans, afterSchoolProviders } from './schema';

type PlanRow = typeof afterSchoolPlans.$inferSelect;
type CourseRow = typeof afterSchoolCourses.$inferSelect;
type ProviderRow = typeof afterSchoolProviders.$inferSelect;

export interface SchoolRef {
  districtId: string;
  id: string;
  name: string;
  zoneId: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const hhmm = (t: string) => t.slice(0, 5);

/** A school the user reaches under after-school.read (404 otherwise: a foreign id and an unknown id look the same). */
export async function visibleSchool(ctx: Ctx, schoolId: string, q: Queryable = ctx.db): Promise<SchoolRef> {
  return found(
    await q
      .select({ districtId: schoolDirectory.districtId, id: schoolDirectory.id, name: schoolDirectory.name, zoneId: schoolDirectory.zoneId })
      .from(schoolDirectory)
      .where(and(scoped(ctx, schoolDirectory, 'after-school.read'), eq(schoolDirectory.id, schoolId))),
    '学校',
  );
}

export function planOut(row: PlanRow, schoolName: string): Plan {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName,
    semesterId: row.semesterId,
    version: row.version,
    status: row.status,
    body: row.body as ServicePlan,
    courses: (row.courses ?? []) as Plan['courses'],
    check: (row.check ?? null) as PlanCheckResult | null,
    policyVersion: row.policyVersions,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewNote: row.reviewNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A plan version the user reaches under `permission`, locked for update inside a write. */
export async function loadPlan(ctx: Ctx, q: Queryable, id: string, permission: 'after-school.read' | 'after-school.review' = 'after-school.read', lock = false) {
  const query = q
    .select({ plan: afterSchoolPlans, schoolName: schoolDirectory.name })
    .from(afterSchoolPlans)
    .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, afterSchoolPlans.districtId), eq(schoolDirectory.id, afterSchoolPlans.schoolId)))
    .where(and(scoped(ctx, afterSchoolPlans, permission), eq(afterSchoolPlans.id, id)));
  return found(lock ? await query.for('update', { of: afterSchoolPlans }) : await query, '课后服务方案');
}

/** Names of staff accounts by id (the district's own). */
export async function staffNames(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function courseOut(row: CourseRow, providerName: string | null, names: Map<string, string>): Course {
  return {
    id: row.id,
    schoolId: row.schoolId,
    semesterId: row.semesterId,
    name: row.name,
    category: row.category,
    description: row.description,
    grades: row.grades,
    capacity: row.capacity,
    enrolled: row.enrolled,
    weekdays: row.weekdays,
    startTime: hhmm(row.startTime),
    endTime: hhmm(row.endTime),
    room: row.room,
    staffing: row.staffing,
    teacherIds: row.teacherIds,
    teacherNames: row.teacherIds.map((id) => names.get(id) ?? ''),
    volunteers: row.volunteers,
    providerId: row.providerId,
    providerName,
    pricePerLessonFen: row.pricePerLessonFen,
    status: row.status,
  };
}

/** A school's catalogue for a semester, with provider and teacher names. */
export async function catalogue(q: Queryable, districtId: string, schoolId: string, semesterId: string, openOnly = false): Promise<Course[]> {
  const rows = await q
    .select({ course: afterSchoolCourses, providerName: afterSchoolProviders.institutionName, providerItem: afterSchoolProviders.item })
    .from(afterSchoolCourses)
    .leftJoin(afterSchoolProviders, and(eq(afterSchoolProviders.districtId, afterSchoolCourses.districtId), eq(afterSchoolProviders.id, afterSchoolCourses.providerId)))
    .where(
      and(
        eq(afterSchoolCourses.districtId, districtId),
        eq(afterSchoolCourses.schoolId, schoolId),
        eq(afterSchoolCourses.semesterId, semesterId),
        openOnly ? eq(afterSchoolCourses.status, 'open') : undefined,
      ),
    )
    .orderBy(sql`${afterSchoolCourses.category} = 'homework' desc`, asc(afterSchoolCourses.startTime), sql`${afterSchoolCourses.grades}[1]`, asc(afterSchoolCourses.name));
  const names = await staffNames(q, districtId, rows.flatMap((r) => r.course.teacherIds));
  return rows.map((r) => courseOut(r.course, r.providerName, names));
}

export function providerOut(row: ProviderRow, courses: number): Provider {
  return {
    id: row.id,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    item: row.item,
    category: row.category,
    pricePerLessonFen: row.pricePerLessonFen,
    status: row.status,
    listedFrom: row.listedFrom,
    listedUntil: row.listedUntil,
    panelNote: row.panelNote,
    courses,
  };
}

/**
 * Keeps the district rollup's plan status current after a plan changes: the version in force when there is one, else
 * the latest (the same choice the rollup's full refresh makes).
 */
export async function upsertPlanStatus(q: Queryable, districtId: string, schoolId: string, semesterId: string): Promise<void> {
  await q.execute(sql`
    insert into after_school_school_stats as s (district_id, school_id, semester_id, plan_status, refreshed_at)
    select ${districtId}, ${schoolId}, ${semesterId}, coalesce((
      select status from after_school_plans
      where district_id = ${districtId} and school_id = ${schoolId} and semester_id = ${semesterId}
      order by (status = 'approved') desc, version desc limit 1
    ), 'none'), now()
    on conflict (district_id, school_id, semester_id) do update set plan_status = excluded.plan_status
  `);
}
