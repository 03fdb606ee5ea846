/** Views on homework load, read from the rollups: teacher's week, class calendar, school overview, district dashboard. */
import type { z } from 'zod';
import { type ClassDayStat, type DistrictWeekly, roleHas, type SchoolOverview, type SchoolWeek, type TeacherItemStat } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { classDirectory, schoolDirectory, subjectDirectory } from '../org';
import { visibleClass } from './common';
import { homeworkPolicy } from './homework.policy';
import { itemQuery, toItems } from './homework.repo';
import { homeworkClassDayStats, homeworkItems, homeworkItemStats, homeworkSchoolWeekStats } from './schema';

type Stat = typeof homeworkClassDayStats.$inferSelect;
const statOut = (s: Stat, className: string): z.output<typeof ClassDayStat> => ({
  classId: s.classId,
  className,
  date: s.date,
  dayKind: s.dayKind,
  limit: s.limit,
  plannedWritten: s.plannedWritten,
  plannedOptional: s.plannedOptional,
  plannedOther: s.plannedOther,
  published: s.published,
  plannedOver: s.plannedOver,
  reporters: s.reporters,
  withinLimit: s.withinLimit,
  bedtimeStops: s.bedtimeStops,
  overLimit: s.overLimit,
  medianMinutes: s.medianMinutes,
  p90Minutes: s.p90Minutes,
  overloaded: s.overloaded,
});

/** 班级作业负担日历: each day's planned load against the limit and what families reported. */
export async function classCalendar(ctx: Ctx, classId: string, from: LocalDate, to: LocalDate) {
  const cls = await visibleClass(ctx, classId);
  const [rows, { policy }] = await Promise.all([
    ctx.db
      .select()
      .from(homeworkClassDayStats)
      .where(and(eq(homeworkClassDayStats.districtId, cls.districtId), eq(homeworkClassDayStats.classId, classId), gte(homeworkClassDayStats.date, from), lte(homeworkClassDayStats.date, to)))
      .orderBy(asc(homeworkClassDayStats.date)),
    homeworkPolicy(ctx.db, cls.districtId, to),
  ]);
  return { classId, className: cls.name, grade: cls.grade, target: policy.completionTarget, days: rows.map((r) => statOut(r, cls.name)) };
}

const itemStatQuery = (ctx: Ctx) =>
  ctx.db
    .select({ s: homeworkItemStats, teacherName: users.name, subjectName: subjectDirectory.name, className: classDirectory.name })
    .from(homeworkItemStats)
    .innerJoin(homeworkItems, and(eq(homeworkItems.districtId, homeworkItemStats.districtId), eq(homeworkItems.id, homeworkItemStats.itemId)))
    .innerJoin(users, and(eq(users.districtId, homeworkItemStats.districtId), eq(users.id, homeworkItemStats.teacherId)))
    .innerJoin(subjectDirectory, and(eq(subjectDirectory.districtId, homeworkItems.districtId), eq(subjectDirectory.id, homeworkItems.subjectId)))
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkItems.districtId), eq(classDirectory.id, homeworkItems.classId)));

const itemStatOut = (r: Awaited<ReturnType<ReturnType<typeof itemStatQuery>['execute']>>[number]): z.output<typeof TeacherItemStat> => ({
  itemId: r.s.itemId,
  classId: r.s.classId,
  teacherId: r.s.teacherId,
  teacherName: r.teacherName,
  subjectName: r.subjectName,
  className: r.className,
  date: r.s.date,
  estimate: r.s.estimate,
  reports: r.s.reports,
  medianMinutes: r.s.medianMinutes,
  flagged: r.s.flagged,
});

/** 我的一周: what I set this week, and how long families said it took. */
export async function teacherWeek(ctx: Ctx, monday: LocalDate) {
  requirePermission(ctx, 'homework.read');
  const start = weekStart(monday);
  const end = addDays(start, 6);
  const mine = and(eq(homeworkItems.districtId, ctx.user.districtId), eq(homeworkItems.teacherId, ctx.user.id), gte(homeworkItems.date, start), lte(homeworkItems.date, end));
  const [rows, stats, { policy }] = await Promise.all([
    itemQuery(ctx.db).where(and(mine, sql`${homeworkItems.status} <> 'withdrawn'`)).orderBy(asc(homeworkItems.date), asc(classDirectory.name)),
    itemStatQuery(ctx).where(mine).orderBy(asc(homeworkItemStats.date)),
    homeworkPolicy(ctx.db, ctx.user.districtId, start),
  ]);
  return { weekStart: start, overrunFactor: policy.overrun.factor, items: await toItems(ctx.db, rows), stats: stats.map(itemStatOut) };
}

/** 教务处: classes over the limit today and this week, estimate against actual by teacher over the last four weeks. */
export async function schoolOverview(ctx: Ctx, schoolId: string, date: LocalDate): Promise<z.output<typeof SchoolOverview>> {
  requirePermission(ctx, 'homework.read');
  const [school] = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  const monday = weekStart(date);
  const inScope = and(scoped(ctx, homeworkClassDayStats, 'homework.read'), eq(homeworkClassDayStats.schoolId, schoolId));
  const [today, week, itemRows, { policy }] = await Promise.all([
    ctx.db
      .select({ s: homeworkClassDayStats, className: classDirectory.name })
      .from(homeworkClassDayStats)
      .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkClassDayStats.districtId), eq(classDirectory.id, homeworkClassDayStats.classId)))
      .where(and(inScope, eq(homeworkClassDayStats.date, date)))
      .orderBy(asc(classDirectory.grade), asc(classDirectory.name)),
    ctx.db
      .select({ s: homeworkClassDayStats, className: classDirectory.name })
      .from(homeworkClassDayStats)
      .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkClassDayStats.districtId), eq(classDirectory.id, homeworkClassDayStats.classId)))
      .where(and(inScope, gte(homeworkClassDayStats.date, monday), lte(homeworkClassDayStats.date, addDays(monday, 6)), sql`(${homeworkClassDayStats.plannedOver} or ${homeworkClassDayStats.overloaded})`))
      .orderBy(asc(homeworkClassDayStats.date), asc(classDirectory.name)),
    itemStatQuery(ctx)
      .where(and(scoped(ctx, homeworkItemStats, 'homework.read'), eq(homeworkItemStats.schoolId, schoolId), gte(homeworkItemStats.date, addDays(date, -27)), lte(homeworkItemStats.date, date)))
      .orderBy(desc(homeworkItemStats.ratio)),
    homeworkPolicy(ctx.db, ctx.user.districtId, date),
  ]);
  const byTeacher = new Map<string, typeof itemRows>();
  for (const r of itemRows) byTeacher.set(r.s.teacherId, [...(byTeacher.get(r.s.teacherId) ?? []), r]);
  const teachers = [...byTeacher.values()].map((rows) => {
    const reported = rows.filter((r) => r.s.ratio !== null);
    return {
      teacherId: rows[0]!.s.teacherId,
      teacherName: rows[0]!.teacherName,
      items: rows.length,
      reportedItems: reported.length,
      meanRatio: reported.length ? Math.round((reported.reduce((s, r) => s + r.s.ratio!, 0) / reported.length) * 100) / 100 : null,
      flagged: rows.filter((r) => r.s.flagged).length,
    };
  });
  teachers.sort((a, b) => (b.meanRatio ?? 0) - (a.meanRatio ?? 0));
  return {
    schoolId,
    target: policy.completionTarget,
    overrunFactor: policy.overrun.factor,
    date,
    weekStart: monday,
    today: today.map((r) => statOut(r.s, r.className)),
    week: week.map((r) => statOut(r.s, r.className)),
    teachers,
    flaggedItems: itemRows.filter((r) => r.s.flagged).slice(0, 50).map(itemStatOut),
  };
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

/**
 * Dashboards answer from a short-lived cache (per district, reach and range): a room of officers refreshing the same
 * page costs one rollup read per DASHBOARD_CACHE_MS, and a write shows within that time.
 */
const dashboardCache = new Map<string, { at: number; value: z.output<typeof DistrictWeekly> }>();
const DASHBOARD_CACHE_MS = 15_000;

/** District dashboard: per school and week, the over-limit rate and the within-limit completion rate. One rollup read. */
export async function districtWeekly(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<z.output<typeof DistrictWeekly>> {
  requirePermission(ctx, 'homework.district');
  const reach = ctx.grants.filter((g) => roleHas(g.role, 'homework.district')).map((g) => (g.school === '*' ? '*' : g.school.join(',')));
  const key = `${ctx.user.districtId}|${reach.sort().join(';')}|${from}|${to}`;
  const hit = dashboardCache.get(key);
  if (hit && Date.now() - hit.at < DASHBOARD_CACHE_MS) return hit.value;
  const value = await readDistrictWeekly(ctx, from, to);
  if (dashboardCache.size > 500) dashboardCache.clear();
  dashboardCache.set(key, { at: Date.now(), value });
  return value;
}

async function readDistrictWeekly(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<z.output<typeof DistrictWeekly>> {
  const start = weekStart(from);
  const end = weekStart(to);
  const [rows, { policy }] = await Promise.all([
    ctx.db
      .select({ w: homeworkSchoolWeekStats, schoolName: schoolDirectory.name, zoneName: schoolDirectory.zoneName, code: schoolDirectory.code })
      .from(homeworkSchoolWeekStats)
      .innerJoin(schoolDirectory, and(eq(schoolDirectory.districtId, homeworkSchoolWeekStats.districtId), eq(schoolDirectory.id, homeworkSchoolWeekStats.schoolId)))
      .where(and(scoped(ctx, schoolDirectory, 'homework.district'), gte(homeworkSchoolWeekStats.weekStart, start), lte(homeworkSchoolWeekStats.weekStart, end)))
      .orderBy(asc(schoolDirectory.code), asc(homeworkSchoolWeekStats.weekStart)),
    homeworkPolicy(ctx.db, ctx.user.districtId, to),
  ]);
  const toRow = (w: typeof homeworkSchoolWeekStats.$inferSelect) => ({
    weekStart: w.weekStart,
    classDays: w.classDays,
    reportedDays: w.reportedDays,
    overloadedDays: w.overloadedDays,
    plannedOverDays: w.plannedOverDays,
    reporters: w.reporters,
    withinLimit: w.withinLimit,
    overLimitRate: rate(w.overloadedDays, w.reportedDays),
    withinLimitRate: rate(w.withinLimit, w.reporters),
  });
  const weeks: LocalDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 7)) weeks.push(d);
  const totals = weeks.map((week) => {
    const sum = (f: (w: typeof homeworkSchoolWeekStats.$inferSelect) => number) => rows.filter((r) => r.w.weekStart === week).reduce((s, r) => s + f(r.w), 0);
    const t = {
      weekStart: week,
      classDays: sum((w) => w.classDays),
      reportedDays: sum((w) => w.reportedDays),
      overloadedDays: sum((w) => w.overloadedDays),
      plannedOverDays: sum((w) => w.plannedOverDays),
      reporters: sum((w) => w.reporters),
      withinLimit: sum((w) => w.withinLimit),
    };
    return { ...t, overLimitRate: rate(t.overloadedDays, t.reportedDays), withinLimitRate: rate(t.withinLimit, t.reporters) };
  });
  const out: z.output<typeof SchoolWeek>[] = rows.map((r) => ({ schoolId: r.w.schoolId, schoolName: r.schoolName, zoneName: r.zoneName, ...toRow(r.w) }));
  const withData = new Set(rows.filter((r) => r.w.classDays > 0).map((r) => r.w.schoolId));
  const all = await ctx.db
    .select({ schoolId: schoolDirectory.id, schoolName: schoolDirectory.name, zoneName: schoolDirectory.zoneName })
    .from(schoolDirectory)
    .where(scoped(ctx, schoolDirectory, 'homework.district'))
    .orderBy(asc(schoolDirectory.code));
  return { from: start, to: addDays(end, 6), target: policy.completionTarget, weeks, rows: out, silent: all.filter((s) => !withData.has(s.schoolId)), totals };
}

/** Drill-down: the classes of one school over a range, aggregated in the database from the class-day rollup. */
export async function schoolClasses(ctx: Ctx, schoolId: string, from: LocalDate, to: LocalDate) {
  requirePermission(ctx, 'homework.read');
  const [school] = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, 'homework.read'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw found([], '学校');
  const rows = await ctx.db
    .select({
      classId: homeworkClassDayStats.classId,
      className: classDirectory.name,
      grade: classDirectory.grade,
      classDays: sql<number>`count(*) filter (where ${homeworkClassDayStats.published})::int`,
      reportedDays: sql<number>`count(*) filter (where ${homeworkClassDayStats.reporters} > 0)::int`,
      overloadedDays: sql<number>`count(*) filter (where ${homeworkClassDayStats.overloaded})::int`,
      reporters: sql<number>`coalesce(sum(${homeworkClassDayStats.reporters}), 0)::int`,
      withinLimit: sql<number>`coalesce(sum(${homeworkClassDayStats.withinLimit}), 0)::int`,
      meanPlanned: sql<number | null>`round(avg(${homeworkClassDayStats.plannedWritten}) filter (where ${homeworkClassDayStats.published}), 1)::float8`,
      meanMedian: sql<number | null>`round(avg(${homeworkClassDayStats.medianMinutes}), 1)::float8`,
    })
    .from(homeworkClassDayStats)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkClassDayStats.districtId), eq(classDirectory.id, homeworkClassDayStats.classId)))
    .where(and(scoped(ctx, homeworkClassDayStats, 'homework.read'), eq(homeworkClassDayStats.schoolId, schoolId), gte(homeworkClassDayStats.date, from), lte(homeworkClassDayStats.date, to)))
    .groupBy(homeworkClassDayStats.classId, classDirectory.name, classDirectory.grade)
    .orderBy(asc(classDirectory.grade), asc(classDirectory.name));
  return rows;
}

