/**
 * 满意度调查 rules: whether a family's answer fits the questionnaire, the tally of a group's answers, and the small
 * group rule (a group with fewer answers than 'after-school.surveyMinGroup' shows no result, so no answer can be
 * traced to a family).
 */
import type { LocalDate } from './dates';

export type SurveyKind = 'single' | 'multiple' | 'rating' | 'text';
export interface SurveyQuestionRule {
  kind: SurveyKind;
  options: readonly string[];
  required: boolean;
  satisfaction: boolean;
}
export interface SurveyAnswerRule {
  choice?: number;
  choices?: readonly number[];
  rating?: number;
  text?: string;
}

export interface AnswerProblem {
  /** 0-based question index. */
  question: number;
  problem: 'missing' | 'wrong_kind' | 'bad_option' | 'duplicate_option' | 'bad_rating' | 'too_many';
}

export const answerProblemText: Record<AnswerProblem['problem'], string> = {
  missing: '这是必答题',
  wrong_kind: '答案与题型不符',
  bad_option: '没有这个选项',
  duplicate_option: '选项重复',
  bad_rating: '评分应为 1–5',
  too_many: '答案比题目多',
};

const given = (a: SurveyAnswerRule | undefined) =>
  !!a && (a.choice !== undefined || (a.choices?.length ?? 0) > 0 || a.rating !== undefined || (a.text?.trim().length ?? 0) > 0);

/** Every problem of an answer sheet against its questions (empty: the sheet is acceptable). */
export function checkAnswers(questions: readonly SurveyQuestionRule[], answers: readonly SurveyAnswerRule[]): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (answers.length > questions.length) problems.push({ question: questions.length, problem: 'too_many' });
  questions.forEach((q, i) => {
    const a = answers[i];
    if (!given(a)) {
      if (q.required) problems.push({ question: i, problem: 'missing' });
      return;
    }
    const fields = [a!.choice !== undefined, (a!.choices?.length ?? 0) > 0, a!.rating !== undefined, (a!.text?.trim().length ?? 0) > 0];
    const expected = { single: 0, multiple: 1, rating: 2, text: 3 }[q.kind];
    if (fields.some((f, n) => f && n !== expected)) {
      problems.push({ question: i, problem: 'wrong_kind' });
      return;
    }
    if (q.kind === 'single' && (a!.choice! < 0 || a!.choice! >= q.options.length)) problems.push({ question: i, problem: 'bad_option' });
    if (q.kind === 'multiple') {
      const c = a!.choices!;
      if (c.some((x) => x < 0 || x >= q.options.length)) problems.push({ question: i, problem: 'bad_option' });
      else if (new Set(c).size !== c.length) problems.push({ question: i, problem: 'duplicate_option' });
    }
    if (q.kind === 'rating' && (!Number.isInteger(a!.rating) || a!.rating! < 1 || a!.rating! > 5)) problems.push({ question: i, problem: 'bad_rating' });
  });
  return problems;
}

/** The answer sheet as stored: one entry per question, only the field of its kind, skipped questions as null. */
export function normaliseAnswers(questions: readonly SurveyQuestionRule[], answers: readonly SurveyAnswerRule[]): (SurveyAnswerRule | null)[] {
  return questions.map((q, i) => {
    const a = answers[i];
    if (!given(a)) return null;
    if (q.kind === 'single') return { choice: a!.choice! };
    if (q.kind === 'multiple') return { choices: [...a!.choices!].sort((x, y) => x - y) };
    if (q.kind === 'rating') return { rating: a!.rating! };
    return { text: a!.text!.trim() };
  });
}

/** The overall satisfaction rating (1–5) of a sheet, if the survey has that question and the family answered it. */
export function satisfactionOf(questions: readonly SurveyQuestionRule[], answers: readonly (SurveyAnswerRule | null)[]): number | null {
  const i = questions.findIndex((q) => q.satisfaction);
  return i >= 0 ? (answers[i]?.rating ?? null) : null;
}

export interface QuestionTally {
  kind: SurveyKind;
  answered: number;
  counts: number[];
  /** Average rating ×100, rounded half up to an integer (4.255 → 426); null without ratings. */
  averageX100: number | null;
  texts: string[];
}

/** Tallies a group's sheets, question by question. */
export function tallySurvey(questions: readonly SurveyQuestionRule[], sheets: readonly (readonly (SurveyAnswerRule | null)[])[]): QuestionTally[] {
  return questions.map((q, i) => {
    const counts = q.kind === 'rating' ? [0, 0, 0, 0, 0] : q.kind === 'text' ? [] : q.options.map(() => 0);
    const texts: string[] = [];
    let answered = 0;
    let ratingSum = 0;
    for (const sheet of sheets) {
      const a = sheet[i];
      if (!a) continue;
      if (q.kind === 'single' && a.choice !== undefined && a.choice < counts.length) counts[a.choice]!++;
      else if (q.kind === 'multiple' && a.choices) a.choices.forEach((c) => c < counts.length && counts[c]!++);
      else if (q.kind === 'rating' && a.rating) {
        counts[a.rating - 1]!++;
        ratingSum += a.rating;
      } else if (q.kind === 'text' && a.text) texts.push(a.text);
      else continue;
      answered++;
    }
    const averageX100 = q.kind === 'rating' && answered ? Math.floor((ratingSum * 200 + answered) / (2 * answered)) : null;
    return { kind: q.kind, answered, counts, averageX100, texts };
  });
}

/** 'after-school.surveyMinGroup': a group with fewer answers than the minimum shows nothing. */
export function groupShown(answers: number, minGroup: number): boolean {
  return answers >= minGroup;
}

export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'closed';
/** Where a survey stands on a date: answers are taken from its first day to its last, inclusive. */
export function surveyPhase(s: { sent: boolean; opensOn: LocalDate; closesOn: LocalDate }, today: LocalDate): SurveyPhase {
  if (!s.sent) return 'draft';
  if (today < s.opensOn) return 'scheduled';
  return today > s.closesOn ? 'closed' : 'open';
}
