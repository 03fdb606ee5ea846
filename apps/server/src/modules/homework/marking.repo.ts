/**
 * Queries the marking and vacation services share: the latest published list of class-days (what families saw, and so
 * what must be marked), the class roll, and marking rows → answers.
 */
import type { z } from 'zod';
import type { Marking, PublishedItem } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { users } from '../../platform/schema';
import { studentDirectory } from '../org';
import { homeworkMarkings } from './marking.schema';
import { homeworkPublished } from './schema';

/** An item of a published list's snapshot, as families saw it. */
export type SnapshotItem = z.output<typeof PublishedItem>;

/** The latest published version of each class-day of `classIds` in [from, to]. */
export async function latestLists(q: Queryable, districtId: string, classIds: readonly string[], from: LocalDate, to: LocalDate) {
  if (!classIds.length) return [];
  const rows = await q
    .selectDistinctOn([homeworkPublished.classId, homeworkPublished.date])
    .from(homeworkPublished)
    .where(and(eq(homeworkPublished.districtId, districtId), inArray(homeworkPublished.classId, [...classIds]), gte(homeworkPublished.date, from), lte(homeworkPublished.date, to)))
    .orderBy(asc(homeworkPublished.classId), asc(homeworkPublished.date), desc(homeworkPublished.version));
  return rows.map((r) => ({ ...r, items: r.items as SnapshotItem[] }));
}

/**
 * `homework_published` reduced to the latest version of each class-day matching `where` (a condition on
 * homework_published's columns, scoped() included): a subquery for a FROM or a WITH.
 */
export const latestListsSql = (where: SQL) => sql`(
  select distinct on (${homeworkPublished.classId}, ${homeworkPublished.date})
    ${homeworkPublished.districtId} as district_id, ${homeworkPublished.schoolId} as school_id, ${homeworkPublished.classId} as class_id,
    ${homeworkPublished.date} as date, ${homeworkPublished.items} as items
  from ${homeworkPublished}
  where ${where}
  order by ${homeworkPublished.classId}, ${homeworkPublished.date}, ${homeworkPublished.version} desc
)`;

/** The last day marking of an item set on `date` may be recorded or changed: the Sunday of the following week. */
export const markingEditableUntil = (date: LocalDate): LocalDate => addDays(weekStart(date), 13);

/** Children on the class roll now, in student-number order. */
export async function classRoll(q: Queryable, districtId: string, classId: string) {
  return q
    .select({ id: studentDirectory.id, name: studentDirectory.name, studentNo: studentDirectory.studentNo })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, districtId), eq(studentDirectory.classId, classId), eq(studentDirectory.status, 'active')))
    .orderBy(asc(studentDirectory.studentNo));
}

/** Marking records of these items, with who recorded them. */
export async function markingsOf(q: Queryable, districtId: string, itemIds: readonly string[]) {
  if (!itemIds.length) return new Map<string, z.output<typeof Marking>>();
  const rows = await q
    .select({ m: homeworkMarkings, by: users.name })
    .from(homeworkMarkings)
    .innerJoin(users, and(eq(users.districtId, homeworkMarkings.districtId), eq(users.id, homeworkMarkings.markedBy)))
    .where(and(eq(homeworkMarkings.districtId, districtId), inArray(homeworkMarkings.itemId, [...new Set(itemIds)])));
  return new Map(rows.map((r) => [r.m.itemId, markingOut(r.m, r.by)]));
}

export function markingOut(m: typeof homeworkMarkings.$inferSelect, by: string): z.output<typeof Marking> {
  return {
    itemId: m.itemId,
    classId: m.classId,
    date: m.date,
    scope: m.scope,
    students: m.students,
    marked: m.marked,
    faceToFace: m.faceToFace,
    faceToFaceStudentIds: m.faceToFaceStudentIds,
    note: m.note,
    markedBy: by,
    updatedAt: m.updatedAt.toISOString(),
  };
}
