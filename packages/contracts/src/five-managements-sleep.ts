/**
 * 睡眠管理: a family reports a child's night (bedtime and wake time, one tap for "as usual"), judged against the stage's
 * minimum sleep and latest bedtime; the homework module's bedtime cut-off (作业熔断) shows on the same night. Classes'
 * weekly shares for the class teacher, the school and the district.
 */
import { z } from 'zod';
import { Id, LocalDate, Paging } from './common';
import { Stage } from './five-managements';

/** A wall-clock time, HH:MM (24 h), district time. */
export const SleepClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM，如 21:05' });
/** Nights shown in a child's history. */
export const SLEEP_HISTORY_NIGHTS = 28;

export const SleepRuleCited = z.object({
  rule: z.literal('five-managements.sleep'),
  stage: Stage,
  minMinutes: z.number().int(),
  latestBedtime: z.string(),
  /** The setting's version applied ('key@id'); null: the shipped default (national rule). */
  policyVersions: z.string().nullable(),
});
export type SleepRuleCited = z.output<typeof SleepRuleCited>;

export const SleepNight = z.object({
  date: LocalDate,
  bedtime: SleepClock,
  wakeTime: SleepClock,
  minutes: z.number().int(),
  meetsMinimum: z.boolean(),
  bedtimeOk: z.boolean(),
  lateMinutes: z.number().int(),
  asUsual: z.boolean(),
  rule: SleepRuleCited,
  /** The homework module's record of that evening (作业熔断), when the family reported homework. */
  homework: z
    .object({
      stoppedAtBedtime: z.boolean(),
      endedAt: z.string().nullable(),
      /** Homework ended after the sleep rule's latest bedtime: counted against the night. */
      ranPastBedtime: z.boolean(),
    })
    .nullable(),
  editable: z.boolean(),
});
export type SleepNight = z.output<typeof SleepNight>;

export const SleepUsual = z.object({ bedtime: SleepClock, wakeTime: SleepClock, source: z.enum(['saved', 'last']) });

export const SleepFamily = z.object({
  studentId: Id,
  studentName: z.string(),
  className: z.string(),
  grade: z.number().int(),
  /** The rule in force today, for the form. */
  rule: SleepRuleCited,
  usual: SleepUsual.nullable(),
  /** Nights that may still be reported or corrected: from this date to last night. */
  earliest: LocalDate,
  lastNight: LocalDate,
  nights: z.array(SleepNight),
});
export type SleepFamily = z.output<typeof SleepFamily>;

export const SleepReportInput = z
  .object({
    studentId: Id,
    /** The date the night begins. */
    date: LocalDate,
    bedtime: SleepClock.optional(),
    wakeTime: SleepClock.optional(),
    /** One tap: the saved usual times, else the family's last report. */
    asUsual: z.boolean().default(false),
  })
  .refine((r) => r.asUsual || (r.bedtime && r.wakeTime), { message: '请填写就寝时间和起床时间，或选择“和平时一样”', path: ['bedtime'] });
export type SleepReportInput = z.output<typeof SleepReportInput>;

export const SleepUsualInput = z.object({ bedtime: SleepClock, wakeTime: SleepClock });
export const SleepStudentParams = z.object({ studentId: Id });

export const SleepWeekQuery = z.object({
  /** Any date of the week (Monday to Sunday); default: last week's Monday if today is Monday, else this week. */
  week: LocalDate.optional(),
});
/** A page of the classes in reach, those needing attention first (lowest share of nights long enough). */
export const SleepClassesQuery = SleepWeekQuery.extend({
  schoolId: Id.optional(),
  /** Only classes below the district's threshold. */
  below: z.enum(['true', 'false']).optional(),
  ...Paging,
});

export const SleepClassFigure = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  schoolId: Id,
  schoolName: z.string(),
  reports: z.number().int(),
  meets: z.number().int(),
  bedtimeOk: z.number().int(),
  /** Share of reports meeting the minimum, basis points; null without reports. */
  meetsBp: z.number().int().nullable(),
  bedtimeBp: z.number().int().nullable(),
  below: z.boolean(),
});
export type SleepClassFigure = z.output<typeof SleepClassFigure>;

export const SleepClasses = z.object({
  weekStart: LocalDate,
  thresholdBp: z.number().int(),
  policyVersions: z.string().nullable(),
  /** One page: lowest share of nights meeting the minimum first, classes without reports last. */
  items: z.array(SleepClassFigure),
  /** Classes matching the filters, all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SleepClasses = z.output<typeof SleepClasses>;

export const SleepPupilWeek = z.object({
  studentId: Id,
  /** Whole for the class teacher; masked (张**) for others. */
  name: z.string(),
  reports: z.number().int(),
  meets: z.number().int(),
  bedtimeOk: z.number().int(),
  homeworkLate: z.number().int(),
  averageMinutes: z.number().int().nullable(),
});

export const SleepClassWeek = z.object({
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  weekStart: LocalDate,
  rule: SleepRuleCited,
  thresholdBp: z.number().int(),
  figure: SleepClassFigure,
  days: z.array(z.object({ date: LocalDate, reports: z.number().int(), meets: z.number().int(), bedtimeOk: z.number().int() })),
  pupils: z.array(SleepPupilWeek),
  /** Pupils with no report this week (names as in `pupils`). */
  notReported: z.array(z.object({ studentId: Id, name: z.string() })),
});
export type SleepClassWeek = z.output<typeof SleepClassWeek>;
