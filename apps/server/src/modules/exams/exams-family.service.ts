/** 考试管理 · a family's side: their own child's level in each subject of each exam (levels only, never a rank). */
import type { FamilyLevels } from '@shuangjian/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { atOnce } from '../../platform/db';
import { found } from '../../platform/errors';
import { semestersOf } from '../calendar';
import { studentDirectory } from '../org';
import { subjectNames } from './exams-filings.repo';
import { examFilings, examResults } from './exams.schema';

export async function familyLevels(ctx: Ctx, studentId: string): Promise<FamilyLevels> {
  requirePermission(ctx, 'exams.family');
  const d = ctx.user.districtId;
  const child = found(
    await ctx.db
      .select({ id: studentDirectory.id, name: studentDirectory.name })
      .from(studentDirectory)
      .where(and(scoped(ctx, studentDirectory, 'exams.family'), eq(studentDirectory.id, studentId))),
    '学生',
  );
  const rows = await ctx.db
    .select({ exam: examFilings, subjectId: examResults.subjectId, level: examResults.level })
    .from(examResults)
    .innerJoin(examFilings, and(eq(examFilings.districtId, examResults.districtId), eq(examFilings.id, examResults.examId)))
    .where(and(scoped(ctx, examResults, 'exams.family'), eq(examResults.studentId, child.id), eq(examFilings.status, 'accepted')))
    .orderBy(desc(examFilings.date), desc(examFilings.createdAt));
  const [subjects, semesters] = await atOnce(ctx.db, () => subjectNames(ctx.db, d, rows.map((r) => r.subjectId)), () => semestersOf(ctx.db, d));
  const exams: FamilyLevels['exams'] = [];
  for (const r of rows) {
    let exam = exams.find((e) => e.examId === r.exam.id);
    if (!exam) {
      exam = {
        examId: r.exam.id,
        name: r.exam.name,
        type: r.exam.type,
        form: r.exam.form,
        date: r.exam.date,
        semesterName: semesters.find((s) => s.id === r.exam.semesterId)?.name ?? '',
        levels: [],
      };
      exams.push(exam);
    }
    exam.levels.push({ subjectId: r.subjectId, subjectName: subjects.get(r.subjectId)?.name ?? '', level: r.level });
  }
  // subjects in the district's order (never by level)
  for (const e of exams) e.levels.sort((a, b) => (subjects.get(a.subjectId)?.sort ?? 0) - (subjects.get(b.subjectId)?.sort ?? 0));
  return { studentId: child.id, studentName: child.name, exams };
}
