/**
 * 五项管理看板: the district's view (every school within reach, summed per zone and for the district), a school's
 * classes with those below the sleep threshold, and a class's weeks. Each reads the indicator rollup once or twice
 * and org's directory for names; never an area's records.
 * Read-only, so every query goes to ctx.readDb: the read replica while it keeps up.
 */
import type { FiveClassDashboard, FiveDashboardQuery, FiveDistrictDashboard, FiveSchoolDashboard, IndicatorFigures } from '@shuangjian/contracts';
import { addDays, weekStart } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { atOnce } from '../../platform/db';
import { found } from '../../platform/errors';
import { addFigures, readIndicators, sumSchools, weekPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { classDirectory, schoolDirectory } from '../org';
import {
  belowBp,
  DASHBOARD_PERMISSION,
  dashboardPeriod,
  FIVE_FIGURE_KEYS,
  foldBy,
  periodsOf,
} from './dashboard-figures.service';
import { fiveManagementsPolicy } from './five-managements.policy';

const PERMISSION = DASHBOARD_PERMISSION;
/** Weeks of a class's trend, the chosen one included. */
const TREND_WEEKS = 8;

/** Every school within reach and its figures for the week and semester, summed per zone and for the district. */
export async function fiveDistrictDashboard(ctx: Ctx, q: FiveDashboardQuery): Promise<FiveDistrictDashboard> {
  requirePermission(ctx, PERMISSION);
  const period = await dashboardPeriod(ctx, q);
  const sd = schoolDirectory;
  const [schools, rows] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ schoolId: sd.id, schoolCode: sd.code, schoolName: sd.name, zoneId: sd.zoneId, zoneName: sd.zoneName })
      .from(sd)
      .where(scoped(ctx, sd, PERMISSION))
      .orderBy(asc(sd.zoneName), asc(sd.code)),
    () => readIndicators(ctx.readDb, ctx.user.districtId, {
      indicators: FIVE_FIGURE_KEYS,
      periods: periodsOf(period),
      by: 'school',
      where: scoped(ctx, indicatorRollups, PERMISSION),
    }),
  );
  return { ...period, ...sumSchools(schools, foldBy(rows, period, (r) => r.schoolId)) };
}

/** A school within reach (404 for another's or an unknown one), its classes, and those below the sleep threshold. */
export async function fiveSchoolDashboard(ctx: Ctx, schoolId: string, q: FiveDashboardQuery): Promise<FiveSchoolDashboard> {
  requirePermission(ctx, PERMISSION);
  const period = await dashboardPeriod(ctx, q);
  const sd = schoolDirectory;
  const cd = classDirectory;
  const school = found(
    await ctx.readDb
      .select({ id: sd.id, code: sd.code, name: sd.name, zoneName: sd.zoneName })
      .from(sd)
      .where(and(scoped(ctx, sd, PERMISSION), eq(sd.id, schoolId))),
    '学校',
  );
  const where = and(scoped(ctx, indicatorRollups, PERMISSION), eq(indicatorRollups.schoolId, school.id));
  const periods = periodsOf(period);
  const [classes, totals, classRows, policy] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ classId: cd.id, className: cd.name, grade: cd.grade })
      .from(cd)
      .where(and(scoped(ctx, cd, PERMISSION), eq(cd.schoolId, school.id)))
      .orderBy(asc(cd.grade), asc(cd.name)),
    () => readIndicators(ctx.readDb, ctx.user.districtId, { indicators: FIVE_FIGURE_KEYS, periods, by: 'school', where }),
    () => readIndicators(ctx.readDb, ctx.user.districtId, { indicators: FIVE_FIGURE_KEYS, periods, by: 'class', where }),
    () => fiveManagementsPolicy(ctx.readDb, ctx.user.districtId, period.weekEnd),
  );
  const bp = policy.values['five-managements.sleep'].classThresholdBp;
  const byClass = foldBy(classRows, period, (r) => r.classId);
  const meets = 'five-managements.sleep.meets';
  return {
    ...period,
    school,
    figures: foldBy(totals, period, () => school.id).get(school.id) ?? {},
    classes: classes.map((c) => {
      const figures = byClass.get(c.classId) ?? {};
      return { ...c, figures, belowSleep: belowBp(figures[meets], bp) };
    }),
    sleepRule: { rule: 'five-managements.sleep', classThresholdBp: bp, policyVersions: policy.versions },
  };
}

/** A class within reach: its figures for the week and semester, and the weekly figures of the weeks up to the chosen one. */
export async function fiveClassDashboard(ctx: Ctx, classId: string, q: FiveDashboardQuery): Promise<FiveClassDashboard> {
  requirePermission(ctx, PERMISSION);
  const period = await dashboardPeriod(ctx, q);
  const cd = classDirectory;
  const klass = found(
    await ctx.readDb
      .select({ id: cd.id, name: cd.name, grade: cd.grade, schoolId: cd.schoolId, schoolName: cd.schoolName })
      .from(cd)
      .where(and(scoped(ctx, cd, PERMISSION), eq(cd.id, classId))),
    '班级',
  );
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => weekStart(addDays(period.week, -7 * (TREND_WEEKS - 1 - i))));
  const rows = await readIndicators(ctx.readDb, ctx.user.districtId, {
    indicators: FIVE_FIGURE_KEYS,
    periods: [...new Set([...periodsOf(period), ...weeks.map(weekPeriod)])],
    by: 'class',
    where: and(scoped(ctx, indicatorRollups, PERMISSION), eq(indicatorRollups.classId, klass.id)),
  });
  const trend = new Map(weeks.map((w) => [weekPeriod(w), {} as IndicatorFigures]));
  for (const r of rows) {
    const figures = trend.get(r.period);
    if (figures) addFigures(figures, { [r.indicator]: { num: r.num, den: r.den } });
  }
  return {
    ...period,
    class: klass,
    figures: foldBy(rows, period, () => klass.id).get(klass.id) ?? {},
    weeks: weeks.map((w) => ({ week: w, figures: trend.get(weekPeriod(w))! })),
  };
}
