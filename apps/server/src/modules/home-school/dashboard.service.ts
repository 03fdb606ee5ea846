/**
 * 家校社协同看板, district → school → class: figures from the indicator rollup (visits, pupils visited, teachers
 * meeting the weekly rule, files opened, special pupils visited enough, meetings and lectures) over the bases kept
 * beside them in the background (pupils, special pupils, those cared for, teachers: bases.job.ts); special students
 * appear as counts only, to everyone. No request counts raw rows.
 * Read-only, so every query goes to ctx.readDb: the read replica while it keeps up.
 */
import { HS_INDICATORS, type HsDistrictDashboard, type HsSchoolDashboard, type IndicatorFigures } from '@shuangjian/contracts';
import { weekStart } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { type FigureMap, foldFigures, readIndicators, semesterPeriod, sumSchools, weekPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { semesterById } from '../calendar';
import { classDirectory, schoolDirectory } from '../org';
import { currentSemester } from './home-school.repo';
import { homeSchoolPolicy } from './home-school.policy';
import { hsLectures } from './meetings.schema';

type HsClassRow = HsSchoolDashboard['classes'][number];

export const DASHBOARD_PERMISSION = 'home-school.district' as const;
const SEMESTER_INDICATORS = [
  HS_INDICATORS.pupilsVisited,
  HS_INDICATORS.visits,
  HS_INDICATORS.specialFiles,
  HS_INDICATORS.specialVisited,
  HS_INDICATORS.meetingsHeld,
  HS_INDICATORS.classLectures,
  HS_INDICATORS.lecturesHeld,
  HS_INDICATORS.lectureAttendance,
  HS_INDICATORS.basePupils,
  HS_INDICATORS.baseSpecial,
  HS_INDICATORS.baseCared,
  HS_INDICATORS.baseTeachers,
];

async function periodOf(ctx: Ctx, semesterId?: string) {
  const day = today(ctx);
  const semester = semesterId ? await semesterById(ctx.readDb, ctx.user.districtId, semesterId) : await currentSemester(ctx.readDb, ctx.user.districtId, day);
  const { values } = await homeSchoolPolicy(ctx.readDb, ctx.user.districtId, day);
  return { day, semester, weekStart: weekStart(day), values };
}

/** The dashboard's figures from a unit's rollup figures (the bases included) and its classes holding meetings. */
function figuresOf(r: FigureMap, meetingClasses: number): IndicatorFigures {
  const num = (k: string) => Number(r[k]?.num ?? 0);
  const students = num(HS_INDICATORS.basePupils);
  const classes = Number(r[HS_INDICATORS.basePupils]?.den ?? 0); // each class's base row counts it once
  const special = num(HS_INDICATORS.baseSpecial);
  return {
    visitCoverage: { num: num(HS_INDICATORS.pupilsVisited), den: students },
    teachersWeek: { num: num(HS_INDICATORS.teachersWeek), den: num(HS_INDICATORS.baseTeachers) },
    visits: { num: num(HS_INDICATORS.visits), den: students },
    specialFiles: { num: num(HS_INDICATORS.specialFiles), den: special },
    specialCared: { num: num(HS_INDICATORS.baseCared), den: special },
    specialVisited: { num: num(HS_INDICATORS.specialVisited), den: special },
    meetingClasses: { num: meetingClasses, den: classes },
    classLectures: { num: num(HS_INDICATORS.classLectures), den: classes },
    lecturesHeld: { num: num(HS_INDICATORS.lecturesHeld), den: classes },
    lectureAttendance: { num: num(HS_INDICATORS.lectureAttendance), den: Number(r[HS_INDICATORS.lectureAttendance]?.den ?? 0) },
  };
}

export async function hsDistrictDashboard(ctx: Ctx, query: { semesterId?: string }): Promise<HsDistrictDashboard> {
  requirePermission(ctx, DASHBOARD_PERMISSION);
  const p = await periodOf(ctx, query.semesterId);
  const D = schoolDirectory;
  const where = scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION);
  const semester = p.semester ? semesterPeriod(p.semester.id) : null;
  // the reads do not depend on one another: side by side, the answer waits for the slowest, not for their sum
  const [schools, semesterRows, weekRows, meetingRows] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ schoolId: D.id, schoolName: D.name, zoneId: D.zoneId, zoneName: D.zoneName })
      .from(D)
      .where(scoped(ctx, D, DASHBOARD_PERMISSION))
      .orderBy(asc(D.zoneName), asc(D.code)),
    () => semester ? readIndicators(ctx.readDb, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semester], by: 'school', where }) : Promise.resolve([]),
    () => readIndicators(ctx.readDb, ctx.user.districtId, { indicators: [HS_INDICATORS.teachersWeek], periods: [weekPeriod(p.day)], by: 'school', where }),
    () => semester ? readIndicators(ctx.readDb, ctx.user.districtId, { indicators: [HS_INDICATORS.meetingsHeld], periods: [semester], by: 'class', where }) : Promise.resolve([]),
  );
  const bySchool = foldFigures([...semesterRows, ...weekRows], (r) => r.schoolId);
  const min = Math.max(p.values['home-school.meetings'].meetingsPerSemester, 1);
  const meetingOf = new Map<string, number>();
  for (const r of meetingRows) if (r.num >= min) meetingOf.set(r.schoolId, (meetingOf.get(r.schoolId) ?? 0) + 1);
  const figures = new Map(schools.map((s) => [s.schoolId, figuresOf(bySchool.get(s.schoolId) ?? {}, meetingOf.get(s.schoolId) ?? 0)]));
  const summed = sumSchools(schools, figures);
  // district lectures have no school: they are counted on the district's total
  if (p.semester) {
    const L = hsLectures;
    const [district] = await ctx.readDb.select({ n: sql<number>`count(*)::int` }).from(L).where(and(eq(L.districtId, ctx.user.districtId), sql`${L.schoolId} is null`, eq(L.semesterId, p.semester.id), sql`${L.heldAt} is not null`));
    const f = (summed.total.lecturesHeld ??= { num: 0, den: 0 });
    f.num += Number(district?.n ?? 0);
  }
  return { semester: p.semester, weekStart: p.weekStart, total: summed.total, zones: summed.zones, schools: summed.schools };
}

/**
 * Each class's figures for these schools, one read of each source whatever their number (the school page asks for
 * one school, the workbook for every school shown).
 */
export async function hsClassRows(ctx: Ctx, schoolIds: readonly string[], query: { semesterId?: string }): Promise<Map<string, HsClassRow[]>> {
  requirePermission(ctx, DASHBOARD_PERMISSION);
  const out = new Map<string, HsClassRow[]>(schoolIds.map((id) => [id, []]));
  if (!schoolIds.length) return out;
  const p = await periodOf(ctx, query.semesterId);
  const where = and(scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION), inArray(indicatorRollups.schoolId, [...schoolIds]));
  const C = classDirectory;
  const [classRows, classes] = await atOnce(ctx.readDb,
    () => p.semester ? readIndicators(ctx.readDb, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semesterPeriod(p.semester.id)], by: 'class', where }) : Promise.resolve([]),
    () => ctx.readDb
      .select({ schoolId: C.schoolId, classId: C.id, className: C.name, grade: C.grade })
      .from(C)
      .where(and(eq(C.districtId, ctx.user.districtId), inArray(C.schoolId, [...schoolIds])))
      .orderBy(asc(C.grade), asc(C.name)),
  );
  const min = Math.max(p.values['home-school.meetings'].meetingsPerSemester, 1);
  const byClass = foldFigures(classRows, (r) => r.classId);
  for (const c of classes) {
    const f = byClass.get(c.classId) ?? {};
    out.get(c.schoolId)?.push({
      classId: c.classId,
      className: c.className,
      grade: Number(c.grade),
      figures: figuresOf(f, Number(f[HS_INDICATORS.meetingsHeld]?.num ?? 0) >= min ? 1 : 0),
    });
  }
  return out;
}

export async function hsSchoolDashboard(ctx: Ctx, schoolId: string, query: { semesterId?: string }): Promise<HsSchoolDashboard> {
  requirePermission(ctx, DASHBOARD_PERMISSION);
  const D = schoolDirectory;
  const [school] = await ctx.readDb.select({ id: D.id, name: D.name, zoneName: D.zoneName }).from(D).where(and(scoped(ctx, D, DASHBOARD_PERMISSION), eq(D.id, schoolId)));
  if (!school) throw notFound('学校');
  const p = await periodOf(ctx, query.semesterId);
  const where = and(scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION), eq(indicatorRollups.schoolId, schoolId));
  const [semesterRows, weekRows, classes] = await atOnce(ctx.readDb,
    () => p.semester ? readIndicators(ctx.readDb, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semesterPeriod(p.semester.id)], by: 'school', where }) : Promise.resolve([]),
    () => readIndicators(ctx.readDb, ctx.user.districtId, { indicators: [HS_INDICATORS.teachersWeek], periods: [weekPeriod(p.day)], by: 'school', where }),
    () => hsClassRows(ctx, [schoolId], query),
  );
  const rows = classes.get(schoolId) ?? [];
  const figures = figuresOf(
    foldFigures([...semesterRows, ...weekRows], (r) => r.schoolId).get(schoolId) ?? {},
    rows.filter((r) => r.figures.meetingClasses!.num > 0).length,
  );
  return { semester: p.semester, weekStart: p.weekStart, school, figures, classes: rows };
}
