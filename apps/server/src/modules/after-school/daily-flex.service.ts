/**
 * 弹性上下班: teachers who served sessions ending after the normal off-work time start later the next school day, by
 * the district's rule ('after-school.flexHours'). Computed from the sessions held, per teacher and month: a teacher
 * sees their own, the school's administrator every teacher of the school.
 */
import type { FlexHoursMonth } from '@shuangjian/contracts';
import { addDays, flexCredits, type FlexSession, type LocalDate, yearMonthOf, monthSpan, sessionMinutes } from '@shuangjian/policy';
import { and, eq, gte, lte } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { afterSchoolPolicy } from './after-school.policy';
import { hhmm, schoolAdminOf, schoolDays, userNames } from './daily.repo';
import { oneSchool } from './daily-quality.service';
import { afterSchoolCourses, afterSchoolSessions } from './schema';

/** How far past the month the calendar is read to find the school day a late session's credit falls on. */
const CREDIT_LOOKAHEAD_DAYS = 21;

export async function flexHours(ctx: Ctx, query: { month?: string; schoolId?: string }): Promise<FlexHoursMonth> {
  requirePermission(ctx, 'after-school.run');
  const month = query.month ?? yearMonthOf(today(ctx));
  const schoolId = await oneSchool(ctx, ['after-school.run'], query.schoolId);
  const admin = schoolAdminOf(ctx, schoolId);
  const d = ctx.user.districtId;
  const span = monthSpan(month);
  const { values, versions } = await afterSchoolPolicy(ctx.db, d, span.to);
  const rule = values['after-school.flexHours'];
  const rows = await ctx.db
    .select({ s: afterSchoolSessions, courseName: afterSchoolCourses.name, startTime: afterSchoolCourses.startTime, endTime: afterSchoolCourses.endTime })
    .from(afterSchoolSessions)
    .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolSessions.districtId), eq(afterSchoolCourses.id, afterSchoolSessions.courseId)))
    .where(
      and(
        scoped(ctx, afterSchoolSessions, 'after-school.run'),
        eq(afterSchoolSessions.schoolId, schoolId),
        eq(afterSchoolSessions.status, 'held'),
        gte(afterSchoolSessions.date, span.from),
        lte(afterSchoolSessions.date, span.to),
      ),
    );
  const days = (await schoolDays(ctx.db, d, schoolId, span.from, addDays(span.to, CREDIT_LOOKAHEAD_DAYS))).filter((x) => x.schoolDay).map((x) => x.date);
  const byTeacher = new Map<string, { sessions: FlexSession[]; minutes: number }>();
  for (const r of rows)
    for (const teacherId of r.s.teacherIds) {
      if (!admin && teacherId !== ctx.user.id) continue;
      const t = byTeacher.get(teacherId) ?? { sessions: [], minutes: 0 };
      t.sessions.push({ sessionId: r.s.id, date: r.s.date as LocalDate, courseName: r.courseName, endTime: hhmm(r.endTime) });
      t.minutes += r.s.minutes || sessionMinutes(r.startTime, r.endTime);
      byTeacher.set(teacherId, t);
    }
  const names = await userNames(ctx.db, d, [...byTeacher.keys()]);
  const teachers = [...byTeacher.entries()].map(([teacherId, t]) => {
    const items = flexCredits(t.sessions, rule, days);
    return {
      teacherId,
      name: names.get(teacherId) ?? '',
      sessions: t.sessions.length,
      minutesServed: t.minutes,
      lateMinutes: items.reduce((a, i) => a + i.lateMinutes, 0),
      creditMinutes: items.reduce((a, i) => a + i.creditMinutes, 0),
      items,
    };
  });
  teachers.sort((a, b) => b.creditMinutes - a.creditMinutes || a.name.localeCompare(b.name, 'zh-CN'));
  const version = versions?.split(',').find((v) => v.startsWith('after-school.flexHours@')) ?? null;
  return { month, rule, policyVersion: version, teachers };
}
