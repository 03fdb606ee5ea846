/**
 * 校外培训监管 · rule checks: the rules a course, a package, a timetable entry or a recorded lesson is held to, each
 * finding citing the rule in words and the district policy version it applied (training.prices / training.lessons /
 * training.packages; the non-profit rule is national law and cites no setting). Also the answers of the rules area:
 * filed timetables (training_schedules) and recorded violations (training_violations).
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { HhMm } from './after-school-plan';
import { LessonMode, TRAINING_CLASS_SIZE_MAX, TRAINING_LESSON_MINUTES_MAX, TRAINING_NAME_MAX, TRAINING_REASON_MAX } from './training';

/** Every rule code a finding can carry. */
export const TRAINING_RULES = [
  'price_cap',
  'price_length',
  'class_size_band',
  'lesson_length_offline',
  'lesson_length_online',
  'online_break',
  'end_time_offline',
  'end_time_online',
  'subject_weekend',
  'subject_holiday',
  'subject_vacation',
  'package_lessons',
  'package_months',
  'subject_non_profit',
] as const;
export const TrainingRule = z.enum(TRAINING_RULES);
export type TrainingRule = z.infer<typeof TrainingRule>;
export const trainingRuleLabels: Record<TrainingRule, { 'zh-CN': string; en: string }> = {
  price_cap: { 'zh-CN': '收费上限', en: 'Price cap' },
  price_length: { 'zh-CN': '非标准课时收费', en: 'Price of a non-standard lesson length' },
  class_size_band: { 'zh-CN': '班额', en: 'Class size' },
  lesson_length_offline: { 'zh-CN': '线下课时长', en: 'Offline lesson length' },
  lesson_length_online: { 'zh-CN': '线上课时长', en: 'Online lesson length' },
  online_break: { 'zh-CN': '线上课间休息', en: 'Online break' },
  end_time_offline: { 'zh-CN': '线下结束时间', en: 'Offline end time' },
  end_time_online: { 'zh-CN': '线上结束时间', en: 'Online end time' },
  subject_weekend: { 'zh-CN': '学科类周末培训', en: 'Subject training at weekends' },
  subject_holiday: { 'zh-CN': '学科类节假日培训', en: 'Subject training on holidays' },
  subject_vacation: { 'zh-CN': '学科类寒暑假培训', en: 'Subject training in vacations' },
  package_lessons: { 'zh-CN': '一次收费课时数', en: 'Lessons per prepaid package' },
  package_months: { 'zh-CN': '一次收费时长', en: 'Months per prepaid package' },
  subject_non_profit: { 'zh-CN': '学科类非营利', en: 'Subject training non-profit' },
};

export const TRAINING_CATEGORIES = ['subject', 'non_subject'] as const;
export const TrainingCategory = z.enum(TRAINING_CATEGORIES);
export type TrainingCategory = z.infer<typeof TrainingCategory>;

/** What a rule is read from: a district setting, or 'national' (law; no district version). */
export const TRAINING_RULE_SOURCES = ['training.prices', 'training.lessons', 'training.packages', 'national'] as const;
export const TrainingRuleSource = z.enum(TRAINING_RULE_SOURCES);
export type TrainingRuleSource = z.infer<typeof TrainingRuleSource>;

export const TrainingRuleCitation = z.object({
  key: TrainingRuleSource,
  /** 0: the shipped default (no district version yet); n: the district's n-th version of the setting. */
  version: z.number().int().min(0),
  /** The policy store's version id (null for the shipped default or national law). */
  versionId: z.string().nullable(),
  /** From when that version applies (null for the shipped default or national law). */
  effectiveFrom: LocalDate.nullable(),
  /** The rule in words with its numbers, e.g. 学科类每生每课时小班（1—10人）不超过35元，上浮不超过10%. */
  text: z.string(),
});
export type TrainingRuleCitation = z.infer<typeof TrainingRuleCitation>;

export const TRAINING_FINDING_SEVERITIES = ['error', 'warning'] as const;
export const TrainingRuleFinding = z.object({
  rule: TrainingRule,
  severity: z.enum(TRAINING_FINDING_SEVERITIES),
  /** A Chinese sentence with the numbers: 每课时38.60元，超过小班（1—10人）上限38.50元（35元上浮10%）. */
  message: z.string(),
  citation: TrainingRuleCitation,
});
export type TrainingRuleFinding = z.infer<typeof TrainingRuleFinding>;

/** The answer of a check: ok when no finding is an error. */
export const TrainingRuleCheck = z.object({ ok: z.boolean(), findings: z.array(TrainingRuleFinding) });
export type TrainingRuleCheck = z.infer<typeof TrainingRuleCheck>;

/** "Check a course now" (the filing form, while typing). */
export const TrainingCourseCheckInput = z.object({
  category: TrainingCategory,
  mode: LessonMode,
  lessonMinutes: z.number().int().min(1).max(TRAINING_LESSON_MINUTES_MAX),
  maxClassSize: z.number().int().min(1).max(TRAINING_CLASS_SIZE_MAX),
  pricePerLessonFen: z.number().int().min(0).max(100_000_000),
  /** The date to judge by; today when absent. */
  on: LocalDate.optional(),
});
export type TrainingCourseCheckInput = z.infer<typeof TrainingCourseCheckInput>;

/** One rule as it is in force: the rules page. */
export const TrainingRuleText = z.object({ rule: TrainingRule, label: z.string(), citation: TrainingRuleCitation });
export const TrainingRuleTexts = z.object({ on: LocalDate, rules: z.array(TrainingRuleText) });
export type TrainingRuleTexts = z.infer<typeof TrainingRuleTexts>;

export const TRAINING_VENUE_NAME_MAX = TRAINING_NAME_MAX;

/** A timetable entry an institution files for one of its courses: every week on a weekday, or on one date. */
export const TrainingScheduleInput = z
  .object({
    courseId: Id,
    /** ISO weekday 1 (Monday) … 7 (Sunday) for a weekly entry; null for a one-date entry. */
    weekday: z.number().int().min(1).max(7).nullable().default(null),
    date: LocalDate.nullable().default(null),
    startTime: HhMm,
    endTime: HhMm,
    venueName: z.string().trim().max(TRAINING_VENUE_NAME_MAX).nullable().default(null),
  })
  .refine((v) => (v.weekday === null) !== (v.date === null), { message: '每周几与具体日期应填且只填一项', path: ['weekday'] })
  .refine((v) => v.startTime < v.endTime, { message: '结束时间应晚于开始时间', path: ['endTime'] });
export type TrainingScheduleInput = z.input<typeof TrainingScheduleInput>;

export const TrainingSchedule = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  courseId: Id,
  courseName: z.string(),
  category: TrainingCategory,
  mode: LessonMode,
  weekday: z.number().int().nullable(),
  date: LocalDate.nullable(),
  startTime: z.string(),
  endTime: z.string(),
  venueName: z.string().nullable(),
  /** Warnings the entry was filed with (errors refuse it). */
  findings: z.array(TrainingRuleFinding),
  createdAt: z.string(),
});
export type TrainingSchedule = z.infer<typeof TrainingSchedule>;
export const TrainingScheduleList = z.object({ items: z.array(TrainingSchedule) });
export const TrainingScheduleQuery = z.object({ institutionId: Id.optional(), courseId: Id.optional() });

export const TRAINING_VIOLATION_SUBJECTS = ['course', 'package', 'schedule', 'lesson', 'order'] as const;
export const TrainingViolationSubject = z.enum(TRAINING_VIOLATION_SUBJECTS);
export type TrainingViolationSubject = z.infer<typeof TrainingViolationSubject>;
export const trainingViolationSubjectLabels: Record<TrainingViolationSubject, { 'zh-CN': string; en: string }> = {
  course: { 'zh-CN': '课程', en: 'Course' },
  package: { 'zh-CN': '课时包', en: 'Package' },
  schedule: { 'zh-CN': '课表', en: 'Timetable' },
  lesson: { 'zh-CN': '上课记录', en: 'Lesson' },
  order: { 'zh-CN': '订单', en: 'Order' },
};
export const TRAINING_VIOLATION_STATUSES = ['open', 'resolved'] as const;
export const TrainingViolationStatus = z.enum(TRAINING_VIOLATION_STATUSES);
export type TrainingViolationStatus = z.infer<typeof TrainingViolationStatus>;

export const TrainingViolation = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  subjectKind: TrainingViolationSubject,
  subjectId: z.string().nullable(),
  subjectLabel: z.string(),
  rule: TrainingRule,
  message: z.string(),
  citation: TrainingRuleCitation,
  occurredOn: LocalDate,
  status: TrainingViolationStatus,
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TrainingViolation = z.infer<typeof TrainingViolation>;

export const TrainingViolationQuery = z.object({
  institutionId: Id.optional(),
  rule: TrainingRule.optional(),
  status: TrainingViolationStatus.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TrainingViolationQuery = z.input<typeof TrainingViolationQuery>;
export const TrainingViolationList = z.object({ items: z.array(TrainingViolation), total: z.number().int() });
export type TrainingViolationList = z.infer<typeof TrainingViolationList>;

export const TrainingViolationResolveInput = z.object({ note: z.string().trim().min(1).max(TRAINING_REASON_MAX) });
export const TrainingRuleTextsQuery = z.object({ on: LocalDate.optional() });

/** A course the institution may file timetable entries for. */
export const TrainingScheduleCourse = z.object({ id: Id, name: z.string(), category: TrainingCategory, mode: LessonMode, lessonMinutes: z.number().int(), institutionName: z.string() });
export type TrainingScheduleCourse = z.infer<typeof TrainingScheduleCourse>;
