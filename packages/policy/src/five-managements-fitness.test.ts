import { describe, expect, it } from 'vitest';
import {
  checkFitnessDay,
  checkFitnessTotals,
  checkPeWeek,
  fitnessCodeOfGrade,
  fitnessDayFigures,
  fitnessLevelFromName,
  fitnessLevelOf,
  type FitnessRules,
  gradeFromFitnessCode,
  peLessonsRequired,
  scoreTenths,
} from './five-managements-fitness';
import { fiveManagementsSettings } from './five-managements.settings';

const setting = fiveManagementsSettings['five-managements.fitness'];
const rules: FitnessRules = setting.schema.parse(setting.default);
const v2 = { version: 2, versionId: '00000000-0000-4000-8000-000000000002', effectiveFrom: '2026-09-01' };
const day = { bigBreakMinutes: 30, eyeExercises: 2, activityMinutes: 60 };

describe('a class’s school day (seed 004 #23: 大课间 30 min, eye exercises twice, 1 h of activity)', () => {
  it('meets every rule exactly at the policy numbers', () => {
    const f = checkFitnessDay(day, rules);
    expect(f.map((x) => [x.item, x.ok, x.required])).toEqual([
      ['bigBreak', true, 30],
      ['eye', true, 2],
      ['activity', true, 60],
    ]);
    expect(f.every((x) => x.key === 'five-managements.fitness' && x.version === 0)).toBe(true);
  });
  it('misses each rule one below its number, naming the rule and the version applied', () => {
    const f = checkFitnessDay({ bigBreakMinutes: 29, eyeExercises: 1, activityMinutes: 59 }, rules, v2);
    expect(f.filter((x) => !x.ok).map((x) => x.item)).toEqual(['bigBreak', 'eye', 'activity']);
    expect(f[0]!.rule).toContain('30 分钟');
    expect(f[0]!.version).toBe(2);
    expect(f[0]!.versionId).toBe(v2.versionId);
    expect(f[1]!.rule).toContain('2 次');
    expect(f[2]!.rule).toContain('60 分钟');
  });
  it('follows a district’s own numbers', () => {
    const strict = { ...rules, bigBreakMinMinutes: 40, eyeExercisesPerDay: 3, dailyActivityMinutes: 90 };
    expect(checkFitnessDay(day, strict).every((x) => !x.ok)).toBe(true);
    expect(checkFitnessDay({ bigBreakMinutes: 40, eyeExercises: 3, activityMinutes: 90 }, strict).every((x) => x.ok)).toBe(true);
  });
  it('counts what a day adds to the week: eye exercises done no more than due', () => {
    expect(fitnessDayFigures(day, rules)).toEqual({ bigBreakOk: true, eyeDue: 2, eyeDone: 2, activityOk: true });
    expect(fitnessDayFigures({ bigBreakMinutes: 0, eyeExercises: 5, activityMinutes: 0 }, rules)).toEqual({ bigBreakOk: false, eyeDue: 2, eyeDone: 2, activityOk: false });
    expect(fitnessDayFigures({ ...day, eyeExercises: 1 }, rules).eyeDone).toBe(1);
  });
});

describe('PE lessons a week by grade (4 in grades 1–2, 3 in grades 3–9)', () => {
  it('reads the grade’s band', () => {
    expect([1, 2, 3, 6, 7, 9].map((g) => peLessonsRequired(rules, g))).toEqual([4, 4, 3, 3, 3, 3]);
    expect(peLessonsRequired(rules, 12)).toBe(0);
  });
  it('judges a finished week at the boundary', () => {
    expect(checkPeWeek(4, 2, rules).ok).toBe(true);
    expect(checkPeWeek(3, 2, rules).ok).toBe(false);
    expect(checkPeWeek(3, 3, rules).ok).toBe(true);
    expect(checkPeWeek(2, 9, rules, v2).rule).toContain('3 节');
  });
  it('a short week still running is pending, not a miss', () => {
    const f = checkPeWeek(1, 3, rules, v2, { complete: false });
    expect(f.ok).toBe(false);
    expect(f.pending).toBe(true);
    expect(checkPeWeek(1, 3, rules, v2, { complete: true }).pending).toBe(false);
  });
  it('a timetable with more PE lessons raises what the records must show', () => {
    const f = checkPeWeek(3, 3, rules, v2, { complete: true, timetabled: 4 });
    expect(f.required).toBe(4);
    expect(f.ok).toBe(false);
    expect(checkPeWeek(3, 3, rules, v2, { complete: true, timetabled: 2 }).required).toBe(3);
  });
});

describe('national fitness test levels (优秀 ≥ 90, 良好 80–89.9, 及格 60–79.9, 不及格 < 60)', () => {
  it('levels at the boundaries, in tenths', () => {
    expect([1200, 900, 899, 800, 799, 600, 599, 0].map(fitnessLevelOf)).toEqual(['excellent', 'excellent', 'good', 'good', 'pass', 'pass', 'fail', 'fail']);
  });
  it('reads level names and scores', () => {
    expect(fitnessLevelFromName('良好')).toBe('good');
    expect(fitnessLevelFromName(' 不及格 ')).toBe('fail');
    expect(fitnessLevelFromName('合格')).toBeNull();
    expect(scoreTenths('85.5')).toBe(855);
    expect(scoreTenths('90')).toBe(900);
    expect(scoreTenths('85.55')).toBeNull();
    expect(scoreTenths('-1')).toBeNull();
    expect(scoreTenths('')).toBeNull();
  });
  it('maps the standard’s 年级编号', () => {
    expect(['11', '16', '21', '23'].map(gradeFromFitnessCode)).toEqual([1, 6, 7, 9]);
    expect(['10', '17', '31', 'x'].map(gradeFromFitnessCode)).toEqual([null, null, null, null]);
    expect([1, 6, 7, 9].map(fitnessCodeOfGrade)).toEqual(['11', '16', '21', '23']);
  });
  it('names a level that does not match the total, and a total that is not standard + extra', () => {
    expect(checkFitnessTotals({ standardTenths: 880, extraTenths: 20, totalTenths: 900, level: 'excellent' })).toEqual([]);
    const wrong = checkFitnessTotals({ standardTenths: 895, extraTenths: 0, totalTenths: 895, level: 'excellent' });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toContain('应为「良好」');
    expect(checkFitnessTotals({ standardTenths: 700, extraTenths: 0, totalTenths: 710, level: 'pass' })[0]).toContain('不等于');
  });
});
