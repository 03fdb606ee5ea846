/**
 * 考试与评价看板: per semester, every school within reach (summed per zone and for the district) with its exam filings
 * accepted and refused, results recorded as levels and growth records complete; a school's classes on drill-down.
 * Reads the indicator rollup and org's directory for names; never an exam, a level or a pupil.
 * Read-only, so every query goes to ctx.readDb: the read replica while it keeps up.
 */
import { EXAMS_DASHBOARD_FIGURES, type ExamsDashboardQuery, type ExamsDistrictDashboard, type ExamsSchoolDashboard } from '@shuangjian/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { found } from '../../platform/errors';
import { foldFigures, readIndicators, semesterPeriod, sumSchools } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { semesterAt, semesterById, semestersOf } from '../calendar';
import { classDirectory, schoolDirectory } from '../org';

export const EXAMS_DASHBOARD_PERMISSION = 'exams.district' as const;
const PERMISSION = EXAMS_DASHBOARD_PERMISSION;
const KEYS = EXAMS_DASHBOARD_FIGURES.map((f) => f.key);

async function pickSemester(ctx: Ctx, q: ExamsDashboardQuery) {
  const semesters = await semestersOf(ctx.readDb, ctx.user.districtId);
  const semester = q.semesterId ? await semesterById(ctx.readDb, ctx.user.districtId, q.semesterId) : semesterAt(semesters, today(ctx));
  return { semester, semesters };
}

const read = (ctx: Ctx, semesterId: string | undefined, by: 'school' | 'class', schoolId?: string) =>
  semesterId
    ? readIndicators(ctx.readDb, ctx.user.districtId, {
        indicators: KEYS,
        periods: [semesterPeriod(semesterId)],
        by,
        where: and(scoped(ctx, indicatorRollups, PERMISSION), schoolId ? eq(indicatorRollups.schoolId, schoolId) : undefined),
      })
    : Promise.resolve([]);

export async function examsDistrictDashboard(ctx: Ctx, q: ExamsDashboardQuery): Promise<ExamsDistrictDashboard> {
  requirePermission(ctx, PERMISSION);
  const period = await pickSemester(ctx, q);
  const sd = schoolDirectory;
  const [schools, rows] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ schoolId: sd.id, schoolCode: sd.code, schoolName: sd.name, zoneId: sd.zoneId, zoneName: sd.zoneName })
      .from(sd)
      .where(scoped(ctx, sd, PERMISSION))
      .orderBy(asc(sd.zoneName), asc(sd.code)),
    () => read(ctx, period.semester?.id, 'school'),
  );
  return { ...period, ...sumSchools(schools, foldFigures(rows, (r) => r.schoolId)) };
}

/** A school within reach (404 for another's or an unknown one) and its classes' results and growth records. */
export async function examsSchoolDashboard(ctx: Ctx, schoolId: string, q: ExamsDashboardQuery): Promise<ExamsSchoolDashboard> {
  requirePermission(ctx, PERMISSION);
  const period = await pickSemester(ctx, q);
  const sd = schoolDirectory;
  const cd = classDirectory;
  const school = found(
    await ctx.readDb
      .select({ id: sd.id, code: sd.code, name: sd.name, zoneName: sd.zoneName })
      .from(sd)
      .where(and(scoped(ctx, sd, PERMISSION), eq(sd.id, schoolId))),
    '学校',
  );
  const [classes, totals, classRows] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ classId: cd.id, className: cd.name, grade: cd.grade })
      .from(cd)
      .where(and(scoped(ctx, cd, PERMISSION), eq(cd.schoolId, school.id)))
      .orderBy(asc(cd.grade), asc(cd.name)),
    () => read(ctx, period.semester?.id, 'school', school.id),
    () => read(ctx, period.semester?.id, 'class', school.id),
  );
  const byClass = foldFigures(classRows, (r) => r.classId);
  return {
    ...period,
    school,
    figures: foldFigures(totals, () => school.id).get(school.id) ?? {},
    classes: classes.map((c) => ({ ...c, figures: byClass.get(c.classId) ?? {} })),
  };
}
