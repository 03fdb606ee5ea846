/**
 * The indicator rollup (table indicator_rollups): figures kept as numerator / denominator per indicator, period and
 * class or school, so a dashboard reads a few hundred rows instead of scanning records. Writers bump a figure in the
 * transaction of the change behind it (`bumpIndicators`) or replace figures from a set-based refresh
 * (`setIndicators`); readers fold class rows into schools (`readIndicators`). Indicator names are '<module>.*'.
 */
import { type LocalDate, weekStart } from '@shuangjian/policy';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from './db';
import { indicatorRollups } from './schema';

export interface IndicatorFigure {
  districtId: string;
  indicator: string;
  period: string;
  schoolId: string;
  /** Null: a school-level figure. */
  classId?: string | null;
  num: number;
  den: number;
}

/** The Monday of a date's week, as the period key 'week:YYYY-MM-DD'. */
export const weekPeriod = (date: LocalDate) => `week:${weekStart(date)}`;
export const dayPeriod = (date: LocalDate) => `day:${date}`;
export const monthPeriod = (date: LocalDate) => `month:${date.slice(0, 7)}`;
export const semesterPeriod = (semesterId: string) => `semester:${semesterId}`;

function values(rows: readonly IndicatorFigure[]) {
  return rows.map((r) => ({
    districtId: r.districtId,
    indicator: r.indicator,
    period: r.period,
    scopeId: r.classId ?? r.schoolId,
    schoolId: r.schoolId,
    classId: r.classId ?? null,
    num: r.num,
    den: r.den,
  }));
}

const figureKey = (r: IndicatorFigure) => `${r.districtId}|${r.indicator}|${r.period}|${r.classId ?? r.schoolId}`;
/** One row per figure: deltas of the same figure are added up (one statement may not touch a row twice). */
function merged(rows: readonly IndicatorFigure[]): IndicatorFigure[] {
  const byKey = new Map<string, IndicatorFigure>();
  for (const r of rows) {
    const key = figureKey(r);
    const known = byKey.get(key);
    if (known) byKey.set(key, { ...known, num: known.num + r.num, den: known.den + r.den });
    else byKey.set(key, r);
  }
  return [...byKey.values()];
}

/**
 * Adds to figures (negative deltas take back), creating them at zero first; several deltas of one figure (a report
 * taken back and made again) are added up first. Call inside the write's transaction.
 */
export async function bumpIndicators(q: Queryable, rows: readonly IndicatorFigure[]): Promise<void> {
  const nonZero = merged(rows).filter((r) => r.num !== 0 || r.den !== 0);
  if (!nonZero.length) return;
  await q
    .insert(indicatorRollups)
    .values(values(nonZero))
    .onConflictDoUpdate({
      target: [indicatorRollups.districtId, indicatorRollups.indicator, indicatorRollups.period, indicatorRollups.scopeId],
      set: { num: sql`${indicatorRollups.num} + excluded.num`, den: sql`${indicatorRollups.den} + excluded.den`, updatedAt: sql`now()` },
    });
}

/** Replaces figures (a set-based refresh, the demo); of two values for one figure the later is kept. */
export async function setIndicators(q: Queryable, figures: readonly IndicatorFigure[]): Promise<void> {
  const rows = [...new Map(figures.map((r) => [figureKey(r), r])).values()];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    if (!chunk.length) continue;
    await q
      .insert(indicatorRollups)
      .values(values(chunk))
      .onConflictDoUpdate({
        target: [indicatorRollups.districtId, indicatorRollups.indicator, indicatorRollups.period, indicatorRollups.scopeId],
        set: { num: sql`excluded.num`, den: sql`excluded.den`, updatedAt: sql`now()` },
      });
  }
}

export interface IndicatorRow {
  indicator: string;
  period: string;
  schoolId: string;
  classId: string | null;
  num: number;
  den: number;
}

/**
 * Figures of a district for some indicators and periods, one statement. `by: 'school'` folds class rows into their
 * school (school-level rows are added as they are); `by: 'class'` returns class rows only. `where` narrows further
 * (the caller's scope: `scoped(ctx, indicatorRollups, permission)`, or a school).
 */
export async function readIndicators(
  q: Queryable,
  districtId: string,
  options: { indicators: readonly string[]; periods: readonly string[]; by: 'school' | 'class'; where?: SQL },
): Promise<IndicatorRow[]> {
  if (!options.indicators.length || !options.periods.length) return [];
  const t = indicatorRollups;
  const base = and(eq(t.districtId, districtId), inArray(t.indicator, [...options.indicators]), inArray(t.period, [...options.periods]), options.where);
  if (options.by === 'class') {
    return q
      .select({ indicator: t.indicator, period: t.period, schoolId: t.schoolId, classId: t.classId, num: t.num, den: t.den })
      .from(t)
      .where(and(base, sql`${t.classId} is not null`));
  }
  const rows = await q
    .select({
      indicator: t.indicator,
      period: t.period,
      schoolId: t.schoolId,
      num: sql<number>`sum(${t.num})::float8`,
      den: sql<number>`sum(${t.den})::float8`,
    })
    .from(t)
    .where(base)
    .groupBy(t.indicator, t.period, t.schoolId);
  return rows.map((r) => ({ ...r, classId: null, num: Number(r.num), den: Number(r.den) }));
}

/** School-level figures only (a school's own filings), when a dashboard must not add class rows. */
export const schoolLevelOnly = () => isNull(indicatorRollups.classId);

/** Figures per indicator, as dashboards answer them. */
export type FigureMap = Record<string, { num: number; den: number }>;

/** Adds `from`'s figures into `into` (missing indicators start at 0/0). */
export function addFigures(into: FigureMap, from: FigureMap): void {
  for (const [indicator, r] of Object.entries(from)) {
    const f = (into[indicator] ??= { num: 0, den: 0 });
    f.num += Number(r.num);
    f.den += Number(r.den);
  }
}

/** Folds rollup rows into figures per key (school, class…); `keep` drops rows of periods the figure is not shown for. */
export function foldFigures(rows: readonly IndicatorRow[], key: (r: IndicatorRow) => string | null, keep: (r: IndicatorRow) => boolean = () => true) {
  const out = new Map<string, FigureMap>();
  for (const r of rows) {
    const k = key(r);
    if (k === null || !keep(r)) continue;
    let figures = out.get(k);
    if (!figures) out.set(k, (figures = {}));
    addFigures(figures, { [r.indicator]: r });
  }
  return out;
}

/** A district dashboard's table: each school's figures, summed per zone (in the schools' order) and for the district. */
export function sumSchools<S extends { schoolId: string; zoneId: string; zoneName: string }>(schools: readonly S[], bySchool: ReadonlyMap<string, FigureMap>) {
  const total: FigureMap = {};
  const zones = new Map<string, { zoneId: string; zoneName: string; schools: number; figures: FigureMap }>();
  const rows = schools.map((s) => {
    const figures = bySchool.get(s.schoolId) ?? {};
    addFigures(total, figures);
    const zone = zones.get(s.zoneId) ?? { zoneId: s.zoneId, zoneName: s.zoneName, schools: 0, figures: {} };
    zone.schools += 1;
    addFigures(zone.figures, figures);
    zones.set(s.zoneId, zone);
    return { ...s, figures };
  });
  return { total, zones: [...zones.values()], schools: rows };
}
