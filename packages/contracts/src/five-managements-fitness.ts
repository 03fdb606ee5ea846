/**
 * 体质管理 requests and answers: a class's daily activity record (大课间, PE lesson, eye exercises, minutes of activity),
 * the week per class, and the national student fitness test (国家学生体质健康标准) imported from its Excel layout, its
 * pass rates per school and grade, and a child's latest result for the family (level only: no rank, no comparison).
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText } from './common';
import { RowError } from './roster';

export const BIG_BREAK_MINUTES_MAX = 120;
export const ACTIVITY_MINUTES_MAX = 240;
export const EYE_EXERCISES_MAX = 5;
export const FITNESS_NOTE_MAX = 200;
export const FITNESS_IMPORT_ROWS_MAX = 5000;

/** The test items of the standard (2014): the column each is read from; 体重指数 is computed from 身高 and 体重. */
export const FITNESS_ITEMS = [
  { key: 'bmi', header: '体重指数' },
  { key: 'vitalCapacity', header: '肺活量' },
  { key: 'sprint50', header: '50米跑' },
  { key: 'sitReach', header: '坐位体前屈' },
  { key: 'ropeSkip', header: '一分钟跳绳' },
  { key: 'sitUps', header: '一分钟仰卧起坐' },
  { key: 'shuttle50x8', header: '50米×8往返跑' },
  { key: 'standingJump', header: '立定跳远' },
  { key: 'pullUps', header: '引体向上' },
  { key: 'run800', header: '800米跑' },
  { key: 'run1000', header: '1000米跑' },
] as const;
export type FitnessItemKey = (typeof FITNESS_ITEMS)[number]['key'];
export const FitnessItemKey = z.enum(FITNESS_ITEMS.map((i) => i.key) as [FitnessItemKey, ...FitnessItemKey[]]);

/** Identity columns of the layout (年级编号 11–16 primary, 21–23 junior; 性别 1 男 2 女). */
export const FITNESS_ID_HEADERS = ['年级编号', '班级编号', '班级名称', '学籍号', '民族代码', '姓名', '性别', '出生日期', '身高', '体重'] as const;
export const FITNESS_TOTAL_HEADERS = ['标准分', '附加分', '总分', '等级'] as const;
/** Headers the import cannot do without. */
export const FITNESS_REQUIRED_HEADERS = ['年级编号', '学籍号', '姓名', '性别', ...FITNESS_TOTAL_HEADERS] as const;

export const FitnessLevel = z.enum(['excellent', 'good', 'pass', 'fail']);
export type FitnessLevel = z.infer<typeof FitnessLevel>;
export const FitnessCheckItem = z.enum(['bigBreak', 'eye', 'activity', 'pe']);
export type FitnessCheckItem = z.infer<typeof FitnessCheckItem>;

/** One rule applied: what it asks, what was recorded, the rule in words, the setting and its version (0 = default). */
export const FitnessFinding = z.object({
  item: FitnessCheckItem,
  ok: z.boolean(),
  required: z.number().int(),
  actual: z.number().int(),
  rule: z.string(),
  key: z.literal('five-managements.fitness'),
  version: z.number().int(),
  versionId: Id.nullable(),
});
export type FitnessFinding = z.infer<typeof FitnessFinding>;

export const FitnessActivity = z.object({
  bigBreakMinutes: z.number().int().min(0).max(BIG_BREAK_MINUTES_MAX),
  peLesson: z.boolean(),
  eyeExercises: z.number().int().min(0).max(EYE_EXERCISES_MAX),
  activityMinutes: z.number().int().min(0).max(ACTIVITY_MINUTES_MAX),
});
export type FitnessActivity = z.infer<typeof FitnessActivity>;

export const FitnessDayInput = FitnessActivity.extend({ classId: Id, date: LocalDate, note: OptionalText(FITNESS_NOTE_MAX) });
export type FitnessDayInput = z.input<typeof FitnessDayInput>;

export const FitnessDayRecord = FitnessActivity.extend({
  id: Id,
  classId: Id,
  date: LocalDate,
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  updatedAt: z.string(),
  findings: z.array(FitnessFinding),
});
export type FitnessDayRecord = z.infer<typeof FitnessDayRecord>;

/** The numbers of the policy in force, for the form to show live. */
export const FitnessRuleView = z.object({
  bigBreakMinMinutes: z.number().int(),
  eyeExercisesPerDay: z.number().int(),
  dailyActivityMinutes: z.number().int(),
  version: z.number().int(),
  effectiveFrom: LocalDate.nullable(),
});
export type FitnessRuleView = z.infer<typeof FitnessRuleView>;

export const FitnessDayQuery = z.object({ date: LocalDate.optional() });

/** The teacher's phone page: the day and, per class the user records for, its record or the usual values to prefill. */
export const FitnessTeacherDay = z.object({
  date: LocalDate,
  today: LocalDate,
  schoolDay: z.boolean(),
  /** Why not a school day (周末, a holiday's name, 假期). */
  dayName: z.string().nullable(),
  /** Records of this date can still be written or changed (this week, not ahead of today). */
  editable: z.boolean(),
  rule: FitnessRuleView,
  classes: z.array(
    z.object({
      classId: Id,
      className: z.string(),
      grade: z.number().int(),
      schoolName: z.string(),
      peLessonsPerWeek: z.number().int(),
      peHeldThisWeek: z.number().int(),
      record: FitnessDayRecord.nullable(),
      usual: FitnessActivity,
    }),
  ),
});
export type FitnessTeacherDay = z.infer<typeof FitnessTeacherDay>;

export const FitnessWeekQuery = z.object({ date: LocalDate.optional(), schoolId: Id.optional(), classId: Id.optional() });

export const FitnessWeekDay = z.object({
  date: LocalDate,
  schoolDay: z.boolean(),
  dayName: z.string().nullable(),
  record: FitnessDayRecord.nullable(),
  /** A past or present school day without a record. */
  missing: z.boolean(),
  /** The rules this day's record misses. */
  misses: z.array(FitnessCheckItem),
});
export const FitnessClassWeek = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  days: z.array(FitnessWeekDay),
  pe: FitnessFinding.extend({ complete: z.boolean(), pending: z.boolean(), timetabled: z.number().int().nullable() }),
  recorded: z.number().int(),
  bigBreakMet: z.number().int(),
  activityMet: z.number().int(),
  eyeDone: z.number().int(),
  eyeDue: z.number().int(),
});
export type FitnessClassWeek = z.infer<typeof FitnessClassWeek>;
export const FitnessWeek = z.object({
  weekStart: LocalDate,
  weekEnd: LocalDate,
  today: LocalDate,
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  rule: FitnessRuleView,
  classes: z.array(FitnessClassWeek),
});
export type FitnessWeek = z.infer<typeof FitnessWeek>;

// —— the national student fitness test ——

export const FitnessTestImportQuery = z.object({ schoolId: Id, semesterId: Id.optional() });
export const FitnessTestTemplateQuery = z.object({ schoolId: Id });
export const FitnessTestImportResult = z.object({
  semesterId: Id,
  semesterName: z.string(),
  rows: z.number().int(),
  imported: z.number().int(),
  /** Pupils whose earlier result of the semester this file replaced. */
  replaced: z.number().int(),
});
export type FitnessTestImportResult = z.infer<typeof FitnessTestImportResult>;
export const FitnessTestImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ rows: z.number().int(), errors: z.array(RowError) }),
});

export const FitnessLevelCounts = z.object({ excellent: z.number().int(), good: z.number().int(), pass: z.number().int(), fail: z.number().int() });
export type FitnessLevelCounts = z.infer<typeof FitnessLevelCounts>;
export const FitnessGradeSummary = z.object({ grade: z.number().int(), tested: z.number().int(), levels: FitnessLevelCounts });
export const FitnessTestSummaryQuery = z.object({ schoolId: Id.optional(), semesterId: Id.optional() });
export const FitnessTestSummary = z.object({
  semester: z.object({ id: Id, name: z.string() }).nullable(),
  semesters: z.array(z.object({ id: Id, name: z.string() })),
  schools: z.array(
    z.object({
      schoolId: Id,
      schoolName: z.string(),
      tested: z.number().int(),
      levels: FitnessLevelCounts,
      grades: z.array(FitnessGradeSummary),
      lastImportAt: z.string().nullable(),
    }),
  ),
});
export type FitnessTestSummary = z.infer<typeof FitnessTestSummary>;

export const FitnessItemResult = z.object({ item: FitnessItemKey, result: z.string().nullable(), score: z.number().nullable(), level: z.string().nullable() });
export type FitnessItemResult = z.infer<typeof FitnessItemResult>;

export const FitnessTestResultsQuery = z.object({ classId: Id, semesterId: Id.optional() });
/** A class's results in 学籍号 order (never by score). */
export const FitnessTestResults = z.object({
  semesterId: Id.nullable(),
  classId: Id,
  className: z.string(),
  pupils: z.array(
    z.object({
      studentId: Id,
      studentNo: z.string(),
      name: z.string(),
      tested: z.boolean(),
      totalScore: z.number().nullable(),
      level: FitnessLevel.nullable(),
    }),
  ),
});
export type FitnessTestResults = z.infer<typeof FitnessTestResults>;

export const ChildFitnessQuery = z.object({ studentId: Id });
/** A child's latest result for the family: items, scores and level; no rank and nothing of classmates. */
export const ChildFitnessResult = z.object({
  studentId: Id,
  studentName: z.string(),
  result: z
    .object({
      semesterName: z.string(),
      grade: z.number().int(),
      heightCm: z.number().nullable(),
      weightKg: z.number().nullable(),
      items: z.array(FitnessItemResult),
      standardScore: z.number(),
      extraScore: z.number(),
      totalScore: z.number(),
      level: FitnessLevel,
    })
    .nullable(),
});
export type ChildFitnessResult = z.infer<typeof ChildFitnessResult>;
