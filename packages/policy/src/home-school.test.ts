import { describe, expect, it } from 'vitest';
import {
  checkStandIn,
  checkVisitDate,
  focusShort,
  homeSchoolSettings,
  homeVisitDue,
  isFocusPupil,
  lectureHasRoom,
  maskPupilName,
  meetingsMet,
  weekDone,
  weekVisitsCounting,
} from './index';

const rule = homeSchoolSettings['home-school.visits'].default;
const none = { leftBehind: false, singleParent: false, hardship: false, disability: false, learningDifficulty: false };

describe('home-school settings carry the seeds’ numbers', () => {
  it('visits: 1 home or phone visit a week (seed 003), each pupil’s home once a semester, special pupils 3 times (seed 004 #10)', () => {
    expect(rule).toMatchObject({ weeklyMin: 1, weeklyModes: ['home', 'phone'], semesterHomeMin: 1, specialMin: 3 });
    expect(homeSchoolSettings['home-school.meetings'].default).toEqual({ meetingsPerSemester: 1, classLecturesPerWeek: 1 });
    expect(homeSchoolSettings['home-school.care'].default).toEqual({ standInRequired: true, recentDays: 30 });
  });
  it('the schemas refuse nonsense', () => {
    expect(homeSchoolSettings['home-school.visits'].schema.safeParse({ ...rule, weeklyModes: [] }).success).toBe(false);
    expect(homeSchoolSettings['home-school.visits'].schema.safeParse({ ...rule, specialMin: -1 }).success).toBe(false);
  });
});

describe('a visit’s date', () => {
  it('today and earlier pass, tomorrow is refused citing the rule', () => {
    expect(checkVisitDate('2026-11-26', '2026-11-26')).toBeNull();
    expect(checkVisitDate('2026-09-01', '2026-11-26')).toBeNull();
    expect(checkVisitDate('2026-11-27', '2026-11-26')).toMatchObject({ rule: 'home-school.visits' });
  });
});

describe('the weekly rule', () => {
  const visits = [
    { date: '2026-11-23', mode: 'video' as const },
    { date: '2026-11-20', mode: 'home' as const }, // last week
  ];
  it('counts home and phone visits of the week only', () => {
    expect(weekVisitsCounting(visits, '2026-11-26', rule)).toBe(0);
    expect(weekDone(0, rule)).toBe(false);
    expect(weekVisitsCounting([...visits, { date: '2026-11-24', mode: 'phone' }], '2026-11-26', rule)).toBe(1);
    expect(weekDone(1, rule)).toBe(true);
  });
  it('a district counting video calls too', () => {
    expect(weekVisitsCounting(visits, '2026-11-26', { weeklyModes: ['home', 'phone', 'video'] })).toBe(1);
  });
  it('a district asking two a week', () => {
    expect(weekDone(1, { weeklyMin: 2 })).toBe(false);
    expect(weekDone(2, { weeklyMin: 2 })).toBe(true);
  });
});

describe('semester rules', () => {
  it('a pupil is due a home visit until the teacher made semesterHomeMin', () => {
    expect(homeVisitDue(0, rule)).toBe(true);
    expect(homeVisitDue(1, rule)).toBe(false);
    expect(homeVisitDue(1, { semesterHomeMin: 2 })).toBe(true);
  });
  it('any flag makes a pupil 重点关注, 学困 included', () => {
    expect(isFocusPupil(none)).toBe(false);
    expect(isFocusPupil(null)).toBe(false);
    expect(isFocusPupil({ ...none, learningDifficulty: true })).toBe(true);
    expect(isFocusPupil({ ...none, leftBehind: true })).toBe(true);
  });
  it('a 重点关注 pupil is short below 3 visits', () => {
    expect(focusShort(true, 2, rule)).toBe(true);
    expect(focusShort(true, 3, rule)).toBe(false);
    expect(focusShort(false, 0, rule)).toBe(false);
  });
  it('a class meets the meeting rule with one held meeting', () => {
    expect(meetingsMet(0, { meetingsPerSemester: 1 })).toBe(false);
    expect(meetingsMet(1, { meetingsPerSemester: 1 })).toBe(true);
  });
});

describe('care and lectures', () => {
  it('a left-behind child needs a stand-in parent while the rule requires it', () => {
    expect(checkStandIn(true, null, true)).toMatchObject({ rule: 'home-school.care' });
    expect(checkStandIn(true, 'u1', true)).toBeNull();
    expect(checkStandIn(true, null, false)).toBeNull();
    expect(checkStandIn(false, null, true)).toBeNull();
  });
  it('a lecture is full at its capacity', () => {
    expect(lectureHasRoom(29, 30)).toBe(true);
    expect(lectureHasRoom(30, 30)).toBe(false);
  });
  it('names are masked in the middle', () => {
    expect(maskPupilName('张小明')).toBe('张*明');
    expect(maskPupilName('李雷')).toBe('李*');
    expect(maskPupilName('欧阳小明')).toBe('欧**明');
    expect(maskPupilName('王')).toBe('王');
  });
});
