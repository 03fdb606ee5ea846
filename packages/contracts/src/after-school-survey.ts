/**
 * 课后服务满意度调查 (after-school satisfaction surveys): the questionnaire the district or a school builds, whom it
 * reaches, a family's answer, and the results per group (school, grade or course) with small groups withheld.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, pageOf, Paging, Text } from './common';

export const SURVEY_QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export const SurveyQuestionKind = z.enum(SURVEY_QUESTION_KINDS);
export type SurveyQuestionKind = z.infer<typeof SurveyQuestionKind>;
export const surveyQuestionKindLabels: Record<SurveyQuestionKind, { 'zh-CN': string; en: string }> = {
  single: { 'zh-CN': '单选', en: 'Single choice' },
  multiple: { 'zh-CN': '多选', en: 'Multiple choice' },
  rating: { 'zh-CN': '评分（1–5）', en: 'Rating (1–5)' },
  text: { 'zh-CN': '文字', en: 'Text' },
};

export const SURVEY_TITLE_MAX = 60;
export const SURVEY_INTRO_MAX = 500;
export const SURVEY_QUESTIONS_MAX = 30;
export const SURVEY_QUESTION_TEXT_MAX = 200;
export const SURVEY_OPTIONS_MAX = 10;
export const SURVEY_OPTION_TEXT_MAX = 60;
export const SURVEY_TEXT_ANSWER_MAX = 500;
export const SURVEY_RATING_MAX = 5;
/** Longest a survey stays open. */
export const SURVEY_OPEN_DAYS_MAX = 90;

export const SurveyQuestion = z
  .object({
    kind: SurveyQuestionKind,
    text: Text(SURVEY_QUESTION_TEXT_MAX),
    options: z.array(Text(SURVEY_OPTION_TEXT_MAX)).max(SURVEY_OPTIONS_MAX).default([]),
    required: z.boolean().default(true),
    /** The overall satisfaction rating (总体满意度): feeds the district's dashboards. Only on a rating question. */
    satisfaction: z.boolean().default(false),
  })
  .superRefine((q, c) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2) c.addIssue({ code: 'custom', path: ['options'], message: '选择题至少要有 2 个选项' });
    if (!choice && q.options.length) c.addIssue({ code: 'custom', path: ['options'], message: '只有选择题有选项' });
    if (new Set(q.options).size !== q.options.length) c.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
    if (q.satisfaction && q.kind !== 'rating') c.addIssue({ code: 'custom', path: ['satisfaction'], message: '总体满意度只能是评分题' });
  });
export type SurveyQuestion = z.output<typeof SurveyQuestion>;

export const SurveyAudience = z.object({
  /** Schools whose families it reaches; empty: every school (a district survey) or the school itself. */
  schoolIds: z.array(Id).max(500).default([]),
  /** Grades 1–9; empty: every grade. */
  grades: z.array(z.number().int().min(1).max(9)).max(9).default([]),
  /** Families of children enrolled in these after-school courses; empty: not narrowed by course. */
  courseIds: z.array(Id).max(200).default([]),
});
export type SurveyAudience = z.output<typeof SurveyAudience>;

export const SurveyInput = z
  .object({
    title: Text(SURVEY_TITLE_MAX),
    intro: OptionalText(SURVEY_INTRO_MAX),
    /** The school that runs it; null: the district's own survey. */
    schoolId: Id.nullable(),
    audience: SurveyAudience,
    /** Open for answers from this day to that day, inclusive, in the district's time zone. */
    opensOn: LocalDate,
    closesOn: LocalDate,
    questions: z.array(SurveyQuestion).min(1, { message: '至少要有一道题' }).max(SURVEY_QUESTIONS_MAX),
  })
  .superRefine((s, c) => {
    if (s.closesOn < s.opensOn) c.addIssue({ code: 'custom', path: ['closesOn'], message: '截止日期不能早于开始日期' });
    else if (Date.parse(s.closesOn) - Date.parse(s.opensOn) > SURVEY_OPEN_DAYS_MAX * 86_400_000)
      c.addIssue({ code: 'custom', path: ['closesOn'], message: `调查最多开放 ${SURVEY_OPEN_DAYS_MAX} 天` });
    if (s.questions.filter((q) => q.satisfaction).length > 1)
      c.addIssue({ code: 'custom', path: ['questions'], message: '只能有一道总体满意度题' });
  });
export type SurveyInput = z.output<typeof SurveyInput>;

export const SURVEY_STATUSES = ['draft', 'sent'] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);

export const Survey = z.object({
  id: Id,
  title: z.string(),
  intro: z.string().nullable(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  audience: SurveyAudience,
  opensOn: LocalDate,
  closesOn: LocalDate,
  questions: z.array(SurveyQuestion),
  status: SurveyStatus,
  /** open: between its days and sent; closed: past its last day. */
  phase: z.enum(['draft', 'scheduled', 'open', 'closed']),
  recipients: z.number().int(),
  answered: z.number().int(),
  createdAt: z.string(),
  /** The reader may change and send it (its owner: the district, or the school). */
  canEdit: z.boolean(),
});
export type Survey = z.output<typeof Survey>;
export const SurveyList = z.object({ items: z.array(Survey) });

/** One question's answer: `choice` (single), `choices` (multiple), `rating` 1–5, or `text`; all empty = skipped. */
export const SurveyAnswerValue = z.object({
  choice: z.number().int().min(0).max(SURVEY_OPTIONS_MAX - 1).optional(),
  choices: z.array(z.number().int().min(0).max(SURVEY_OPTIONS_MAX - 1)).max(SURVEY_OPTIONS_MAX).optional(),
  rating: z.number().int().min(1).max(SURVEY_RATING_MAX).optional(),
  text: z.string().trim().max(SURVEY_TEXT_ANSWER_MAX).optional(),
});
export type SurveyAnswerValue = z.output<typeof SurveyAnswerValue>;

export const SurveyAnswerInput = z.object({
  studentId: Id,
  /** One per question, in the survey's order. */
  answers: z.array(SurveyAnswerValue).max(SURVEY_QUESTIONS_MAX),
});

/** A survey waiting for (or answered by) a family, per child it reached. */
export const FamilySurvey = z.object({
  surveyId: Id,
  studentId: Id,
  studentName: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  opensOn: LocalDate,
  closesOn: LocalDate,
  open: z.boolean(),
  answered: z.boolean(),
  questions: z.array(SurveyQuestion),
});
export type FamilySurvey = z.output<typeof FamilySurvey>;
export const FamilySurveyList = z.object({ items: z.array(FamilySurvey) });
export const FamilySurveyQuery = z.object({ studentId: Id });
export const SurveyAnswered = z.object({ ok: z.literal(true) });

export const SURVEY_GROUP_BY = ['school', 'grade', 'course'] as const;
export const SurveyResultsQuery = z.object({ groupBy: z.enum(SURVEY_GROUP_BY).default('school') });

export const QuestionResult = z.object({
  kind: SurveyQuestionKind,
  /** Answers that answered this question (skipped ones not counted). */
  answered: z.number().int(),
  /** Per option (choice kinds) or per score 1–5 (rating): how many chose it. */
  counts: z.array(z.number().int()),
  /** Rating: the average ×100 as an integer (4.25 → 425); null otherwise or with no answers. */
  averageX100: z.number().int().nullable(),
  /** Text answers, only in a group shown: the first SURVEY_TEXTS_PAGE of them (the rest page by page at …/texts). */
  texts: z.array(z.string()),
  /** Every text answer of the question in the group (0 for the other kinds). */
  textsTotal: z.number().int(),
});
export type QuestionResult = z.output<typeof QuestionResult>;

export const SurveyGroupResult = z.object({
  key: z.string(),
  label: z.string(),
  recipients: z.number().int(),
  answers: z.number().int(),
  /** Fewer answers than the district's minimum: no result is given. */
  withheld: z.boolean(),
  questions: z.array(QuestionResult).nullable(),
});
export type SurveyGroupResult = z.output<typeof SurveyGroupResult>;

export const SurveyResults = z.object({
  survey: Survey,
  groupBy: z.enum(SURVEY_GROUP_BY),
  minGroup: z.number().int(),
  /** The rule applied, and its version ('after-school.surveyMinGroup@…'; null: the shipped default). */
  rule: z.literal('after-school.surveyMinGroup'),
  policyVersions: z.string().nullable(),
  /** Everything the reader may see taken together (also withheld when too small). */
  overall: SurveyGroupResult,
  groups: z.array(SurveyGroupResult),
});
export type SurveyResults = z.output<typeof SurveyResults>;

/** Text answers a question's card shows at once; the rest come page by page. */
export const SURVEY_TEXTS_PAGE = 10;
/** The results workbook holds every text answer; past this many lines it is refused (400). */
export const SURVEY_EXPORT_MAX_ROWS = 50_000;
/** A page of one text question's answers in one group (key as in the results; 'all' for everything the reader may see). */
export const SurveyTextsQuery = z.object({
  groupBy: z.enum(SURVEY_GROUP_BY).default('school'),
  group: z.string().trim().min(1).max(64).default('all'),
  /** The question's position in the survey, from 0. */
  question: z.coerce.number().int().min(0).max(SURVEY_QUESTIONS_MAX - 1),
  ...Paging,
});
export type SurveyTextsQuery = z.output<typeof SurveyTextsQuery>;
/** In a stable order (the answer's id: answers are anonymous and carry no time). */
export const SurveyTextPage = pageOf(z.string());
export type SurveyTextPage = z.infer<typeof SurveyTextPage>;
