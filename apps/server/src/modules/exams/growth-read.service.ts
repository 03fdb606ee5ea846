/**
 * 综合素质评价 reads: the classes a teacher or the school reaches with their completion figure, a class's record (pupils
 * in student-number order with what each still lacks, skills against the targets, the labour grid), and one pupil's
 * semester summary, the page the family reads on a phone and prints. No read sorts pupils by anything they did.
 */
import { EXAM_INDICATORS, type GrowthClassView, type GrowthSummary, GROWTH_DIMENSIONS } from '@shuangjian/contracts';
import { growthCompleteness, labourTasksFor, skillProgress } from '@shuangjian/policy';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { readIndicators, semesterPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { classDirectory, studentDirectory, visibleClass } from '../org';
import { entryView, growthPolicy, isClassTeacher, mayEdit, mayRecord, mayRecordInBulk, resolveSemester, userNames, visiblePupil } from './growth-load.service';
import { growthComments, growthEntries } from './growth.schema';

const dimensionCounts = (counts: Map<string, number>) => GROWTH_DIMENSIONS.map((dimension) => ({ dimension, entries: counts.get(dimension) ?? 0 }));

/** Skill entries of pupils over every semester (a skill once mastered stays): counted against the targets. */
async function skillEntries(q: Queryable, districtId: string, studentIds: readonly string[]) {
  if (!studentIds.length) return [];
  return q
    .select({ studentId: growthEntries.studentId, kind: growthEntries.kind, title: growthEntries.title })
    .from(growthEntries)
    .where(and(eq(growthEntries.districtId, districtId), inArray(growthEntries.studentId, [...studentIds]), inArray(growthEntries.kind, ['sports_skill', 'art_skill'])));
}

/** Classes the caller reaches under 'exams.growth' with growthComplete (complete / pupils) for the semester. */
export async function growthClasses(ctx: Ctx, semesterId: string | undefined) {
  requirePermission(ctx, 'exams.growth');
  const { semester, semesters } = await resolveSemester(ctx, semesterId);
  const classes = await ctx.db
    .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade, schoolName: classDirectory.schoolName })
    .from(classDirectory)
    .where(scoped(ctx, classDirectory, 'exams.growth'))
    .orderBy(asc(classDirectory.schoolName), asc(classDirectory.grade), asc(classDirectory.name));
  const figures = await readIndicators(ctx.db, ctx.user.districtId, {
    indicators: [EXAM_INDICATORS.growthComplete],
    periods: [semesterPeriod(semester.id)],
    by: 'class',
    where: scoped(ctx, indicatorRollups, 'exams.growth'),
  });
  const byClass = new Map(figures.map((f) => [f.classId, f]));
  return {
    semester,
    semesters,
    classes: classes.map((c) => ({ ...c, complete: byClass.get(c.id)?.num ?? 0, total: byClass.get(c.id)?.den ?? 0 })),
  };
}

/** A class's record for a semester: who is complete and what each pupil lacks, skills, labour-list ticks. */
export async function classGrowth(ctx: Ctx, classId: string, semesterId: string | undefined): Promise<GrowthClassView> {
  requirePermission(ctx, 'exams.growth');
  const cls = await visibleClass(ctx, classId, 'exams.growth');
  const { semester, semesters } = await resolveSemester(ctx, semesterId);
  const { growth, version } = await growthPolicy(ctx.db, cls.districtId, today(ctx));
  const d = cls.districtId;
  const pupils = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, studentNo: studentDirectory.studentNo })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, d), eq(studentDirectory.classId, cls.id), eq(studentDirectory.status, 'active')))
    .orderBy(asc(studentDirectory.studentNo));
  const ids = pupils.map((p) => p.id);
  const inSemester = and(eq(growthEntries.districtId, d), eq(growthEntries.classId, cls.id), eq(growthEntries.semesterId, semester.id));
  const [dims, labour, comments, skills] = await atOnce(ctx.db,
    () => ctx.db
      .select({ studentId: growthEntries.studentId, dimension: growthEntries.dimension, n: count() })
      .from(growthEntries)
      .where(inSemester)
      .groupBy(growthEntries.studentId, growthEntries.dimension),
    () => ctx.db.select({ studentId: growthEntries.studentId, code: growthEntries.labourCode }).from(growthEntries).where(and(inSemester, eq(growthEntries.kind, 'labour'))),
    () => ctx.db
      .select({ studentId: growthComments.studentId, n: count() })
      .from(growthComments)
      .where(and(eq(growthComments.districtId, d), eq(growthComments.classId, cls.id), eq(growthComments.semesterId, semester.id)))
      .groupBy(growthComments.studentId),
    () => skillEntries(ctx.db, d, ids),
  );
  const at = { districtId: d, zoneId: cls.zoneId, schoolId: cls.schoolId, classId: cls.id };
  const rows = pupils.map((p) => {
    const counts = new Map(dims.filter((x) => x.studentId === p.id).map((x) => [x.dimension, Number(x.n)]));
    const commentCount = Number(comments.find((c) => c.studentId === p.id)?.n ?? 0);
    const done = growthCompleteness(counts.keys(), commentCount);
    const progress = skillProgress(skills.filter((s) => s.studentId === p.id), growth);
    return {
      studentId: p.id,
      name: p.name,
      studentNo: p.studentNo,
      dimensions: dimensionCounts(counts),
      comments: commentCount,
      complete: done.complete,
      missingDimensions: done.missingDimensions,
      missingComment: done.missingComment,
      sportsSkills: progress.sports.count,
      artSkills: progress.art.count,
      labourDone: labour.filter((l) => l.studentId === p.id && l.code).map((l) => l.code!),
    };
  });
  return {
    semester,
    semesters,
    class: { id: cls.id, name: cls.name, grade: cls.grade, schoolName: cls.schoolName },
    labourTasks: labourTasksFor(growth.labourList, cls.grade).map((t) => ({ code: t.code, name: t.name })),
    pupils: rows,
    complete: rows.filter((r) => r.complete).length,
    total: rows.length,
    targets: { sports: growth.sportsSkillsTarget, art: growth.artSkillsTarget },
    canBulk: mayRecordInBulk(ctx, at),
    policyVersions: version,
  };
}

/** One pupil's semester, for the teachers of the class, the school, and the pupil's own family. */
export async function growthSummary(ctx: Ctx, studentId: string, semesterId: string | undefined): Promise<GrowthSummary> {
  const pupil = await visiblePupil(ctx, studentId, ['exams.growth', 'exams.family']);
  const { semester, semesters } = await resolveSemester(ctx, semesterId);
  const d = pupil.districtId;
  const { growth, version } = await growthPolicy(ctx.db, d, today(ctx));
  const [entries, comments, skills] = await atOnce(ctx.db,
    () => ctx.db
      .select()
      .from(growthEntries)
      .where(and(eq(growthEntries.districtId, d), eq(growthEntries.studentId, pupil.id), eq(growthEntries.semesterId, semester.id)))
      .orderBy(asc(growthEntries.date), asc(growthEntries.createdAt)),
    () => ctx.db
      .select()
      .from(growthComments)
      .where(and(eq(growthComments.districtId, d), eq(growthComments.studentId, pupil.id), eq(growthComments.semesterId, semester.id)))
      .orderBy(asc(growthComments.createdAt)),
    () => skillEntries(ctx.db, d, [pupil.id]),
  );
  const names = await userNames(ctx.db, d, [...entries.map((e) => e.recordedBy), ...comments.map((c) => c.authorId)]);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.dimension, (counts.get(e.dimension) ?? 0) + 1);
  const done = growthCompleteness(counts.keys(), comments.length);
  const staff = mayRecord(ctx, pupil);
  const order = ['overall', ...GROWTH_DIMENSIONS];
  return {
    semester,
    semesters,
    student: { id: pupil.id, name: pupil.name, studentNo: pupil.studentNo, className: pupil.className, grade: pupil.grade, schoolName: pupil.schoolName },
    entries: entries.map((e) => entryView(e, names, staff && mayEdit(ctx, e, pupil))),
    comments: comments
      .map((c) => ({ id: c.id, scope: c.scope, text: c.text, authorName: names.get(c.authorId) ?? '', updatedAt: c.updatedAt.toISOString() }))
      .sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope)),
    dimensions: dimensionCounts(counts),
    skills: skillProgress(skills, growth),
    complete: done.complete,
    missingDimensions: done.missingDimensions,
    missingComment: done.missingComment,
    labourTasks: labourTasksFor(growth.labourList, pupil.grade).map((t) => ({ code: t.code, name: t.name })),
    canRecord: staff,
    canCommentOverall: staff && isClassTeacher(ctx, pupil),
    policyVersions: version,
  };
}
