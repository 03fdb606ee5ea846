/** 考试管理 · row → answer for exam filings (school, semester, subject and filer names joined in a few statements), and their figures. */
import { EXAM_INDICATORS, type ExamFiling, type ExamRuleFinding } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { atOnce, type Queryable } from '../../platform/db';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { users } from '../../platform/schema';
import { semestersOf } from '../calendar';
import { schoolDirectory, subjectDirectory } from '../org';
import { examFilings } from './exams.schema';

export type FilingRow = typeof examFilings.$inferSelect;

/** Subject names by id, in the district's display order. */
export async function subjectNames(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, { name: string; sort: number }>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: subjectDirectory.id, name: subjectDirectory.name, sort: subjectDirectory.sort })
    .from(subjectDirectory)
    .where(and(eq(subjectDirectory.districtId, districtId), inArray(subjectDirectory.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { name: r.name, sort: r.sort }]));
}

/** The answers for filing rows; `canEdit` says whether the person may change a row (the caller's grants). */
export async function filingsOut(q: Queryable, districtId: string, rows: readonly FilingRow[], today: LocalDate, canEdit: (r: FilingRow) => boolean): Promise<ExamFiling[]> {
  if (!rows.length) return [];
  const schoolIds = [...new Set(rows.map((r) => r.schoolId).filter((s): s is string => !!s))];
  const userIds = [...new Set(rows.map((r) => r.filedBy).filter((u): u is string => !!u))];
  const [schoolRows, semesters, subjects, userRows] = await atOnce(q,
    () => schoolIds.length
      ? q.select({ id: schoolDirectory.id, name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, districtId), inArray(schoolDirectory.id, schoolIds)))
      : Promise.resolve([]),
    () => semestersOf(q, districtId),
    () => subjectNames(q, districtId, rows.flatMap((r) => r.subjectIds)),
    () => userIds.length ? q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, userIds))) : Promise.resolve([]),
  );
  const schoolName = new Map(schoolRows.map((s) => [s.id, s.name]));
  const semesterName = new Map(semesters.map((s) => [s.id, s.name]));
  const userName = new Map(userRows.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.schoolId,
    schoolName: r.schoolId ? (schoolName.get(r.schoolId) ?? '') : '区县',
    semesterId: r.semesterId,
    semesterName: semesterName.get(r.semesterId) ?? '',
    name: r.name,
    grades: [...r.grades].sort((a, b) => a - b),
    subjects: r.subjectIds
      .map((id) => ({ id, name: subjects.get(id)?.name ?? '', sort: subjects.get(id)?.sort ?? 0 }))
      .sort((a, b) => a.sort - b.sort)
      .map(({ id, name }) => ({ id, name })),
    type: r.type,
    form: r.form,
    date: r.date,
    note: r.note,
    status: r.status,
    findings: r.findings as ExamRuleFinding[],
    amendsId: r.amendsId,
    filedBy: r.filedBy ? (userName.get(r.filedBy) ?? '') : '系统',
    filedAt: r.createdAt.toISOString(),
    editable: r.status === 'accepted' && r.date > today && canEdit(r),
  }));
}

/** Changes a school's filing figures of a semester: accepted and refused attempts (den counts every attempt). */
export async function bumpFilingFigures(q: Queryable, row: Pick<FilingRow, 'districtId' | 'schoolId' | 'semesterId'>, delta: { accepted: number; refused: number }) {
  if (!row.schoolId) return; // the district's own filings are no school's figure
  const period = semesterPeriod(row.semesterId);
  const attempts = delta.accepted + delta.refused;
  const base = { districtId: row.districtId, period, schoolId: row.schoolId, classId: null };
  await bumpIndicators(q, [
    { ...base, indicator: EXAM_INDICATORS.examsAccepted, num: delta.accepted, den: attempts },
    { ...base, indicator: EXAM_INDICATORS.examsRefused, num: delta.refused, den: attempts },
  ]);
}
