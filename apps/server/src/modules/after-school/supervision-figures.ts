/**
 * The after-school figures the district's supervision (督导考核) shows per school: pupils and teachers taking part,
 * from the district rollup (after_school_school_stats) the after-school dashboard reads, summed over the semesters asked.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { afterSchoolSchoolStats } from './schema';

export interface AfterSchoolParticipation {
  students: number;
  studentsServed: number;
  teachers: number;
  teachersServing: number;
}

/** Every school of the district (or the one named) with a rollup row in these semesters: one statement. */
export async function afterSchoolParticipation(q: Queryable, districtId: string, semesterIds: readonly string[], schoolId?: string): Promise<Map<string, AfterSchoolParticipation>> {
  if (!semesterIds.length) return new Map();
  const s = afterSchoolSchoolStats;
  const rows = await q
    .select({
      schoolId: s.schoolId,
      students: sql<number>`sum(${s.students})::int`,
      studentsServed: sql<number>`sum(${s.studentsServed})::int`,
      teachers: sql<number>`sum(${s.teachers})::int`,
      teachersServing: sql<number>`sum(${s.teachersServing})::int`,
    })
    .from(s)
    .where(and(eq(s.districtId, districtId), schoolId ? eq(s.schoolId, schoolId) : undefined, inArray(s.semesterId, [...semesterIds])))
    .groupBy(s.schoolId);
  return new Map(
    rows.map((r) => [
      r.schoolId,
      { students: Number(r.students), studentsServed: Number(r.studentsServed), teachers: Number(r.teachers), teachersServing: Number(r.teachersServing) },
    ]),
  );
}
