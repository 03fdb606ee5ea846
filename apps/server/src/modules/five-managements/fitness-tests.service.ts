/**
 * 国家学生体质健康标准 test results: the school (教务处) downloads the template and imports a semester's file; the
 * import replaces earlier results of the same pupils and semester, refreshes the classes' pass figures (fitnessPass)
 * and tells the families with an account, in one transaction.
 */
import { FIVE_INDICATORS, type FitnessTestImportQuery, type FitnessTestImportResult } from '@shuangjian/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { type IndicatorFigure, semesterPeriod, setIndicators } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { semesterAt, semesterById, semestersOf } from '../calendar';
import { classDirectory, guardiansOfStudents, schoolDirectory, studentDirectory } from '../org';
import { fitnessTemplate, parseFitnessFile, type Pupil } from './fitness-import.service';
import { fiveFitnessTestImports, fiveFitnessTests } from './fitness.schema';

const SCHOOL = 'five-managements.school' as const;

/** A school the user may file for (404 for another school's or an unknown one). */
export async function fitnessSchool(ctx: Ctx, schoolId: string, permission: typeof SCHOOL | 'five-managements.read' = SCHOOL) {
  const [school] = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, permission), eq(schoolDirectory.id, schoolId)));
  if (!school) throw notFound('学校');
  return school;
}

/** The semester asked for, or the one in force today. */
export async function fitnessSemester(ctx: Ctx, semesterId: string | undefined) {
  const d = ctx.user.districtId;
  if (semesterId) return semesterById(ctx.db, d, semesterId);
  const current = semesterAt(await semestersOf(ctx.db, d), today(ctx));
  if (!current) throw notFound('学期');
  return current;
}

async function schoolPupils(q: Queryable, districtId: string, schoolId: string): Promise<Pupil[]> {
  return q
    .select({
      id: studentDirectory.id,
      studentNo: studentDirectory.studentNo,
      name: studentDirectory.name,
      grade: studentDirectory.grade,
      classId: studentDirectory.classId,
      className: studentDirectory.className,
    })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, districtId), eq(studentDirectory.schoolId, schoolId), eq(studentDirectory.status, 'active')))
    .orderBy(asc(studentDirectory.grade), asc(studentDirectory.className), asc(studentDirectory.studentNo));
}

export async function fitnessTestTemplate(ctx: Ctx, schoolId: string): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(ctx, SCHOOL);
  const school = await fitnessSchool(ctx, schoolId);
  const buffer = await fitnessTemplate(await schoolPupils(ctx.db, ctx.user.districtId, school.id));
  return { buffer, fileName: `${school.name}-体质健康测试成绩导入模板.xlsx` };
}

/**
 * The classes' pass figures of a semester, set-based from the results (every class of the school, zero where no
 * result): fitnessPass (class, semester) = 及格 or better / tested. The demo calls it too.
 */
export async function refreshFitnessPass(q: Queryable, districtId: string, schoolIds: readonly string[], semesterId: string): Promise<void> {
  if (!schoolIds.length) return;
  const t = fiveFitnessTests;
  const [classes, counts] = await atOnce(q,
    () => q
      .select({ id: classDirectory.id, schoolId: classDirectory.schoolId })
      .from(classDirectory)
      .where(and(eq(classDirectory.districtId, districtId), inArray(classDirectory.schoolId, [...schoolIds]))),
    () => q
      .select({ classId: t.classId, passed: sql<number>`count(*) filter (where ${t.level} <> 'fail')::int`, tested: sql<number>`count(*)::int` })
      .from(t)
      .where(and(eq(t.districtId, districtId), inArray(t.schoolId, [...schoolIds]), eq(t.semesterId, semesterId)))
      .groupBy(t.classId),
  );
  const byClass = new Map(counts.map((c) => [c.classId, c]));
  const rows: IndicatorFigure[] = classes.map((c) => ({
    districtId,
    indicator: FIVE_INDICATORS.fitnessPass,
    period: semesterPeriod(semesterId),
    schoolId: c.schoolId,
    classId: c.id,
    num: Number(byClass.get(c.id)?.passed ?? 0),
    den: Number(byClass.get(c.id)?.tested ?? 0),
  }));
  await setIndicators(q, rows);
}

export async function importFitnessTests(
  ctx: Ctx,
  query: z.output<typeof FitnessTestImportQuery>,
  readFile: () => Promise<{ buffer: Buffer; fileName: string }>,
): Promise<FitnessTestImportResult> {
  requirePermission(ctx, SCHOOL);
  const school = await fitnessSchool(ctx, query.schoolId);
  const semester = await fitnessSemester(ctx, query.semesterId);
  const d = ctx.user.districtId;
  const file = await readFile();
  const pupils = await schoolPupils(ctx.db, d, school.id);
  const results = await parseFitnessFile(file.buffer, pupils);
  return ctx.db.transaction(async (tx) => {
    const ids = results.map((r) => r.studentId);
    const earlier = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await tx
        .select({ studentId: fiveFitnessTests.studentId })
        .from(fiveFitnessTests)
        .where(and(eq(fiveFitnessTests.districtId, d), eq(fiveFitnessTests.semesterId, semester.id), inArray(fiveFitnessTests.studentId, ids.slice(i, i + 1000))));
      rows.forEach((r) => earlier.add(r.studentId));
    }
    const [imp] = await tx
      .insert(fiveFitnessTestImports)
      .values({ districtId: d, schoolId: school.id, semesterId: semester.id, fileName: file.fileName.slice(0, 200), rows: results.length, importedBy: ctx.user.id })
      .returning({ id: fiveFitnessTestImports.id });
    const values = results.map((r) => ({
      districtId: d,
      schoolId: school.id,
      classId: r.classId,
      studentId: r.studentId,
      semesterId: semester.id,
      importId: imp!.id,
      grade: r.grade,
      gender: r.gender,
      heightTenths: r.heightTenths,
      weightTenths: r.weightTenths,
      items: r.items,
      standardTenths: r.standardTenths,
      extraTenths: r.extraTenths,
      totalTenths: r.totalTenths,
      level: r.level,
      updatedAt: ctx.now(),
    }));
    const t = fiveFitnessTests;
    for (let i = 0; i < values.length; i += 500)
      await tx
        .insert(t)
        .values(values.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [t.districtId, t.semesterId, t.studentId],
          set: {
            schoolId: sql`excluded.school_id`,
            classId: sql`excluded.class_id`,
            importId: sql`excluded.import_id`,
            grade: sql`excluded.grade`,
            gender: sql`excluded.gender`,
            heightTenths: sql`excluded.height_tenths`,
            weightTenths: sql`excluded.weight_tenths`,
            items: sql`excluded.items`,
            standardTenths: sql`excluded.standard_tenths`,
            extraTenths: sql`excluded.extra_tenths`,
            totalTenths: sql`excluded.total_tenths`,
            level: sql`excluded.level`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    await refreshFitnessPass(tx, d, [school.id], semester.id);
    const levels = { excellent: 0, good: 0, pass: 0, fail: 0 };
    results.forEach((r) => levels[r.level]++);
    await audit(tx, ctx.actor, {
      action: 'five-managements.fitness.tests.import',
      entity: 'five_fitness_test_imports',
      entityId: imp!.id,
      after: { school: school.name, semester: semester.name, fileName: file.fileName, rows: results.length, replaced: earlier.size, levels },
    });
    // the families see the child's result on their page: told once it is there
    const guardians = (await guardiansOfStudents(tx, d, ids)).filter((g) => g.userId);
    await notify(
      tx,
      d,
      [...new Set(guardians.map((g) => g.userId!))],
      { kind: 'five-managements.fitness.result', title: `孩子的体质健康测试结果（${semester.name}）已发布`, body: '可在「体质健康」页面查看各项得分和等级。', link: '/five/fitness/child' },
    );
    return { semesterId: semester.id, semesterName: semester.name, rows: results.length, imported: results.length, replaced: earlier.size };
  });
}
