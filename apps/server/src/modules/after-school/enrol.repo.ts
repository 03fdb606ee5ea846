/**
 * Queries the enrol area's services share: the child a family acts for, the window of a semester, the agreement's
 * terms from the approved plan, seats freed and refilled from the waiting list, and the rollup's students served.
 */
import { createHash } from 'node:crypto';
import type { Permission, ServicePlan } from '@shuangjian/contracts';
import { agreementText, type CourseSlot, fen, type LocalDate, windowState } from '@shuangjian/policy';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import { pgArray, preparedRows, type Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { guardiansOfStudents, studentDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { afterSchoolArrival } from './enrol.schema';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolPlans, afterSchoolSchoolStats, afterSchoolWindows } from './schema';

export type Window = typeof afterSchoolWindows.$inferSelect;
export type Course = typeof afterSchoolCourses.$inferSelect;

export interface Child {
  id: string;
  name: string;
  grade: number;
  classId: string;
  className: string;
  schoolId: string;
  schoolName: string;
  zoneId: string;
}

/** The child if the user may act for them under `permission` (a family: their own children only); else 404. */
export async function childFor(ctx: Ctx, studentId: string, permission: Permission, q: Queryable = ctx.db): Promise<Child> {
  const [row] = await q
    .select({
      id: studentDirectory.id,
      name: studentDirectory.name,
      grade: studentDirectory.grade,
      classId: studentDirectory.classId,
      className: studentDirectory.className,
      schoolId: studentDirectory.schoolId,
      schoolName: studentDirectory.schoolName,
      zoneId: studentDirectory.zoneId,
    })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, permission), eq(studentDirectory.id, studentId), eq(studentDirectory.status, 'active')));
  if (!row) throw notFound('学生');
  return row;
}


/** Of a semester's windows, the one that matters now: the open one, else the next to open, else the last closed. */
export function pickWindow<W extends { opensAt: Date; closesAt: Date }>(rows: readonly W[], now: Date): W | null {
  const newest = [...rows].sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime());
  return (
    newest.find((w) => windowState(w, now) === 'open') ??
    [...newest].reverse().find((w) => windowState(w, now) === 'upcoming') ??
    newest.find((w) => windowState(w, now) === 'closed') ??
    null
  );
}

export const windowAnswer = (w: Window, semesterName: string, now: Date) => ({
  id: w.id,
  schoolId: w.schoolId,
  semesterId: w.semesterId,
  semesterName,
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt.toISOString(),
  mode: w.mode,
  maxClubs: w.maxClubs,
  state: windowState(w, now),
  lotterySeed: w.drawnAt ? w.lotterySeed : null,
  drawnAt: w.drawnAt?.toISOString() ?? null,
});

export const courseSlot = (c: Pick<Course, 'id' | 'name' | 'category' | 'grades' | 'weekdays' | 'startTime' | 'endTime'>): CourseSlot => ({
  id: c.id,
  name: c.name,
  homework: c.category === 'homework',
  grades: c.grades,
  weekdays: c.weekdays,
  startTime: c.startTime,
  endTime: c.endTime,
});

/**
 * The agreement families of a school sign for the semester: its text (per child) from the school's plan in force and
 * the district's refund rule; null when no plan is approved. `forChild` hashes the text so what was signed is provable.
 */
export async function agreementMaker(
  q: Queryable,
  districtId: string,
  school: { schoolId: string; schoolName: string },
  semester: { id: string; name: string },
  date: LocalDate,
): Promise<AgreementMaker | null> {
  const [plan] = await q
    .select({ id: afterSchoolPlans.id, version: afterSchoolPlans.version, body: afterSchoolPlans.body })
    .from(afterSchoolPlans)
    .where(
      and(
        eq(afterSchoolPlans.districtId, districtId),
        eq(afterSchoolPlans.schoolId, school.schoolId),
        eq(afterSchoolPlans.semesterId, semester.id),
        eq(afterSchoolPlans.status, 'approved'),
      ),
    );
  return plan ? agreementOfPlan(q, districtId, plan, school.schoolName, semester.name, date) : null;
}

export interface AgreementMaker {
  planId: string;
  forChild(studentName: string): { text: string; textHash: string };
}

/** The agreement of an approved plan (its id, version and body): the terms and the district's refund rule on `date`. */
export async function agreementOfPlan(
  q: Queryable,
  districtId: string,
  plan: { id: string; version: number; body: unknown },
  schoolName: string,
  semesterName: string,
  date: LocalDate,
): Promise<AgreementMaker> {
  const body = plan.body as ServicePlan;
  const policy = await afterSchoolPolicy(q, districtId, date);
  const periods = [...(body.periods ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const terms = {
    schoolName,
    semesterName,
    weekdays: body.weekdays ?? [],
    startTime: periods[0]?.start ?? null,
    endTime: periods.reduce<string | null>((end, p) => (end && end > p.end ? end : p.end), null),
    feeMode: body.fees?.mode ?? 'monthly',
    serviceFeeFen: fen(body.fees?.serviceFeeFen ?? 0),
    refundMinLeaveDays: policy.values['after-school.fees'].refundMinLeaveDays,
    planVersion: plan.version,
  };
  return {
    planId: plan.id,
    forChild(studentName) {
      const text = agreementText({ ...terms, studentName });
      return { text, textHash: createHash('sha256').update(text, 'utf8').digest('hex') };
    },
  };
}

/** The agreement a family signs for a child. */
export async function agreementFor(q: Queryable, districtId: string, child: Child, semester: { id: string; name: string }, date: LocalDate) {
  const maker = await agreementMaker(q, districtId, { schoolId: child.schoolId, schoolName: child.schoolName }, semester, date);
  return maker ? { planId: maker.planId, ...maker.forChild(child.name) } : null;
}

/** The next place in arrival order (a sequence: distinct and increasing under any number of parents at once). */
export const nextPosition = sql<number>`nextval('${sql.raw(afterSchoolArrival.seqName ?? 'after_school_arrival_seq')}')`;

/** Moves `students_served` of a school's semester by `delta` (a child's first seat: +1, their last one freed: −1). */
export async function moveServed(q: Queryable, districtId: string, schoolId: string, semesterId: string, delta: number): Promise<void> {
  if (!delta) return;
  await q
    .insert(afterSchoolSchoolStats)
    .values({ districtId, schoolId, semesterId, studentsServed: Math.max(0, delta) })
    .onConflictDoUpdate({
      target: [afterSchoolSchoolStats.districtId, afterSchoolSchoolStats.schoolId, afterSchoolSchoolStats.semesterId],
      set: { studentsServed: sql`greatest(0, ${afterSchoolSchoolStats.studentsServed} + ${delta})`, refreshedAt: sql`now()` },
    });
}

/** Recounts `students_served` of a school's semester (after a draw, or demo data): children holding a seat. */
export async function recountServed(q: Queryable, districtId: string, schoolId: string, semesterId: string): Promise<void> {
  const served = sql<number>`(select count(distinct e.student_id)::int from after_school_enrolments e
    join after_school_courses c on c.district_id = e.district_id and c.id = e.course_id
    where e.district_id = ${districtId} and c.school_id = ${schoolId} and c.semester_id = ${semesterId} and e.status = 'enrolled')`;
  await q
    .insert(afterSchoolSchoolStats)
    .values({ districtId, schoolId, semesterId, studentsServed: served })
    .onConflictDoUpdate({
      target: [afterSchoolSchoolStats.districtId, afterSchoolSchoolStats.schoolId, afterSchoolSchoolStats.semesterId],
      set: { studentsServed: served, refreshedAt: sql`now()` },
    });
}

/** Does the student hold a seat in any course of the semester? */
export async function holdsSeat(q: Queryable, districtId: string, studentId: string, semesterId: string): Promise<boolean> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(afterSchoolEnrolments)
    .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolEnrolments.districtId), eq(afterSchoolCourses.id, afterSchoolEnrolments.courseId)))
    .where(
      and(
        eq(afterSchoolEnrolments.districtId, districtId),
        eq(afterSchoolEnrolments.studentId, studentId),
        eq(afterSchoolEnrolments.status, 'enrolled'),
        eq(afterSchoolCourses.semesterId, semesterId),
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** Tells the guardians with an account of these students (in the transaction of the change). */
export async function tellFamilies(ctx: Ctx, q: Queryable, studentIds: readonly string[], title: string, body: string): Promise<void> {
  if (!studentIds.length) return;
  const people = (await guardiansOfStudents(q, ctx.user.districtId, studentIds)).filter((g) => g.userId);
  if (!people.length) return;
  await notify(
    q,
    ctx.user.districtId,
    people.map((g) => ({ userId: g.userId, phone: g.phone })),
    { kind: 'after-school.enrol', title, body, link: '/after-school/enrol/child', message: { text: body, params: {} } },
    ctx.channels,
  );
}

/**
 * Frees one seat of a course and seats the first on its waiting list in the same transaction (the freed seat and the
 * promotion are one change: no chooser in between can take it, the course row stays locked until commit).
 */
export async function freeSeat(ctx: Ctx, q: Queryable, course: Pick<Course, 'id' | 'name' | 'schoolId' | 'semesterId'>, date: LocalDate): Promise<string | null> {
  const districtId = ctx.user.districtId;
  await q
    .update(afterSchoolCourses)
    .set({ enrolled: sql`${afterSchoolCourses.enrolled} - 1` })
    .where(and(eq(afterSchoolCourses.districtId, districtId), eq(afterSchoolCourses.id, course.id), sql`${afterSchoolCourses.enrolled} > 0`));
  return seatNextWaiter(ctx, q, course, date);
}

/** Seats the first on a course's waiting list if a seat is free (the course row locked by the statement that takes it). */
export async function seatNextWaiter(ctx: Ctx, q: Queryable, course: Pick<Course, 'id' | 'name' | 'schoolId' | 'semesterId'>, date: LocalDate): Promise<string | null> {
  const districtId = ctx.user.districtId;
  const [next] = await q
    .select({ id: afterSchoolEnrolments.id, studentId: afterSchoolEnrolments.studentId })
    .from(afterSchoolEnrolments)
    .where(and(eq(afterSchoolEnrolments.districtId, districtId), eq(afterSchoolEnrolments.courseId, course.id), eq(afterSchoolEnrolments.status, 'waitlisted')))
    .orderBy(asc(afterSchoolEnrolments.position))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!next) return null;
  const seated = await q
    .update(afterSchoolCourses)
    .set({ enrolled: sql`${afterSchoolCourses.enrolled} + 1` })
    .where(and(eq(afterSchoolCourses.districtId, districtId), eq(afterSchoolCourses.id, course.id), sql`${afterSchoolCourses.enrolled} < ${afterSchoolCourses.capacity}`))
    .returning({ id: afterSchoolCourses.id });
  if (!seated.length) return null;
  const before = await holdsSeat(q, districtId, next.studentId, course.semesterId);
  await q
    .update(afterSchoolEnrolments)
    .set({ status: 'enrolled', seatedAt: ctx.now() })
    .where(and(eq(afterSchoolEnrolments.districtId, districtId), eq(afterSchoolEnrolments.id, next.id)));
  if (!before) await moveServed(q, districtId, course.schoolId, course.semesterId, 1);
  await tellFamilies(ctx, q, [next.studentId], '课后服务：候补成功', `“${course.name}”有了空位，孩子已从候补名单转为正式选上（${date} 起）。`);
  return next.studentId;
}

/** Place in line on a course's waiting list (1 = next) of these enrolments. */
export async function waitPlaces(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await preparedRows<{ id: string; place: number }>(
    q,
    sql`select e.id, (select count(*)::int + 1 from after_school_enrolments o where o.district_id = e.district_id
        and o.course_id = e.course_id and o.status = 'waitlisted' and o.position < e.position) as place
      from after_school_enrolments e where e.district_id = ${districtId} and e.id = any(${pgArray(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.place]));
}

