/**
 * 区级作业看板: the district's weeks first (one small answer), then the schools a page at a time, sorted and filtered
 * in the database; the whole range (every school, every class) only for the Excel workbook.
 */
import type { z } from 'zod';
import type { DistrictExport, DistrictSchoolsPage, DistrictSchoolsQuery, DistrictWeekly } from '@shuangjian/contracts';
import { roleHas } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, between, desc, eq, gt, gte, ilike, inArray, lte, max, min, type SQL, sql } from 'drizzle-orm';
import { type Ctx, readingCtx, requirePermission, scoped } from '../../../platform/access';
import { today } from '../../../platform/clock';
import { atOnce } from '../../../platform/db';
import { classDirectory, schoolDirectory } from '../../org';
import { homeworkPolicy } from '../homework.policy';
import { homeworkClassDayStats, homeworkSchoolWeekStats } from '../schema';
import { add, classDayCounts, type Counts, figures, isPartial, schoolWeekQuery, schoolWeekRows, summed, weeksOf, ZERO } from './figures';

/** Weeks shown when the page opens at most: those with published homework among the eight up to the latest. */
const DEFAULT_WEEKS = 8;

/**
 * The first answer is cached briefly per district, reach and range: a room of officers refreshing the same page costs
 * one rollup read per DASHBOARD_CACHE_MS, and a write shows within that time.
 */
const cache = new Map<string, { at: number; value: z.output<typeof DistrictWeekly> }>();
const DASHBOARD_CACHE_MS = 15_000;

const reachKey = (ctx: Ctx) =>
  ctx.grants
    .filter((g) => roleHas(g.role, 'homework.district'))
    .map((g) => (g.school === '*' ? '*' : g.school.join(',')))
    .sort()
    .join(';');

/** The district's weeks over a range (by default the eight weeks up to the latest with published homework). */
export async function districtWeekly(ctx: Ctx, range: { from?: LocalDate; to?: LocalDate }): Promise<z.output<typeof DistrictWeekly>> {
  requirePermission(ctx, 'homework.district');
  // a dashboard read: the read replica while it keeps up
  const reading = readingCtx(ctx);
  const now = today(reading);
  const key = `${reading.user.districtId}|${reachKey(reading)}|${range.from ?? ''}|${range.to ?? ''}|${now}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DASHBOARD_CACHE_MS) return hit.value;
  const value = await readWeekly(reading, range, now);
  if (cache.size > 500) cache.clear();
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** The first and last weeks (Mondays) with a published class-day within reach among the `weeks` up to this week. */
async function dataWeeks(ctx: Ctx, now: LocalDate, weeks: number): Promise<{ first: LocalDate | null; last: LocalDate | null }> {
  const w = homeworkSchoolWeekStats;
  const reach = and(scoped(ctx, w, 'homework.district'), gt(w.classDays, 0));
  const [last] = await ctx.db
    .select({ week: max(w.weekStart) })
    .from(w)
    .where(and(reach, lte(w.weekStart, weekStart(now))));
  if (!last?.week) return { first: null, last: null };
  const [first] = await ctx.db
    .select({ week: min(w.weekStart) })
    .from(w)
    .where(and(reach, gte(w.weekStart, addDays(last.week, -7 * (weeks - 1))), lte(w.weekStart, last.week)));
  return { first: first?.week ?? last.week, last: last.week };
}

async function readWeekly(ctx: Ctx, range: { from?: LocalDate; to?: LocalDate }, now: LocalDate): Promise<z.output<typeof DistrictWeekly>> {
  // no range asked: the weeks with published homework among the eight up to the latest, not empty ones before them
  const { first, last } = await dataWeeks(ctx, now, DEFAULT_WEEKS);
  const from = range.from ?? first ?? addDays(weekStart(now), -7 * (DEFAULT_WEEKS - 1));
  const to = range.to ?? addDays(last ?? weekStart(now), 6);
  // one read of the rollups: the weeks' sums, and the schools with published homework counted from the same rows
  const sw = ctx.db.$with('sw').as(schoolWeekQuery(ctx, from, to));
  const sd = schoolDirectory;
  const [weekRows, schools, { policy }] = await atOnce(ctx.db,
    () => ctx.db
      .with(sw)
      .select({ weekStart: sw.weekStart, ...summed(sw), active: sql<number>`(select count(distinct school_id) from sw where class_days > 0)::int` })
      .from(sw)
      .groupBy(sw.weekStart),
    () => ctx.db.select({ zoneId: sd.zoneId, zoneName: sd.zoneName }).from(sd).where(scoped(ctx, sd, 'homework.district')),
    () => homeworkPolicy(ctx.db, ctx.user.districtId, to),
  );
  const active = weekRows[0]?.active ?? 0;
  const byWeek = new Map(weekRows.map((r) => [r.weekStart, r]));
  const weeks = weeksOf(from, to).map((monday) => ({ weekStart: monday, partial: isPartial(monday, from, to, now), ...figures(byWeek.get(monday) ?? ZERO) }));
  const total = figures(weeks.reduce<Counts>((sum, x) => add(sum, x), ZERO));
  const zones = new Map(schools.map((s) => [s.zoneId, s.zoneName]));
  return {
    from,
    to,
    today: now,
    target: policy.completionTarget,
    lastDataWeek: last,
    weeks,
    total,
    schools: schools.length,
    silentSchools: schools.length - active,
    zones: [...zones].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

type SchoolsQuery = z.output<typeof DistrictSchoolsQuery>;

/** A page of schools over the range, each with its weeks; sorted (worst first by a rate, nulls last), by zone, by name. */
export async function districtSchools(ctx: Ctx, q: SchoolsQuery): Promise<z.output<typeof DistrictSchoolsPage>> {
  requirePermission(ctx, 'homework.district');
  // a dashboard read: the read replica while it keeps up
  const reading = readingCtx(ctx);
  const { rows, total } = await schoolTotals(reading, q);
  return { total, page: q.page, pageSize: q.pageSize, rows: await withWeeks(reading, q.from, q.to, rows) };
}

async function schoolTotals(ctx: Ctx, q: Pick<SchoolsQuery, 'from' | 'to' | 'sort' | 'order' | 'zoneId' | 'q'> & { page?: number; pageSize?: number }) {
  const u = schoolWeekRows(ctx, q.from, q.to);
  const t = ctx.db.select({ schoolId: u.schoolId, ...summed(u) }).from(u).groupBy(u.schoolId).as('t');
  const sd = schoolDirectory;
  const n = (col: SQL.Aliased<number> | typeof t.classDays) => sql<number>`coalesce(${col}, 0)::int`;
  const rates: Record<'within' | 'over' | 'reporting', SQL> = {
    within: sql`${t.withinLimit}::real / nullif(${t.reporters}, 0)`,
    over: sql`${t.overloadedDays}::real / nullif(${t.reportedDays}, 0)`,
    reporting: sql`${t.reporters}::real / nullif(${t.students}, 0)`,
  };
  const dir = q.order === 'desc' ? desc : asc;
  const order: SQL[] =
    q.sort === 'code'
      ? [dir(sd.code)]
      : q.sort === 'zone'
        ? [dir(sd.zoneName), asc(sd.code)]
        : [sql`${rates[q.sort]} ${sql.raw(q.order === 'desc' ? 'desc' : 'asc')} nulls last`, asc(sd.code)];
  const base = ctx.db
    .select({
      schoolId: sd.id,
      schoolName: sd.name,
      zoneId: sd.zoneId,
      zoneName: sd.zoneName,
      classDays: n(t.classDays),
      reportedDays: n(t.reportedDays),
      overloadedDays: n(t.overloadedDays),
      plannedOverDays: n(t.plannedOverDays),
      students: n(t.students),
      reporters: n(t.reporters),
      withinLimit: n(t.withinLimit),
      bedtimeStops: n(t.bedtimeStops),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(sd)
    .leftJoin(t, eq(t.schoolId, sd.id))
    .where(and(scoped(ctx, sd, 'homework.district'), q.zoneId ? eq(sd.zoneId, q.zoneId) : undefined, q.q ? ilike(sd.name, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined))
    .orderBy(...order);
  const rows = q.pageSize ? await base.limit(q.pageSize).offset(((q.page ?? 1) - 1) * q.pageSize) : await base;
  return { rows, total: rows[0]?.total ?? (q.page && q.page > 1 ? await countSchools(ctx, q) : 0) };
}

async function countSchools(ctx: Ctx, q: Pick<SchoolsQuery, 'zoneId' | 'q'>) {
  const sd = schoolDirectory;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sd)
    .where(and(scoped(ctx, sd, 'homework.district'), q.zoneId ? eq(sd.zoneId, q.zoneId) : undefined, q.q ? ilike(sd.name, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined));
  return row?.n ?? 0;
}

type SchoolRow = Awaited<ReturnType<typeof schoolTotals>>['rows'][number];

async function withWeeks(ctx: Ctx, from: LocalDate, to: LocalDate, rows: SchoolRow[]) {
  const ids = rows.map((r) => r.schoolId);
  if (!ids.length) return [];
  const u = schoolWeekRows(ctx, from, to, { school: (col) => inArray(col, ids) });
  const weekRows = await ctx.db.select().from(u).orderBy(u.weekStart);
  return rows.map(({ total: _total, ...r }) => ({
    ...r,
    ...figures(r),
    weeks: weekRows.filter((x) => x.schoolId === r.schoolId && x.classDays + x.reporters > 0).map((x) => ({ weekStart: x.weekStart, ...figures(x) })),
  }));
}

/** Per class over a range: the drill-down of one school, or every class in reach (the workbook). */
export async function classTotals(ctx: Ctx, from: LocalDate, to: LocalDate, schoolId: string | null, permission: 'homework.read' | 'homework.district' = 'homework.read') {
  const s = homeworkClassDayStats;
  const cd = classDirectory;
  const rows = await ctx.db
    .select({
      classId: s.classId,
      className: cd.name,
      grade: cd.grade,
      schoolId: cd.schoolId,
      schoolName: cd.schoolName,
      ...classDayCounts(),
      meanPlanned: sql<number | null>`round(avg(${s.plannedWritten}) filter (where ${s.published}), 1)::float8`,
      meanMedian: sql<number | null>`round(avg(${s.medianMinutes}), 1)::float8`,
    })
    .from(s)
    .innerJoin(cd, and(eq(cd.districtId, s.districtId), eq(cd.id, s.classId)))
    .where(and(scoped(ctx, s, permission), schoolId ? eq(s.schoolId, schoolId) : undefined, between(s.date, from, to)))
    .groupBy(s.classId, cd.name, cd.grade, cd.schoolId, cd.schoolName, cd.schoolCode)
    .orderBy(asc(cd.schoolCode), asc(cd.grade), asc(cd.name));
  return rows.map((r) => ({ ...r, ...figures(r) }));
}

/** Every school (with its weeks) and every class of the range: the Excel workbook's content. */
export async function districtExport(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<z.output<typeof DistrictExport>> {
  requirePermission(ctx, 'homework.district');
  // the export reads what the dashboard reads, from the read replica while it keeps up
  const reading = readingCtx(ctx);
  const [weekly, { rows }, classes] = await atOnce(reading.db,
    () => readWeekly(reading, { from, to }, today(reading)),
    () => schoolTotals(reading, { from, to, sort: 'code', order: 'asc' }),
    () => classTotals(reading, from, to, null, 'homework.district'),
  );
  const zoneOf = new Map(rows.map((r) => [r.schoolId, r.zoneName]));
  return {
    from,
    to,
    target: weekly.target,
    weeks: weekly.weeks,
    total: weekly.total,
    schools: await withWeeks(reading, from, to, rows),
    classes: classes.map((c) => ({ ...c, zoneName: zoneOf.get(c.schoolId) ?? '' })),
  };
}
