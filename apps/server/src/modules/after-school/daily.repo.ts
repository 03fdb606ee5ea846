/**
 * Queries the daily-running services share: a course the user may run, who runs it, its roster on a date (children
 * seated in it that day), the leaves covering a day, school days from the calendar, names, and the school rollup.
 */
import { type Permission, roleHas } from '@shuangjian/contracts';
import { type LocalDate, type SchoolDayInfo, type StatsDelta } from '@shuangjian/policy';
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { users } from '../../platform/schema';
import { classifyDays } from '../calendar';
import { studentDirectory } from '../org';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolLeaves, afterSchoolSchoolStats } from './schema';

export type CourseRow = typeof afterSchoolCourses.$inferSelect;

/** A course the user reaches under `permission` (404 for another school's or an unknown one). */
export async function visibleCourse(ctx: Ctx, courseId: string, permission: Permission, q: Queryable = ctx.db): Promise<CourseRow> {
  const [row] = await q
    .select()
    .from(afterSchoolCourses)
    .where(and(scoped(ctx, afterSchoolCourses, permission), eq(afterSchoolCourses.id, courseId)));
  if (!row) throw notFound('课程');
  return row;
}

/** The user is a school administrator (教务处) of the school. */
export function schoolAdminOf(ctx: Pick<Ctx, 'grants' | 'user'>, schoolId: string): boolean {
  return ctx.grants.some((g) => g.role === 'school_admin' && g.districtId === ctx.user.districtId && (g.school === '*' || g.school.includes(schoolId)));
}

/**
 * Teachers' grants are narrowed to their classes while a course mixes classes: whether the user may run a course
 * (take attendance, see its roster) is decided here, by the course's teachers, or the school's administrator.
 */
export function requireRunsCourse(ctx: Ctx, course: CourseRow, message = '只有本课程的任课教师或学校管理员可以操作') {
  if (!course.teacherIds.includes(ctx.user.id) && !schoolAdminOf(ctx, course.schoolId)) throw forbidden(message);
}

export interface RosterEntry {
  studentId: string;
  name: string;
  classId: string;
  className: string;
}

/**
 * Children seated in a course on a date: an enrolled (or since withdrawn) row whose seat was taken by that day and
 * had not ended by it. Read by course after the course-level check (requireRunsCourse): the class-narrowed grants
 * of a teacher do not describe who may see a course's roster.
 */
export async function rosterOn(q: Queryable, districtId: string, courseIds: readonly string[], date: LocalDate, timeZone: string) {
  if (!courseIds.length) return new Map<string, RosterEntry[]>();
  const rows = await q
    .select({
      courseId: afterSchoolEnrolments.courseId,
      studentId: afterSchoolEnrolments.studentId,
      name: studentDirectory.name,
      classId: studentDirectory.classId,
      className: studentDirectory.className,
    })
    .from(afterSchoolEnrolments)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, afterSchoolEnrolments.districtId), eq(studentDirectory.id, afterSchoolEnrolments.studentId)))
    .where(
      and(
        eq(afterSchoolEnrolments.districtId, districtId),
        inArray(afterSchoolEnrolments.courseId, [...courseIds]),
        inArray(afterSchoolEnrolments.status, ['enrolled', 'withdrawn']),
        sql`${afterSchoolEnrolments.seatedAt} is not null`,
        sql`(${afterSchoolEnrolments.seatedAt} at time zone ${timeZone})::date <= ${date}::date`,
        or(isNull(afterSchoolEnrolments.endedFrom), sql`${afterSchoolEnrolments.endedFrom} > ${date}::date`),
      ),
    )
    .orderBy(studentDirectory.className, studentDirectory.studentNo);
  const out = new Map<string, RosterEntry[]>();
  for (const r of rows) {
    const list = out.get(r.courseId) ?? [];
    if (!list.some((x) => x.studentId === r.studentId)) list.push(r);
    out.set(r.courseId, list);
  }
  return out;
}

/** Uncancelled leaves of these children covering a date (by child). */
export async function leavesOn(q: Queryable, districtId: string, studentIds: readonly string[], date: LocalDate) {
  if (!studentIds.length) return new Map<string, { id: string; reason: string }>();
  const rows = await q
    .select({ id: afterSchoolLeaves.id, studentId: afterSchoolLeaves.studentId, reason: afterSchoolLeaves.reason })
    .from(afterSchoolLeaves)
    .where(
      and(
        eq(afterSchoolLeaves.districtId, districtId),
        inArray(afterSchoolLeaves.studentId, [...new Set(studentIds)]),
        lte(afterSchoolLeaves.fromDate, date),
        gte(afterSchoolLeaves.toDate, date),
        isNull(afterSchoolLeaves.cancelledAt),
      ),
    );
  return new Map(rows.map((r) => [r.studentId, { id: r.id, reason: r.reason }]));
}

/** The school calendar for a span, as the daily rules read it. */
export async function schoolDays(q: Queryable, districtId: string, schoolId: string, from: LocalDate, to: LocalDate): Promise<SchoolDayInfo[]> {
  const days = await classifyDays(q, districtId, schoolId, from, to);
  return days.map((d) => ({ date: d.date, schoolDay: d.schoolDay, semesterId: d.semesterId }));
}

/** Users' names by id (staff who took attendance, patrolled, recorded a sign-out). */
export async function userNames(q: Queryable, districtId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Moves the school's rollup by increments (a session taken, re-taken or cancelled; a patrol), in the caller's transaction. */
export async function bumpSchoolStats(
  q: Queryable,
  districtId: string,
  schoolId: string,
  semesterId: string,
  delta: Partial<StatsDelta> & { patrols?: number },
): Promise<void> {
  const d = { sessionsHeld: 0, attendancePresent: 0, attendanceExpected: 0, patrols: 0, ...delta };
  if (!d.sessionsHeld && !d.attendancePresent && !d.attendanceExpected && !d.patrols) return;
  const t = afterSchoolSchoolStats;
  await q
    .insert(t)
    .values({
      districtId,
      schoolId,
      semesterId,
      sessionsHeld: Math.max(0, d.sessionsHeld),
      attendancePresent: Math.max(0, d.attendancePresent),
      attendanceExpected: Math.max(0, d.attendanceExpected),
      patrols: Math.max(0, d.patrols),
    })
    .onConflictDoUpdate({
      target: [t.districtId, t.schoolId, t.semesterId],
      set: {
        sessionsHeld: sql`greatest(0, ${t.sessionsHeld} + ${d.sessionsHeld})`,
        attendancePresent: sql`greatest(0, ${t.attendancePresent} + ${d.attendancePresent})`,
        attendanceExpected: sql`greatest(0, ${t.attendanceExpected} + ${d.attendanceExpected})`,
        patrols: sql`greatest(0, ${t.patrols} + ${d.patrols})`,
        refreshedAt: sql`now()`,
      },
    });
}

/** Time of day 'HH:MM' of a Postgres time value ('16:30:00'). */
export const hhmm = (time: string) => time.slice(0, 5);

/** 11月26日: how a date reads in a message. */
export const monthDay = (date: LocalDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Schools where the user holds `permission` ('*': every school of the district). */
export function schoolsWith(ctx: Pick<Ctx, 'grants'>, permission: Permission): '*' | string[] {
  const out = new Set<string>();
  for (const g of ctx.grants) {
    if (!roleHas(g.role, permission)) continue;
    if (g.school === '*') return '*';
    g.school.forEach((s) => out.add(s));
  }
  return [...out];
}

/** A refusal about a field's date by a rule of the day (not a malformed value): 422 naming the field. */
export const ruleOnDate = (message: string, field = 'date') => new AppError(422, 'RULE_VIOLATION', message, { fields: [{ field, message }] });
