/**
 * What the module's services share: the semester of a date, the classes a teacher teaches (from the grants), who may
 * read a special student's file (the class teacher, the school's designated care staff, its administrator, the
 * district), staff names, and masking for everyone else.
 */
import type { Role } from '@shuangjian/contracts';
import { type LocalDate, maskPupilName } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { allows, type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { users } from '../../platform/schema';
import { semesterAt, type SemesterRef, semestersOf } from '../calendar';
import { studentDirectory } from '../org';
import { hsCareStaff } from './schema';

const STAFF_ROLES: readonly Role[] = ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'];

/** The semester a date falls in (null outside every semester). */
export async function semesterOf(q: Queryable, districtId: string, date: LocalDate): Promise<SemesterRef | null> {
  const s = semesterAt(await semestersOf(q, districtId), date);
  return s && s.startDate <= date && date <= s.endDate ? s : null;
}

/** The semester in force today, else the latest begun (progress and dashboards look at it). */
export async function currentSemester(q: Queryable, districtId: string, date: LocalDate): Promise<SemesterRef | null> {
  return semesterAt(await semestersOf(q, districtId), date);
}

/** Class ids the user teaches (teacher or class teacher), and which of them as class teacher. */
export function taughtClasses(ctx: Ctx): { all: string[]; asClassTeacher: Set<string> } {
  const all = new Set<string>();
  const asClassTeacher = new Set<string>();
  for (const g of ctx.grants) {
    if ((g.role !== 'teacher' && g.role !== 'class_teacher') || g.class === '*') continue;
    for (const id of g.class) {
      all.add(id);
      if (g.role === 'class_teacher') asClassTeacher.add(id);
    }
  }
  return { all: [...all], asClassTeacher };
}

/** Schools where the user is designated care staff (关爱专干) and still holds a staff role. */
export async function careStaffSchools(ctx: Ctx, q: Queryable = ctx.db): Promise<string[]> {
  const staffSchools = new Set<string>();
  for (const g of ctx.grants) if (STAFF_ROLES.includes(g.role) && g.school !== '*') g.school.forEach((s) => staffSchools.add(s));
  if (!staffSchools.size) return [];
  const rows = await q
    .select({ schoolId: hsCareStaff.schoolId })
    .from(hsCareStaff)
    .where(and(eq(hsCareStaff.districtId, ctx.user.districtId), eq(hsCareStaff.userId, ctx.user.id), inArray(hsCareStaff.schoolId, [...staffSchools])));
  return rows.map((r) => r.schoolId);
}

export interface PupilKeys {
  districtId: string;
  zoneId: string;
  schoolId: string;
  classId: string;
  studentId: string;
}

/** Who reads a special student's file: home-school.special.read over the pupil (class teacher, school, district) or the school's care staff. */
export function specialReader(ctx: Ctx, careSchools: readonly string[], p: PupilKeys, permission: 'home-school.special.read' | 'home-school.special.write' = 'home-school.special.read'): boolean {
  if (p.districtId !== ctx.user.districtId) return false;
  if (allows(ctx, permission, { districtId: p.districtId, zone: p.zoneId, school: p.schoolId, class: p.classId, student: p.studentId })) return true;
  return careSchools.includes(p.schoolId);
}

/** A pupil's name, whole for a reader of the file, else masked (张*明). */
export const shownName = (name: string, whole: boolean) => (whole ? name : maskPupilName(name));

/** An active pupil the user sees under org.read (any other id answers 404). */
export async function reachablePupil(ctx: Ctx, studentId: string, q: Queryable = ctx.db) {
  const S = studentDirectory;
  const [row] = await q
    .select({ id: S.id, districtId: S.districtId, name: S.name, classId: S.classId, className: S.className, grade: S.grade, schoolId: S.schoolId, schoolName: S.schoolName, zoneId: S.zoneId })
    .from(S)
    .where(and(scoped(ctx, S, 'org.read'), eq(S.id, studentId), eq(S.status, 'active')));
  if (!row) throw notFound('学生');
  return { ...row, grade: Number(row.grade), studentId: row.id };
}

/** Pupils (any status) by id that the user sees under org.read; others are absent. */
export async function pupilsByIds(ctx: Ctx, ids: readonly string[], q: Queryable = ctx.db) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, PupilKeys & { name: string; className: string }>();
  const S = studentDirectory;
  const rows = await q
    .select({ studentId: S.id, districtId: S.districtId, name: S.name, classId: S.classId, className: S.className, schoolId: S.schoolId, zoneId: S.zoneId })
    .from(S)
    .where(and(scoped(ctx, S, 'org.read'), inArray(S.id, unique)));
  return new Map(rows.map((r) => [r.studentId, r]));
}

/** Names of accounts of the district. */
export async function userNames(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (!unique.length) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A staff member's phone (a stand-in parent's, for the class teacher to reach them). */
export async function userPhone(q: Queryable, districtId: string, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const [row] = await q.select({ phone: users.phone }).from(users).where(and(eq(users.districtId, districtId), eq(users.id, id)));
  return row?.phone ?? null;
}
