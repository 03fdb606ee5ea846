import { describe, expect, it } from 'vitest';
import {
  checkLeave,
  countAttendance,
  courseMeets,
  dueDates,
  flexCredits,
  type FlexHoursRule,
  leaveCancellable,
  monthSpan,
  onLeaveOn,
  resolveAttendance,
  schoolAssessment,
  sessionMinutes,
  type SchoolDayInfo,
  statsDelta,
} from './after-school-daily';
import { afterSchoolSettings } from './after-school.settings';
import { dateRange, isoWeekday } from './dates';

const S = 'sem-1';
/** 2026-11-23 (Mon) … 2026-12-06 (Sun); 2026-12-04 (Fri) is a school's sports-day break. */
const days: SchoolDayInfo[] = dateRange('2026-11-23', '2026-12-06').map((date) => ({
  date,
  schoolDay: isoWeekday(date) <= 5 && date !== '2026-12-04',
  semesterId: S,
}));

describe('courseMeets / dueDates', () => {
  it('meets on its weekdays that are school days of its semester', () => {
    expect(dueDates({ weekdays: [1, 3, 5], semesterId: S }, days)).toEqual(['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02']);
    expect(dueDates({ weekdays: [1, 2, 3, 4, 5], semesterId: S }, days)).toHaveLength(9);
  });
  it('never on a weekend, a break or another semester', () => {
    expect(courseMeets({ weekdays: [6], semesterId: S }, { date: '2026-11-28', schoolDay: false, semesterId: S })).toBe(false);
    expect(courseMeets({ weekdays: [5], semesterId: S }, days.find((d) => d.date === '2026-12-04')!)).toBe(false);
    expect(courseMeets({ weekdays: [4], semesterId: 'other' }, { date: '2026-11-26', schoolDay: true, semesterId: S })).toBe(false);
  });
  it('a worked weekend day (调休) counts only for a course that meets on that weekday', () => {
    const worked = { date: '2026-11-28', schoolDay: true, semesterId: S };
    expect(courseMeets({ weekdays: [1, 2, 3, 4, 5], semesterId: S }, worked)).toBe(false);
    expect(courseMeets({ weekdays: [6], semesterId: S }, worked)).toBe(true);
  });
});

describe('sessionMinutes', () => {
  it('from the course times, with or without seconds', () => {
    expect(sessionMinutes('16:00', '17:30')).toBe(90);
    expect(sessionMinutes('15:40:00', '17:50:00')).toBe(130);
    expect(sessionMinutes('17:00', '16:00')).toBe(0);
  });
});

describe('resolveAttendance', () => {
  const roster = ['a', 'b', 'c', 'd'];
  it('everyone present unless named', () => {
    const { lines, problems } = resolveAttendance(roster, new Set(), [{ studentId: 'b', status: 'absent', note: '发烧' }, { studentId: 'c', status: 'late' }]);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { studentId: 'a', status: 'present', note: null },
      { studentId: 'b', status: 'absent', note: '发烧' },
      { studentId: 'c', status: 'late', note: null },
      { studentId: 'd', status: 'present', note: null },
    ]);
    expect(countAttendance(lines)).toEqual({ expected: 4, present: 3 });
  });
  it('a child on approved leave is on leave whatever was tapped, and not expected', () => {
    const { lines } = resolveAttendance(roster, new Set(['d']), [{ studentId: 'd', status: 'absent' }]);
    expect(lines[3]).toEqual({ studentId: 'd', status: 'leave', note: null });
    expect(countAttendance(lines)).toEqual({ expected: 3, present: 3 });
  });
  it('the teacher may mark leave with a note', () => {
    const { lines } = resolveAttendance(roster, new Set(), [{ studentId: 'a', status: 'leave', note: '家长电话请假' }]);
    expect(lines[0]).toEqual({ studentId: 'a', status: 'leave', note: '家长电话请假' });
  });
  it('names a child off the roster and a child named twice', () => {
    const { problems } = resolveAttendance(roster, new Set(), [
      { studentId: 'x', status: 'absent' },
      { studentId: 'a', status: 'late' },
      { studentId: 'a', status: 'absent' },
    ]);
    expect(problems).toEqual([
      { index: 0, studentId: 'x', problem: 'not_on_roster' },
      { index: 2, studentId: 'a', problem: 'duplicate' },
    ]);
  });
  it('an empty roster counts nothing', () => {
    expect(countAttendance(resolveAttendance([], new Set(), []).lines)).toEqual({ expected: 0, present: 0 });
  });
});

describe('statsDelta', () => {
  it('a first take adds one session and its counts', () => {
    expect(statsDelta(null, { status: 'held', expected: 30, present: 28 })).toEqual({ sessionsHeld: 1, attendancePresent: 28, attendanceExpected: 30 });
  });
  it('a re-take moves only the difference', () => {
    expect(statsDelta({ status: 'held', expected: 30, present: 28 }, { status: 'held', expected: 29, present: 29 })).toEqual({
      sessionsHeld: 0,
      attendancePresent: 1,
      attendanceExpected: -1,
    });
  });
  it('cancelling a held session takes it back out; cancelling an untaken one changes nothing', () => {
    expect(statsDelta({ status: 'held', expected: 30, present: 28 }, { status: 'cancelled', expected: 0, present: 0 })).toEqual({
      sessionsHeld: -1,
      attendancePresent: -28,
      attendanceExpected: -30,
    });
    expect(statsDelta(null, { status: 'cancelled', expected: 0, present: 0 })).toEqual({ sessionsHeld: 0, attendancePresent: 0, attendanceExpected: 0 });
  });
  it('any sequence of takes sums to the last one', () => {
    const takes = [
      { status: 'held' as const, expected: 30, present: 25 },
      { status: 'cancelled' as const, expected: 0, present: 0 },
      { status: 'held' as const, expected: 28, present: 27 },
      { status: 'held' as const, expected: 29, present: 20 },
    ];
    let prev: (typeof takes)[number] | null = null;
    const total = { sessionsHeld: 0, attendancePresent: 0, attendanceExpected: 0 };
    for (const t of takes) {
      const d = statsDelta(prev, t);
      total.sessionsHeld += d.sessionsHeld;
      total.attendancePresent += d.attendancePresent;
      total.attendanceExpected += d.attendanceExpected;
      prev = t;
    }
    expect(total).toEqual({ sessionsHeld: 1, attendancePresent: 20, attendanceExpected: 29 });
  });
});

describe('checkLeave', () => {
  const today = '2026-11-26';
  it('a range of school days from today', () => {
    expect(checkLeave('2026-11-26', '2026-11-30', today, days)).toEqual({ ok: true, schoolDays: ['2026-11-26', '2026-11-27', '2026-11-30'] });
  });
  it('refuses the past, a reversed range and one too long', () => {
    expect(checkLeave('2026-11-25', '2026-11-26', today, days)).toEqual({ ok: false, field: 'fromDate', problem: 'past' });
    expect(checkLeave('2026-11-27', '2026-11-26', today, days)).toEqual({ ok: false, field: 'toDate', problem: 'order' });
    expect(checkLeave('2026-11-26', '2027-01-26', today, days)).toEqual({ ok: false, field: 'toDate', problem: 'too_long' });
  });
  it('refuses a range that starts or ends on a day without school', () => {
    expect(checkLeave('2026-11-28', '2026-11-30', today, days)).toEqual({ ok: false, field: 'fromDate', problem: 'not_school_day' });
    expect(checkLeave('2026-12-03', '2026-12-04', today, days)).toEqual({ ok: false, field: 'toDate', problem: 'not_school_day' });
    expect(checkLeave('2026-11-26', '2026-12-20', today, days)).toEqual({ ok: false, field: 'toDate', problem: 'not_school_day' });
  });
  it('is cancellable only before its first day', () => {
    expect(leaveCancellable('2026-11-27', today)).toBe(true);
    expect(leaveCancellable('2026-11-26', today)).toBe(false);
  });
  it('covers a date unless cancelled', () => {
    const leaves = [
      { fromDate: '2026-11-26', toDate: '2026-11-27', cancelled: false },
      { fromDate: '2026-11-30', toDate: '2026-11-30', cancelled: true },
    ];
    expect(onLeaveOn(leaves, '2026-11-27')).toBe(true);
    expect(onLeaveOn(leaves, '2026-11-30')).toBe(false);
    expect(onLeaveOn(leaves, '2026-11-25')).toBe(false);
  });
});

describe('flexCredits (弹性上下班)', () => {
  const rule: FlexHoursRule = afterSchoolSettings['after-school.flexHours'].default;
  const schoolDays = days.filter((d) => d.schoolDay).map((d) => d.date);
  const s = (date: string, endTime: string, id = date) => ({ sessionId: id, date, courseName: '课', endTime });
  it('the shipped rule: 17:00, from 10 minutes, a minute for a minute, at most 120', () => {
    expect(rule).toEqual({ normalEnd: '17:00', minLateMinutes: 10, creditPercent: 100, maxCreditMinutesPerDay: 120 });
  });
  it('credits minutes served after the normal end on the next school day', () => {
    const items = flexCredits([s('2026-11-26', '17:50'), s('2026-11-27', '17:30')], rule, schoolDays);
    expect(items.map((i) => [i.date, i.lateMinutes, i.creditMinutes, i.creditDate])).toEqual([
      ['2026-11-26', 50, 50, '2026-11-27'],
      ['2026-11-27', 30, 30, '2026-11-30'],
    ]);
  });
  it('skips the break day and the weekend when finding the next school day', () => {
    expect(flexCredits([s('2026-12-03', '18:00')], rule, [...schoolDays, '2026-12-07'])[0]!.creditDate).toBe('2026-12-07');
    expect(flexCredits([s('2026-12-03', '18:00')], rule, schoolDays)[0]!.creditDate).toBeNull();
  });
  it('nothing for a session ending on time or just after, below the minimum', () => {
    expect(flexCredits([s('2026-11-26', '17:00'), s('2026-11-27', '17:09')], rule, schoolDays)).toEqual([]);
  });
  it('one credit per day by the latest end, capped, at the district percentage', () => {
    const r = { ...rule, creditPercent: 50, maxCreditMinutesPerDay: 45 };
    const items = flexCredits([s('2026-11-26', '17:30', 'a'), s('2026-11-26', '19:00', 'b')], r, schoolDays);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ sessionId: 'b', lateMinutes: 120, creditMinutes: 45 });
    expect(flexCredits([s('2026-11-26', '17:15')], r, schoolDays)[0]!.creditMinutes).toBe(7);
  });
});

describe('monthSpan and schoolAssessment', () => {
  it('month bounds', () => {
    expect(monthSpan('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthSpan('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthSpan('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('mean to one decimal, half up, and its level', () => {
    expect(schoolAssessment([])).toBeNull();
    expect(schoolAssessment([90, 91])).toEqual({ courses: 2, average: 90.5, level: 'excellent' });
    expect(schoolAssessment([80, 81, 81])).toEqual({ courses: 3, average: 80.7, level: 'good' });
    expect(schoolAssessment([60, 59])).toEqual({ courses: 2, average: 59.5, level: 'improve' });
    expect(schoolAssessment([60])).toMatchObject({ level: 'pass' });
  });
});
