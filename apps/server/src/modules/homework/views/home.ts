/**
 * What each home page puts first: for the district office and inspectors this week's figures and the schools and
 * classes that need attention; for academic affairs today's publication progress.
 */
import type { z } from 'zod';
import type { AttentionReason, DistrictHome, Figures, SchoolHome } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, between, count, eq, sql } from 'drizzle-orm';
import { type Ctx, readingCtx, requirePermission, scoped } from '../../../platform/access';
import { today } from '../../../platform/clock';
import { atOnce } from '../../../platform/db';
import { classDirectory, schoolDirectory } from '../../org';
import { dayKinds } from '../common';
import { homeworkPolicy } from '../homework.policy';
import { homeworkClassDayStats, homeworkDays } from '../schema';
import { add, classDayCounts, type Counts, figures, isPartial, schoolWeekRows, summed, tolerance, ZERO } from './figures';

/** Schools and classes listed on the home page at most. */
const ATTENTION_SCHOOLS = 8;
const ATTENTION_CLASSES = 10;

type Reason = z.output<typeof AttentionReason>;
type Fig = z.output<typeof Figures>;

/** Over-loaded days above what the target tolerates, completion below the target, published days without any report. */
export function reasonsOf(f: Fig, target: number): Reason[] {
  const out: Reason[] = [];
  if (f.overLimitRate !== null && f.overLimitRate > tolerance(target)) out.push('overloaded');
  if (f.withinLimitRate !== null && f.withinLimitRate < target) out.push('belowTarget');
  if (f.classDays > 0 && f.reporters === 0) out.push('noReports');
  return out;
}

/** Worst first: the share of over-loaded days, then completion, then reporting (a missing figure counts as worst). */
export const worstFirst = (a: Fig, b: Fig) =>
  (b.overLimitRate ?? 0) - (a.overLimitRate ?? 0) || (a.withinLimitRate ?? -1) - (b.withinLimitRate ?? -1) || (a.reportingRate ?? -1) - (b.reportingRate ?? -1);

async function districtFigures(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<Counts> {
  const u = schoolWeekRows(ctx, from, to);
  const [row] = await ctx.db.select(summed(u)).from(u);
  return row ?? ZERO;
}

/** Each school in reach with its counts over the range (schools without rollup rows left out). */
function perSchool(ctx: Ctx, from: LocalDate, to: LocalDate) {
  const u = schoolWeekRows(ctx, from, to);
  const sd = schoolDirectory;
  return ctx.db
    .select({ schoolId: sd.id, schoolName: sd.name, zoneName: sd.zoneName, ...summed(u) })
    .from(u)
    .innerJoin(sd, and(eq(sd.districtId, ctx.user.districtId), eq(sd.id, u.schoolId)))
    .groupBy(sd.id, sd.name, sd.zoneName);
}

export async function districtHome(ctx: Ctx): Promise<z.output<typeof DistrictHome>> {
  requirePermission(ctx, 'homework.district');
  // a dashboard read: the read replica while it keeps up
  const reading = readingCtx(ctx);
  const now = today(reading);
  const monday = weekStart(now);
  const lastMonday = addDays(monday, -7);
  // this week's schools read once: their sum is the district's week, and the list to look at when the week has reports
  const [thisWeekSchools, previous, { policy }] = await atOnce(reading.db,
    () => perSchool(reading, monday, now),
    () => districtFigures(reading, lastMonday, addDays(lastMonday, 6)),
    () => homeworkPolicy(reading.db, reading.user.districtId, now),
  );
  const thisWeek = thisWeekSchools.reduce<Counts>((sum, r) => add(sum, r), ZERO);
  const target = policy.completionTarget;
  const basis = thisWeek.reportedDays > 0 ? monday : lastMonday;
  const [from, to] = basis === monday ? [monday, now] : [lastMonday, addDays(lastMonday, 6)];
  const [schoolRows, classRows] = await atOnce(reading.db, () => basis === monday ? Promise.resolve(thisWeekSchools) : perSchool(reading, from, to), () => attentionClasses(reading, from, to, target));
  const schools = schoolRows
    .map((r) => {
      const f = figures(r);
      return { schoolId: r.schoolId, schoolName: r.schoolName, zoneName: r.zoneName, ...f, reasons: reasonsOf(f, target) };
    })
    .filter((r) => r.reasons.length)
    .sort(worstFirst)
    .slice(0, ATTENTION_SCHOOLS);
  return {
    today: now,
    target,
    week: { weekStart: monday, partial: isPartial(monday, monday, addDays(monday, 6), now), ...figures(thisWeek) },
    lastWeek: { weekStart: lastMonday, partial: false, ...figures(previous) },
    basis,
    schools,
    classes: classRows,
  };
}

/** Classes in reach whose figures over the range need attention, worst first; the filter runs in the database. */
async function attentionClasses(ctx: Ctx, from: LocalDate, to: LocalDate, target: number) {
  const s = homeworkClassDayStats;
  const c = classDayCounts();
  const overRate = sql`${c.overloadedDays}::real / nullif(${c.reportedDays}, 0)`;
  const withinRate = sql`${c.withinLimit}::real / nullif(${c.reporters}, 0)`;
  const rows = await ctx.db
    .select({ classId: s.classId, className: classDirectory.name, grade: classDirectory.grade, schoolId: classDirectory.schoolId, schoolName: classDirectory.schoolName, ...c })
    .from(s)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, s.districtId), eq(classDirectory.id, s.classId)))
    .where(and(scoped(ctx, s, 'homework.district'), between(s.date, from, to)))
    .groupBy(s.classId, classDirectory.name, classDirectory.grade, classDirectory.schoolId, classDirectory.schoolName)
    .having(sql`${overRate} > ${tolerance(target)} or ${withinRate} < ${target} or (${c.classDays} > 0 and ${c.reporters} = 0)`)
    .orderBy(sql`${overRate} desc nulls last`, sql`${withinRate} asc nulls first`, asc(classDirectory.name))
    .limit(ATTENTION_CLASSES * 3);
  return rows
    .map((r) => {
      const f = figures(r);
      return { classId: r.classId, className: r.className, grade: r.grade, schoolId: r.schoolId, schoolName: r.schoolName, ...f, reasons: reasonsOf(f, target) };
    })
    .filter((r) => r.reasons.length)
    .sort(worstFirst)
    .slice(0, ATTENTION_CLASSES);
}

/** Academic affairs' home: for each school they approve for, today's classes published, waiting, over the limit. */
export async function schoolHome(ctx: Ctx, date?: LocalDate): Promise<z.output<typeof SchoolHome>> {
  requirePermission(ctx, 'homework.read');
  const day = date ?? today(ctx);
  const monday = weekStart(day);
  const schools = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(scoped(ctx, schoolDirectory, 'homework.approve'))
    .orderBy(asc(schoolDirectory.code));
  const out = [];
  for (const school of schools) {
    const s = homeworkClassDayStats;
    const d = homeworkDays;
    const [[classes], [days], [planned], week, kinds] = await atOnce(ctx.db,
      () => ctx.db.select({ n: count() }).from(classDirectory).where(and(eq(classDirectory.districtId, ctx.user.districtId), eq(classDirectory.schoolId, school.id))),
      () => ctx.db
        .select({
          published: sql<number>`count(*) filter (where ${d.publishedVersion} > 0)::int`,
          pendingApproval: sql<number>`count(*) filter (where ${d.status} = 'pending_approval')::int`,
        })
        .from(d)
        .where(and(eq(d.districtId, ctx.user.districtId), eq(d.schoolId, school.id), eq(d.date, day))),
      () => ctx.db
        .select({ n: count() })
        .from(s)
        .where(and(eq(s.districtId, ctx.user.districtId), eq(s.schoolId, school.id), eq(s.date, day), eq(s.plannedOver, true))),
      () => ctx.db
        .select(classDayCounts())
        .from(s)
        .where(and(eq(s.districtId, ctx.user.districtId), eq(s.schoolId, school.id), between(s.date, monday, day))),
      () => dayKinds(ctx.db, ctx.user.districtId, school.id, [day]),
    );
    const kind = kinds.get(day);
    out.push({
      schoolId: school.id,
      schoolName: school.name,
      date: day,
      dayKind: kind?.kind ?? 'school_day',
      dayName: kind?.name ?? null,
      classes: classes?.n ?? 0,
      published: days?.published ?? 0,
      pendingApproval: days?.pendingApproval ?? 0,
      plannedOver: planned?.n ?? 0,
      week: figures(add(ZERO, week[0] ?? ZERO)),
    });
  }
  const { policy } = await homeworkPolicy(ctx.db, ctx.user.districtId, day);
  return { date: day, target: policy.completionTarget, schools: out };
}
