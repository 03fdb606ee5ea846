/**
 * 考试管理 · filings and results: a school files each exam (checked against the district's exam limits, each finding
 * citing the rule and policy version), refused attempts are kept as violations; results are levels (等级) only — a
 * typed score is converted at once and kept nowhere, and no answer carries a rank or orders pupils by level.
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { ExamForm, ExamType, Level } from './exams';

export const EXAM_NAME_MAX = 60;
export const EXAM_NOTE_MAX = 300;
export const EXAM_SUBJECTS_MAX = 12;
/** A typed mark is at most this (a converted score; never kept). */
export const EXAM_FULL_MARKS_MAX = 1000;

/** Every rule a filing can break. */
export const EXAM_RULES = [
  'no_paper_grades',
  'finals_per_semester',
  'midterm_grades',
  'midterms_per_semester',
  'no_weekly_monthly',
  'no_cross_school',
  'district_sample_filer',
  'district_sample_grades',
  'district_sample_per_year',
] as const;
export const ExamRule = z.enum(EXAM_RULES);
export type ExamRule = z.infer<typeof ExamRule>;
export const examRuleLabels: Record<ExamRule, { 'zh-CN': string; en: string }> = {
  no_paper_grades: { 'zh-CN': '低年级不进行纸笔考试', en: 'No paper exams in the lowest grades' },
  finals_per_semester: { 'zh-CN': '每学期期末考试次数', en: 'Finals a semester' },
  midterm_grades: { 'zh-CN': '可加期中考试的年级', en: 'Grades that may add a mid-term' },
  midterms_per_semester: { 'zh-CN': '每学期期中考试次数', en: 'Mid-terms a semester' },
  no_weekly_monthly: { 'zh-CN': '不得周考月考', en: 'No weekly or monthly tests' },
  no_cross_school: { 'zh-CN': '不组织跨校考试', en: 'No cross-school exams' },
  district_sample_filer: { 'zh-CN': '区级抽测由区县组织', en: 'The district runs its sample test' },
  district_sample_grades: { 'zh-CN': '区级抽测年级', en: 'Grade of the district sample test' },
  district_sample_per_year: { 'zh-CN': '区级抽测每学年次数', en: 'District sample tests a year' },
};

export const ExamRuleCitation = z.object({
  /** The district setting the rule reads ('exams.limits'), or 'national' (no district version). */
  key: z.enum(['exams.limits', 'national']),
  /** 0: the shipped default (no district version yet); n: the district's n-th version of the setting. */
  version: z.number().int().min(0),
  versionId: z.string().nullable(),
  effectiveFrom: LocalDate.nullable(),
  /** The rule in words with the district's numbers. */
  text: z.string(),
});
export type ExamRuleCitation = z.infer<typeof ExamRuleCitation>;

export const ExamRuleFinding = z.object({ rule: ExamRule, message: z.string(), citation: ExamRuleCitation });
export type ExamRuleFinding = z.infer<typeof ExamRuleFinding>;

export const EXAM_FILING_STATUSES = ['accepted', 'refused', 'cancelled'] as const;
export const ExamFilingStatus = z.enum(EXAM_FILING_STATUSES);
export type ExamFilingStatus = z.infer<typeof ExamFilingStatus>;
export const examFilingStatusLabels: Record<ExamFilingStatus, { 'zh-CN': string; en: string }> = {
  accepted: { 'zh-CN': '已备案', en: 'Accepted' },
  refused: { 'zh-CN': '违规（未通过）', en: 'Refused (violation)' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

const grades = z.array(z.number().int().min(1).max(9)).min(1).max(9);

/** A filing: the school's (schoolId) or, without one, the district's own (its sample test). */
export const ExamFilingInput = z.object({
  schoolId: Id.nullish().transform((v) => v ?? null),
  semesterId: Id,
  name: z.string().trim().min(1).max(EXAM_NAME_MAX),
  grades,
  subjectIds: z.array(Id).min(1).max(EXAM_SUBJECTS_MAX),
  type: ExamType,
  form: ExamForm,
  date: LocalDate,
  note: z.string().trim().max(EXAM_NOTE_MAX).nullish().transform((v) => v || null),
});
export type ExamFilingInput = z.input<typeof ExamFilingInput>;

export const ExamSubjectRef = z.object({ id: Id, name: z.string() });

export const ExamFiling = z.object({
  id: Id,
  schoolId: Id.nullable(),
  /** 区县 for the district's own filing. */
  schoolName: z.string(),
  semesterId: Id,
  semesterName: z.string(),
  name: z.string(),
  grades: z.array(z.number().int()),
  subjects: z.array(ExamSubjectRef),
  type: ExamType,
  form: ExamForm,
  date: LocalDate,
  note: z.string().nullable(),
  status: ExamFilingStatus,
  /** A refused filing's findings (the rules it broke, as cited when it was refused); empty when accepted. */
  findings: z.array(ExamRuleFinding),
  /** A refused change of this accepted filing. */
  amendsId: Id.nullable(),
  filedBy: z.string(),
  filedAt: z.string(),
  /** The school may still change or cancel it (accepted, its date not passed). */
  editable: z.boolean(),
});
export type ExamFiling = z.infer<typeof ExamFiling>;

export const ExamFilingQuery = z.object({
  semesterId: Id.optional(),
  schoolId: Id.optional(),
  status: ExamFilingStatus.optional(),
});
export const ExamFilingList = z.object({ items: z.array(ExamFiling) });
export type ExamFilingList = z.infer<typeof ExamFilingList>;

/** The rules in force on a date, in words with their versions: what the filing form shows. */
export const ExamRulesQuery = z.object({ on: LocalDate.optional() });
export const ExamRuleTexts = z.object({ on: LocalDate, rules: z.array(z.object({ rule: ExamRule, citation: ExamRuleCitation })) });
export type ExamRuleTexts = z.infer<typeof ExamRuleTexts>;

// ---------------------------------------------------------------- results (levels)

export const ExamResultsQuery = z.object({ classId: Id, subjectId: Id });

const LevelCounts = z.object({ excellent: z.number().int(), good: z.number().int(), pass: z.number().int(), not_yet: z.number().int(), missing: z.number().int() });
export type LevelCounts = z.infer<typeof LevelCounts>;

/** One class's levels in one subject of an exam, pupils in 学号 order, and only counts per level. */
export const ExamResultSheet = z.object({
  examId: Id,
  examName: z.string(),
  classId: Id,
  className: z.string(),
  subjectId: Id,
  subjectName: z.string(),
  /** The signed-in person may record this class and subject. */
  canRecord: z.boolean(),
  pupils: z.array(z.object({ studentId: Id, studentNo: z.string(), name: z.string(), level: Level.nullable() })),
  counts: LevelCounts,
});
export type ExamResultSheet = z.infer<typeof ExamResultSheet>;

/** A level, or a typed mark turned into a level at once by the district's bands (the mark is kept nowhere). */
export const ExamResultEntry = z
  .object({
    studentId: Id,
    level: Level.nullish(),
    score: z.number().min(0).max(EXAM_FULL_MARKS_MAX).nullish(),
    fullMarks: z.number().positive().max(EXAM_FULL_MARKS_MAX).nullish(),
  })
  .refine((e) => !(e.level && e.score != null), { message: '等级和分数只填一项', path: ['score'] })
  .refine((e) => e.score == null || e.score <= (e.fullMarks ?? 100), { message: '分数不能超过满分', path: ['score'] });
export const ExamResultsInput = z.object({
  classId: Id,
  subjectId: Id,
  /** The class's pupils (a pupil with neither a level nor a mark has the level taken away). */
  entries: z.array(ExamResultEntry).min(1).max(80),
});
export type ExamResultsInput = z.input<typeof ExamResultsInput>;

/** Counts per level per class and subject of an exam (never a pupil, never an order by level). */
export const ExamSummary = z.object({
  examId: Id,
  examName: z.string(),
  rows: z.array(z.object({ classId: Id, className: z.string(), subjectId: Id, subjectName: z.string(), pupils: z.number().int(), counts: LevelCounts })),
});
export type ExamSummary = z.infer<typeof ExamSummary>;

// ---------------------------------------------------------------- family

export const FamilyLevelsQuery = z.object({ studentId: Id });
export const FamilyLevels = z.object({
  studentId: Id,
  studentName: z.string(),
  exams: z.array(
    z.object({
      examId: Id,
      name: z.string(),
      type: ExamType,
      form: ExamForm,
      date: LocalDate,
      semesterName: z.string(),
      levels: z.array(z.object({ subjectId: Id, subjectName: z.string(), level: Level })),
    }),
  ),
});
export type FamilyLevels = z.infer<typeof FamilyLevels>;
