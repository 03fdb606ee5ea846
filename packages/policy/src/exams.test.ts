import { describe, expect, it } from 'vitest';
import { checkExamFiling, type ExamFilingCounts, type ExamFilingFacts, type ExamLimits, examRuleText, levelOfScore, NO_EXAM_COUNTS, schoolYearOf } from './exams';
import { examsSettings } from './exams.settings';

const limits = structuredClone(examsSettings['exams.limits'].default) as unknown as ExamLimits;
const bands = examsSettings['exams.levels'].default;
const v2 = { version: 2, versionId: 'v-2', effectiveFrom: '2026-09-01' };
const exam = (over: Partial<ExamFilingFacts>): ExamFilingFacts => ({ type: 'final', form: 'paper', grades: [3], filer: 'school', ...over });
const counts = (over: Partial<ExamFilingCounts>): ExamFilingCounts => ({ ...NO_EXAM_COUNTS, ...over });
const rules = (f: ReturnType<typeof checkExamFiling>) => f.map((x) => x.rule);

describe('no paper exams in grades 1–2 (seed 004 #22)', () => {
  it('refuses a paper exam in grade 1 or 2 and cites exams.limits with its version', () => {
    for (const g of [1, 2]) {
      const f = checkExamFiling(exam({ grades: [g] }), NO_EXAM_COUNTS, limits, v2);
      expect(rules(f)).toEqual(['no_paper_grades']);
      expect(f[0]!.citation).toMatchObject({ key: 'exams.limits', version: 2, versionId: 'v-2', effectiveFrom: '2026-09-01' });
      expect(f[0]!.citation.text).toContain('1、2年级不进行纸笔考试');
      expect(f[0]!.message).toBe(`${g}年级不得进行纸笔考试`);
    }
  });
  it('accepts a paper exam in grade 3 and a non-paper assessment in grade 1–2', () => {
    expect(checkExamFiling(exam({ grades: [3] }), NO_EXAM_COUNTS, limits)).toEqual([]);
    expect(checkExamFiling(exam({ grades: [1, 2], form: 'non_paper' }), NO_EXAM_COUNTS, limits)).toEqual([]);
  });
  it('names only the banned grades of a multi-grade paper exam', () => {
    const f = checkExamFiling(exam({ grades: [2, 3, 1] }), NO_EXAM_COUNTS, limits);
    expect(f[0]!.message).toBe('1、2年级不得进行纸笔考试');
  });
  it('follows the district number', () => {
    expect(checkExamFiling(exam({ grades: [3] }), NO_EXAM_COUNTS, { ...limits, noPaperGrades: [1, 2, 3] })).toHaveLength(1);
  });
});

describe('one final a semester', () => {
  it('accepts the first final and refuses the second for the same grade', () => {
    expect(checkExamFiling(exam({}), counts({ finalsByGrade: new Map([[4, 1]]) }), limits)).toEqual([]);
    const f = checkExamFiling(exam({ grades: [3, 4] }), counts({ finalsByGrade: new Map([[3, 1]]) }), limits);
    expect(rules(f)).toEqual(['finals_per_semester']);
    expect(f[0]!.message).toContain('3年级本学期已有1次期末考试');
    expect(f[0]!.citation.text).toBe('每个年级每学期期末考试不超过1次（严格控制考试次数）');
  });
  it('allows two when the district says two', () => {
    expect(checkExamFiling(exam({}), counts({ finalsByGrade: new Map([[3, 1]]) }), { ...limits, finalsPerSemester: 2 })).toEqual([]);
    expect(rules(checkExamFiling(exam({}), counts({ finalsByGrade: new Map([[3, 2]]) }), { ...limits, finalsPerSemester: 2 }))).toEqual(['finals_per_semester']);
  });
});

describe('junior grades may add one mid-term', () => {
  it('accepts a mid-term in grades 7–9 and refuses one in grade 6', () => {
    expect(checkExamFiling(exam({ type: 'midterm', grades: [7, 8, 9] }), NO_EXAM_COUNTS, limits)).toEqual([]);
    const f = checkExamFiling(exam({ type: 'midterm', grades: [6] }), NO_EXAM_COUNTS, limits);
    expect(rules(f)).toEqual(['midterm_grades']);
    expect(f[0]!.citation.text).toContain('只有7、8、9年级可以增加期中考试');
  });
  it('refuses a second mid-term', () => {
    expect(rules(checkExamFiling(exam({ type: 'midterm', grades: [8] }), counts({ midtermsByGrade: new Map([[8, 1]]) }), limits))).toEqual(['midterms_per_semester']);
    expect(checkExamFiling(exam({ type: 'midterm', grades: [8] }), counts({ midtermsByGrade: new Map([[8, 1]]) }), { ...limits, midtermsPerSemester: 2 })).toEqual([]);
  });
  it('a primary mid-term with midterm grades widened is accepted', () => {
    expect(checkExamFiling(exam({ type: 'midterm', grades: [5] }), NO_EXAM_COUNTS, { ...limits, midtermGrades: [5, 6, 7, 8, 9] })).toEqual([]);
  });
});

describe('no weekly or monthly tests (national rule)', () => {
  it('refuses both, citing the national rule with no district version', () => {
    for (const type of ['weekly', 'monthly'] as const) {
      const f = checkExamFiling(exam({ type, form: 'non_paper' }), NO_EXAM_COUNTS, limits, v2);
      expect(rules(f)).toEqual(['no_weekly_monthly']);
      expect(f[0]!.citation).toMatchObject({ key: 'national', version: 0, versionId: null });
    }
  });
  it('accepts a unit check in grade 3', () => {
    expect(checkExamFiling(exam({ type: 'unit' }), NO_EXAM_COUNTS, limits)).toEqual([]);
  });
});

describe('no cross-school exams', () => {
  it('refuses a joint exam unless the district allows it', () => {
    expect(rules(checkExamFiling(exam({ type: 'joint' }), NO_EXAM_COUNTS, limits))).toEqual(['no_cross_school']);
    expect(checkExamFiling(exam({ type: 'joint' }), NO_EXAM_COUNTS, { ...limits, crossSchoolAllowed: true })).toEqual([]);
  });
  it('a district-wide final is a cross-school exam', () => {
    expect(rules(checkExamFiling(exam({ filer: 'district' }), NO_EXAM_COUNTS, limits))).toEqual(['no_cross_school']);
  });
});

describe('the district sample test (seed 003)', () => {
  const sample = (over: Partial<ExamFilingFacts>) => exam({ type: 'district_sample', filer: 'district', grades: [6], ...over });
  it('accepts one grade of the sample grades, filed by the district', () => {
    expect(checkExamFiling(sample({}), NO_EXAM_COUNTS, limits)).toEqual([]);
    expect(checkExamFiling(sample({ grades: [7] }), NO_EXAM_COUNTS, limits)).toEqual([]);
  });
  it('refuses a school filing it', () => {
    expect(rules(checkExamFiling(sample({ filer: 'school' }), NO_EXAM_COUNTS, limits))).toEqual(['district_sample_filer']);
  });
  it('refuses two grades or a grade outside the list', () => {
    expect(rules(checkExamFiling(sample({ grades: [6, 7] }), NO_EXAM_COUNTS, limits))).toEqual(['district_sample_grades']);
    expect(rules(checkExamFiling(sample({ grades: [5] }), NO_EXAM_COUNTS, limits))).toEqual(['district_sample_grades']);
  });
  it('refuses a second in the school year', () => {
    const f = checkExamFiling(sample({}), counts({ districtSamplesInYear: 1 }), limits);
    expect(rules(f)).toEqual(['district_sample_per_year']);
    expect(f[0]!.citation.text).toContain('每学年不超过1次，结果不排名');
    expect(checkExamFiling(sample({}), counts({ districtSamplesInYear: 1 }), { ...limits, districtSamplePerYear: 2 })).toEqual([]);
  });
});

it('several rules at once', () => {
  expect(rules(checkExamFiling(exam({ type: 'monthly', grades: [1] }), NO_EXAM_COUNTS, limits))).toEqual(['no_paper_grades', 'no_weekly_monthly']);
});

it('every rule has words', () => {
  for (const r of ['no_paper_grades', 'finals_per_semester', 'midterm_grades', 'midterms_per_semester', 'no_weekly_monthly', 'no_cross_school', 'district_sample_filer', 'district_sample_grades', 'district_sample_per_year'] as const)
    expect(examRuleText(r, limits).length).toBeGreaterThan(10);
});

describe('levelOfScore (exams.levels bands 9000 / 8000 / 6000)', () => {
  it('puts each band edge in the band above', () => {
    expect(levelOfScore(90, 100, bands)).toBe('excellent');
    expect(levelOfScore(89.99, 100, bands)).toBe('good');
    expect(levelOfScore(80, 100, bands)).toBe('good');
    expect(levelOfScore(79.5, 100, bands)).toBe('pass');
    expect(levelOfScore(60, 100, bands)).toBe('pass');
    expect(levelOfScore(59.99, 100, bands)).toBe('not_yet');
    expect(levelOfScore(0, 100, bands)).toBe('not_yet');
    expect(levelOfScore(150, 150, bands)).toBe('excellent');
    expect(levelOfScore(135, 150, bands)).toBe('excellent');
    expect(levelOfScore(134.5, 150, bands)).toBe('good');
  });
  it('follows the district bands', () => {
    expect(levelOfScore(85, 100, { excellentBp: 8500, goodBp: 7000, passBp: 5000 })).toBe('excellent');
  });
  it('refuses an impossible score', () => {
    expect(() => levelOfScore(101, 100, bands)).toThrow(RangeError);
    expect(() => levelOfScore(-1, 100, bands)).toThrow(RangeError);
    expect(() => levelOfScore(1, 0, bands)).toThrow(RangeError);
  });
});

it('schoolYearOf', () => {
  expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
  expect(schoolYearOf('2027-02-22')).toBe('2026-2027');
  expect(schoolYearOf('2026-08-20')).toBe('2026-2027');
  expect(schoolYearOf('2026-03-02')).toBe('2025-2026');
});
