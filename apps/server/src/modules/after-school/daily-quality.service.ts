/**
 * Quality of the service: patrols (巡视: staff visit courses and places during the service and record findings,
 * a rating and issues) and the monthly assessment (月度考核) of each course feeding the school's figure.
 */
import type { AssessmentInput, AssessmentMonth, PatrolDay, PatrolInput, PatrolView } from '@shuangjian/contracts';
import { addDays, type LocalDate, yearMonthOf, monthSpan, schoolAssessment } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { schoolDirectory } from '../org';
import { bumpSchoolStats, ruleOnDate, schoolAdminOf, schoolDays, schoolsWith, userNames, visibleCourse } from './daily.repo';
import { afterSchoolAssessments, afterSchoolPatrols } from './daily.schema';
import { afterSchoolCourses, afterSchoolSessions } from './schema';
import { semesterById, semestersOf } from './semesters';

/** How many days back a patrol may be recorded. */
const PATROL_BACK_DAYS = 7;

/**
 * The one school a request means: the one named (when the user reaches it, else the same 404 as an unknown one), or
 * the user's only school.
 */
export async function oneSchool(ctx: Ctx, permissions: readonly ('after-school.patrol' | 'after-school.district' | 'after-school.run')[], schoolId?: string): Promise<string> {
  const reach = permissions.map((p) => schoolsWith(ctx, p));
  const all = reach.includes('*');
  const list = [...new Set(reach.flatMap((r) => (r === '*' ? [] : r)))];
  if (schoolId) {
    const [known] = await ctx.db
      .select({ id: schoolDirectory.id })
      .from(schoolDirectory)
      .where(and(or(...permissions.map((p) => scoped(ctx, schoolDirectory, p))), eq(schoolDirectory.id, schoolId)));
    if (!known || (!all && !list.includes(schoolId))) throw notFound('学校');
    return schoolId;
  }
  if (!all && list.length === 1) return list[0]!;
  throw invalid('schoolId', '学校', '请选择学校');
}

/** 巡视记录: a course (of the school) or a place, findings, a 1–5 rating and issues; course teachers hear of issues. */
export async function recordPatrol(ctx: Ctx, input: z.output<typeof PatrolInput>): Promise<PatrolView> {
  requirePermission(ctx, 'after-school.patrol');
  const course = input.courseId ? await visibleCourse(ctx, input.courseId, 'after-school.patrol') : null;
  const schoolId = course?.schoolId ?? (await oneSchool(ctx, ['after-school.patrol'], input.schoolId));
  if (course && input.schoolId && input.schoolId !== course.schoolId) throw invalid('courseId', '课程', '不是所选学校的课程');
  const now = today(ctx);
  if (input.date > now) throw ruleOnDate('还没到这一天，不能记录巡视');
  if (input.date < addDays(now, -PATROL_BACK_DAYS)) throw ruleOnDate(`只能补记最近 ${PATROL_BACK_DAYS} 天的巡视`);
  const d = ctx.user.districtId;
  const [day] = await schoolDays(ctx.db, d, schoolId, input.date, input.date);
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(afterSchoolPatrols)
      .values({
        districtId: d,
        schoolId,
        date: input.date,
        courseId: course?.id ?? null,
        place: input.place ?? null,
        findings: input.findings,
        rating: input.rating,
        issues: input.issues,
        patrolledBy: ctx.user.id,
      })
      .returning();
    const semesterId = course?.semesterId ?? day?.semesterId;
    if (semesterId) await bumpSchoolStats(tx, d, schoolId, semesterId, { patrols: 1 });
    await audit(tx, ctx.actor, {
      action: 'after-school.patrol',
      entity: 'after_school_patrols',
      entityId: saved!.id,
      after: { date: input.date, course: course?.name ?? null, place: input.place ?? null, rating: input.rating, issues: input.issues },
    });
    if (course && input.issues.length)
      await notify(
        tx,
        d,
        course.teacherIds.filter((id) => id !== ctx.user.id),
        { kind: 'after-school.patrol_issues', title: `巡视发现「${course.name}」${input.issues.length} 个问题`, body: input.issues.join('；'), link: '/after-school/quality' },
        ctx.channels,
      );
    return saved!;
  });
  const names = await userNames(ctx.db, d, [row.patrolledBy]);
  return { ...patrolView(row, names), courseName: course?.name ?? null };
}

function patrolView(r: typeof afterSchoolPatrols.$inferSelect, names: Map<string, string>): Omit<PatrolView, 'courseName'> {
  return {
    id: r.id,
    schoolId: r.schoolId,
    date: r.date,
    courseId: r.courseId,
    place: r.place,
    findings: r.findings,
    rating: r.rating,
    issues: r.issues,
    patrolledByName: names.get(r.patrolledBy) ?? '',
    createdAt: r.createdAt.toISOString(),
  };
}

const qualityScope = (ctx: Ctx, table: typeof afterSchoolPatrols | typeof afterSchoolCourses | typeof afterSchoolSessions) =>
  or(scoped(ctx, table, 'after-school.patrol'), scoped(ctx, table, 'after-school.district'))!;

function requireQuality(ctx: Ctx) {
  if (schoolsWith(ctx, 'after-school.patrol').length === 0 && schoolsWith(ctx, 'after-school.district').length === 0) throw forbidden();
}

/** The day's patrols of the school (the school's patrol staff, the district). */
export async function patrolDay(ctx: Ctx, query: { date?: LocalDate; schoolId?: string }): Promise<PatrolDay> {
  requireQuality(ctx);
  const date = query.date ?? today(ctx);
  const schoolId = await oneSchool(ctx, ['after-school.patrol', 'after-school.district'], query.schoolId);
  const rows = await ctx.db
    .select({ p: afterSchoolPatrols, courseName: afterSchoolCourses.name })
    .from(afterSchoolPatrols)
    .leftJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolPatrols.districtId), eq(afterSchoolCourses.id, afterSchoolPatrols.courseId)))
    .where(and(qualityScope(ctx, afterSchoolPatrols), eq(afterSchoolPatrols.schoolId, schoolId), eq(afterSchoolPatrols.date, date)))
    .orderBy(asc(afterSchoolPatrols.createdAt));
  const names = await userNames(ctx.db, ctx.user.districtId, rows.map((r) => r.p.patrolledBy));
  return {
    date,
    patrols: rows.map((r) => ({ ...patrolView(r.p, names), courseName: r.courseName })),
    staff: new Set(rows.map((r) => r.p.patrolledBy)).size,
  };
}

/** 月度考核: the school's administrator scores a course for a month (1–100, a comment); a second score replaces the first. */
export async function assessCourse(ctx: Ctx, input: AssessmentInput) {
  requirePermission(ctx, 'after-school.patrol');
  const course = await visibleCourse(ctx, input.courseId, 'after-school.patrol');
  if (!schoolAdminOf(ctx, course.schoolId)) throw forbidden('只有学校管理员可以评定课程的月度考核');
  if (input.month > yearMonthOf(today(ctx))) throw ruleOnDate('还没到这个月，不能考核', 'month');
  const semester = await semesterById(ctx.db, course.districtId, course.semesterId);
  const span = monthSpan(input.month);
  if (semester.endDate < span.from || semester.startDate > span.to) throw ruleOnDate('这个月不在课程所在的学期内', 'month');
  await ctx.db.transaction(async (tx) => {
    const values = { score: input.score, comment: input.comment ?? null, assessedBy: ctx.user.id, assessedAt: ctx.now() };
    const [saved] = await tx
      .insert(afterSchoolAssessments)
      .values({ ...values, districtId: course.districtId, schoolId: course.schoolId, courseId: course.id, month: input.month })
      .onConflictDoUpdate({ target: [afterSchoolAssessments.districtId, afterSchoolAssessments.courseId, afterSchoolAssessments.month], set: values })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'after-school.assessment',
      entity: 'after_school_assessments',
      entityId: saved!.id,
      after: { course: course.name, month: input.month, score: input.score },
    });
    await notify(
      tx,
      course.districtId,
      course.teacherIds,
      { kind: 'after-school.assessment', title: `「${course.name}」${input.month} 月度考核：${input.score} 分`, body: input.comment ?? undefined, link: '/after-school/quality' },
      ctx.channels,
    );
  });
  return assessmentMonth(ctx, { month: input.month, schoolId: course.schoolId });
}

/** A month's assessment sheet of a school: each course's score beside its sessions, attendance and patrols, and the school's figure. */
export async function assessmentMonth(ctx: Ctx, query: { month?: string; schoolId?: string }): Promise<AssessmentMonth> {
  requireQuality(ctx);
  const month = query.month ?? yearMonthOf(today(ctx));
  const schoolId = await oneSchool(ctx, ['after-school.patrol', 'after-school.district'], query.schoolId);
  const span = monthSpan(month);
  const d = ctx.user.districtId;
  const inMonth = (await semestersOf(ctx.db, d)).filter((x) => x.startDate <= span.to && x.endDate >= span.from).map((x) => x.id);
  const courses = inMonth.length
    ? await ctx.db
        .select({ c: afterSchoolCourses })
        .from(afterSchoolCourses)
        .where(and(qualityScope(ctx, afterSchoolCourses), eq(afterSchoolCourses.schoolId, schoolId), inArray(afterSchoolCourses.semesterId, inMonth)))
        .orderBy(sql`${afterSchoolCourses.category} <> 'homework'`, sql`${afterSchoolCourses.grades}[1]`, asc(afterSchoolCourses.startTime), asc(afterSchoolCourses.name))
    : [];
  const ids = courses.map((r) => r.c.id);
  const [scores, held, patrols] = ids.length
    ? await atOnce(ctx.db,
        () => ctx.db
          .select()
          .from(afterSchoolAssessments)
          .where(and(eq(afterSchoolAssessments.districtId, d), inArray(afterSchoolAssessments.courseId, ids), eq(afterSchoolAssessments.month, month))),
        () => ctx.db
          .select({
            courseId: afterSchoolSessions.courseId,
            n: sql<number>`count(*)::int`,
            present: sql<number>`coalesce(sum(${afterSchoolSessions.present}), 0)::int`,
            expected: sql<number>`coalesce(sum(${afterSchoolSessions.expected}), 0)::int`,
          })
          .from(afterSchoolSessions)
          .where(
            and(
              eq(afterSchoolSessions.districtId, d),
              inArray(afterSchoolSessions.courseId, ids),
              eq(afterSchoolSessions.status, 'held'),
              gte(afterSchoolSessions.date, span.from),
              lte(afterSchoolSessions.date, span.to),
            ),
          )
          .groupBy(afterSchoolSessions.courseId),
        () => ctx.db
          .select({ courseId: afterSchoolPatrols.courseId, n: sql<number>`count(*)::int`, avg: sql<string>`round(avg(${afterSchoolPatrols.rating}), 1)::text` })
          .from(afterSchoolPatrols)
          .where(
            and(eq(afterSchoolPatrols.districtId, d), inArray(afterSchoolPatrols.courseId, ids), gte(afterSchoolPatrols.date, span.from), lte(afterSchoolPatrols.date, span.to)),
          )
          .groupBy(afterSchoolPatrols.courseId),
      )
    : [[], [], []];
  const names = await userNames(ctx.db, d, scores.map((s) => s.assessedBy));
  return {
    month,
    courses: courses.map(({ c }) => {
      const s = scores.find((x) => x.courseId === c.id);
      const h = held.find((x) => x.courseId === c.id);
      const p = patrols.find((x) => x.courseId === c.id);
      return {
        courseId: c.id,
        courseName: c.name,
        category: c.category,
        score: s?.score ?? null,
        comment: s?.comment ?? null,
        assessedByName: s ? (names.get(s.assessedBy) ?? null) : null,
        sessionsHeld: h?.n ?? 0,
        present: h?.present ?? 0,
        expected: h?.expected ?? 0,
        patrols: p?.n ?? 0,
        patrolRating: p ? Number(p.avg) : null,
      };
    }),
    school: schoolAssessment(scores.map((s) => s.score)),
  };
}
