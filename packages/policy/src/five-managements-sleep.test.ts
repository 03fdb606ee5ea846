import { describe, expect, it } from 'vitest';
import { fiveManagementsSettings } from './five-managements.settings';
import { eveningMinutes } from './homework';
import {
  belowSleepThreshold,
  checkSleepDate,
  earliestSleepDate,
  judgeNight,
  maskName,
  shareBp,
  sleepMinutes,
  sleepStageOfGrade,
} from './five-managements-sleep';

const rule = fiveManagementsSettings['five-managements.sleep'].default;

describe('sleep minutes across midnight', () => {
  it('counts from bedtime to the next morning', () => {
    expect(sleepMinutes('21:00', '07:00')).toBe(600);
    expect(sleepMinutes('21:20', '07:20')).toBe(600);
    expect(sleepMinutes('22:00', '07:00')).toBe(540);
    expect(sleepMinutes('00:30', '07:00')).toBe(390);
    expect(sleepMinutes('23:59', '00:01')).toBe(2);
    expect(sleepMinutes('07:00', '07:00')).toBe(0);
  });
  it('places the small hours after the evening', () => {
    expect(eveningMinutes('21:20')).toBe(560);
    expect(eveningMinutes('00:30')).toBe(750);
    expect(eveningMinutes('12:00')).toBe(0);
    expect(eveningMinutes('11:59')).toBe(1439);
  });
});

describe('stages', () => {
  it('grades 1–6 are primary, 7–9 junior', () => {
    expect(sleepStageOfGrade(1)).toBe('primary');
    expect(sleepStageOfGrade(6)).toBe('primary');
    expect(sleepStageOfGrade(7)).toBe('junior');
    expect(sleepStageOfGrade(9)).toBe('junior');
  });
});

describe('a night judged against the stage (primary ≥ 600 min by 21:20; junior ≥ 540 min by 22:00)', () => {
  it('primary: the minimum and the bedtime at their boundaries', () => {
    expect(judgeNight({ bedtime: '21:20', wakeTime: '07:20' }, 'primary', rule)).toMatchObject({
      rule: 'five-managements.sleep',
      minMinutes: 600,
      latestBedtime: '21:20',
      minutes: 600,
      meetsMinimum: true,
      bedtimeOk: true,
      lateMinutes: 0,
      homeworkLate: false,
    });
    expect(judgeNight({ bedtime: '21:21', wakeTime: '07:20' }, 'primary', rule)).toMatchObject({ minutes: 599, meetsMinimum: false, bedtimeOk: false, lateMinutes: 1 });
  });
  it('junior: 540 minutes and 22:00', () => {
    expect(judgeNight({ bedtime: '22:00', wakeTime: '07:00' }, 'junior', rule)).toMatchObject({ minutes: 540, meetsMinimum: true, bedtimeOk: true });
    expect(judgeNight({ bedtime: '22:00', wakeTime: '06:59' }, 'junior', rule)).toMatchObject({ minutes: 539, meetsMinimum: false, bedtimeOk: true });
    expect(judgeNight({ bedtime: '22:01', wakeTime: '07:30' }, 'junior', rule)).toMatchObject({ meetsMinimum: true, bedtimeOk: false, lateMinutes: 1 });
    // after midnight is later than any evening time
    expect(judgeNight({ bedtime: '00:10', wakeTime: '07:00' }, 'junior', rule)).toMatchObject({ bedtimeOk: false, lateMinutes: 130 });
  });
  it('homework ending after the latest bedtime counts against the night (作业熔断)', () => {
    const j = judgeNight({ bedtime: '21:00', wakeTime: '07:00', homeworkEndedAt: '21:50' }, 'primary', rule);
    expect(j).toMatchObject({ meetsMinimum: true, bedtimeOk: false, homeworkLate: true, lateMinutes: 30 });
    expect(judgeNight({ bedtime: '21:00', wakeTime: '07:00', homeworkEndedAt: '21:20' }, 'primary', rule)).toMatchObject({ bedtimeOk: true, homeworkLate: false });
    expect(judgeNight({ bedtime: '21:00', wakeTime: '07:00', homeworkEndedAt: '00:15' }, 'junior', rule)).toMatchObject({ bedtimeOk: false, homeworkLate: true, lateMinutes: 135 });
    expect(judgeNight({ bedtime: '21:00', wakeTime: '07:00', homeworkEndedAt: null }, 'primary', rule).homeworkLate).toBe(false);
  });
  it('reads the district’s own numbers', () => {
    const strict = { primary: { minMinutes: 630, latestBedtime: '21:00' }, junior: rule.junior };
    expect(judgeNight({ bedtime: '21:10', wakeTime: '07:30' }, 'primary', strict)).toMatchObject({ minMinutes: 630, meetsMinimum: false, bedtimeOk: false, lateMinutes: 10 });
  });
});

describe('which nights a family may report (reportDays 3)', () => {
  const now = { date: '2026-11-26', time: '10:00' };
  it('last night and three nights before it', () => {
    expect(checkSleepDate('2026-11-25', '07:00', now, 3)).toBeNull();
    expect(checkSleepDate('2026-11-22', '07:00', now, 3)).toBeNull();
    expect(checkSleepDate('2026-11-21', '07:00', now, 3)).toEqual({ reason: 'too_old', earliest: '2026-11-22' });
    expect(earliestSleepDate('2026-11-26', 3)).toBe('2026-11-22');
  });
  it('never a night that has not ended', () => {
    expect(checkSleepDate('2026-11-26', '07:00', now, 3)).toEqual({ reason: 'not_woken' });
    expect(checkSleepDate('2026-11-27', '07:00', now, 3)).toEqual({ reason: 'future', date: '2026-11-27' });
    expect(checkSleepDate('2026-11-25', '10:01', now, 3)).toEqual({ reason: 'not_woken' });
    expect(checkSleepDate('2026-11-25', '10:00', now, 3)).toBeNull();
  });
});

describe('class shares', () => {
  it('basis points and the district threshold (8000)', () => {
    expect(shareBp(4, 5)).toBe(8000);
    expect(shareBp(0, 0)).toBeNull();
    expect(shareBp(2, 3)).toBe(6667);
    expect(belowSleepThreshold(4, 5, rule.classThresholdBp)).toBe(false);
    expect(belowSleepThreshold(79, 100, rule.classThresholdBp)).toBe(true);
    expect(belowSleepThreshold(0, 0, rule.classThresholdBp)).toBe(false);
  });
  it('masks a name', () => {
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('李')).toBe('李');
  });
});
