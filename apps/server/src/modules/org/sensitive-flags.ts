/**
 * The 困难/残疾 flags of students for modules that grant a benefit by them (after-school fee waivers): read only
 * for students the user may see sensitive data of (student.sensitive.read), never returned as the record itself.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { studentSensitive, students } from './schema';

export interface BenefitFlags {
  hardship: boolean;
  disability: boolean;
}

/** Students among `studentIds` flagged 困难 or 残疾, with their flags; others are absent from the map. */
export async function benefitFlags(ctx: Ctx, studentIds: readonly string[], q: Queryable = ctx.db): Promise<Map<string, BenefitFlags>> {
  if (!studentIds.length) return new Map();
  const rows = await q
    .select({ id: students.id, hardship: studentSensitive.hardship, disability: studentSensitive.disability })
    .from(students)
    .innerJoin(studentSensitive, and(eq(studentSensitive.districtId, students.districtId), eq(studentSensitive.studentId, students.id)))
    .where(
      and(
        scoped(ctx, students, 'student.sensitive.read'),
        inArray(students.id, [...new Set(studentIds)]),
        or(eq(studentSensitive.hardship, true), eq(studentSensitive.disability, true)),
      ),
    );
  return new Map(rows.map((r) => [r.id, { hardship: r.hardship, disability: r.disability }]));
}
