/**
 * What a month's bills are computed from, read in a handful of statements for the whole school: the children with a
 * signed agreement, their leaves, their seats in provider courses and those courses' sessions, cancelled sessions,
 * the calendar's closures, and who is in a waiver category (the school's list and the 困难/残疾 flags).
 */
import { dateRange, type LocalDate } from '@shuangjian/policy';
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { atOnce, type Queryable } from '../../platform/db';
import { classifyDays } from '../calendar';
import { benefitFlags, studentDirectory } from '../org';
import { afterSchoolWaivers } from './money.schema';
import { afterSchoolAgreements, afterSchoolCourses, afterSchoolEnrolments, afterSchoolLeaves, afterSchoolSessions } from './schema';

export interface BilledChild {
  studentId: string;
  classId: string;
  name: string;
  optOutFrom: LocalDate | null;
  leaveDays: Set<LocalDate>;
  /** Days all of the child's sessions were cancelled. */
  cancelledDays: Set<LocalDate>;
  /** Seats in provider courses: the sessions of the month and the span the seat was held. */
  providerSeats: { courseId: string; name: string; pricePerLessonFen: number; from: LocalDate | null; until: LocalDate | null }[];
  /** Waiver category codes the child is in. */
  categories: string[];
}

export interface MonthInputs {
  children: BilledChild[];
  closedDays: Set<LocalDate>;
  /** Sessions of the school's courses in the month, by course. */
  sessions: Map<string, { date: LocalDate; status: 'held' | 'cancelled' }[]>;
}

/** Flag → waiver category code, where the district's setting has that category. */
const FLAG_CATEGORIES = { hardship: 'low_income', disability: 'disabled' } as const;

export async function monthInputs(
  ctx: Ctx,
  q: Queryable,
  school: { id: string },
  semester: { id: string; startDate: LocalDate; endDate: LocalDate },
  range: { from: LocalDate; to: LocalDate },
  categoryCodes: readonly string[],
): Promise<MonthInputs> {
  const d = ctx.user.districtId;
  const agreements = await q
    .select({ studentId: afterSchoolAgreements.studentId, optOutFrom: afterSchoolAgreements.optOutFrom, classId: studentDirectory.classId, name: studentDirectory.name })
    .from(afterSchoolAgreements)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, afterSchoolAgreements.districtId), eq(studentDirectory.id, afterSchoolAgreements.studentId)))
    .where(
      and(
        eq(afterSchoolAgreements.districtId, d),
        eq(afterSchoolAgreements.schoolId, school.id),
        eq(afterSchoolAgreements.semesterId, semester.id),
        eq(studentDirectory.status, 'active'),
        sql`(${afterSchoolAgreements.signedAt} at time zone ${ctx.user.timeZone})::date <= ${range.to}::date`,
        sql`(${afterSchoolAgreements.optOutFrom} is null or ${afterSchoolAgreements.optOutFrom} > ${range.from}::date)`,
      ),
    );
  const ids = agreements.map((a) => a.studentId);
  const [leaves, seats, sessionRows, days, listed, flags] = await atOnce(q,
    () => ids.length
      ? q
          .select({ studentId: afterSchoolLeaves.studentId, fromDate: afterSchoolLeaves.fromDate, toDate: afterSchoolLeaves.toDate })
          .from(afterSchoolLeaves)
          .where(
            and(
              eq(afterSchoolLeaves.districtId, d),
              inArray(afterSchoolLeaves.studentId, ids),
              isNull(afterSchoolLeaves.cancelledAt),
              lte(afterSchoolLeaves.fromDate, range.to),
              gte(afterSchoolLeaves.toDate, range.from),
            ),
          )
      : Promise.resolve([]),
    () => ids.length
      ? q
          .select({
            studentId: afterSchoolEnrolments.studentId,
            courseId: afterSchoolEnrolments.courseId,
            name: afterSchoolCourses.name,
            staffing: afterSchoolCourses.staffing,
            price: afterSchoolCourses.pricePerLessonFen,
            from: sql<LocalDate | null>`to_char(${afterSchoolEnrolments.seatedAt} at time zone ${ctx.user.timeZone}, 'YYYY-MM-DD')`,
            until: afterSchoolEnrolments.endedFrom,
          })
          .from(afterSchoolEnrolments)
          .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolEnrolments.districtId), eq(afterSchoolCourses.id, afterSchoolEnrolments.courseId)))
          .where(
            and(
              eq(afterSchoolEnrolments.districtId, d),
              eq(afterSchoolCourses.semesterId, semester.id),
              inArray(afterSchoolEnrolments.studentId, ids),
              inArray(afterSchoolEnrolments.status, ['enrolled', 'withdrawn']),
              sql`${afterSchoolEnrolments.seatedAt} is not null`,
            ),
          )
      : Promise.resolve([]),
    () => q
      .select({ courseId: afterSchoolSessions.courseId, date: afterSchoolSessions.date, status: afterSchoolSessions.status })
      .from(afterSchoolSessions)
      .where(and(eq(afterSchoolSessions.districtId, d), eq(afterSchoolSessions.schoolId, school.id), gte(afterSchoolSessions.date, range.from), lte(afterSchoolSessions.date, range.to))),
    () => classifyDays(q, d, school.id, range.from, range.to),
    () => ids.length
      ? q
          .select({ studentId: afterSchoolWaivers.studentId, category: afterSchoolWaivers.category })
          .from(afterSchoolWaivers)
          .where(and(eq(afterSchoolWaivers.districtId, d), eq(afterSchoolWaivers.semesterId, semester.id), inArray(afterSchoolWaivers.studentId, ids), isNull(afterSchoolWaivers.revokedAt)))
      : Promise.resolve([]),
    () => benefitFlags(ctx, ids, q),
  );

  const closedDays = new Set(days.filter((x) => !x.schoolDay).map((x) => x.date));
  const sessions = new Map<string, { date: LocalDate; status: 'held' | 'cancelled' }[]>();
  for (const s of sessionRows) sessions.set(s.courseId, [...(sessions.get(s.courseId) ?? []), { date: s.date, status: s.status }]);

  const children = agreements.map((a): BilledChild => {
    const leaveDays = new Set<LocalDate>();
    for (const l of leaves.filter((x) => x.studentId === a.studentId))
      for (const day of dateRange(l.fromDate > range.from ? l.fromDate : range.from, l.toDate < range.to ? l.toDate : range.to)) leaveDays.add(day);
    const mine = seats.filter((s) => s.studentId === a.studentId);
    // a day is cancelled for the child when the child had sessions that day and every one was cancelled
    const byDay = new Map<LocalDate, { held: number; cancelled: number }>();
    for (const seat of mine)
      for (const s of sessions.get(seat.courseId) ?? []) {
        if ((seat.from && s.date < seat.from) || (seat.until && s.date >= seat.until)) continue;
        const c = byDay.get(s.date) ?? { held: 0, cancelled: 0 };
        c[s.status === 'held' ? 'held' : 'cancelled'] += 1;
        byDay.set(s.date, c);
      }
    const cancelledDays = new Set([...byDay].filter(([, c]) => c.cancelled > 0 && c.held === 0).map(([date]) => date));
    const categories = listed.filter((w) => w.studentId === a.studentId).map((w) => w.category);
    const flag = flags.get(a.studentId);
    if (flag?.hardship && categoryCodes.includes(FLAG_CATEGORIES.hardship)) categories.push(FLAG_CATEGORIES.hardship);
    if (flag?.disability && categoryCodes.includes(FLAG_CATEGORIES.disability)) categories.push(FLAG_CATEGORIES.disability);
    return {
      studentId: a.studentId,
      classId: a.classId,
      name: a.name,
      optOutFrom: a.optOutFrom,
      leaveDays,
      cancelledDays,
      providerSeats: mine
        .filter((s) => s.staffing === 'provider')
        .map((s) => ({ courseId: s.courseId, name: s.name, pricePerLessonFen: s.price, from: s.from, until: s.until })),
      categories: [...new Set(categories)],
    };
  });
  return { children, closedDays, sessions };
}
