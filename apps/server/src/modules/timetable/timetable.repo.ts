/**
 * What the timetable services share: the semester a request means, the rules view and the check of a grid, the
 * published version in force on a date, and the class's figures in the indicator rollup (kept on every write).
 */
import type { TimetableCell, TimetableCheckResult, TimetableRules } from '@shuangjian/contracts';
import { checkTimetable, LAB_SUBJECTS, type LocalDate, periodsPerDay, slotText, TIMETABLE_SUBJECTS, timetableSubjectNames } from '@shuangjian/policy';
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { type IndicatorFigure, semesterPeriod, setIndicators } from '../../platform/indicators';
import { semesterAt, semesterById, type SemesterRef, semestersOf } from '../calendar';
import type { TimetableRulesInForce } from './timetable.policy';
import { timetableVersions } from './schema';

export type VersionRow = typeof timetableVersions.$inferSelect;

/** The semester asked for, else the one in force on `today`. */
export async function semesterFor(q: Queryable, districtId: string, semesterId: string | undefined, today: LocalDate): Promise<SemesterRef> {
  if (semesterId) return semesterById(q, districtId, semesterId);
  const s = semesterAt(await semestersOf(q, districtId), today);
  if (!s) throw notFound('学期');
  return s;
}

export function rulesView(r: TimetableRulesInForce, grade: number): TimetableRules {
  const g = r.plan.grades.find((x) => x.grade === grade);
  return {
    grade,
    daysPerWeek: r.grid.daysPerWeek,
    periodsPerDay: periodsPerDay(r.grid, grade),
    weeklyTotal: g?.weeklyTotal ?? 0,
    subjects: Object.fromEntries(Object.entries(g?.subjects ?? {}).map(([k, v]) => [k, v ?? 0])),
    labPeriods: g?.labPeriods ?? 0,
    flagCoreSurplus: r.flagCoreSurplus,
    planVersion: r.planRef.version,
    planEffectiveFrom: r.planRef.effectiveFrom,
    checksVersion: r.checksRef.version,
    checksEffectiveFrom: r.checksRef.effectiveFrom,
  };
}

export const runCheck = (r: TimetableRulesInForce, grade: number, cells: readonly TimetableCell[]): TimetableCheckResult =>
  checkTimetable(r.plan, grade, cells, { planRef: r.planRef, checksRef: r.checksRef, flagCoreSurplus: r.flagCoreSurplus });

/** Problems of a grid's shape (outside the grid, a slot twice, a lab flag on a non-lab subject), each naming the slot. */
export function gridProblems(r: TimetableRulesInForce, grade: number, cells: readonly TimetableCell[]): { cell: TimetableCell; message: string }[] {
  const days = r.grid.daysPerWeek;
  const periods = periodsPerDay(r.grid, grade);
  const seen = new Set<string>();
  const out: { cell: TimetableCell; message: string }[] = [];
  for (const c of cells) {
    const at = slotText(c.day, c.period);
    if (c.day > days) out.push({ cell: c, message: `${at}：每周只上 ${days} 天课（timetable.grid）` });
    else if (c.period > periods) out.push({ cell: c, message: `${at}：${grade} 年级每天最多 ${periods} 节（timetable.grid）` });
    const key = `${c.day}-${c.period}`;
    if (seen.has(key)) out.push({ cell: c, message: `${at}：同一节次填了两门课` });
    seen.add(key);
    if (c.lab && !LAB_SUBJECTS.includes(c.subject)) out.push({ cell: c, message: `${at}：${timetableSubjectNames[c.subject]}不是实验课科目，不能标为实验` });
  }
  return out;
}

export const sortCells = (cells: readonly TimetableCell[]) => [...cells].sort((a, b) => a.day - b.day || a.period - b.period);

export const sameCells = (a: readonly TimetableCell[], b: readonly TimetableCell[]) => JSON.stringify(sortCells(a)) === JSON.stringify(sortCells(b));

/** The newest published version of each class in a semester. */
export async function latestVersions(q: Queryable, districtId: string, semesterId: string, classIds: readonly string[]): Promise<Map<string, VersionRow>> {
  if (!classIds.length) return new Map();
  const rows = await q
    .select()
    .from(timetableVersions)
    .where(and(eq(timetableVersions.districtId, districtId), eq(timetableVersions.semesterId, semesterId), inArray(timetableVersions.classId, [...classIds])))
    .orderBy(desc(timetableVersions.version));
  const out = new Map<string, VersionRow>();
  for (const r of rows) if (!out.has(r.classId)) out.set(r.classId, r);
  return out;
}

/**
 * The published version of each class in force on `date`: of the semester holding the date, the newest one
 * published on or before it.
 */
export async function versionsInForce(q: Queryable, districtId: string, classIds: readonly string[], date: LocalDate): Promise<Map<string, VersionRow>> {
  if (!classIds.length) return new Map();
  const semester = semesterAt(await semestersOf(q, districtId), date);
  if (!semester || date < semester.startDate || date > semester.endDate) return new Map();
  const rows = await q
    .select()
    .from(timetableVersions)
    .where(
      and(
        eq(timetableVersions.districtId, districtId),
        eq(timetableVersions.semesterId, semester.id),
        inArray(timetableVersions.classId, [...classIds]),
        lte(timetableVersions.effectiveFrom, date),
      ),
    )
    .orderBy(desc(timetableVersions.version));
  const out = new Map<string, VersionRow>();
  for (const r of rows) if (!out.has(r.classId)) out.set(r.classId, r);
  return out;
}

/** Indicator names of the module: per class and semester. */
export const SHORT_KEYS = [...TIMETABLE_SUBJECTS, 'lab'] as const;
export const shortIndicator = (k: string) => `timetable.short.${k}`;

/**
 * A class's figures of a semester, replaced on every save and publish: whether it has a published timetable, whether
 * its current timetable meets the plan, and the periods short per subject and of labs.
 */
export async function writeClassFigures(
  q: Queryable,
  keys: { districtId: string; schoolId: string; classId: string; semesterId: string },
  state: { published: boolean; check: TimetableCheckResult },
): Promise<void> {
  await setIndicators(q, classFigures(keys, state));
}

/** The figures writeClassFigures writes, for writing many classes at once. */
export function classFigures(
  keys: { districtId: string; schoolId: string; classId: string; semesterId: string },
  state: { published: boolean; check: TimetableCheckResult },
): IndicatorFigure[] {
  const base = { districtId: keys.districtId, schoolId: keys.schoolId, classId: keys.classId, period: semesterPeriod(keys.semesterId) };
  const short = new Map<string, number>();
  for (const f of state.check.findings) {
    if (f.severity !== 'error') continue;
    const k = f.kind === 'lab' ? 'lab' : f.subject;
    if (k) short.set(k, (short.get(k) ?? 0) + (f.required - f.actual));
  }
  return [
    { ...base, indicator: 'timetable.published', num: state.published ? 1 : 0, den: 1 },
    { ...base, indicator: 'timetable.compliant', num: state.check.compliant ? 1 : 0, den: 1 },
    ...SHORT_KEYS.map((k) => ({ ...base, indicator: shortIndicator(k), num: short.get(k) ?? 0, den: 1 })),
  ];
}
