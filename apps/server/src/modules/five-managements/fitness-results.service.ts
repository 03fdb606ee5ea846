/**
 * Reading the fitness test results: per school and grade the number tested and each level's count (the pass rate is
 * 及格 or better); a class's pupils in 学籍号 order with their level; a child's latest result for the family, with
 * its items and level and nothing of classmates (no rank, no average to compare with).
 */
import type { ChildFitnessResult, FitnessLevelCounts, FitnessTestResults, FitnessTestResultsQuery, FitnessTestSummary, FitnessTestSummaryQuery } from '@shuangjian/contracts';
import { and, asc, eq, max, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { semesterAt, semestersOf } from '../calendar';
import { schoolDirectory, studentDirectory, visibleClass } from '../org';
import { fiveFitnessTestImports, fiveFitnessTests } from './fitness.schema';

const READ = 'five-managements.read' as const;
const FAMILY = 'five-managements.family' as const;

const zero = (): FitnessLevelCounts => ({ excellent: 0, good: 0, pass: 0, fail: 0 });

async function semesterOf(ctx: Ctx, semesterId: string | undefined) {
  const list = await semestersOf(ctx.db, ctx.user.districtId);
  const semester = semesterId ? list.find((s) => s.id === semesterId) : semesterAt(list, today(ctx));
  if (semesterId && !semester) throw notFound('学期');
  return { list, semester: semester ?? null };
}

export async function fitnessTestSummary(ctx: Ctx, query: z.output<typeof FitnessTestSummaryQuery>): Promise<FitnessTestSummary> {
  requirePermission(ctx, READ);
  const { list, semester } = await semesterOf(ctx, query.semesterId);
  const schoolWhere: SQL[] = [scoped(ctx, schoolDirectory, READ)];
  if (query.schoolId) schoolWhere.push(eq(schoolDirectory.id, query.schoolId));
  const schools = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(and(...schoolWhere))
    .orderBy(asc(schoolDirectory.code));
  if (query.schoolId && !schools.length) throw notFound('学校');
  const semesters = [...list].reverse().map((s) => ({ id: s.id, name: s.name }));
  if (!semester) return { semester: null, semesters, schools: [] };
  const t = fiveFitnessTests;
  const only = query.schoolId ? eq(t.schoolId, query.schoolId) : undefined;
  const [counts, imports] = await atOnce(ctx.db,
    () => ctx.db
      .select({ schoolId: t.schoolId, grade: t.grade, level: t.level, n: sql<number>`count(*)::int` })
      .from(t)
      .where(and(scoped(ctx, t, READ), eq(t.semesterId, semester.id), only))
      .groupBy(t.schoolId, t.grade, t.level),
    () => ctx.db
      .select({ schoolId: fiveFitnessTestImports.schoolId, at: max(fiveFitnessTestImports.createdAt) })
      .from(fiveFitnessTestImports)
      .where(and(scoped(ctx, fiveFitnessTestImports, READ), eq(fiveFitnessTestImports.semesterId, semester.id)))
      .groupBy(fiveFitnessTestImports.schoolId),
  );
  return {
    semester: { id: semester.id, name: semester.name },
    semesters,
    schools: schools.map((s) => {
      const mine = counts.filter((c) => c.schoolId === s.id);
      const levels = zero();
      const grades = new Map<number, FitnessLevelCounts>();
      for (const c of mine) {
        const n = Number(c.n);
        levels[c.level] += n;
        const g = grades.get(c.grade) ?? zero();
        g[c.level] += n;
        grades.set(c.grade, g);
      }
      const sum = (l: FitnessLevelCounts) => l.excellent + l.good + l.pass + l.fail;
      const at = imports.find((i) => i.schoolId === s.id)?.at;
      return {
        schoolId: s.id,
        schoolName: s.name,
        tested: sum(levels),
        levels,
        grades: [...grades.entries()].sort(([a], [b]) => a - b).map(([grade, l]) => ({ grade, tested: sum(l), levels: l })),
        lastImportAt: at ? new Date(at).toISOString() : null,
      };
    }),
  };
}

/** A class's pupils with their level of the semester, in 学籍号 order (never sorted by score). */
export async function fitnessClassResults(ctx: Ctx, query: z.output<typeof FitnessTestResultsQuery>): Promise<FitnessTestResults> {
  requirePermission(ctx, READ);
  const cls = await visibleClass(ctx, query.classId, READ);
  const { semester } = await semesterOf(ctx, query.semesterId);
  const d = ctx.user.districtId;
  const t = fiveFitnessTests;
  const rows = await ctx.db
    .select({
      studentId: studentDirectory.id,
      studentNo: studentDirectory.studentNo,
      name: studentDirectory.name,
      totalTenths: t.totalTenths,
      level: t.level,
    })
    .from(studentDirectory)
    .leftJoin(t, and(eq(t.districtId, studentDirectory.districtId), eq(t.studentId, studentDirectory.id), eq(t.semesterId, semester?.id ?? sql`null`)))
    .where(and(eq(studentDirectory.districtId, d), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active')))
    .orderBy(asc(studentDirectory.studentNo));
  return {
    semesterId: semester?.id ?? null,
    classId: cls.id,
    className: cls.name,
    pupils: rows.map((r) => ({
      studentId: r.studentId,
      studentNo: r.studentNo,
      name: r.name,
      tested: r.level !== null,
      totalScore: r.totalTenths === null ? null : r.totalTenths / 10,
      level: r.level,
    })),
  };
}

/** The family's view of their child's latest result (the newest semester with one). */
export async function childFitness(ctx: Ctx, studentId: string): Promise<ChildFitnessResult> {
  requirePermission(ctx, FAMILY);
  const d = ctx.user.districtId;
  const [child] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, FAMILY), eq(studentDirectory.id, studentId)));
  if (!child) throw notFound('学生');
  const rows = await ctx.db
    .select()
    .from(fiveFitnessTests)
    .where(and(eq(fiveFitnessTests.districtId, d), eq(fiveFitnessTests.studentId, child.id)));
  const semesters = await semestersOf(ctx.db, d);
  const order = (id: string) => semesters.find((s) => s.id === id)?.startDate ?? '';
  const latest = rows.sort((a, b) => order(b.semesterId).localeCompare(order(a.semesterId)))[0];
  return {
    studentId: child.id,
    studentName: child.name,
    result: latest
      ? {
          semesterName: semesters.find((s) => s.id === latest.semesterId)?.name ?? '',
          grade: latest.grade,
          heightCm: latest.heightTenths === null ? null : latest.heightTenths / 10,
          weightKg: latest.weightTenths === null ? null : latest.weightTenths / 10,
          items: latest.items,
          standardScore: latest.standardTenths / 10,
          extraScore: latest.extraTenths / 10,
          totalScore: latest.totalTenths / 10,
          level: latest.level,
        }
      : null,
  };
}
