/**
 * The homework figures the district's supervision (督导考核) shows per school, read the way the district homework
 * dashboard reads them: whole weeks from the school-week rollup, the cut weeks at the range's edges from the class-day
 * rollup, so a figure covers exactly the range and equals the dashboard's for the same school and range.
 */
import type { LocalDate } from '@shuangjian/policy';
import { and, between, eq, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db';
import { homeworkClassDayStats, homeworkSchoolWeekStats } from './schema';
import { splitRange } from './views/figures';

export interface HomeworkSchoolFigures {
  /** Families who reported (the within-limit rate's denominator) and those whose homework stayed within the limit. */
  reporters: number;
  withinLimit: number;
  /** Class-days with a report (the over-limit rate's denominator) and those over the limit. */
  reportedDays: number;
  overloadedDays: number;
}

/** Every school of the district (or the one named) with homework figures over [from, to]: one statement. */
export async function homeworkSchoolFigures(q: Queryable, districtId: string, from: LocalDate, to: LocalDate, schoolId?: string): Promise<Map<string, HomeworkSchoolFigures>> {
  if (from > to) return new Map();
  const { full, edges } = splitRange(from, to);
  const w = homeworkSchoolWeekStats;
  const s = homeworkClassDayStats;
  const whole = q
    .select({
      schoolId: sql<string>`${w.schoolId}`.as('school_id'),
      reporters: sql<number>`${w.reporters}`.as('reporters'),
      withinLimit: sql<number>`${w.withinLimit}`.as('within_limit'),
      reportedDays: sql<number>`${w.reportedDays}`.as('reported_days'),
      overloadedDays: sql<number>`${w.overloadedDays}`.as('overloaded_days'),
    })
    .from(w)
    .where(and(eq(w.districtId, districtId), schoolId ? eq(w.schoolId, schoolId) : undefined, full ? between(w.weekStart, full[0], full[1]) : sql`false`));
  const cut = q
    .select({
      schoolId: sql<string>`${s.schoolId}`.as('school_id'),
      reporters: sql<number>`coalesce(sum(${s.reporters}), 0)::int`.as('reporters'),
      withinLimit: sql<number>`coalesce(sum(${s.withinLimit}), 0)::int`.as('within_limit'),
      reportedDays: sql<number>`(count(*) filter (where ${s.reporters} > 0))::int`.as('reported_days'),
      overloadedDays: sql<number>`(count(*) filter (where ${s.overloaded}))::int`.as('overloaded_days'),
    })
    .from(s)
    .where(and(eq(s.districtId, districtId), schoolId ? eq(s.schoolId, schoolId) : undefined, edges.length ? or(...edges.map(([a, b]) => between(s.date, a, b))) : sql`false`))
    .groupBy(s.schoolId);
  const u = (edges.length ? (full ? unionAll(whole, cut) : cut) : whole).as('u');
  const rows = await q
    .select({
      schoolId: u.schoolId,
      reporters: sql<number>`coalesce(sum(${u.reporters}), 0)::int`,
      withinLimit: sql<number>`coalesce(sum(${u.withinLimit}), 0)::int`,
      reportedDays: sql<number>`coalesce(sum(${u.reportedDays}), 0)::int`,
      overloadedDays: sql<number>`coalesce(sum(${u.overloadedDays}), 0)::int`,
    })
    .from(u)
    .groupBy(u.schoolId);
  return new Map(rows.map((r) => [r.schoolId, countsOf(r)]));
}

const countsOf = (r: HomeworkSchoolFigures): HomeworkSchoolFigures => ({
  reporters: Number(r.reporters),
  withinLimit: Number(r.withinLimit),
  reportedDays: Number(r.reportedDays),
  overloadedDays: Number(r.overloadedDays),
});

/**
 * One school's homework figures over [from, to] per class and per week (Monday), from the class-day rollup (one
 * school's class-days): the supervision drill-down. One statement.
 */
export async function homeworkSchoolBreakdown(q: Queryable, districtId: string, schoolId: string, from: LocalDate, to: LocalDate) {
  const s = homeworkClassDayStats;
  const monday = sql<string>`date_trunc('week', ${s.date})::date::text`;
  const rows = await q
    .select({
      classId: s.classId,
      weekStart: monday,
      reporters: sql<number>`coalesce(sum(${s.reporters}), 0)::int`,
      withinLimit: sql<number>`coalesce(sum(${s.withinLimit}), 0)::int`,
      reportedDays: sql<number>`(count(*) filter (where ${s.reporters} > 0))::int`,
      overloadedDays: sql<number>`(count(*) filter (where ${s.overloaded}))::int`,
    })
    .from(s)
    .where(and(eq(s.districtId, districtId), eq(s.schoolId, schoolId), between(s.date, from, to)))
    .groupBy(s.classId, monday);
  const byClass = new Map<string, HomeworkSchoolFigures>();
  const byWeek = new Map<string, HomeworkSchoolFigures>();
  const add = (into: Map<string, HomeworkSchoolFigures>, key: string, r: HomeworkSchoolFigures) => {
    const known = into.get(key);
    const c = countsOf(r);
    into.set(key, known ? { reporters: known.reporters + c.reporters, withinLimit: known.withinLimit + c.withinLimit, reportedDays: known.reportedDays + c.reportedDays, overloadedDays: known.overloadedDays + c.overloadedDays } : c);
  };
  for (const r of rows) {
    add(byClass, r.classId, r);
    add(byWeek, r.weekStart, r);
  }
  return { byClass, byWeek };
}
