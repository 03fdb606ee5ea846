/**
 * The school's side of 选课: enrolment windows (when families choose, first come or by lottery, clubs per child),
 * the lottery draw after a window closes (seeded and published: anyone can redo it), seat counts per course.
 */
import { randomBytes } from 'node:crypto';
import type { CourseSeats, DrawInput, DrawResult, EnrolWindow, OpenWindowInput } from '@shuangjian/contracts';
import { drawOrder, splitDraw, windowState } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { pgArray, rowsOf } from '../../platform/db';
import { conflict, notFound, ruleViolation } from '../../platform/errors';
import { schoolDirectory } from '../org';
import { nextPosition, recountServed, tellFamilies, windowAnswer } from './enrol.repo';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolWindows } from './schema';
import { semesterById, semestersOf } from '../calendar';

export const DRAW_ALGORITHM =
  'requests sorted by id; Fisher–Yates shuffle with mulberry32 seeded by FNV-1a-32 of "<seed>:<courseId>" (@shuangjian/policy drawOrder)';

async function visibleSchool(ctx: Ctx, schoolId: string, permission: 'after-school.plan' | 'after-school.read') {
  const [school] = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, permission), eq(schoolDirectory.id, schoolId)));
  if (!school) throw notFound('学校');
  return school;
}

/** A school's windows (of one semester, or all), newest first. */
export async function listWindows(ctx: Ctx, query: { schoolId: string; semesterId?: string }): Promise<EnrolWindow[]> {
  requirePermission(ctx, 'after-school.read');
  await visibleSchool(ctx, query.schoolId, 'after-school.read');
  const names = new Map((await semestersOf(ctx.db, ctx.user.districtId)).map((s) => [s.id, s.name]));
  const rows = await ctx.db
    .select()
    .from(afterSchoolWindows)
    .where(
      and(
        scoped(ctx, afterSchoolWindows, 'after-school.read'),
        eq(afterSchoolWindows.schoolId, query.schoolId),
        query.semesterId ? eq(afterSchoolWindows.semesterId, query.semesterId) : undefined,
      ),
    )
    .orderBy(sql`${afterSchoolWindows.opensAt} desc`);
  return rows.map((w) => windowAnswer(w, names.get(w.semesterId) ?? '', ctx.now()));
}

/** Opens an enrolment window for a school's semester; windows of the same semester may not overlap. */
export async function openWindow(ctx: Ctx, input: OpenWindowInput): Promise<EnrolWindow> {
  requirePermission(ctx, 'after-school.plan');
  const school = await visibleSchool(ctx, input.schoolId, 'after-school.plan');
  const semester = await semesterById(ctx.db, ctx.user.districtId, input.semesterId);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  return ctx.db.transaction(async (tx) => {
    const overlapping = await tx
      .select({ id: afterSchoolWindows.id })
      .from(afterSchoolWindows)
      .where(
        and(
          scoped(ctx, afterSchoolWindows, 'after-school.plan'),
          eq(afterSchoolWindows.schoolId, school.id),
          eq(afterSchoolWindows.semesterId, semester.id),
          sql`${afterSchoolWindows.opensAt} < ${closesAt.toISOString()}::timestamptz and ${afterSchoolWindows.closesAt} > ${opensAt.toISOString()}::timestamptz`,
        ),
      )
      .for('update');
    if (overlapping.length) throw conflict('与本学期已有的选课时间段重叠');
    const [row] = await tx
      .insert(afterSchoolWindows)
      .values({ districtId: ctx.user.districtId, schoolId: school.id, semesterId: semester.id, opensAt, closesAt, mode: input.mode, maxClubs: input.maxClubs, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.window.open', entity: 'after_school_window', entityId: row!.id, after: input });
    return windowAnswer(row!, semester.name, ctx.now());
  });
}

async function windowFor(ctx: Ctx, id: string, permission: 'after-school.plan' | 'after-school.read') {
  const [w] = await ctx.db.select().from(afterSchoolWindows).where(and(scoped(ctx, afterSchoolWindows, permission), eq(afterSchoolWindows.id, id)));
  if (!w) throw notFound('选课时间段');
  return w;
}

type Request = { id: string; courseId: string; studentId: string };

/**
 * 摇号: after a lottery window closed, each course's requests are shuffled from the published seed; the first up to
 * the seats left are seated, the rest wait in draw order. Families are told either way, in the same transaction.
 */
export async function runDraw(ctx: Ctx, id: string, input: DrawInput): Promise<DrawResult> {
  requirePermission(ctx, 'after-school.plan');
  const w = await windowFor(ctx, id, 'after-school.plan');
  if (w.mode !== 'lottery') throw ruleViolation('该选课时间段为先到先得，无需摇号');
  if (windowState(w, ctx.now()) !== 'closed') throw ruleViolation('选课截止后才能摇号', { closesAt: w.closesAt.toISOString() });
  const seed = input.seed ?? randomBytes(8).toString('hex');
  const d = ctx.user.districtId;
  return ctx.db.transaction(async (tx) => {
    // the window row locked: two draws of one window cannot both run
    const [locked] = await tx.select({ drawnAt: afterSchoolWindows.drawnAt }).from(afterSchoolWindows).where(and(eq(afterSchoolWindows.districtId, d), eq(afterSchoolWindows.id, w.id))).for('update');
    if (locked?.drawnAt) throw conflict('该选课时间段已经摇过号');
    const requests: Request[] = await tx
      .select({ id: afterSchoolEnrolments.id, courseId: afterSchoolEnrolments.courseId, studentId: afterSchoolEnrolments.studentId })
      .from(afterSchoolEnrolments)
      .where(and(eq(afterSchoolEnrolments.districtId, d), eq(afterSchoolEnrolments.windowId, w.id), eq(afterSchoolEnrolments.status, 'requested')));
    const courseIds = [...new Set(requests.map((r) => r.courseId))];
    const courses = courseIds.length
      ? await tx.select().from(afterSchoolCourses).where(and(eq(afterSchoolCourses.districtId, d), inArray(afterSchoolCourses.id, courseIds))).orderBy(asc(afterSchoolCourses.name)).for('update')
      : [];
    const drawnAt = ctx.now();
    const result: DrawResult = { windowId: w.id, seed, drawnAt: drawnAt.toISOString(), algorithm: DRAW_ALGORITHM, courses: [] };
    const won: string[] = [];
    const waiting: string[] = [];
    for (const course of courses) {
      const mine = requests.filter((r) => r.courseId === course.id);
      const order = drawOrder(seed, course.id, mine);
      const { seated, waitlisted } = splitDraw(order, course.capacity - course.enrolled);
      // one statement per course: statuses and draw-order places (from the arrival sequence, so later waiters queue behind)
      const ids = order.map((r) => r.id);
      if (ids.length) {
        const places = (await rowsOf<{ p: string }>(tx, sql`select ${nextPosition} as p from generate_series(1, ${ids.length})`)).map((r) => Number(r.p)).sort((a, b) => a - b);
        await tx.execute(sql`
          update after_school_enrolments e set
            status = case when o.n <= ${seated.length} then 'enrolled' else 'waitlisted' end,
            seated_at = case when o.n <= ${seated.length} then ${drawnAt.toISOString()}::timestamptz end,
            position = o.place
          from unnest(${pgArray(ids)}::uuid[], ${pgArray(places)}::bigint[]) with ordinality as o(id, place, n)
          where e.district_id = ${d} and e.id = o.id`);
      }
      await tx
        .update(afterSchoolCourses)
        .set({ enrolled: sql`${afterSchoolCourses.enrolled} + ${seated.length}` })
        .where(and(eq(afterSchoolCourses.districtId, d), eq(afterSchoolCourses.id, course.id)));
      won.push(...seated.map((r) => r.studentId));
      waiting.push(...waitlisted.map((r) => r.studentId));
      result.courses.push({ courseId: course.id, courseName: course.name, seats: course.capacity - course.enrolled, requests: [...ids].sort(), order: ids, seated: seated.length });
    }
    await tx.update(afterSchoolWindows).set({ lotterySeed: seed, drawnAt }).where(and(eq(afterSchoolWindows.districtId, d), eq(afterSchoolWindows.id, w.id)));
    await recountServed(tx, d, w.schoolId, w.semesterId);
    await tellFamilies(ctx, tx, [...new Set(won)], '课后服务：摇号结果', `选课摇号已完成（种子 ${seed}），孩子已选上课程，详情请在课后服务页查看。`);
    await tellFamilies(ctx, tx, [...new Set(waiting)].filter((s) => !won.includes(s)), '课后服务：摇号结果', `选课摇号已完成（种子 ${seed}），孩子进入候补名单，有空位时按顺序递补。`);
    await audit(tx, ctx.actor, { action: 'after-school.window.draw', entity: 'after_school_window', entityId: w.id, after: { seed, courses: result.courses.map((c) => ({ courseId: c.courseId, seated: c.seated, requests: c.requests.length })) } });
    return result;
  });
}

/** The published draw of a window: the seed and each course's requests and draw order (recomputable by anyone). */
export async function drawResult(ctx: Ctx, id: string): Promise<DrawResult> {
  requirePermission(ctx, 'after-school.read');
  const w = await windowFor(ctx, id, 'after-school.read');
  if (!w.drawnAt || !w.lotterySeed) throw notFound('摇号结果');
  // every request the draw took: not withdrawn before it
  const rows = await rowsOf<{ course_id: string; course_name: string; seats: number; id: string; won: boolean }>(
    ctx.db,
    sql`select e.course_id, c.name as course_name, c.capacity as seats, e.id, e.seated_at = w.drawn_at as won from after_school_enrolments e
      join after_school_courses c on c.district_id = e.district_id and c.id = e.course_id
      join after_school_windows w on w.district_id = e.district_id and w.id = e.window_id
      where e.district_id = ${ctx.user.districtId} and e.window_id = ${w.id} and e.status <> 'requested'
        and (e.ended_at is null or e.ended_at >= w.drawn_at) order by c.name, e.course_id`,
  );
  const seed = w.lotterySeed;
  const courses = [...new Set(rows.map((r) => r.course_id))].map((courseId) => {
    const mine = rows.filter((r) => r.course_id === courseId);
    const order = drawOrder(seed, courseId, mine).map((r) => r.id);
    return { courseId, courseName: mine[0]!.course_name, seats: mine[0]!.seats, requests: [...order].sort(), order, seated: mine.filter((r) => r.won).length };
  });
  return { windowId: w.id, seed, drawnAt: w.drawnAt.toISOString(), algorithm: DRAW_ALGORITHM, courses };
}

/** Seat counts of a school's courses for the semester (the window page's table). */
export async function courseSeats(ctx: Ctx, query: { schoolId: string; semesterId: string }): Promise<CourseSeats[]> {
  requirePermission(ctx, 'after-school.read');
  await visibleSchool(ctx, query.schoolId, 'after-school.read');
  const rows = await ctx.db
    .select({
      id: afterSchoolCourses.id,
      name: afterSchoolCourses.name,
      category: afterSchoolCourses.category,
      grades: afterSchoolCourses.grades,
      weekdays: afterSchoolCourses.weekdays,
      startTime: sql<string>`to_char(${afterSchoolCourses.startTime}, 'HH24:MI')`,
      endTime: sql<string>`to_char(${afterSchoolCourses.endTime}, 'HH24:MI')`,
      capacity: afterSchoolCourses.capacity,
      enrolled: afterSchoolCourses.enrolled,
      waiting: sql<number>`(select count(*)::int from after_school_enrolments e where e.district_id = ${afterSchoolCourses.districtId} and e.course_id = ${afterSchoolCourses.id} and e.status = 'waitlisted')`,
      requested: sql<number>`(select count(*)::int from after_school_enrolments e where e.district_id = ${afterSchoolCourses.districtId} and e.course_id = ${afterSchoolCourses.id} and e.status = 'requested')`,
    })
    .from(afterSchoolCourses)
    .where(and(scoped(ctx, afterSchoolCourses, 'after-school.read'), eq(afterSchoolCourses.schoolId, query.schoolId), eq(afterSchoolCourses.semesterId, query.semesterId)))
    .orderBy(sql`${afterSchoolCourses.category} <> 'homework'`, sql`${afterSchoolCourses.grades}[1]`, asc(afterSchoolCourses.startTime), asc(afterSchoolCourses.name));
  return rows;
}
