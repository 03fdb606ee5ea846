/**
 * The figures every homework view shows, computed one way: counts over class-days (from the class-day and school-week
 * rollups), and the three rates beside each other — over-limit, within-limit (families who reported only) and reporting.
 */
import type { z } from 'zod';
import type { ClassDayStat, Figures } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, between, or, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { type Ctx, scoped } from '../../../platform/access';
import { homeworkClassDayStats, homeworkSchoolWeekStats } from '../schema';

export interface Counts {
  classDays: number;
  reportedDays: number;
  overloadedDays: number;
  plannedOverDays: number;
  students: number;
  reporters: number;
  withinLimit: number;
  bedtimeStops: number;
}
const KEYS = ['classDays', 'reportedDays', 'overloadedDays', 'plannedOverDays', 'students', 'reporters', 'withinLimit', 'bedtimeStops'] as const;

export const ZERO: Counts = { classDays: 0, reportedDays: 0, overloadedDays: 0, plannedOverDays: 0, students: 0, reporters: 0, withinLimit: 0, bedtimeStops: 0 };

/** n ÷ d to three places; null when there is nothing to divide by. */
export const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

export function add(a: Counts, b: Counts): Counts {
  const out = { ...ZERO };
  for (const k of KEYS) out[k] = a[k] + b[k];
  return out;
}

export const countsOf = (row: Counts): Counts => Object.fromEntries(KEYS.map((k) => [k, Number(row[k] ?? 0)])) as unknown as Counts;

/** Counts with their rates. */
export function figures(c: Counts): z.output<typeof Figures> {
  const counts = countsOf(c);
  return {
    ...counts,
    overLimitRate: rate(counts.overloadedDays, counts.reportedDays),
    withinLimitRate: rate(counts.withinLimit, counts.reporters),
    reportingRate: rate(counts.reporters, counts.students),
  };
}

const s = homeworkClassDayStats;
const w = homeworkSchoolWeekStats;

/** Aggregates over class-day rollup rows (a group of them). */
export const classDayCounts = () => ({
  classDays: sql<number>`count(*) filter (where ${s.published})::int`,
  reportedDays: sql<number>`count(*) filter (where ${s.reporters} > 0)::int`,
  overloadedDays: sql<number>`count(*) filter (where ${s.overloaded})::int`,
  plannedOverDays: sql<number>`count(*) filter (where ${s.plannedOver})::int`,
  students: sql<number>`coalesce(sum(${s.students}) filter (where ${s.published}), 0)::int`,
  reporters: sql<number>`coalesce(sum(${s.reporters}), 0)::int`,
  withinLimit: sql<number>`coalesce(sum(${s.withinLimit}), 0)::int`,
  bedtimeStops: sql<number>`coalesce(sum(${s.bedtimeStops}), 0)::int`,
});

type ClassDayRow = typeof homeworkClassDayStats.$inferSelect;
export const statOut = (r: ClassDayRow, className: string): z.output<typeof ClassDayStat> => ({
  classId: r.classId,
  className,
  date: r.date,
  dayKind: r.dayKind,
  limit: r.limit,
  plannedWritten: r.plannedWritten,
  plannedOptional: r.plannedOptional,
  plannedOther: r.plannedOther,
  published: r.published,
  plannedOver: r.plannedOver,
  students: r.students,
  reporters: r.reporters,
  withinLimit: r.withinLimit,
  bedtimeStops: r.bedtimeStops,
  lateNights: r.lateNights,
  overLimit: r.overLimit,
  medianMinutes: r.medianMinutes,
  p90Minutes: r.p90Minutes,
  overloaded: r.overloaded,
});

/** Mondays of the weeks a range touches. */
export function weeksOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = weekStart(from); d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** A week is partial when the range cuts it or it is still running. */
export const isPartial = (monday: LocalDate, from: LocalDate, to: LocalDate, today: LocalDate) =>
  monday < from || addDays(monday, 6) > to || (monday <= today && today < addDays(monday, 6));

/**
 * A range as the whole weeks inside it (read from the school-week rollup) and the cut weeks at its edges (read from
 * the class-day rollup, for the days inside the range only), so every figure covers exactly the range.
 */
export function splitRange(from: LocalDate, to: LocalDate): { full: [LocalDate, LocalDate] | null; edges: [LocalDate, LocalDate][] } {
  const first = weekStart(from);
  const last = weekStart(to);
  const fullFrom = from === first ? first : addDays(first, 7);
  const fullTo = to === addDays(last, 6) ? last : addDays(last, -7);
  const edges: [LocalDate, LocalDate][] = [];
  if (first === last) {
    if (from !== first || to !== addDays(last, 6)) edges.push([from, to]);
  } else {
    if (from !== first) edges.push([from, addDays(first, 6)]);
    if (to !== addDays(last, 6)) edges.push([last, to]);
  }
  return { full: fullFrom <= fullTo && !(first === last && edges.length) ? [fullFrom, fullTo] : null, edges };
}

/**
 * Counts per school and week over exactly [from, to], within the user's reach under homework.district: one row per
 * (school, week) that has rollup rows. `where` narrows by school (a page of schools).
 */
export function schoolWeekQuery(ctx: Ctx, from: LocalDate, to: LocalDate, where?: { school?: (col: typeof w.schoolId | typeof s.schoolId) => SQL | undefined }) {
  const { full, edges } = splitRange(from, to);
  const wholeWeeks = ctx.db
    .select({
      schoolId: sql<string>`${w.schoolId}`.as('school_id'),
      weekStart: sql<string>`${w.weekStart}::text`.as('week_start'),
      classDays: sql<number>`${w.classDays}`.as('class_days'),
      reportedDays: sql<number>`${w.reportedDays}`.as('reported_days'),
      overloadedDays: sql<number>`${w.overloadedDays}`.as('overloaded_days'),
      plannedOverDays: sql<number>`${w.plannedOverDays}`.as('planned_over_days'),
      students: sql<number>`${w.students}`.as('students'),
      reporters: sql<number>`${w.reporters}`.as('reporters'),
      withinLimit: sql<number>`${w.withinLimit}`.as('within_limit'),
      bedtimeStops: sql<number>`${w.bedtimeStops}`.as('bedtime_stops'),
    })
    .from(w)
    .where(and(scoped(ctx, w, 'homework.district'), full ? between(w.weekStart, full[0], full[1]) : sql`false`, where?.school?.(w.schoolId)));
  if (!edges.length) return wholeWeeks;
  const c = classDayCounts();
  const monday = sql`date_trunc('week', ${s.date})`;
  const cutWeeks = ctx.db
    .select({
      schoolId: sql<string>`${s.schoolId}`.as('school_id'),
      weekStart: sql<string>`${monday}::date::text`.as('week_start'),
      classDays: c.classDays.as('class_days'),
      reportedDays: c.reportedDays.as('reported_days'),
      overloadedDays: c.overloadedDays.as('overloaded_days'),
      plannedOverDays: c.plannedOverDays.as('planned_over_days'),
      students: c.students.as('students'),
      reporters: c.reporters.as('reporters'),
      withinLimit: c.withinLimit.as('within_limit'),
      bedtimeStops: c.bedtimeStops.as('bedtime_stops'),
    })
    .from(s)
    .where(and(scoped(ctx, s, 'homework.district'), or(...edges.map(([a, b]) => between(s.date, a, b))), where?.school?.(s.schoolId)))
    .groupBy(s.schoolId, monday);
  return full ? unionAll(wholeWeeks, cutWeeks) : cutWeeks;
}

/** schoolWeekQuery as a subquery to select from. */
export const schoolWeekRows = (...args: Parameters<typeof schoolWeekQuery>) => schoolWeekQuery(...args).as('sw');

export type SchoolWeekRows = ReturnType<typeof schoolWeekRows>;

/** Sums of a schoolWeekRows subquery's counts (grouped by what the caller groups by), aliased for use in a subquery. */
export const summed = (u: Pick<SchoolWeekRows, keyof Counts>) => ({
  classDays: sql<number>`coalesce(sum(${u.classDays}), 0)::int`.as('class_days'),
  reportedDays: sql<number>`coalesce(sum(${u.reportedDays}), 0)::int`.as('reported_days'),
  overloadedDays: sql<number>`coalesce(sum(${u.overloadedDays}), 0)::int`.as('overloaded_days'),
  plannedOverDays: sql<number>`coalesce(sum(${u.plannedOverDays}), 0)::int`.as('planned_over_days'),
  students: sql<number>`coalesce(sum(${u.students}), 0)::int`.as('students'),
  reporters: sql<number>`coalesce(sum(${u.reporters}), 0)::int`.as('reporters'),
  withinLimit: sql<number>`coalesce(sum(${u.withinLimit}), 0)::int`.as('within_limit'),
  bedtimeStops: sql<number>`coalesce(sum(${u.bedtimeStops}), 0)::int`.as('bedtime_stops'),
});

/** The tolerance the completion target leaves: a share of over-loaded days above it needs attention. */
export const tolerance = (target: number) => 1 - target + 1e-9;
