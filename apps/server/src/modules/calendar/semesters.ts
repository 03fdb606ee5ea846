/** Which semester a request means, for other modules: the one asked for, or the one in force today (else the latest begun, else the next). */
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { semesters } from './schema';

export interface SemesterRef {
  id: string;
  name: string;
  startDate: LocalDate;
  endDate: LocalDate;
}

const columns = { id: semesters.id, name: semesters.name, startDate: semesters.startDate, endDate: semesters.endDate };

/** The district's semesters, oldest first. */
export async function semestersOf(q: Queryable, districtId: string): Promise<SemesterRef[]> {
  return q.select(columns).from(semesters).where(eq(semesters.districtId, districtId)).orderBy(asc(semesters.startDate));
}

/** The semester in force on `date`: the one containing it, else the latest begun before it, else the first after it. */
export function semesterAt(list: readonly SemesterRef[], date: LocalDate): SemesterRef | null {
  const containing = list.find((s) => s.startDate <= date && date <= s.endDate);
  if (containing) return containing;
  const begun = list.filter((s) => s.startDate <= date);
  return begun[begun.length - 1] ?? list.find((s) => s.startDate > date) ?? null;
}

/** A semester of the district by id (404 for another district's or an unknown one). */
export async function semesterById(q: Queryable, districtId: string, id: string): Promise<SemesterRef> {
  const [row] = await q.select(columns).from(semesters).where(and(eq(semesters.districtId, districtId), eq(semesters.id, id)));
  if (!row) throw notFound('学期');
  return row;
}
