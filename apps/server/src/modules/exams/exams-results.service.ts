/**
 * 考试管理 · results as levels (等级制, seed 004 #22 "成绩以等级制呈现"; seed 003 "严禁基于考试结果的排名"): the teacher of
 * a class and subject records each pupil's level in one request, or types a mark that the district's bands
 * (exams.levels) turn into a level at once — the mark is written nowhere (no column, no audit entry, no log line).
 * Sheets list pupils in 学号 order and summaries give counts per level only: nothing ranks or sorts pupils by result.
 */
import type { ExamResultSheet, ExamSummary, LevelCounts } from '@shuangjian/contracts';
import { EXAM_INDICATORS, ExamResultsInput, LEVELS } from '@shuangjian/contracts';
import { type LevelValue, levelOfScore, type LocalDate } from '@shuangjian/policy';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, coveringGrants, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable, rowsOf } from '../../platform/db';
import { conflict, forbidden, found, invalid } from '../../platform/errors';
import { semesterPeriod, setIndicators } from '../../platform/indicators';
import { type ClassRef, classDirectory, classKeys, studentDirectory, visibleClass } from '../org';
import { type FilingRow, subjectNames } from './exams-filings.repo';
import { examRulesAt } from './exams-rules.service';
import { examFilings, examResults } from './exams.schema';

/** 教务处, or the teacher of this class in this subject. */
function mayRecord(ctx: Ctx, cls: ClassRef, subjectId: string): boolean {
  return coveringGrants(ctx, 'exams.results', classKeys(cls)).some((g) => g.role === 'school_admin' || (g.role === 'teacher' && g.subjectId === subjectId));
}

const emptyCounts = (): LevelCounts => ({ excellent: 0, good: 0, pass: 0, not_yet: 0, missing: 0 });

/** The exam (accepted), class and subject of a sheet, each checked against the others. */
async function sheetPlace(ctx: Ctx, q: Queryable, examId: string, classId: string, subjectId: string, permission: 'exams.read' | 'exams.results') {
  const exam = found(await q.select().from(examFilings).where(and(scoped(ctx, examFilings, permission), eq(examFilings.id, examId))), '考试备案');
  if (exam.status !== 'accepted') throw conflict('只有已备案的考试可以录入等级');
  const cls = await visibleClass(ctx, classId, permission, q);
  if ((exam.schoolId && exam.schoolId !== cls.schoolId) || !exam.grades.includes(cls.grade)) throw invalid('classId', '班级', `${cls.name}不参加这次考试`);
  if (!exam.subjectIds.includes(subjectId)) throw invalid('subjectId', '学科', '这次考试没有该学科');
  return { exam, cls };
}

async function sheet(ctx: Ctx, q: Queryable, exam: FilingRow, cls: ClassRef, subjectId: string): Promise<ExamResultSheet> {
  const d = ctx.user.districtId;
  const [pupils, subjects] = await atOnce(q,
    () => q
      .select({ studentId: studentDirectory.id, studentNo: studentDirectory.studentNo, name: studentDirectory.name, level: examResults.level })
      .from(studentDirectory)
      .leftJoin(
        examResults,
        and(eq(examResults.districtId, studentDirectory.districtId), eq(examResults.studentId, studentDirectory.id), eq(examResults.examId, exam.id), eq(examResults.subjectId, subjectId)),
      )
      .where(and(eq(studentDirectory.districtId, d), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active')))
      // 学号 order, whatever the levels: a sheet never orders pupils by result
      .orderBy(asc(studentDirectory.studentNo)),
    () => subjectNames(q, d, [subjectId]),
  );
  const counts = emptyCounts();
  for (const p of pupils) counts[p.level ?? 'missing'] += 1;
  return {
    examId: exam.id,
    examName: exam.name,
    classId: cls.id,
    className: cls.name,
    subjectId,
    subjectName: subjects.get(subjectId)?.name ?? '',
    canRecord: mayRecord(ctx, cls, subjectId) && exam.date <= today(ctx),
    pupils: pupils.map((p) => ({ studentId: p.studentId, studentNo: p.studentNo, name: p.name, level: p.level })),
    counts,
  };
}

/** One class's levels in one subject of an exam. */
export async function getResultSheet(ctx: Ctx, examId: string, query: { classId: string; subjectId: string }): Promise<ExamResultSheet> {
  requirePermission(ctx, 'exams.read');
  const { exam, cls } = await sheetPlace(ctx, ctx.db, examId, query.classId, query.subjectId, 'exams.read');
  return sheet(ctx, ctx.db, exam, cls, query.subjectId);
}

/** Records a class's levels in one subject (one request); typed marks become levels here and go no further. */
export async function recordResults(ctx: Ctx, examId: string, input: z.output<typeof ExamResultsInput>): Promise<ExamResultSheet> {
  requirePermission(ctx, 'exams.results');
  const d = ctx.user.districtId;
  return ctx.db.transaction(async (tx) => {
    const { exam, cls } = await sheetPlace(ctx, tx, examId, input.classId, input.subjectId, 'exams.results');
    if (!mayRecord(ctx, cls, input.subjectId)) throw forbidden('只有该班该学科的任课教师或教务处可以录入等级');
    if (exam.date > today(ctx)) throw conflict(`考试在${exam.date}举行，举行后才能录入等级`);
    const roster = await tx
      .select({ id: studentDirectory.id })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, d), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active')));
    const inClass = new Set(roster.map((r) => r.id));
    const seen = new Set<string>();
    for (const [i, e] of input.entries.entries()) {
      if (!inClass.has(e.studentId)) throw invalid(`entries.${i}.studentId`, '学生', `不是${cls.name}的学生`);
      if (seen.has(e.studentId)) throw invalid(`entries.${i}.studentId`, '学生', '重复录入');
      seen.add(e.studentId);
    }
    const bands = (await examRulesAt(tx, d, exam.date)).values['exams.levels'];
    // The mark lives only in this map's computation: what is kept, audited and answered is the level.
    const levels = input.entries.map((e) => ({
      studentId: e.studentId,
      level: (e.level ?? (e.score != null ? levelOfScore(e.score, e.fullMarks ?? 100, bands) : null)) as LevelValue | null,
    }));
    const set = levels.filter((l): l is { studentId: string; level: LevelValue } => l.level !== null);
    const cleared = levels.filter((l) => l.level === null).map((l) => l.studentId);
    if (cleared.length)
      await tx
        .delete(examResults)
        .where(and(eq(examResults.districtId, d), eq(examResults.examId, exam.id), eq(examResults.subjectId, input.subjectId), inArray(examResults.studentId, cleared)));
    if (set.length)
      await tx
        .insert(examResults)
        .values(
          set.map((l) => ({
            districtId: d,
            examId: exam.id,
            zoneId: cls.zoneId,
            schoolId: cls.schoolId,
            classId: cls.id,
            studentId: l.studentId,
            subjectId: input.subjectId,
            level: l.level,
            recordedBy: ctx.user.id,
          })),
        )
        .onConflictDoUpdate({
          target: [examResults.districtId, examResults.examId, examResults.studentId, examResults.subjectId],
          set: { level: sql`excluded.level`, recordedBy: sql`excluded.recorded_by`, classId: sql`excluded.class_id`, updatedAt: sql`now()` },
        });
    await audit(tx, ctx.actor, {
      action: 'exams.results.record',
      entity: 'exam_filing',
      entityId: exam.id,
      after: { classId: cls.id, subjectId: input.subjectId, levels: set, cleared },
    });
    if (exam.schoolId) await refreshResultsFigures(tx, d, exam.semesterId, today(ctx), [cls.id]);
    return sheet(ctx, tx, exam, cls, input.subjectId);
  });
}

/** Counts per level for each class and subject of an exam the person sees (no pupil, no order by result). */
export async function examSummary(ctx: Ctx, examId: string): Promise<ExamSummary> {
  requirePermission(ctx, 'exams.read');
  const d = ctx.user.districtId;
  const exam = found(await ctx.db.select().from(examFilings).where(and(scoped(ctx, examFilings, 'exams.read'), eq(examFilings.id, examId))), '考试备案');
  const [classRows, resultRows, pupilRows, subjects] = await atOnce(ctx.db,
    () => ctx.db
      .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade })
      .from(classDirectory)
      .where(
        and(
          scoped(ctx, classDirectory, 'exams.read'),
          exam.schoolId ? eq(classDirectory.schoolId, exam.schoolId) : undefined,
          inArray(classDirectory.grade, exam.grades),
        ),
      )
      .orderBy(asc(classDirectory.schoolName), asc(classDirectory.grade), asc(classDirectory.name)),
    () => ctx.db
      .select({ classId: examResults.classId, subjectId: examResults.subjectId, level: examResults.level, n: count() })
      .from(examResults)
      .where(and(scoped(ctx, examResults, 'exams.read'), eq(examResults.examId, exam.id)))
      .groupBy(examResults.classId, examResults.subjectId, examResults.level),
    () => ctx.db
      .select({ classId: studentDirectory.classId, n: count() })
      .from(studentDirectory)
      .where(and(scoped(ctx, studentDirectory, 'exams.read'), eq(studentDirectory.status, 'active'), inArray(studentDirectory.grade, exam.grades), exam.schoolId ? eq(studentDirectory.schoolId, exam.schoolId) : undefined))
      .groupBy(studentDirectory.classId),
    () => subjectNames(ctx.db, d, exam.subjectIds),
  );
  const subjectOrder = [...exam.subjectIds].sort((a, b) => (subjects.get(a)?.sort ?? 0) - (subjects.get(b)?.sort ?? 0));
  const rows: ExamSummary['rows'] = [];
  for (const c of classRows) {
    const pupils = pupilRows.find((p) => p.classId === c.id)?.n ?? 0;
    for (const s of subjectOrder) {
      const counts = emptyCounts();
      for (const r of resultRows) if (r.classId === c.id && r.subjectId === s) counts[r.level] += r.n;
      counts.missing = Math.max(0, pupils - LEVELS.reduce((sum, l) => sum + counts[l], 0));
      rows.push({ classId: c.id, className: c.name, subjectId: s, subjectName: subjects.get(s)?.name ?? '', pupils, counts });
    }
  }
  return { examId: exam.id, examName: exam.name, rows };
}

/**
 * resultsRecorded (class, semester), set-based: over the school's accepted exams of the semester held by `today` that
 * the class's grade sits, pupils with a level in every subject / pupils. Classes: those given, or all.
 */
export async function refreshResultsFigures(q: Queryable, districtId: string, semesterId: string, on: LocalDate, classIds?: readonly string[]): Promise<void> {
  const rows = await rowsOf<{ class_id: string; school_id: string; num: number; den: number }>(
    q,
    sql`with ex as (
        select id, school_id, grades, cardinality(subject_ids) as n from exam_filings
        where district_id = ${districtId} and semester_id = ${semesterId} and status = 'accepted' and school_id is not null and date <= ${on}
      ), pairs as (
        select c.id as class_id, c.school_id, ex.id as exam_id, ex.n
        from class_directory c join ex on ex.school_id = c.school_id and c.grade = any(ex.grades)
        where c.district_id = ${districtId} ${classIds ? sql`and c.id in ${classIds.length ? sql`(${sql.join(classIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`(null)`}` : sql``}
      )
      select p.class_id, p.school_id, count(*)::int as den,
        count(*) filter (where (select count(distinct r.subject_id) from exam_results r
          where r.district_id = ${districtId} and r.exam_id = p.exam_id and r.student_id = sd.id) >= p.n)::int as num
      from pairs p join student_directory sd on sd.district_id = ${districtId} and sd.class_id = p.class_id and sd.status = 'active'
      group by p.class_id, p.school_id`,
  );
  const period = semesterPeriod(semesterId);
  await setIndicators(
    q,
    rows.map((r) => ({ districtId, indicator: EXAM_INDICATORS.resultsRecorded, period, schoolId: r.school_id, classId: r.class_id, num: Number(r.num), den: Number(r.den) })),
  );
}
