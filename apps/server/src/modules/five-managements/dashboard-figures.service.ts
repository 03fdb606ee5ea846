/**
 * What the 五项管理 dashboards share: the period a request means (a week and a semester), which rollup periods each
 * figure reads, and folding rollup rows into figures per school, zone, class or week. No division happens here: a
 * figure stays numerator over denominator until the page shows it.
 * Read-only, so every query goes to ctx.readDb: the read replica while it keeps up.
 */
import { FIVE_DASHBOARD_FIGURES, type DashboardPeriod, type FiveDashboardQuery } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import type { Ctx } from '../../platform/access';
import { today } from '../../platform/clock';
import { invalid } from '../../platform/errors';
import { dayPeriod, foldFigures, type IndicatorRow, semesterPeriod, weekPeriod } from '../../platform/indicators';
import { semesterAt, semesterById, semestersOf } from '../calendar';

export const DASHBOARD_PERMISSION = 'five-managements.district' as const;
export const FIVE_FIGURE_KEYS = FIVE_DASHBOARD_FIGURES.map((f) => f.key);
const spanOf = new Map(FIVE_DASHBOARD_FIGURES.map((f) => [f.key, f.span]));

/** The chosen week (Monday; not after today) and semester (asked for, else the one in force at the week's end). */
export async function dashboardPeriod(ctx: Ctx, q: FiveDashboardQuery): Promise<DashboardPeriod> {
  const now = today(ctx);
  const week = weekStart(q.week ?? now);
  if (week > now) throw invalid('week', '周', `所选周（${week} 起）尚未开始，请选择今天（${now}）或之前的一周`);
  const sunday = addDays(week, 6);
  const weekEnd = sunday < now ? sunday : now;
  const semesters = await semestersOf(ctx.readDb, ctx.user.districtId);
  const semester = q.semesterId ? await semesterById(ctx.readDb, ctx.user.districtId, q.semesterId) : semesterAt(semesters, weekEnd);
  return { week, weekEnd, semester, semesters };
}

export function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The rollup periods a dashboard reads: the week, each of its days up to weekEnd, the semester. */
export function periodsOf(p: Pick<DashboardPeriod, 'week' | 'weekEnd' | 'semester'>): string[] {
  return [weekPeriod(p.week), ...daysOf(p.week, p.weekEnd).map(dayPeriod), ...(p.semester ? [semesterPeriod(p.semester.id)] : [])];
}

/** Whether a rollup row's period is the one its figure is shown for (a week figure's week, a semester figure's semester…). */
export function countsFor(row: Pick<IndicatorRow, 'indicator' | 'period'>, p: Pick<DashboardPeriod, 'week' | 'semester'>): boolean {
  const span = spanOf.get(row.indicator);
  if (span === 'week') return row.period === weekPeriod(p.week);
  if (span === 'day') return row.period.startsWith('day:');
  if (span === 'semester') return !!p.semester && row.period === semesterPeriod(p.semester.id);
  return false;
}

/** Folds rows into figures per key (school, class…), keeping only the rows of the period each figure is shown for. */
export const foldBy = (rows: readonly IndicatorRow[], p: Pick<DashboardPeriod, 'week' | 'semester'>, key: (r: IndicatorRow) => string | null) =>
  foldFigures(rows, key, (r) => countsFor(r, p));

/** Below a share in basis points; a figure without data is never below (nothing to judge). */
export const belowBp = (r: { num: number; den: number } | undefined, bp: number) => !!r && r.den > 0 && r.num * 10000 < bp * r.den;
