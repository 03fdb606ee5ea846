import { describe, expect, it } from 'vitest';
import { checkGrowthEntry, growthCompleteness, KIND_DIMENSION, labourTasksFor, skillProgress } from './exams-growth';
import { examsSettings } from './exams.settings';

// the shipped default: 2 sports skills, 1 art skill (seed 001), the district labour list L01–L08
const growth = examsSettings['exams.growth'].default;
const semester = { startDate: '2026-09-01', endDate: '2027-01-22' };
const today = '2026-11-26';
const entry = (over: Partial<Parameters<typeof checkGrowthEntry>[0]> = {}) => ({ dimension: 'moral' as const, kind: 'activity' as const, date: '2026-11-20', ...over });

describe('labour list for a grade', () => {
  it('keeps tasks whose grade span holds the grade, at both ends', () => {
    expect(labourTasksFor(growth.labourList, 1).map((t) => t.code)).toEqual(['L01', 'L02', 'L03']);
    expect(labourTasksFor(growth.labourList, 2).map((t) => t.code)).toEqual(['L01', 'L02', 'L03']);
    expect(labourTasksFor(growth.labourList, 3).map((t) => t.code)).toEqual(['L02', 'L03', 'L04', 'L05']);
    expect(labourTasksFor(growth.labourList, 5).map((t) => t.code)).toEqual(['L03', 'L04', 'L05', 'L06', 'L08']);
    expect(labourTasksFor(growth.labourList, 9).map((t) => t.code)).toEqual(['L03', 'L05', 'L06', 'L07', 'L08']);
    expect(labourTasksFor(growth.labourList, 10)).toEqual([]);
  });
});

describe('checkGrowthEntry', () => {
  it('accepts an activity in any dimension within the semester', () => {
    for (const dimension of ['moral', 'intellect', 'physical', 'aesthetic', 'labour'] as const)
      expect(checkGrowthEntry(entry({ dimension }), 3, semester, today, growth)).toEqual({ ok: true, labourTask: null });
  });
  it('accepts a labour task on the list for the grade and names it', () => {
    const r = checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour', labourCode: 'L04' }), 3, semester, today, growth);
    expect(r).toEqual({ ok: true, labourTask: expect.objectContaining({ code: 'L04', name: '择菜、洗碗、摆放餐具' }) });
  });
  it('refuses a labour task outside its grade span, citing exams.growth.labourList with the allowed codes', () => {
    const r = checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour', labourCode: 'L04' }), 2, semester, today, growth);
    expect(r).toMatchObject({ ok: false, rule: 'exams.growth.labourList', problem: 'not_on_list', grade: 2, allowed: ['L01', 'L02', 'L03'] });
    expect(checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour', labourCode: 'L04' }), 7, semester, today, growth)).toMatchObject({ ok: false });
    expect(checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour', labourCode: 'L04' }), 6, semester, today, growth)).toMatchObject({ ok: true });
  });
  it('refuses an unknown code and a labour task without a code', () => {
    expect(checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour', labourCode: 'X99' }), 3, semester, today, growth)).toMatchObject({ problem: 'not_on_list' });
    expect(checkGrowthEntry(entry({ kind: 'labour', dimension: 'labour' }), 3, semester, today, growth)).toMatchObject({ problem: 'missing' });
  });
  it('refuses a labour code on another kind', () => {
    expect(checkGrowthEntry(entry({ kind: 'award', dimension: 'labour', labourCode: 'L03' }), 3, semester, today, growth)).toMatchObject({ rule: 'exams.growth.labourOnly' });
  });
  it('binds labour, sports and art kinds to their dimension', () => {
    expect(KIND_DIMENSION).toEqual({ labour: 'labour', sports_skill: 'physical', art_skill: 'aesthetic' });
    expect(checkGrowthEntry(entry({ kind: 'sports_skill', dimension: 'aesthetic' }), 3, semester, today, growth)).toMatchObject({ rule: 'exams.growth.kindDimension', expected: 'physical' });
    expect(checkGrowthEntry(entry({ kind: 'art_skill', dimension: 'physical' }), 3, semester, today, growth)).toMatchObject({ expected: 'aesthetic' });
    expect(checkGrowthEntry(entry({ kind: 'labour', dimension: 'moral', labourCode: 'L03' }), 3, semester, today, growth)).toMatchObject({ expected: 'labour' });
    expect(checkGrowthEntry(entry({ kind: 'sports_skill', dimension: 'physical' }), 3, semester, today, growth)).toMatchObject({ ok: true });
  });
  it('takes dates from the semester start to today, both included', () => {
    expect(checkGrowthEntry(entry({ date: '2026-09-01' }), 3, semester, today, growth).ok).toBe(true);
    expect(checkGrowthEntry(entry({ date: today }), 3, semester, today, growth).ok).toBe(true);
    expect(checkGrowthEntry(entry({ date: '2026-08-31' }), 3, semester, today, growth)).toMatchObject({ rule: 'exams.growth.date', problem: 'outside_semester', to: today });
    expect(checkGrowthEntry(entry({ date: '2026-11-27' }), 3, semester, today, growth)).toMatchObject({ problem: 'future' });
    expect(checkGrowthEntry(entry({ date: '2027-01-23' }), 3, semester, '2027-02-01', growth)).toMatchObject({ problem: 'outside_semester', to: '2027-01-22' });
    expect(checkGrowthEntry(entry({ date: '2027-01-22' }), 3, semester, '2027-02-01', growth).ok).toBe(true);
  });
});

describe('skillProgress (seed 001: two sports, one art)', () => {
  it('counts distinct skills by name against the targets', () => {
    const none = skillProgress([], growth);
    expect(none.sports).toEqual({ count: 0, target: 2, met: false, skills: [] });
    expect(none.art).toEqual({ count: 0, target: 1, met: false, skills: [] });
    const one = skillProgress([{ kind: 'sports_skill', title: '跳绳' }, { kind: 'sports_skill', title: ' 跳 绳 ' }, { kind: 'activity', title: '足球' }], growth);
    expect(one.sports).toMatchObject({ count: 1, met: false, skills: ['跳绳'] });
    const met = skillProgress([{ kind: 'sports_skill', title: '跳绳' }, { kind: 'sports_skill', title: '游泳' }, { kind: 'art_skill', title: '葫芦丝' }], growth);
    expect(met.sports).toMatchObject({ count: 2, met: true });
    expect(met.art).toMatchObject({ count: 1, target: 1, met: true });
  });
  it('follows the district targets', () => {
    expect(skillProgress([{ kind: 'art_skill', title: '书法' }], { sportsSkillsTarget: 0, artSkillsTarget: 2 })).toMatchObject({ sports: { met: true }, art: { met: false, target: 2 } });
  });
});

describe('growthCompleteness', () => {
  const all = ['moral', 'intellect', 'physical', 'aesthetic', 'labour'];
  it('is complete with every dimension and a comment', () => {
    expect(growthCompleteness(all, 1)).toEqual({ complete: true, missingDimensions: [], missingComment: false });
  });
  it('names the missing dimension or the missing comment', () => {
    expect(growthCompleteness(all.slice(0, 4), 2)).toEqual({ complete: false, missingDimensions: ['labour'], missingComment: false });
    expect(growthCompleteness(all, 0)).toEqual({ complete: false, missingDimensions: [], missingComment: true });
    expect(growthCompleteness([], 0).missingDimensions).toHaveLength(5);
  });
});
