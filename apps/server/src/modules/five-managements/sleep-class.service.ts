/**
 * 睡眠管理 for staff: a class's week (share of nights meeting the minimum and the bedtime, each pupil's week, who has
 * not reported — names whole for the class teacher and the school's office, masked for others), and the classes a
 * user reaches with their week's figures from the indicator rollup, flagged below the district's threshold.
 */
import { FIVE_INDICATORS, type SleepClasses, type SleepClassesQuery, type SleepClassFigure, type SleepClassWeek } from '@shuangjian/contracts';
import { addDays, belowSleepThreshold, type LocalDate, maskName, SLEEP_RULE_KEY, shareBp, sleepStageOfGrade, weekStart } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { found } from '../../platform/errors';
import { weekPeriod } from '../../platform/indicators';
import { pageTotal } from '../../platform/paging';
import { indicatorRollups } from '../../platform/schema';
import { classDirectory, classKeys, schoolDirectory, studentDirectory, visibleClass } from '../org';
import { versionOf } from './five-managements.repo';
import { fiveManagementsPolicy } from './five-managements.policy';
import { fiveSleepReports } from './sleep.schema';

const PERMISSION = 'five-managements.read' as const;

async function thresholdAt(ctx: Ctx, date: LocalDate) {
  const { values, versions } = await fiveManagementsPolicy(ctx.db, ctx.user.districtId, date);
  return { rule: values[SLEEP_RULE_KEY], policyVersions: versionOf(versions, SLEEP_RULE_KEY) };
}

function figureOf(c: { id: string; name: string; grade: number; schoolId: string; schoolName: string }, n: { reports: number; meets: number; bedtimeOk: number }, thresholdBp: number): SleepClassFigure {
  return {
    classId: c.id,
    className: c.name,
    grade: Number(c.grade),
    schoolId: c.schoolId,
    schoolName: c.schoolName,
    reports: n.reports,
    meets: n.meets,
    bedtimeOk: n.bedtimeOk,
    meetsBp: shareBp(n.meets, n.reports),
    bedtimeBp: shareBp(n.bedtimeOk, n.reports),
    below: belowSleepThreshold(n.meets, n.reports, thresholdBp),
  };
}

/**
 * A page of the classes the user reaches (a school's, a teacher's, the district's), with the week's figures, those
 * needing attention first: lowest share of nights meeting the minimum, classes without reports last, then school,
 * grade, name and id. `below` keeps the flagged ones; `schoolId` one school (outside the user's reach: 404).
 */
export async function sleepClasses(ctx: Ctx, query: z.output<typeof SleepClassesQuery>): Promise<SleepClasses> {
  requirePermission(ctx, PERMISSION);
  const ws = weekStart(query.week ?? today(ctx));
  const { rule, policyVersions } = await thresholdAt(ctx, ws);
  const thresholdBp = rule.classThresholdBp;
  const C = classDirectory;
  const R = indicatorRollups;
  const of = (indicator: string, col: typeof R.num | typeof R.den) => sql`sum(${col}) filter (where ${R.indicator} = ${indicator})`;
  const f = ctx.db
    .select({
      classId: R.classId,
      reports: of(FIVE_INDICATORS.sleepMeets, R.den).as('reports'),
      meets: of(FIVE_INDICATORS.sleepMeets, R.num).as('meets'),
      bedtimeOk: of(FIVE_INDICATORS.sleepBedtime, R.num).as('bedtime_ok'),
    })
    .from(R)
    .where(
      and(
        scoped(ctx, R, PERMISSION),
        eq(R.districtId, ctx.user.districtId),
        eq(R.period, weekPeriod(ws)),
        inArray(R.indicator, [FIVE_INDICATORS.sleepMeets, FIVE_INDICATORS.sleepBedtime]),
        isNotNull(R.classId),
        query.schoolId ? eq(R.schoolId, query.schoolId) : undefined,
      ),
    )
    .groupBy(R.classId)
    .as('f');
  const where = and(
    scoped(ctx, C, PERMISSION),
    query.schoolId ? eq(C.schoolId, query.schoolId) : undefined,
    // as belowSleepThreshold: the share in basis points, rounded, under the threshold; no reports is not below
    query.below === 'true' ? sql`${f.reports} > 0 and round(${f.meets} * 10000.0 / ${f.reports}) < ${thresholdBp}` : undefined,
  );
  const n = (col: typeof f.reports) => sql<number>`coalesce(${col}, 0)::int`;
  const rows = await ctx.db
    .select({
      id: C.id,
      name: C.name,
      grade: C.grade,
      schoolId: C.schoolId,
      schoolName: C.schoolName,
      reports: n(f.reports),
      meets: n(f.meets),
      bedtimeOk: n(f.bedtimeOk),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(C)
    .leftJoin(f, eq(f.classId, C.id))
    .where(where)
    .orderBy(sql`${f.meets}::float8 / nullif(${f.reports}, 0) asc nulls last`, asc(C.schoolName), asc(C.grade), asc(C.name), asc(C.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await pageTotal(rows, query.page, async () => (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(C).leftJoin(f, eq(f.classId, C.id)).where(where))[0]?.n ?? 0);
  if (query.schoolId && total === 0) await schoolInReach(ctx, query.schoolId);
  return {
    weekStart: ws,
    thresholdBp,
    policyVersions,
    items: rows.map((c) => figureOf(c, c, thresholdBp)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A school asked for by id that the user does not reach is refused as not found, as elsewhere in the module. */
async function schoolInReach(ctx: Ctx, schoolId: string) {
  found(await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(scoped(ctx, schoolDirectory, PERMISSION), eq(schoolDirectory.id, schoolId))), '学校');
}

/** A class's week: figures, day by day, each pupil, and who has not reported. */
export async function sleepClassWeek(ctx: Ctx, classId: string, week?: LocalDate): Promise<SleepClassWeek> {
  requirePermission(ctx, PERMISSION);
  const c = await visibleClass(ctx, classId, PERMISSION);
  const ws = weekStart(week ?? today(ctx));
  const we = addDays(ws, 6);
  const { rule, policyVersions } = await thresholdAt(ctx, ws);
  const whole = coveringGrants(ctx, PERMISSION, classKeys(c)).some((g) => g.role === 'class_teacher' || g.role === 'school_admin');
  const S = studentDirectory;
  const pupils = await ctx.db
    .select({ id: S.id, name: S.name })
    .from(S)
    .where(and(scoped(ctx, S, PERMISSION), eq(S.classId, c.id), eq(S.status, 'active')))
    .orderBy(asc(S.studentNo));
  const R = fiveSleepReports;
  const inWeek = and(scoped(ctx, R, PERMISSION), eq(R.classId, c.id), gte(R.date, ws), lte(R.date, we));
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  const perPupil = await ctx.db
    .select({
      studentId: R.studentId,
      reports: sql<number>`count(*)::int`,
      meets: n(sql`${R.meetsMinimum}`),
      bedtimeOk: n(sql`${R.bedtimeOk}`),
      homeworkLate: n(sql`${R.homeworkLate}`),
      averageMinutes: sql<number>`round(avg(${R.minutes}))::int`,
    })
    .from(R)
    .where(inWeek)
    .groupBy(R.studentId);
  const perDay = await ctx.db
    .select({ date: R.date, reports: sql<number>`count(*)::int`, meets: n(sql`${R.meetsMinimum}`), bedtimeOk: n(sql`${R.bedtimeOk}`) })
    .from(R)
    .where(inWeek)
    .groupBy(R.date)
    .orderBy(asc(R.date));
  const shown = (name: string) => (whole ? name : maskName(name));
  const byPupil = new Map(perPupil.map((p) => [p.studentId, p]));
  const total = perPupil.reduce((a, p) => ({ reports: a.reports + p.reports, meets: a.meets + p.meets, bedtimeOk: a.bedtimeOk + p.bedtimeOk }), { reports: 0, meets: 0, bedtimeOk: 0 });
  const stage = sleepStageOfGrade(Number(c.grade));
  return {
    classId: c.id,
    className: c.name,
    schoolName: c.schoolName,
    weekStart: ws,
    rule: { rule: SLEEP_RULE_KEY, stage, ...rule[stage], policyVersions },
    thresholdBp: rule.classThresholdBp,
    figure: figureOf({ id: c.id, name: c.name, grade: c.grade, schoolId: c.schoolId, schoolName: c.schoolName }, total, rule.classThresholdBp),
    days: perDay,
    pupils: pupils
      .filter((p) => byPupil.has(p.id))
      .map((p) => {
        const w = byPupil.get(p.id)!;
        return { studentId: p.id, name: shown(p.name), reports: w.reports, meets: w.meets, bedtimeOk: w.bedtimeOk, homeworkLate: w.homeworkLate, averageMinutes: w.averageMinutes };
      }),
    notReported: pupils.filter((p) => !byPupil.has(p.id)).map((p) => ({ studentId: p.id, name: shown(p.name) })),
  };
}
