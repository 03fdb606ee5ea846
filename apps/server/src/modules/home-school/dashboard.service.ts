/**
 * 家校社协同看板, district → school → class: figures from the indicator rollup (visits, pupils visited, teachers
 * meeting the weekly rule, files opened, special pupils visited enough, meetings and lectures) over the schools' and
 * classes' headcounts; special students appear as counts only, to everyone.
 */
import { HS_INDICATORS, type HsDistrictDashboard, type HsSchoolDashboard, type IndicatorFigures } from '@shuangjian/contracts';
import { addDays, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { type FigureMap, foldFigures, readIndicators, semesterPeriod, sumSchools, weekPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { semesterById } from '../calendar';
import { classDirectory, schoolDirectory, schoolHeadcounts, specialCounts, studentDirectory } from '../org';
import { currentSemester } from './home-school.repo';
import { homeSchoolPolicy } from './home-school.policy';
import { hsLectures } from './meetings.schema';
import { hsSpecialFiles } from './schema';

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
];

async function periodOf(ctx: Ctx, semesterId?: string) {
  const day = today(ctx);
  const semester = semesterId ? await semesterById(ctx.db, ctx.user.districtId, semesterId) : await currentSemester(ctx.db, ctx.user.districtId, day);
  const { values } = await homeSchoolPolicy(ctx.db, ctx.user.districtId, day);
  return { day, semester, weekStart: weekStart(day), values };
}

interface Counts {
  students: number;
  teachers: number;
  classes: number;
  special: number;
  cared: number;
  meetingClasses: number;
}

/** The dashboard's figures from a unit's rollup figures and its counts. */
function figuresOf(r: FigureMap, n: Counts): IndicatorFigures {
  const num = (k: string) => Number(r[k]?.num ?? 0);
  return {
    visitCoverage: { num: num(HS_INDICATORS.pupilsVisited), den: n.students },
    teachersWeek: { num: num(HS_INDICATORS.teachersWeek), den: n.teachers },
    visits: { num: num(HS_INDICATORS.visits), den: n.students },
    specialFiles: { num: num(HS_INDICATORS.specialFiles), den: n.special },
    specialCared: { num: n.cared, den: n.special },
    specialVisited: { num: num(HS_INDICATORS.specialVisited), den: n.special },
    meetingClasses: { num: n.meetingClasses, den: n.classes },
    classLectures: { num: num(HS_INDICATORS.classLectures), den: n.classes },
    lecturesHeld: { num: num(HS_INDICATORS.lecturesHeld), den: n.classes },
    lectureAttendance: { num: num(HS_INDICATORS.lectureAttendance), den: Number(r[HS_INDICATORS.lectureAttendance]?.den ?? 0) },
  };
}

async function caredCounts(ctx: Ctx, since: LocalDate, schoolId?: string) {
  const F = hsSpecialFiles;
  const rows = await ctx.db
    .select({ schoolId: F.schoolId, classId: F.classId, n: sql<number>`count(*) filter (where ${F.lastCareDate} >= ${since})::int` })
    .from(F)
    .where(and(eq(F.districtId, ctx.user.districtId), schoolId ? eq(F.schoolId, schoolId) : undefined))
    .groupBy(F.schoolId, F.classId);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function hsDistrictDashboard(ctx: Ctx, query: { semesterId?: string }): Promise<HsDistrictDashboard> {
  requirePermission(ctx, DASHBOARD_PERMISSION);
  const p = await periodOf(ctx, query.semesterId);
  const D = schoolDirectory;
  const C = classDirectory;
  const where = scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION);
  const semester = p.semester ? semesterPeriod(p.semester.id) : null;
  // the reads do not depend on one another: side by side, the answer waits for the slowest, not for their sum
  const [schools, semesterRows, weekRows, meetingRows, heads, classCounts, special, cared] = await Promise.all([
    ctx.db
      .select({ schoolId: D.id, schoolName: D.name, zoneId: D.zoneId, zoneName: D.zoneName })
      .from(D)
      .where(scoped(ctx, D, DASHBOARD_PERMISSION))
      .orderBy(asc(D.zoneName), asc(D.code)),
    semester ? readIndicators(ctx.db, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semester], by: 'school', where }) : [],
    readIndicators(ctx.db, ctx.user.districtId, { indicators: [HS_INDICATORS.teachersWeek], periods: [weekPeriod(p.day)], by: 'school', where }),
    semester ? readIndicators(ctx.db, ctx.user.districtId, { indicators: [HS_INDICATORS.meetingsHeld], periods: [semester], by: 'class', where }) : [],
    ctx.db.execute(sql`select school_id as "schoolId", students, teachers from ${schoolHeadcounts(ctx.user.districtId)} h`) as unknown as Promise<{ rows: { schoolId: string; students: number; teachers: number }[] }>,
    ctx.db.select({ schoolId: C.schoolId, n: sql<number>`count(*)::int` }).from(C).where(eq(C.districtId, ctx.user.districtId)).groupBy(C.schoolId),
    specialCounts(ctx.db, ctx.user.districtId),
    caredCounts(ctx, addDays(p.day, -p.values['home-school.care'].recentDays)),
  ]);
  const bySchool = foldFigures([...semesterRows, ...weekRows], (r) => r.schoolId);
  const min = Math.max(p.values['home-school.meetings'].meetingsPerSemester, 1);
  // per school, once: a district of hundreds of schools and thousands of classes is not scanned again for each school
  const perSchool = (rows: readonly { schoolId: string; n: number }[]) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.schoolId, (out.get(r.schoolId) ?? 0) + Number(r.n));
    return out;
  };
  const headsOf = new Map(heads.rows.map((h) => [h.schoolId, h]));
  const classesOf = perSchool(classCounts);
  const specialOf = perSchool(special);
  const caredOf = perSchool(cared);
  const meetingOf = perSchool(meetingRows.filter((r) => r.num >= min).map((r) => ({ schoolId: r.schoolId, n: 1 })));
  const figures = new Map(
    schools.map((s) => {
      const h = headsOf.get(s.schoolId);
      const counts: Counts = {
        students: Number(h?.students ?? 0),
        teachers: Number(h?.teachers ?? 0),
        classes: classesOf.get(s.schoolId) ?? 0,
        special: specialOf.get(s.schoolId) ?? 0,
        cared: caredOf.get(s.schoolId) ?? 0,
        meetingClasses: meetingOf.get(s.schoolId) ?? 0,
      };
      return [s.schoolId, figuresOf(bySchool.get(s.schoolId) ?? {}, counts)];
    }),
  );
  const summed = sumSchools(schools, figures);
  // district lectures have no school: they are counted on the district's total
  if (p.semester) {
    const L = hsLectures;
    const [district] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(L).where(and(eq(L.districtId, ctx.user.districtId), sql`${L.schoolId} is null`, eq(L.semesterId, p.semester.id), sql`${L.heldAt} is not null`));
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
  const one = schoolIds.length === 1 ? schoolIds[0] : undefined;
  const where = and(scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION), inArray(indicatorRollups.schoolId, [...schoolIds]));
  const C = classDirectory;
  const S = studentDirectory;
  const since = addDays(p.day, -p.values['home-school.care'].recentDays);
  const [classRows, classes, pupils, special, cared] = await Promise.all([
    p.semester ? readIndicators(ctx.db, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semesterPeriod(p.semester.id)], by: 'class', where }) : [],
    ctx.db
      .select({ schoolId: C.schoolId, classId: C.id, className: C.name, grade: C.grade })
      .from(C)
      .where(and(eq(C.districtId, ctx.user.districtId), inArray(C.schoolId, [...schoolIds])))
      .orderBy(asc(C.grade), asc(C.name)),
    ctx.db
      .select({ classId: S.classId, n: sql<number>`count(*)::int` })
      .from(S)
      .where(and(eq(S.districtId, ctx.user.districtId), inArray(S.schoolId, [...schoolIds]), eq(S.status, 'active')))
      .groupBy(S.classId),
    specialCounts(ctx.db, ctx.user.districtId, one),
    caredCounts(ctx, since, one),
  ]);
  const perClass = (rows: readonly { classId: string; n: number }[]) => new Map(rows.map((r) => [r.classId, Number(r.n)]));
  const pupilsOf = perClass(pupils);
  const specialOf = perClass(special);
  const caredOf = perClass(cared);
  const min = Math.max(p.values['home-school.meetings'].meetingsPerSemester, 1);
  const byClass = foldFigures(classRows, (r) => r.classId);
  for (const c of classes) {
    const f = byClass.get(c.classId) ?? {};
    out.get(c.schoolId)?.push({
      classId: c.classId,
      className: c.className,
      grade: Number(c.grade),
      figures: figuresOf(f, {
        students: pupilsOf.get(c.classId) ?? 0,
        teachers: 0,
        classes: 1,
        special: specialOf.get(c.classId) ?? 0,
        cared: caredOf.get(c.classId) ?? 0,
        meetingClasses: Number(f[HS_INDICATORS.meetingsHeld]?.num ?? 0) >= min ? 1 : 0,
      }),
    });
  }
  return out;
}

export async function hsSchoolDashboard(ctx: Ctx, schoolId: string, query: { semesterId?: string }): Promise<HsSchoolDashboard> {
  requirePermission(ctx, DASHBOARD_PERMISSION);
  const D = schoolDirectory;
  const [school] = await ctx.db.select({ id: D.id, name: D.name, zoneName: D.zoneName }).from(D).where(and(scoped(ctx, D, DASHBOARD_PERMISSION), eq(D.id, schoolId)));
  if (!school) throw notFound('学校');
  const p = await periodOf(ctx, query.semesterId);
  const where = and(scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION), eq(indicatorRollups.schoolId, schoolId));
  const [semesterRows, weekRows, classes, heads] = await Promise.all([
    p.semester ? readIndicators(ctx.db, ctx.user.districtId, { indicators: SEMESTER_INDICATORS, periods: [semesterPeriod(p.semester.id)], by: 'school', where }) : [],
    readIndicators(ctx.db, ctx.user.districtId, { indicators: [HS_INDICATORS.teachersWeek], periods: [weekPeriod(p.day)], by: 'school', where }),
    hsClassRows(ctx, [schoolId], query),
    ctx.db.execute(sql`select students, teachers from ${schoolHeadcounts(ctx.user.districtId)} h where h.school_id = ${schoolId}`) as unknown as Promise<{ rows: { students: number; teachers: number }[] }>,
  ]);
  const schoolRows = [...semesterRows, ...weekRows];
  const rows = classes.get(schoolId) ?? [];
  // the school's special pupils and those cared for recently are its classes' (each class row counts both)
  const sum = (part: 'num' | 'den') => rows.reduce((a, r) => a + (r.figures.specialCared?.[part] ?? 0), 0);
  const figures = figuresOf(foldFigures(schoolRows, (r) => r.schoolId).get(schoolId) ?? {}, {
    students: Number(heads.rows[0]?.students ?? 0),
    teachers: Number(heads.rows[0]?.teachers ?? 0),
    classes: rows.length,
    special: sum('den'),
    cared: sum('num'),
    meetingClasses: rows.filter((r) => r.figures.meetingClasses!.num > 0).length,
  });
  return { semester: p.semester, weekStart: p.weekStart, school, figures, classes: rows };
}
