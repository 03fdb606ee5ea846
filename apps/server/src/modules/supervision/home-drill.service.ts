/**
 * 督导考核 district home, one school: its figures this week and this semester (as on the district table), its classes
 * with the figures whose rollups keep class rows (homework's class-days, home visits, sleep, timetables), and its
 * weeks of the semester for the figures kept per week (homework, sleep). One school's rollup rows only.
 */
import { CLASS_METRICS, type MetricKey, type SupervisionHomeQuery, type SupervisionSchoolHome, WEEK_METRICS } from '@shuangjian/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { atOnce } from '../../platform/db';
import { found } from '../../platform/errors';
import { foldFigures, type IndicatorRow, readIndicators } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { semesterAt, semestersOf, type SemesterRef } from '../calendar';
import { homeworkSchoolBreakdown, type HomeworkSchoolFigures } from '../homework';
import { classDirectory, schoolDirectory } from '../org';
import { HOME_PERMISSION, homePeriod, ratedSet, semesterRange } from './home.service';
import { CLASS_INDICATORS, emptyFigures, fromIndicators, homeworkFigures, type MetricFigures, metricPeriods, type MetricRange, periodFits, readMetricSpans, semestersIn, weeksIn } from './metrics';

const pick = (f: Partial<MetricFigures>, keys: readonly MetricKey[]) => Object.fromEntries(keys.map((k) => [k, f[k] ?? { num: 0, den: 0 }])) as Partial<MetricFigures>;

/** A class's (or a week's) figures: homework's counts and the indicator rows of the periods the span reads. */
function partial(hw: HomeworkSchoolFigures | undefined, rows: readonly IndicatorRow[], keys: readonly MetricKey[]) {
  const f = emptyFigures();
  if (hw) Object.assign(f, homeworkFigures(hw));
  fromIndicators(f, foldFigures(rows, () => 'x').get('x') ?? {});
  return ratedSet(pick(f, keys));
}

export async function supervisionSchoolHome(ctx: Ctx, schoolId: string, query: SupervisionHomeQuery): Promise<SupervisionSchoolHome> {
  requirePermission(ctx, HOME_PERMISSION);
  const D = schoolDirectory;
  const C = classDirectory;
  const d = ctx.user.districtId;
  // rollups and directories only: the read replica's while it keeps up
  const db = ctx.readDb;
  const p = await homePeriod(ctx, query);
  const [schools, semesters, classes] = await atOnce(db,
    () => db
      .select({ id: D.id, code: D.code, name: D.name, zoneId: D.zoneId, zoneName: D.zoneName })
      .from(D)
      .where(and(scoped(ctx, D, HOME_PERMISSION), eq(D.id, schoolId))),
    () => semestersOf(db, d),
    () => db
      .select({ classId: C.id, className: C.name, grade: C.grade })
      .from(C)
      .where(and(scoped(ctx, C, HOME_PERMISSION), eq(C.schoolId, schoolId)))
      .orderBy(asc(C.grade), asc(C.name)),
  );
  const school = found(schools, '学校');
  const semester: SemesterRef | null = semesterAt(semesters, p.date);
  const term = semesterRange(semester, p.week);
  const known = { schoolIds: [schoolId], semesters, schoolId };
  const periodsOf = (r: MetricRange) => new Set(metricPeriods(r, semestersIn(semesters, r)));
  const weekPeriods = periodsOf(p.week);
  const termPeriods = term ? periodsOf(term) : new Set<string>();
  const [[weekFigures, termFigures], weekHw, termHw, classRows] = await atOnce(db,
    () => readMetricSpans(db, d, term ? [p.week, term] : [p.week], known),
    () => homeworkSchoolBreakdown(db, d, schoolId, p.week.from, p.week.to),
    () => term ? homeworkSchoolBreakdown(db, d, schoolId, term.from, term.to) : Promise.resolve(null),
    () => readIndicators(db, d, { indicators: CLASS_INDICATORS, periods: [...new Set([...weekPeriods, ...termPeriods])], by: 'class', where: eq(indicatorRollups.schoolId, schoolId) }),
  );
  const fits = (periods: Set<string>) => (r: IndicatorRow) => periods.has(r.period) && periodFits(r);
  const weekRows = classRows.filter(fits(weekPeriods));
  const termRows = classRows.filter(fits(termPeriods));
  const weeks = term ? weeksIn(term) : [];
  return {
    date: p.date,
    week: p.week,
    semester,
    school,
    figures: { week: ratedSet(weekFigures?.get(schoolId) ?? emptyFigures()), semester: ratedSet(termFigures?.get(schoolId) ?? emptyFigures()) },
    classes: classes.map((c) => ({
      classId: c.classId,
      className: c.className,
      grade: Number(c.grade),
      week: partial(
        weekHw.byClass.get(c.classId),
        weekRows.filter((r) => r.classId === c.classId),
        CLASS_METRICS,
      ),
      semester: term
        ? partial(
            termHw?.byClass.get(c.classId),
            termRows.filter((r) => r.classId === c.classId),
            CLASS_METRICS,
          )
        : {},
    })),
    weeks: weeks.map((monday) => ({
      weekStart: monday,
      figures: partial(
        termHw?.byWeek.get(monday),
        classRows.filter((r) => r.period === `week:${monday}` && periodFits(r)),
        WEEK_METRICS,
      ),
    })),
  };
}
