/**
 * The 困难/残疾 flags of students for modules that grant a benefit by them (after-school fee waivers): read only
 * for students the user may see sensitive data of (student.sensitive.read), never returned as the record itself.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { openSensitive } from './sealed';
import { studentSensitive, students } from './schema';

export interface BenefitFlags {
  hardship: boolean;
  disability: boolean;
}

/** Students among `studentIds` flagged 困难 or 残疾, with their flags; others are absent from the map. */
export async function benefitFlags(ctx: Ctx, studentIds: readonly string[], q: Queryable = ctx.db): Promise<Map<string, BenefitFlags>> {
  if (!studentIds.length) return new Map();
  const rows = await q
    .select({ id: students.id, data: studentSensitive.data })
    .from(students)
    .innerJoin(studentSensitive, and(eq(studentSensitive.districtId, students.districtId), eq(studentSensitive.studentId, students.id)))
    .where(and(scoped(ctx, students, 'student.sensitive.read'), inArray(students.id, [...new Set(studentIds)]), eq(studentSensitive.special, true)));
  const out = new Map<string, BenefitFlags>();
  for (const r of rows) {
    const { hardship, disability } = openSensitive(r.data);
    if (hardship || disability) out.set(r.id, { hardship, disability });
  }
  return out;
}

export interface SpecialFlags {
  leftBehind: boolean;
  singleParent: boolean;
  hardship: boolean;
  disability: boolean;
  learningDifficulty: boolean;
  note: string | null;
}
export interface SpecialStudentRef {
  studentId: string;
  name: string;
  classId: string;
  schoolId: string;
  flags: SpecialFlags;
}

// any of the five flags: the one fact about a sensitive record the database reads in clear (schema.ts)
const anyFlag = eq(studentSensitive.special, true);

/**
 * Active students with any special flag (留守/单亲/困难/残疾/学困) among the given students, classes or school. No
 * permission is applied here: the home-school module decides who may learn the flags (the class teacher, the school's
 * designated care staff, its administrator, the district) and shows others only that a pupil is 重点关注.
 */
export async function specialStudents(
  q: Queryable,
  districtId: string,
  among: { studentIds?: readonly string[]; classIds?: readonly string[]; schoolId?: string },
): Promise<SpecialStudentRef[]> {
  if ((among.studentIds && !among.studentIds.length) || (among.classIds && !among.classIds.length)) return [];
  const rows = await q
    .select({
      studentId: students.id,
      name: students.name,
      classId: students.classId,
      schoolId: students.schoolId,
      data: studentSensitive.data,
    })
    .from(students)
    .innerJoin(studentSensitive, and(eq(studentSensitive.districtId, students.districtId), eq(studentSensitive.studentId, students.id)))
    .where(
      and(
        eq(students.districtId, districtId),
        eq(students.status, 'active'),
        anyFlag,
        among.studentIds ? inArray(students.id, [...new Set(among.studentIds)]) : undefined,
        among.classIds ? inArray(students.classId, [...new Set(among.classIds)]) : undefined,
        among.schoolId ? eq(students.schoolId, among.schoolId) : undefined,
      ),
    );
  return rows.map(({ data, ...r }) => ({ ...r, flags: openSensitive(data) }));
}

/** How many active special students each class (and school) has: counts only, for dashboards. */
export async function specialCounts(q: Queryable, districtId: string, schoolId?: string): Promise<{ schoolId: string; classId: string; n: number }[]> {
  const rows = await q
    .select({ schoolId: students.schoolId, classId: students.classId, n: sql<number>`count(*)::int` })
    .from(students)
    .innerJoin(studentSensitive, and(eq(studentSensitive.districtId, students.districtId), eq(studentSensitive.studentId, students.id)))
    .where(and(eq(students.districtId, districtId), eq(students.status, 'active'), anyFlag, schoolId ? eq(students.schoolId, schoolId) : undefined))
    .groupBy(students.schoolId, students.classId);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
