/**
 * The METRICS catalogue's figures per school over a date range, read from the owning modules' rollups the way each
 * module's own district dashboard reads them, so a figure on the supervision pages equals the module's for the same
 * school and period:
 *   homework: the school-week rollup (edge weeks from the class-day rollup), within-limit families over reporting
 *     families, over-limit class-days over reported class-days (homework's district dashboard);
 *   after-school: the semester rollup, pupils and teachers taking part over all (after-school's district dashboard);
 *   home-school, five managements, timetable, exams: the indicator rollup, periods of the range's weeks (a week
 *     figure) or semesters (a semester figure) — a semester figure of a week range is the semester's so far, as the
 *     module's own dashboard shows it beside the week.
 * A few statements for the whole district whatever its size; schools without data get 0/0.
 */
import { EXAM_INDICATORS, FIVE_INDICATORS, HS_INDICATORS, METRIC_KEYS, type MetricKey } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { asc, eq, sql } from 'drizzle-orm';
import { atOnce, eachAtOnce, pgArray, type Queryable, rowsOf } from '../../platform/db';
import { type FigureMap, type IndicatorRow, semesterPeriod, weekPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { afterSchoolParticipation } from '../after-school';
import { semestersOf, type SemesterRef } from '../calendar';
import { type HomeworkSchoolFigures, homeworkSchoolFigures } from '../homework';
import { schoolDirectory } from '../org';

export type MetricFigures = Record<MetricKey, { num: number; den: number }>;
export interface MetricRange {
  from: LocalDate;
  to: LocalDate;
}

/** Indicators whose rollup keeps class rows (a school's drill-down reads them per class). */
export const CLASS_INDICATORS = [HS_INDICATORS.pupilsVisited, HS_INDICATORS.basePupils, HS_INDICATORS.specialVisited, HS_INDICATORS.baseSpecial, FIVE_INDICATORS.sleepMeets, 'timetable.compliant'];

/** Rollup indicators kept per week (their periods are the range's weeks) and per semester. */
const WEEK_INDICATORS = [FIVE_INDICATORS.sleepMeets];
const SEMESTER_INDICATORS = [
  HS_INDICATORS.pupilsVisited,
  HS_INDICATORS.basePupils,
  HS_INDICATORS.specialVisited,
  HS_INDICATORS.baseSpecial,
  FIVE_INDICATORS.selfcheckRectified,
  'timetable.compliant',
  EXAM_INDICATORS.examsAccepted,
];

export const emptyFigures = (): MetricFigures => Object.fromEntries(METRIC_KEYS.map((k) => [k, { num: 0, den: 0 }])) as MetricFigures;

/** Mondays of the weeks the range touches. */
export function weeksIn(range: MetricRange): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = weekStart(range.from); d <= range.to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** The semesters the range overlaps (a week range: the semester it falls in). */
export const semestersIn = (list: readonly SemesterRef[], range: MetricRange) => list.filter((s) => s.startDate <= range.to && s.endDate >= range.from);

/** The METRICS figures from the indicator rollup's folded figures of one school. */
export function fromIndicators(into: Partial<MetricFigures>, f: FigureMap) {
  const get = (k: string) => ({ num: Number(f[k]?.num ?? 0), den: Number(f[k]?.den ?? 0) });
  // home-school's dashboard: pupils visited over the classes' pupils (bases kept by the background job, in num)
  into['homeSchool.visitCoverage'] = { num: get(HS_INDICATORS.pupilsVisited).num, den: get(HS_INDICATORS.basePupils).num };
  into['homeSchool.specialVisited'] = { num: get(HS_INDICATORS.specialVisited).num, den: get(HS_INDICATORS.baseSpecial).num };
  into['five.sleepMeets'] = get(FIVE_INDICATORS.sleepMeets);
  into['five.selfcheckRectified'] = get(FIVE_INDICATORS.selfcheckRectified);
  // timetable's dashboard: timetables meeting the plan over classes with a timetable
  into['timetable.compliant'] = get('timetable.compliant');
  // exams' dashboard: filings accepted over filing attempts
  into['exams.filingsAccepted'] = get(EXAM_INDICATORS.examsAccepted);
}

/**
 * Every school of the district with its METRICS figures over the range, read from the modules' rollups (a few
 * statements for the whole district, never a raw-row scan). Schools without data get 0/0 figures.
 */
export async function schoolMetrics(q: Queryable, districtId: string, range: MetricRange): Promise<Map<string, MetricFigures>> {
  const [schools, semesters] = await atOnce(q, () => districtSchools(q, districtId), () => semestersOf(q, districtId));
  return readMetrics(q, districtId, range, { schoolIds: schools.map((s) => s.schoolId), semesters });
}

type Known = { schoolIds: readonly string[]; semesters: readonly SemesterRef[]; schoolId?: string };

/**
 * schoolMetrics for callers that know the schools (and may narrow to one) and the district's semesters already: the
 * modules' reads only, side by side (three statements).
 */
export async function readMetrics(q: Queryable, districtId: string, range: MetricRange, known: Known): Promise<Map<string, MetricFigures>> {
  return (await readMetricSpans(q, districtId, [range], known))[0]!;
}

/**
 * The figures of several ranges at once (a week and its semester): homework read per range, after-school once per
 * distinct set of semesters, the indicator rollup once for every range's periods — all side by side.
 */
export async function readMetricSpans(q: Queryable, districtId: string, ranges: readonly MetricRange[], known: Known): Promise<Map<string, MetricFigures>[]> {
  const semestersOf = ranges.map((r) => semestersIn(known.semesters, r).map((s) => s.id));
  const periodsOf = ranges.map((r, i) => new Set(metricPeriods(r, known.semesters.filter((s) => semestersOf[i]!.includes(s.id)))));
  // each distinct set of semesters is read once
  const semesterSets = [...new Map(semestersOf.map((ids) => [ids.join(), ids])).values()];
  const [homework, indicatorsOf, afterSchoolSets] = await atOnce(
    q,
    () => eachAtOnce(q, ranges, (r) => homeworkSchoolFigures(q, districtId, r.from, r.to, known.schoolId)),
    () => indicatorSpans(q, districtId, periodsOf, known.schoolId),
    () => eachAtOnce(q, semesterSets, (ids) => afterSchoolParticipation(q, districtId, ids, known.schoolId)),
  );
  const afterSchoolOf = new Map(semesterSets.map((ids, i) => [ids.join(), afterSchoolSets[i]!]));
  const afterSchool = semestersOf.map((ids) => afterSchoolOf.get(ids.join())!);
  return ranges.map((_, i) => {
    const indicators = indicatorsOf[i]!;
    const out = new Map<string, MetricFigures>();
    for (const schoolId of known.schoolIds) {
      const f = emptyFigures();
      const hw = homework[i]!.get(schoolId);
      if (hw) Object.assign(f, homeworkFigures(hw));
      const as = afterSchool[i]!.get(schoolId);
      if (as) {
        f['afterSchool.students'] = { num: as.studentsServed, den: as.students };
        f['afterSchool.teachers'] = { num: as.teachersServing, den: as.teachers };
      }
      fromIndicators(f, indicators.get(schoolId) ?? {});
      out.set(schoolId, f);
    }
    return out;
  });
}

/**
 * The indicator rollup's figures per school for several spans in one statement: each row (a class's or the school's)
 * is read once and summed into every span whose periods hold it — a week indicator on week periods only, a semester
 * indicator on semester periods only (an index range per kind, a hash aggregate per indicator and school).
 */
async function indicatorSpans(q: Queryable, districtId: string, spans: readonly Set<string>[], schoolId?: string): Promise<Map<string, FigureMap>[]> {
  const all = [...new Set(spans.flatMap((p) => [...p]))];
  const weeks = all.filter((p) => p.startsWith('week:'));
  const semesters = all.filter((p) => p.startsWith('semester:'));
  const t = indicatorRollups;
  const sums = spans.map((p, i) => {
    const these = sql`${t.period} = any(${pgArray([...p])}::text[])`;
    return sql`, sum(${t.num}) filter (where ${these})::float8 as ${sql.raw(`n${i}`)}, sum(${t.den}) filter (where ${these})::float8 as ${sql.raw(`d${i}`)}`;
  });
  const rows = await rowsOf<Record<string, string | number | null>>(
    q,
    sql`select ${t.indicator} as indicator, ${t.schoolId} as school_id${sql.join(sums, sql``)}
      from ${t}
      where ${t.districtId} = ${districtId} ${schoolId ? sql`and ${t.schoolId} = ${schoolId}` : sql``}
        and ((${t.indicator} = any(${pgArray(WEEK_INDICATORS)}::text[]) and ${t.period} = any(${pgArray(weeks)}::text[]))
          or (${t.indicator} = any(${pgArray(SEMESTER_INDICATORS)}::text[]) and ${t.period} = any(${pgArray(semesters)}::text[])))
      group by ${t.indicator}, ${t.schoolId}`,
  );
  return spans.map((_, i) => {
    const out = new Map<string, FigureMap>();
    for (const r of rows) {
      const school = String(r.school_id);
      let f = out.get(school);
      if (!f) out.set(school, (f = {}));
      f[String(r.indicator)] = { num: Number(r[`n${i}`] ?? 0), den: Number(r[`d${i}`] ?? 0) };
    }
    return out;
  });
}

/** The rollup periods a range's figures read: its weeks (week indicators) and the semesters it overlaps. */
export const metricPeriods = (range: MetricRange, inRange: readonly SemesterRef[]) => [...weeksIn(range).map(weekPeriod), ...inRange.map((s) => semesterPeriod(s.id))];

const weekKinds = new Set<string>(WEEK_INDICATORS);
/** A week indicator counts on week periods, a semester indicator on semester periods (never a stray mix). */
export const periodFits = (r: Pick<IndicatorRow, 'indicator' | 'period'>) => (weekKinds.has(r.indicator) ? r.period.startsWith('week:') : r.period.startsWith('semester:'));

/** The homework figures from homework's counts. */
export const homeworkFigures = (hw: HomeworkSchoolFigures) => ({
  'homework.withinLimit': { num: hw.withinLimit, den: hw.reporters },
  'homework.overloadedDays': { num: hw.overloadedDays, den: hw.reportedDays },
});

/** The district's schools in display order (zone, then code) with names: what tables and charts list. */
export async function districtSchools(q: Queryable, districtId: string): Promise<{ schoolId: string; code: string; name: string; zoneId: string; zoneName: string }[]> {
  const D = schoolDirectory;
  return q
    .select({ schoolId: D.id, code: D.code, name: D.name, zoneId: D.zoneId, zoneName: D.zoneName })
    .from(D)
    .where(eq(D.districtId, districtId))
    .orderBy(asc(D.zoneName), asc(D.code));
}
