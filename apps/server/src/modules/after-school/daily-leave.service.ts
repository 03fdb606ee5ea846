/**
 * 请假: a family asks leave of the after-school service for its own child over a range of school days, and may
 * cancel it before its first day. The class teacher and the teachers of the child's courses see it and are told;
 * the roster shows the child on leave and attendance marks it by itself.
 */
import type { LeaveInput, LeavePage, LeaveQuery, LeaveView } from '@shuangjian/contracts';
import { addDays, checkLeave, daysBetween, LEAVE_SPAN_MAX_DAYS, leaveCancellable, type LocalDate } from '@shuangjian/policy';
import { and, arrayContains, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { pageTotal } from '../../platform/paging';
import { roleHolders, studentDirectory } from '../org';
import { monthDay, ruleOnDate, schoolDays, userNames } from './daily.repo';
import { afterSchoolCourses, afterSchoolEnrolments, afterSchoolLeaves } from './schema';

type LeaveRow = typeof afterSchoolLeaves.$inferSelect;

const LEAVE_PROBLEMS = {
  past: '请假不能从已经过去的日子开始',
  order: '结束日期不能早于开始日期',
  too_long: `一次请假最多 ${LEAVE_SPAN_MAX_DAYS} 天`,
  not_school_day: '这一天不上学，没有课后服务',
} as const;

/** The teachers who must know of a child's leave: the class teachers and the teachers of the child's courses. */
async function teachersOf(q: Queryable, districtId: string, child: { id: string; classId: string; schoolId: string }) {
  const [classTeachers, courses] = await atOnce(q,
    () => roleHolders(q, districtId, 'class_teacher', { schoolId: child.schoolId, classId: child.classId }),
    () => q
      .select({ teacherIds: afterSchoolCourses.teacherIds })
      .from(afterSchoolEnrolments)
      .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolEnrolments.districtId), eq(afterSchoolCourses.id, afterSchoolEnrolments.courseId)))
      .where(and(eq(afterSchoolEnrolments.districtId, districtId), eq(afterSchoolEnrolments.studentId, child.id), eq(afterSchoolEnrolments.status, 'enrolled'))),
  );
  return [...new Set([...classTeachers, ...courses.flatMap((c) => c.teacherIds)])];
}

async function ownChild(ctx: Ctx, studentId: string, q: Queryable = ctx.db) {
  const [child] = await q
    .select()
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'after-school.family'), eq(studentDirectory.id, studentId)));
  if (!child) throw notFound('学生');
  return child;
}

async function leaveViews(q: Queryable, districtId: string, rows: readonly LeaveRow[], now: LocalDate): Promise<LeaveView[]> {
  if (!rows.length) return [];
  const [children, names] = await atOnce(q,
    () => q
      .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, districtId), inArray(studentDirectory.id, [...new Set(rows.map((r) => r.studentId))]))),
    () => userNames(q, districtId, rows.map((r) => r.requestedBy)),
  );
  const days = new Map<string, Set<LocalDate>>();
  for (const schoolId of new Set(rows.map((r) => r.schoolId))) {
    const mine = rows.filter((r) => r.schoolId === schoolId);
    const from = mine.reduce((a, r) => (r.fromDate < a ? r.fromDate : a), mine[0]!.fromDate);
    const to = mine.reduce((a, r) => (r.toDate > a ? r.toDate : a), mine[0]!.toDate);
    days.set(schoolId, new Set((await schoolDays(q, districtId, schoolId, from, to)).filter((d) => d.schoolDay).map((d) => d.date)));
  }
  const child = new Map(children.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    studentName: child.get(r.studentId)?.name ?? '',
    className: child.get(r.studentId)?.className ?? '',
    fromDate: r.fromDate,
    toDate: r.toDate,
    schoolDays: [...(days.get(r.schoolId) ?? [])].filter((d) => r.fromDate <= d && d <= r.toDate).length,
    reason: r.reason,
    requestedByName: names.get(r.requestedBy) ?? '',
    requestedAt: r.requestedAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    cancellable: !r.cancelledAt && leaveCancellable(r.fromDate, now),
  }));
}

/** A family asks leave for its own child over school days, from today on; overlapping an earlier leave is refused. */
export async function requestLeave(ctx: Ctx, input: LeaveInput): Promise<LeaveView> {
  requirePermission(ctx, 'after-school.family');
  const child = await ownChild(ctx, input.studentId);
  const now = today(ctx);
  const span = daysBetween(input.fromDate, input.toDate);
  const days = span >= 0 && span < LEAVE_SPAN_MAX_DAYS ? await schoolDays(ctx.db, child.districtId, child.schoolId, input.fromDate, input.toDate) : [];
  const check = checkLeave(input.fromDate, input.toDate, now, days);
  if (!check.ok) throw ruleOnDate(LEAVE_PROBLEMS[check.problem], check.field);
  const row = await ctx.db.transaction(async (tx) => {
    const [seat] = await tx
      .select({ id: afterSchoolEnrolments.id })
      .from(afterSchoolEnrolments)
      .where(and(scoped(ctx, afterSchoolEnrolments, 'after-school.family'), eq(afterSchoolEnrolments.studentId, child.id), eq(afterSchoolEnrolments.status, 'enrolled')))
      .limit(1);
    if (!seat) throw ruleOnDate('孩子没有参加课后服务，不需要请假', 'studentId');
    const [overlap] = await tx
      .select({ id: afterSchoolLeaves.id, fromDate: afterSchoolLeaves.fromDate, toDate: afterSchoolLeaves.toDate })
      .from(afterSchoolLeaves)
      .where(
        and(
          eq(afterSchoolLeaves.districtId, child.districtId),
          eq(afterSchoolLeaves.studentId, child.id),
          isNull(afterSchoolLeaves.cancelledAt),
          lte(afterSchoolLeaves.fromDate, input.toDate),
          gte(afterSchoolLeaves.toDate, input.fromDate),
        ),
      )
      .limit(1);
    if (overlap) throw conflict(`这段时间已有请假（${monthDay(overlap.fromDate)}–${monthDay(overlap.toDate)}）`);
    const [saved] = await tx
      .insert(afterSchoolLeaves)
      .values({
        districtId: child.districtId,
        schoolId: child.schoolId,
        classId: child.classId,
        studentId: child.id,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reason: input.reason,
        requestedBy: ctx.user.id,
        requestedAt: ctx.now(),
      })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'after-school.leave.request',
      entity: 'after_school_leaves',
      entityId: saved!.id,
      after: { student: child.name, fromDate: input.fromDate, toDate: input.toDate, schoolDays: check.schoolDays.length },
    });
    const when = input.fromDate === input.toDate ? monthDay(input.fromDate) : `${monthDay(input.fromDate)}–${monthDay(input.toDate)}`;
    await notify(
      tx,
      child.districtId,
      await teachersOf(tx, child.districtId, child),
      { kind: 'after-school.leave', title: `${child.className}${child.name}请假：${when}`, body: `课后服务请假 ${check.schoolDays.length} 天。原因：${input.reason}`, link: '/after-school/daily' },
      ctx.channels,
    );
    return saved!;
  });
  return (await leaveViews(ctx.db, child.districtId, [row], now))[0]!;
}

/** The family cancels a leave before its first day. */
export async function cancelLeave(ctx: Ctx, id: string): Promise<LeaveView> {
  requirePermission(ctx, 'after-school.family');
  const now = today(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const [leave] = await tx
      .select()
      .from(afterSchoolLeaves)
      .where(and(scoped(ctx, afterSchoolLeaves, 'after-school.family'), eq(afterSchoolLeaves.id, id)))
      .for('update');
    if (!leave) throw notFound('请假');
    if (leave.cancelledAt) return leave;
    if (!leaveCancellable(leave.fromDate, now)) throw conflict('请假已经开始，不能撤销');
    const [saved] = await tx
      .update(afterSchoolLeaves)
      .set({ cancelledAt: ctx.now() })
      .where(and(eq(afterSchoolLeaves.districtId, leave.districtId), eq(afterSchoolLeaves.id, leave.id)))
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.leave.cancel', entity: 'after_school_leaves', entityId: leave.id, before: { fromDate: leave.fromDate, toDate: leave.toDate } });
    const child = await ownChild(ctx, leave.studentId, tx);
    await notify(
      tx,
      leave.districtId,
      await teachersOf(tx, leave.districtId, child),
      { kind: 'after-school.leave_cancelled', title: `${child.className}${child.name}撤销了${monthDay(leave.fromDate)}起的请假`, link: '/after-school/daily' },
      ctx.channels,
    );
    return saved!;
  });
  return (await leaveViews(ctx.db, row.districtId, [row], now))[0]!;
}

/**
 * Leaves a person may see: a family its own children's; a class teacher (or the school's administrator) those of
 * the class (school); a teacher those of the children in the courses they run. Default span: the last 30 days on.
 */
export async function listLeaves(ctx: Ctx, query: LeaveQuery): Promise<LeavePage> {
  const family = ctx.grants.some((g) => g.role === 'parent');
  if (!family) requirePermission(ctx, 'after-school.run');
  const d = ctx.user.districtId;
  const now = today(ctx);
  const from = query.from ?? addDays(now, -30);
  const inMyCourses = ctx.db
    .select({ id: afterSchoolEnrolments.studentId })
    .from(afterSchoolEnrolments)
    .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolEnrolments.districtId), eq(afterSchoolCourses.id, afterSchoolEnrolments.courseId)))
    .where(
      and(
        scoped(ctx, afterSchoolCourses, 'after-school.run'),
        arrayContains(afterSchoolCourses.teacherIds, [ctx.user.id]),
        eq(afterSchoolEnrolments.status, 'enrolled'),
      ),
    );
  const where = and(
    eq(afterSchoolLeaves.districtId, d),
    or(
      scoped(ctx, afterSchoolLeaves, 'after-school.family'),
      scoped(ctx, afterSchoolLeaves, 'after-school.run'),
      // the children of the courses the user runs, whatever their class (the subquery is scoped by course)
      inArray(afterSchoolLeaves.studentId, inMyCourses),
    ),
    query.studentId ? eq(afterSchoolLeaves.studentId, query.studentId) : undefined,
    gte(afterSchoolLeaves.toDate, from),
    query.to ? lte(afterSchoolLeaves.fromDate, query.to) : undefined,
  );
  // newest first; the id settles ties so pages never overlap
  const found = await ctx.db
    .select({ row: afterSchoolLeaves, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(afterSchoolLeaves)
    .where(where)
    .orderBy(desc(afterSchoolLeaves.fromDate), desc(afterSchoolLeaves.requestedAt), desc(afterSchoolLeaves.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // past the last page the window has no row to ride on: count apart
  const total = await pageTotal(found, query.page, async () => (await ctx.db.select({ n: count() }).from(afterSchoolLeaves).where(where))[0]?.n ?? 0);
  return { items: await leaveViews(ctx.db, d, found.map((f) => f.row), now), total };
}
