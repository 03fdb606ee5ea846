import { describe, expect, it } from 'vitest';
import { type CalendarDay, checkCatalogue, checkServicePlan, courseFitsPlan, minutesOf, type PlanTimes, type ServiceSetting } from './after-school-plan';
import { dateRange, isoWeekday } from './dates';

const national: ServiceSetting = { weekdays: [1, 2, 3, 4, 5], minMinutesPerDay: 120, endNotBefore: '17:30', homeworkFirst: true };
const V = 'after-school.service@v1';

/** Two weeks from Monday 2026-09-07: weekdays are school days, weekends not. */
const days = (from = '2026-09-07', to = '2026-09-20', extra: Partial<Record<string, boolean>> = {}): CalendarDay[] =>
  dateRange(from, to).map((date) => ({ date, schoolDay: extra[date] ?? isoWeekday(date) <= 5 }));

const good: PlanTimes = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '15:40', end: '16:40', kind: 'homework' },
    { start: '16:50', end: '17:50', kind: 'club' },
  ],
};

const rules = (plan: PlanTimes, cal = days(), setting = national) => checkServicePlan(plan, cal, setting, V).findings.map((f) => f.rule);

describe('checkServicePlan', () => {
  it('passes the national 5+2 plan', () => {
    const check = checkServicePlan(good, days(), national, V);
    expect(check.ok).toBe(true);
    expect(check.findings).toEqual([]);
    expect(check.requiredDays).toBe(10);
    expect(check.servedDays).toBe(10);
    expect(check.minutesPerDay).toBe(120);
    expect(check.endTime).toBe('17:50');
    expect(check.policyVersion).toBe(V);
  });

  it('names the school days left without service when a weekday is missing', () => {
    const check = checkServicePlan({ ...good, weekdays: [1, 2, 3, 4] }, days(), national, V);
    expect(check.ok).toBe(false);
    const f = check.findings.find((x) => x.rule === 'after-school.service.weekdays')!;
    expect(f.dates).toEqual(['2026-09-11', '2026-09-18']);
    expect(f.message).toContain('周五');
    expect(f.message).toContain('2 个上课日');
    expect(f.policyVersion).toBe(V);
    expect(check.servedDays).toBe(8);
  });

  it('does not require service on a weekday that holds no school day (a holiday week)', () => {
    const cal = days('2026-09-07', '2026-09-13', { '2026-09-11': false });
    expect(rules({ ...good, weekdays: [1, 2, 3, 4] }, cal)).toEqual([]);
  });

  it('does not require service on a worked weekend day the setting does not name', () => {
    const cal = days('2026-09-07', '2026-09-13', { '2026-09-12': true });
    const check = checkServicePlan(good, cal, national, V);
    expect(check.ok).toBe(true);
    expect(check.requiredDays).toBe(5);
  });

  it('requires the weekdays a district names beyond five', () => {
    const cal = days('2026-09-07', '2026-09-13', { '2026-09-12': true });
    expect(rules(good, cal, { ...national, weekdays: [1, 2, 3, 4, 5, 6] })).toEqual(['after-school.service.weekdays']);
  });

  it('accepts extra weekdays beyond the setting', () => {
    expect(rules({ ...good, weekdays: [1, 2, 3, 4, 5, 6] })).toEqual([]);
  });

  it('refuses fewer minutes than the district minimum', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:50', end: '16:50', kind: 'homework' }, { start: '16:50', end: '17:49', kind: 'club' }] };
    const check = checkServicePlan(plan, days(), national, V);
    expect(check.minutesPerDay).toBe(119);
    expect(check.findings.map((f) => f.rule)).toEqual(['after-school.service.minMinutesPerDay']);
    expect(check.findings[0]!.message).toContain('119');
    expect(check.findings[0]!.message).toContain('120');
  });

  it('counts exactly the minimum as enough', () => {
    expect(rules({ weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:30', end: '17:30', kind: 'homework' }] })).toEqual([]);
  });

  it('does not count a break between periods as service', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:30', end: '16:20', kind: 'homework' }, { start: '16:50', end: '17:50', kind: 'club' }] };
    const check = checkServicePlan(plan, days(), national, V);
    expect(check.minutesPerDay).toBe(110);
    expect(check.findings.map((f) => f.rule)).toEqual(['after-school.service.minMinutesPerDay']);
  });

  it('refuses an end before the local off-work time', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:00', end: '16:00', kind: 'homework' }, { start: '16:00', end: '17:20', kind: 'club' }] };
    expect(rules(plan)).toEqual(['after-school.service.endNotBefore']);
  });

  it('accepts an end exactly at the off-work time', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:00', end: '16:00', kind: 'homework' }, { start: '16:00', end: '17:30', kind: 'club' }] };
    expect(rules(plan)).toEqual([]);
  });

  it('follows a district’s later off-work time', () => {
    expect(rules(good, days(), { ...national, endNotBefore: '18:00' })).toEqual(['after-school.service.endNotBefore']);
  });

  it('requires homework help in the first period', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '16:50', end: '17:50', kind: 'homework' }, { start: '15:40', end: '16:40', kind: 'club' }] };
    const check = checkServicePlan(plan, days(), national, V);
    expect(check.findings.map((f) => f.rule)).toEqual(['after-school.service.homeworkFirst']);
    // the first period by time, named by its place in the form
    expect(check.findings[0]!.period).toBe(1);
  });

  it('lets a district drop the homework-first rule', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:40', end: '16:40', kind: 'club' }, { start: '16:50', end: '17:50', kind: 'homework' }] };
    expect(rules(plan, days(), { ...national, homeworkFirst: false })).toEqual([]);
  });

  it('refuses a plan without periods', () => {
    const check = checkServicePlan({ weekdays: [1, 2, 3, 4, 5], periods: [] }, days(), national, V);
    expect(check.findings.map((f) => f.rule)).toEqual(['after-school.plan.periods']);
    expect(check.endTime).toBeNull();
  });

  it('refuses a period that ends before it starts', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '17:50', end: '15:40', kind: 'homework' }] };
    const check = checkServicePlan(plan, days(), national, V);
    expect(check.findings.map((f) => f.rule)).toEqual(['after-school.plan.periods']);
    expect(check.findings[0]!.period).toBe(0);
  });

  it('refuses overlapping periods', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '15:40', end: '16:50', kind: 'homework' }, { start: '16:40', end: '17:50', kind: 'club' }] };
    expect(rules(plan)).toEqual(['after-school.plan.periods']);
  });

  it('refuses a malformed time', () => {
    const plan: PlanTimes = { weekdays: [1, 2, 3, 4, 5], periods: [{ start: '25:00', end: '26:00', kind: 'homework' }] };
    expect(rules(plan)).toContain('after-school.plan.periods');
  });

  it('reports every broken rule at once, each citing the policy version', () => {
    const plan: PlanTimes = { weekdays: [1, 3, 5], periods: [{ start: '15:00', end: '16:00', kind: 'club' }] };
    const check = checkServicePlan(plan, days(), national, null);
    expect(check.findings.map((f) => f.rule)).toEqual([
      'after-school.service.weekdays',
      'after-school.service.minMinutesPerDay',
      'after-school.service.endNotBefore',
      'after-school.service.homeworkFirst',
    ]);
    expect(check.findings.every((f) => f.policyVersion === null)).toBe(true);
    expect(check.findings[0]!.dates).toHaveLength(4);
  });

  it('needs no service outside school days at all (an empty calendar)', () => {
    const check = checkServicePlan(good, [], national, V);
    expect(check.requiredDays).toBe(0);
    expect(check.ok).toBe(true);
  });
});

describe('minutesOf', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('17:30')).toBe(1050);
    expect(minutesOf('17:30:00')).toBe(1050);
    expect(minutesOf('23:59')).toBe(1439);
  });
  it('gives NaN for a malformed time', () => {
    expect(minutesOf('7:30')).toBeNaN();
    expect(minutesOf('24:00')).toBeNaN();
    expect(minutesOf('')).toBeNaN();
  });
});

describe('courseFitsPlan', () => {
  it('fits a course inside a period on service days', () => {
    expect(courseFitsPlan({ weekdays: [1, 3], startTime: '16:50', endTime: '17:50' }, good)).toBe(true);
    expect(courseFitsPlan({ weekdays: [2], startTime: '17:00:00', endTime: '17:40:00' }, good)).toBe(true);
  });
  it('refuses a course across two periods or outside them', () => {
    expect(courseFitsPlan({ weekdays: [1], startTime: '16:30', endTime: '17:00' }, good)).toBe(false);
    expect(courseFitsPlan({ weekdays: [1], startTime: '18:00', endTime: '18:30' }, good)).toBe(false);
  });
  it('refuses a course on a day the plan does not serve', () => {
    expect(courseFitsPlan({ weekdays: [6], startTime: '16:50', endTime: '17:50' }, good)).toBe(false);
  });
});

describe('checkCatalogue', () => {
  const homework = { name: '三年级作业辅导', category: 'homework', weekdays: [1, 2, 3, 4, 5], startTime: '15:40', endTime: '16:40' };
  it('passes homework help and clubs inside the periods', () => {
    expect(checkCatalogue([homework, { name: '足球', category: 'sports', weekdays: [2, 4], startTime: '16:50:00', endTime: '17:50:00' }], good, V)).toEqual([]);
  });
  it('requires a homework help course', () => {
    const f = checkCatalogue([{ name: '足球', category: 'sports', weekdays: [2], startTime: '16:50', endTime: '17:50' }], good, V);
    expect(f.map((x) => x.rule)).toEqual(['after-school.plan.courses']);
    expect(f[0]!.message).toContain('作业辅导');
  });
  it('names a course outside the service times', () => {
    const f = checkCatalogue([homework, { name: '合唱', category: 'arts', weekdays: [6], startTime: '16:50', endTime: '17:50' }], good, V);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('合唱');
    expect(f[0]!.message).toContain('周六');
    expect(f[0]!.policyVersion).toBe(V);
  });
});
