/**
 * 个人信息查阅、复制 (PIPL art. 45): what a module holds about one pupil, table by table, for the family's download.
 * A module lists its tables keyed by pupil (`district_id`, `student_id`) and hands them to `rowsAboutPupil`; the
 * personal-data module asks every module's face and joins the answers into one file.
 */
import { and, eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './db';

/** Section name → the pupil's rows (district column left out). */
export type PupilData = Record<string, Record<string, unknown>[]>;

/** Every row of each table about the pupil, as stored (columns by their TypeScript names), oldest first by key order. */
export async function rowsAboutPupil(q: Queryable, districtId: string, studentId: string, tables: Readonly<Record<string, PgTable>>): Promise<PupilData> {
  const out: PupilData = {};
  for (const [section, table] of Object.entries(tables)) {
    const cols = getTableColumns(table) as Record<string, PgColumn>;
    if (!cols.districtId || !cols.studentId) throw new Error(`${getTableName(table)} has no district_id and student_id`);
    const { districtId: _d, ...shown } = cols;
    out[section] = await q.select(shown).from(table).where(and(eq(cols.districtId, districtId), eq(cols.studentId, studentId)));
  }
  return out;
}
