import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers, groupShown, normaliseAnswers, satisfactionOf, type SurveyQuestionRule, surveyPhase, tallySurvey } from './after-school-survey';

const q = (kind: SurveyQuestionRule['kind'], extra: Partial<SurveyQuestionRule> = {}): SurveyQuestionRule => ({
  kind,
  options: kind === 'single' || kind === 'multiple' ? ['满意', '一般', '不满意'] : [],
  required: true,
  satisfaction: false,
  ...extra,
});
const questions = [q('rating', { satisfaction: true }), q('single'), q('multiple'), q('text', { required: false })];

describe('checkAnswers', () => {
  it('accepts a sheet that fits every question, an optional text left empty', () => {
    expect(checkAnswers(questions, [{ rating: 5 }, { choice: 0 }, { choices: [0, 2] }])).toEqual([]);
    expect(checkAnswers(questions, [{ rating: 1 }, { choice: 2 }, { choices: [1] }, { text: '  ' }])).toEqual([]);
  });
  it('names the question a required answer is missing from', () => {
    expect(checkAnswers(questions, [{}, { choice: 0 }, { choices: [] }])).toEqual([
      { question: 0, problem: 'missing' },
      { question: 2, problem: 'missing' },
    ]);
  });
  it('refuses an answer of another kind, an option that does not exist, a repeated option, a rating out of 1–5', () => {
    expect(checkAnswers(questions, [{ choice: 1 }, { choice: 0 }, { choices: [0] }])).toEqual([{ question: 0, problem: 'wrong_kind' }]);
    expect(checkAnswers(questions, [{ rating: 3 }, { choice: 3 }, { choices: [0] }])).toEqual([{ question: 1, problem: 'bad_option' }]);
    expect(checkAnswers(questions, [{ rating: 3 }, { choice: 0 }, { choices: [1, 1] }])).toEqual([{ question: 2, problem: 'duplicate_option' }]);
    expect(checkAnswers(questions, [{ rating: 6 }, { choice: 0 }, { choices: [1] }])).toEqual([{ question: 0, problem: 'bad_rating' }]);
    expect(checkAnswers(questions, [{ rating: 0 }, { choice: 0 }, { choices: [5] }])).toEqual([
      { question: 0, problem: 'bad_rating' },
      { question: 2, problem: 'bad_option' },
    ]);
  });
  it('refuses more answers than questions', () => {
    expect(checkAnswers([q('rating')], [{ rating: 3 }, { rating: 3 }])).toEqual([{ question: 1, problem: 'too_many' }]);
  });
});

describe('normaliseAnswers and satisfactionOf', () => {
  it('keeps only the field of each kind, sorts multiple choices, stores skipped questions as null', () => {
    const sheet = normaliseAnswers(questions, [{ rating: 4 }, { choice: 1 }, { choices: [2, 0] }, { text: ' 很好 ' }]);
    expect(sheet).toEqual([{ rating: 4 }, { choice: 1 }, { choices: [0, 2] }, { text: '很好' }]);
    expect(normaliseAnswers(questions, [{ rating: 4 }, { choice: 1 }, { choices: [1] }])[3]).toBeNull();
    expect(satisfactionOf(questions, sheet)).toBe(4);
    expect(satisfactionOf([q('rating')], [{ rating: 2 }])).toBeNull();
  });
});

describe('tallySurvey', () => {
  it('counts options and scores, averages ratings ×100 rounded half up, collects texts', () => {
    const sheets = [
      [{ rating: 5 }, { choice: 0 }, { choices: [0, 1] }, { text: '希望多开体育课' }],
      [{ rating: 4 }, { choice: 0 }, { choices: [1] }, null],
      [{ rating: 4 }, { choice: 2 }, { choices: [2] }, null],
    ];
    const [rating, single, multiple, text] = tallySurvey(questions, sheets);
    expect(rating).toEqual({ kind: 'rating', answered: 3, counts: [0, 0, 0, 2, 1], averageX100: 433, texts: [] });
    expect(single!.counts).toEqual([2, 0, 1]);
    expect(multiple).toMatchObject({ answered: 3, counts: [1, 2, 1] });
    expect(text).toMatchObject({ answered: 1, texts: ['希望多开体育课'], averageX100: null });
  });
  it('rounds half up: 4.5 → 450, (5+4)/2 and (1+2+2)/3 = 1.666… → 167', () => {
    expect(tallySurvey([q('rating')], [[{ rating: 5 }], [{ rating: 4 }]])[0]!.averageX100).toBe(450);
    expect(tallySurvey([q('rating')], [[{ rating: 1 }], [{ rating: 2 }], [{ rating: 2 }]])[0]!.averageX100).toBe(167);
    expect(tallySurvey([q('rating')], [])[0]!.averageX100).toBeNull();
  });
  it('the average always lies between the lowest and highest rating given, and counts add up to the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (ratings) => {
        const [t] = tallySurvey([q('rating')], ratings.map((r) => [{ rating: r }]));
        expect(t!.counts.reduce((a, b) => a + b, 0)).toBe(ratings.length);
        expect(t!.averageX100!).toBeGreaterThanOrEqual(Math.min(...ratings) * 100);
        expect(t!.averageX100!).toBeLessThanOrEqual(Math.max(...ratings) * 100);
      }),
    );
  });
});

describe('groupShown (after-school.surveyMinGroup, default 5)', () => {
  it('shows a group of exactly the minimum and withholds one fewer', () => {
    expect(groupShown(5, 5)).toBe(true);
    expect(groupShown(4, 5)).toBe(false);
    expect(groupShown(0, 1)).toBe(false);
  });
});

describe('surveyPhase', () => {
  const s = { sent: true, opensOn: '2026-12-01', closesOn: '2026-12-10' };
  it('is open from the first to the last day inclusive', () => {
    expect(surveyPhase(s, '2026-11-30')).toBe('scheduled');
    expect(surveyPhase(s, '2026-12-01')).toBe('open');
    expect(surveyPhase(s, '2026-12-10')).toBe('open');
    expect(surveyPhase(s, '2026-12-11')).toBe('closed');
    expect(surveyPhase({ ...s, sent: false }, '2026-12-05')).toBe('draft');
  });
});
