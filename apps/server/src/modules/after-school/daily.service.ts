/**
 * 课后服务 daily running, the teacher's part: the day's courses with their rosters, attendance in one request ("全部到"
 * plus exceptions; re-taking replaces the day) and a cancelled session (停课). Each write holds the session, its
 * attendance, the school's rollup and the audit entry in one transaction.
 */
import { ATTENDANCE_EDIT_DAYS, type CancelSession, type DayCourse, type SessionView, type TakeAttendance, type TeacherDay } from '@shuangjian/contracts';
import {
  addDays,
  countAttendance,
  courseMeets,
  isoWeekday,
  type LocalDate,
  resolveAttendance,
  sessionMinutes,
  type SessionTally,
  statsDelta,
} from '@shuangjian/policy';
import { and, arrayContains, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { guardiansOfStudents } from '../org';
import { pickupViews } from './daily-pickup.service';
import {
  bumpSchoolStats,
  type CourseRow,
  hhmm,
  leavesOn,
  monthDay,
  requireRunsCourse,
  rosterOn,
  ruleOnDate,
  schoolAdminOf,
  schoolDays,
  userNames,
  visibleCourse,
} from './daily.repo';
import { afterSchoolPickups } from './daily.schema';
import { afterSchoolAttendance, afterSchoolCourses, afterSchoolSessions } from './schema';

type SessionRow = typeof afterSchoolSessions.$inferSelect;

function sessionView(s: SessionRow, names: Map<string, string>): SessionView {
  return {
    id: s.id,
    courseId: s.courseId,
    date: s.date,
    status: s.status,
    minutes: s.minutes,
    expected: s.expected,
    present: s.present,
    note: s.note,
    takenByName: s.takenBy ? (names.get(s.takenBy) ?? null) : null,
    takenAt: s.takenAt?.toISOString() ?? null,
  };
}

/** The courses the user runs on a date (a school administrator: every course of the school), each with its roster. */
export async function teacherDay(ctx: Ctx, date?: LocalDate): Promise<TeacherDay> {
  requirePermission(ctx, 'after-school.run');
  const now = today(ctx);
  const day = date ?? now;
  const d = ctx.user.districtId;
  const candidates = await ctx.db
    .select()
    .from(afterSchoolCourses)
    .where(
      and(
        scoped(ctx, afterSchoolCourses, 'after-school.run'),
        eq(afterSchoolCourses.status, 'open'),
        arrayContains(afterSchoolCourses.weekdays, [isoWeekday(day)]),
      ),
    )
    .orderBy(asc(afterSchoolCourses.startTime), asc(afterSchoolCourses.name));
  const mineOrAdmin = candidates.filter((c) => c.teacherIds.includes(ctx.user.id) || schoolAdminOf(ctx, c.schoolId));
  const calendar = new Map<string, Awaited<ReturnType<typeof schoolDays>>[number] | undefined>();
  for (const schoolId of new Set(mineOrAdmin.map((c) => c.schoolId))) calendar.set(schoolId, (await schoolDays(ctx.db, d, schoolId, day, day))[0]);
  const courses = mineOrAdmin.filter((c) => {
    const info = calendar.get(c.schoolId);
    return !!info && courseMeets({ weekdays: c.weekdays, semesterId: c.semesterId }, info);
  });
  const ids = courses.map((c) => c.id);
  const rosters = await rosterOn(ctx.db, d, ids, day, ctx.user.timeZone);
  const children = [...new Set([...rosters.values()].flat().map((r) => r.studentId))];
  const [sessions, leaves, pickups] = await atOnce(ctx.db,
    () => ids.length
      ? ctx.db
          .select()
          .from(afterSchoolSessions)
          .where(and(eq(afterSchoolSessions.districtId, d), inArray(afterSchoolSessions.courseId, ids), eq(afterSchoolSessions.date, day)))
      : Promise.resolve([]),
    () => leavesOn(ctx.db, d, children, day),
    () => children.length
      ? ctx.db
          .select()
          .from(afterSchoolPickups)
          .where(and(eq(afterSchoolPickups.districtId, d), inArray(afterSchoolPickups.studentId, children), eq(afterSchoolPickups.date, day)))
      : Promise.resolve([]),
  );
  const marks = sessions.length
    ? await ctx.db
        .select()
        .from(afterSchoolAttendance)
        .where(and(eq(afterSchoolAttendance.districtId, d), inArray(afterSchoolAttendance.sessionId, sessions.map((s) => s.id))))
    : [];
  const names = await userNames(ctx.db, d, [...courses.flatMap((c) => c.teacherIds), ...sessions.map((s) => s.takenBy)]);
  const pickupsByChild = new Map((await pickupViews(ctx.db, d, pickups)).map((p) => [p.studentId, p]));
  const out: DayCourse[] = courses.map((c) => {
    const session = sessions.find((s) => s.courseId === c.id) ?? null;
    const mark = new Map(marks.filter((m) => m.sessionId === session?.id).map((m) => [m.studentId, m]));
    return {
      courseId: c.id,
      name: c.name,
      category: c.category,
      schoolId: c.schoolId,
      startTime: hhmm(c.startTime),
      endTime: hhmm(c.endTime),
      room: c.room,
      teacherNames: c.teacherIds.map((id) => names.get(id)).filter((n): n is string => !!n),
      mine: c.teacherIds.includes(ctx.user.id),
      session: session ? sessionView(session, names) : null,
      roster: (rosters.get(c.id) ?? []).map((r) => ({
        studentId: r.studentId,
        name: r.name,
        className: r.className,
        status: session?.status === 'held' ? (mark.get(r.studentId)?.status ?? null) : null,
        note: mark.get(r.studentId)?.note ?? null,
        onLeave: leaves.has(r.studentId),
        leaveReason: leaves.get(r.studentId)?.reason ?? null,
        pickup: pickupsByChild.get(r.studentId) ?? null,
      })),
    };
  });
  out.sort((a, b) => Number(b.mine) - Number(a.mine));
  return { date: day, today: now, courses: out };
}

/** The course and date a teacher may write for: a day the course meets, not ahead of today, within the edit window. */
async function courseForDay(ctx: Ctx, courseId: string, date: LocalDate, opts: { future: boolean }): Promise<CourseRow> {
  const course = await visibleCourse(ctx, courseId, 'after-school.run');
  requireRunsCourse(ctx, course);
  const now = today(ctx);
  if (!opts.future && date > now) throw ruleOnDate('还没到这一天，不能点名');
  if (date < addDays(now, -ATTENDANCE_EDIT_DAYS) && !schoolAdminOf(ctx, course.schoolId))
    throw ruleOnDate(`只能修改最近 ${ATTENDANCE_EDIT_DAYS} 天的考勤，更早的请联系学校管理员`);
  const [info] = await schoolDays(ctx.db, ctx.user.districtId, course.schoolId, date, date);
  if (!info || !courseMeets({ weekdays: course.weekdays, semesterId: course.semesterId }, info))
    throw ruleOnDate('这一天本课程没有课（不是上学日或不在本课程的上课日）');
  return course;
}

const tallyOf = (s: SessionRow | undefined): SessionTally | null => (s ? { status: s.status, expected: s.expected, present: s.present } : null);

async function existingSession(tx: Queryable, course: CourseRow, date: LocalDate) {
  const [row] = await tx
    .select()
    .from(afterSchoolSessions)
    .where(and(eq(afterSchoolSessions.districtId, course.districtId), eq(afterSchoolSessions.courseId, course.id), eq(afterSchoolSessions.date, date)))
    .for('update');
  return row;
}

async function writeSession(tx: Queryable, ctx: Ctx, course: CourseRow, date: LocalDate, old: SessionRow | undefined, values: Pick<SessionRow, 'status' | 'minutes' | 'expected' | 'present' | 'note'>) {
  const row = { ...values, teacherIds: course.teacherIds, takenBy: ctx.user.id, takenAt: ctx.now() };
  const [saved] = old
    ? await tx
        .update(afterSchoolSessions)
        .set(row)
        .where(and(eq(afterSchoolSessions.districtId, course.districtId), eq(afterSchoolSessions.id, old.id)))
        .returning()
    : await tx
        .insert(afterSchoolSessions)
        .values({ ...row, districtId: course.districtId, schoolId: course.schoolId, courseId: course.id, date })
        .returning();
  await tx.delete(afterSchoolAttendance).where(and(eq(afterSchoolAttendance.districtId, course.districtId), eq(afterSchoolAttendance.sessionId, saved!.id)));
  await bumpSchoolStats(tx, course.districtId, course.schoolId, course.semesterId, statsDelta(tallyOf(old), values));
  return saved!;
}

/**
 * 点名: everyone on the day's roster is present unless named among the exceptions (absent, late, leave with a
 * note); children on approved leave are 'leave' by themselves. Re-taking replaces the day. Families of a child
 * newly marked absent are told at once (safety: the child did not arrive).
 */
export async function takeAttendance(ctx: Ctx, courseId: string, input: z.output<typeof TakeAttendance>): Promise<SessionView> {
  const course = await courseForDay(ctx, courseId, input.date, { future: false });
  const d = course.districtId;
  const saved = await ctx.db.transaction(async (tx) => {
    const roster = (await rosterOn(tx, d, [course.id], input.date, ctx.user.timeZone)).get(course.id) ?? [];
    const leaves = await leavesOn(tx, d, roster.map((r) => r.studentId), input.date);
    const { lines, problems } = resolveAttendance(
      roster.map((r) => r.studentId),
      new Set(leaves.keys()),
      input.exceptions,
    );
    const first = problems[0];
    if (first)
      throw invalid(`exceptions.${first.index}.studentId`, '学生', first.problem === 'duplicate' ? '同一个孩子只能标记一次' : '不在本课程当天的名单中');
    const old = await existingSession(tx, course, input.date);
    const before = old
      ? await tx
          .select({ studentId: afterSchoolAttendance.studentId, status: afterSchoolAttendance.status })
          .from(afterSchoolAttendance)
          .where(and(eq(afterSchoolAttendance.districtId, d), eq(afterSchoolAttendance.sessionId, old.id)))
      : [];
    const counts = countAttendance(lines);
    const session = await writeSession(tx, ctx, course, input.date, old, {
      status: 'held',
      minutes: sessionMinutes(course.startTime, course.endTime),
      note: null,
      ...counts,
    });
    if (lines.length)
      await tx.insert(afterSchoolAttendance).values(
        lines.map((l) => ({ districtId: d, sessionId: session.id, schoolId: course.schoolId, studentId: l.studentId, date: input.date, status: l.status, note: l.note })),
      );
    await audit(tx, ctx.actor, {
      action: old ? 'after-school.attendance.retake' : 'after-school.attendance.take',
      entity: 'after_school_sessions',
      entityId: session.id,
      before: old ? { status: old.status, expected: old.expected, present: old.present } : null,
      after: { course: course.name, date: input.date, ...counts, exceptions: lines.filter((l) => l.status !== 'present').map((l) => ({ studentId: l.studentId, status: l.status })) },
    });
    const wasAbsent = new Set(before.filter((b) => b.status === 'absent').map((b) => b.studentId));
    const newlyAbsent = lines.filter((l) => l.status === 'absent' && !wasAbsent.has(l.studentId));
    if (newlyAbsent.length) {
      const guardians = await guardiansOfStudents(tx, d, newlyAbsent.map((l) => l.studentId));
      for (const l of newlyAbsent) {
        const child = roster.find((r) => r.studentId === l.studentId)!;
        await notify(
          tx,
          d,
          guardians.filter((g) => g.studentId === l.studentId).map((g) => ({ userId: g.userId, phone: g.phone })),
          {
            kind: 'after-school.absent',
            title: `${child.name}${monthDay(input.date)}未到课后服务「${course.name}」`,
            body: '孩子没有请假，也没有到课后服务。请尽快确认孩子的去向，如需请假请在平台提交。',
            link: '/after-school/leave',
            message: {
              text: `【双减平台】${child.name}${monthDay(input.date)}未到课后服务「${course.name}」，且未请假，请尽快确认孩子去向。`,
              params: { child: child.name, date: monthDay(input.date), course: course.name },
            },
          },
          ctx.channels,
        );
      }
    }
    return session;
  });
  return sessionView(saved, await userNames(ctx.db, d, [saved.takenBy]));
}

/** 停课 (a school closure, an outing): the session is cancelled with its reason, its attendance dropped, families told. */
export async function cancelSession(ctx: Ctx, courseId: string, input: z.output<typeof CancelSession>): Promise<SessionView> {
  const course = await courseForDay(ctx, courseId, input.date, { future: true });
  const d = course.districtId;
  const saved = await ctx.db.transaction(async (tx) => {
    const old = await existingSession(tx, course, input.date);
    if (old?.status === 'cancelled' && old.note === input.reason) return old;
    const session = await writeSession(tx, ctx, course, input.date, old, { status: 'cancelled', minutes: 0, expected: 0, present: 0, note: input.reason });
    await audit(tx, ctx.actor, {
      action: 'after-school.session.cancel',
      entity: 'after_school_sessions',
      entityId: session.id,
      before: old ? { status: old.status, expected: old.expected, present: old.present } : null,
      after: { course: course.name, date: input.date, reason: input.reason },
    });
    const roster = (await rosterOn(tx, d, [course.id], input.date, ctx.user.timeZone)).get(course.id) ?? [];
    const guardians = await guardiansOfStudents(tx, d, roster.map((r) => r.studentId));
    await notify(
      tx,
      d,
      guardians.map((g) => ({ userId: g.userId, phone: g.phone })),
      {
        kind: 'after-school.cancelled',
        title: `${monthDay(input.date)}课后服务「${course.name}」停课`,
        body: `停课原因：${input.reason}。请按时接孩子。`,
        link: '/after-school/leave',
        message: {
          text: `【双减平台】${monthDay(input.date)}课后服务「${course.name}」停课（${input.reason}），请按时接孩子。`,
          params: { date: monthDay(input.date), course: course.name, reason: input.reason },
        },
      },
      ctx.channels,
    );
    return session;
  });
  return sessionView(saved, await userNames(ctx.db, d, [saved.takenBy]));
}
