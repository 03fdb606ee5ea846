/**
 * 课后服务 daily running, as pure rules: which days a course meets (its weekdays on the school calendar's school days
 * of its semester), how long a session lasts, what a day's attendance counts, how a re-take moves the school's
 * rollup, which days a leave covers, and teachers' flexible hours (弹性上下班) for sessions that end late.
 */
import { addDays, dateRange, isoWeekday, type LocalDate } from './dates';

/** The calendar's answer for one date, as far as the rules need it. */
export interface SchoolDayInfo {
  date: LocalDate;
  schoolDay: boolean;
  semesterId: string | null;
}

export interface CourseDays {
  /** ISO weekdays 1–7 the course meets. */
  weekdays: readonly number[];
  semesterId: string;
}

/** A course meets on a date when it is a school day of the course's semester and one of the course's weekdays. */
export function courseMeets(course: CourseDays, day: SchoolDayInfo): boolean {
  return day.schoolDay && day.semesterId === course.semesterId && course.weekdays.includes(isoWeekday(day.date));
}

/** The dates a course meets among these days (in the order given). */
export function dueDates(course: CourseDays, days: readonly SchoolDayInfo[]): LocalDate[] {
  return days.filter((d) => courseMeets(course, d)).map((d) => d.date);
}

/** 'HH:MM' or 'HH:MM:SS' → minutes after midnight. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Minutes between a session's start and end (0 when the end is not after the start). */
export function sessionMinutes(startTime: string, endTime: string): number {
  return Math.max(0, clockMinutes(endTime) - clockMinutes(startTime));
}

export const ATTENDANCE_MARKS = ['present', 'absent', 'leave', 'late'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export interface AttendanceException {
  studentId: string;
  status: Exclude<AttendanceMark, 'present'>;
  note?: string | null;
}

export interface AttendanceLine {
  studentId: string;
  status: AttendanceMark;
  note: string | null;
}

export type AttendanceProblem = { index: number; studentId: string; problem: 'not_on_roster' | 'duplicate' };

/**
 * "All present" plus the teacher's exceptions: every child of the roster is present unless named; a child on
 * approved leave is 'leave' whatever the teacher tapped (the family asked for it). Exceptions naming a child not on
 * the roster, or the same child twice, are problems (the caller refuses the whole request).
 */
export function resolveAttendance(
  roster: readonly string[],
  onLeave: ReadonlySet<string>,
  exceptions: readonly AttendanceException[],
): { lines: AttendanceLine[]; problems: AttendanceProblem[] } {
  const onRoster = new Set(roster);
  const seen = new Map<string, AttendanceException>();
  const problems: AttendanceProblem[] = [];
  exceptions.forEach((e, index) => {
    if (!onRoster.has(e.studentId)) problems.push({ index, studentId: e.studentId, problem: 'not_on_roster' });
    else if (seen.has(e.studentId)) problems.push({ index, studentId: e.studentId, problem: 'duplicate' });
    else seen.set(e.studentId, e);
  });
  const lines = roster.map((studentId): AttendanceLine => {
    const e = seen.get(studentId);
    if (onLeave.has(studentId)) return { studentId, status: 'leave', note: e?.status === 'leave' ? (e.note ?? null) : null };
    return e ? { studentId, status: e.status, note: e.note ?? null } : { studentId, status: 'present', note: null };
  });
  return { lines, problems };
}

export interface SessionCounts {
  /** Children expected: the roster less those on leave. */
  expected: number;
  /** Children who came: present or late. */
  present: number;
}

export function countAttendance(lines: readonly Pick<AttendanceLine, 'status'>[]): SessionCounts {
  let expected = 0;
  let present = 0;
  for (const l of lines) {
    if (l.status !== 'leave') expected += 1;
    if (l.status === 'present' || l.status === 'late') present += 1;
  }
  return { expected, present };
}

/** What a session adds to the school's rollup: nothing when it was cancelled or never taken. */
export interface SessionTally {
  status: 'held' | 'cancelled';
  expected: number;
  present: number;
}

export interface StatsDelta {
  sessionsHeld: number;
  attendancePresent: number;
  attendanceExpected: number;
}

const contribution = (s: SessionTally | null): StatsDelta =>
  s && s.status === 'held'
    ? { sessionsHeld: 1, attendancePresent: s.present, attendanceExpected: s.expected }
    : { sessionsHeld: 0, attendancePresent: 0, attendanceExpected: 0 };

/** The increments that turn the rollup's share of the old session (or none) into the new one's: re-taking never counts twice. */
export function statsDelta(before: SessionTally | null, after: SessionTally | null): StatsDelta {
  const a = contribution(before);
  const b = contribution(after);
  return {
    sessionsHeld: b.sessionsHeld - a.sessionsHeld,
    attendancePresent: b.attendancePresent - a.attendancePresent,
    attendanceExpected: b.attendanceExpected - a.attendanceExpected,
  };
}

/** A leave asks for at most this many calendar days at once. */
export const LEAVE_SPAN_MAX_DAYS = 31;

export type LeaveCheck =
  | { ok: true; schoolDays: LocalDate[] }
  | { ok: false; field: 'fromDate' | 'toDate'; problem: 'past' | 'order' | 'too_long' | 'not_school_day' };

/**
 * A family's leave covers a range of school days: it starts today or later, ends on or after its start, spans at
 * most LEAVE_SPAN_MAX_DAYS days, and both its first and last day are school days (the days between that are not
 * school days are simply not counted). `days` is the calendar for the range.
 */
export function checkLeave(from: LocalDate, to: LocalDate, today: LocalDate, days: readonly SchoolDayInfo[]): LeaveCheck {
  if (from < today) return { ok: false, field: 'fromDate', problem: 'past' };
  if (to < from) return { ok: false, field: 'toDate', problem: 'order' };
  if (dateRange(from, to).length > LEAVE_SPAN_MAX_DAYS) return { ok: false, field: 'toDate', problem: 'too_long' };
  const byDate = new Map(days.map((d) => [d.date, d]));
  if (!byDate.get(from)?.schoolDay) return { ok: false, field: 'fromDate', problem: 'not_school_day' };
  if (!byDate.get(to)?.schoolDay) return { ok: false, field: 'toDate', problem: 'not_school_day' };
  return { ok: true, schoolDays: dateRange(from, to).filter((d) => byDate.get(d)?.schoolDay) };
}

/** A leave can be cancelled until its first day begins. */
export const leaveCancellable = (fromDate: LocalDate, today: LocalDate) => today < fromDate;

/** A child is on leave on a date when an uncancelled leave covers it. */
export function onLeaveOn(leaves: readonly { fromDate: LocalDate; toDate: LocalDate; cancelled: boolean }[], date: LocalDate): boolean {
  return leaves.some((l) => !l.cancelled && l.fromDate <= date && date <= l.toDate);
}

/** 'after-school.flexHours': the district's rule for flexible hours (弹性上下班). */
export interface FlexHoursRule {
  /** Teachers' normal off-work time; minutes served after it earn credit. */
  normalEnd: string;
  /** Late minutes below this earn nothing. */
  minLateMinutes: number;
  /** Credit per late minute, in percent (100: a minute for a minute). */
  creditPercent: number;
  /** At most this much credit from one day. */
  maxCreditMinutesPerDay: number;
}

export interface FlexSession {
  sessionId: string;
  date: LocalDate;
  courseName: string;
  endTime: string;
}

export interface FlexItem extends FlexSession {
  lateMinutes: number;
  creditMinutes: number;
  /** The school day the credit is taken: a later start that morning (null: none left in the calendar given). */
  creditDate: LocalDate | null;
}

/**
 * 弹性上下班: a teacher who served after the normal off-work time starts later on the next school day, by the late
 * minutes (at the district's percentage, from its minimum, up to its daily cap). Several late sessions on one day
 * count once, by the latest end.
 */
export function flexCredits(sessions: readonly FlexSession[], rule: FlexHoursRule, schoolDays: readonly LocalDate[]): FlexItem[] {
  const normal = clockMinutes(rule.normalEnd);
  const latestByDate = new Map<LocalDate, FlexSession>();
  for (const s of sessions) {
    const known = latestByDate.get(s.date);
    if (!known || clockMinutes(s.endTime) > clockMinutes(known.endTime)) latestByDate.set(s.date, s);
  }
  const sortedDays = [...schoolDays].sort();
  const items: FlexItem[] = [];
  for (const s of [...latestByDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const lateMinutes = Math.max(0, clockMinutes(s.endTime) - normal);
    if (lateMinutes === 0 || lateMinutes < rule.minLateMinutes) continue;
    const creditMinutes = Math.min(rule.maxCreditMinutesPerDay, Math.floor((lateMinutes * rule.creditPercent) / 100));
    if (creditMinutes <= 0) continue;
    items.push({ ...s, lateMinutes, creditMinutes, creditDate: sortedDays.find((d) => d > s.date) ?? null });
  }
  return items;
}

/** 'YYYY-MM' of a date; the first and last day of a month. */
export const yearMonthOf = (date: LocalDate) => date.slice(0, 7);
export function monthSpan(month: string): { from: LocalDate; to: LocalDate } {
  const from = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1) };
}

/** Monthly quality assessment scores run 1–100. */
export const ASSESSMENT_SCORE_MIN = 1;
export const ASSESSMENT_SCORE_MAX = 100;

/**
 * The school's figure for a month from its courses' assessments: the mean score, to one decimal (half up), and the
 * level it reads as (优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, else 待改进). No assessments: no figure.
 */
export function schoolAssessment(scores: readonly number[]): { courses: number; average: number; level: 'excellent' | 'good' | 'pass' | 'improve' } | null {
  if (!scores.length) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  const average = Math.floor((sum * 10) / scores.length + 0.5) / 10;
  const level = average >= 90 ? 'excellent' : average >= 75 ? 'good' : average >= 60 ? 'pass' : 'improve';
  return { courses: scores.length, average, level };
}
