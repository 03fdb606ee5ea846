/** 作业管理, measured: class-day and item figures, the school overview and the district dashboard (from rollups). */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { HomeworkItem, VIEW_RANGE_MAX_DAYS, withinDays } from './homework';

// ── measures ───────────────────────────────────────────────────────────────
export const ClassDayStat = z.object({
  classId: Id,
  className: z.string(),
  date: LocalDate,
  dayKind: z.string(),
  limit: z.number().int(),
  plannedWritten: z.number().int(),
  plannedOptional: z.number().int(),
  plannedOther: z.number().int(),
  published: z.boolean(),
  plannedOver: z.boolean(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
  bedtimeStops: z.number().int(),
  /** Children over the limit, bedtime stops included. */
  overLimit: z.number().int(),
  /** Children whose homework ended after bedtime (late nights, counted against sleep). */
  lateNights: z.number().int(),
  medianMinutes: z.number().int().nullable(),
  p90Minutes: z.number().int().nullable(),
  /** More children over the limit than the completion target allows. */
  overloaded: z.boolean(),
});
export const RangeQuery = z.object({ from: LocalDate, to: LocalDate }).refine(...withinDays(VIEW_RANGE_MAX_DAYS));
export const ClassCalendar = z.object({ classId: Id, className: z.string(), grade: z.number().int(), target: z.number(), days: z.array(ClassDayStat) });
export const TeacherItemStat = z.object({
  itemId: Id,
  classId: Id,
  teacherId: Id,
  teacherName: z.string(),
  subjectName: z.string(),
  className: z.string(),
  date: LocalDate,
  estimate: z.number().int(),
  reports: z.number().int(),
  medianMinutes: z.number().int().nullable(),
  flagged: z.boolean(),
});
export const TeacherSummary = z.object({
  teacherId: Id,
  teacherName: z.string(),
  items: z.number().int(),
  reportedItems: z.number().int(),
  /** Mean of median actual ÷ estimate over items with reports. */
  meanRatio: z.number().nullable(),
  flagged: z.number().int(),
});
export const SchoolOverview = z.object({
  schoolId: Id,
  /** Policy in force: completion target and the actual-over-estimate factor. */
  target: z.number(),
  overrunFactor: z.number(),
  date: LocalDate,
  weekStart: LocalDate,
  today: z.array(ClassDayStat),
  week: z.array(ClassDayStat),
  teachers: z.array(TeacherSummary),
  flaggedItems: z.array(TeacherItemStat),
});
export const SchoolOverviewQuery = z.object({ schoolId: Id, date: LocalDate });
/** Counts over class-days: published, with reports, over-loaded; children reporting and within the limit. */
const DayCounts = z.object({
  classDays: z.number().int(),
  reportedDays: z.number().int(),
  overloadedDays: z.number().int(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
});
export const SchoolWeek = DayCounts.extend({
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  weekStart: LocalDate,
  plannedOverDays: z.number().int(),
  /** overloadedDays ÷ reportedDays. */
  overLimitRate: z.number().nullable(),
  /** withinLimit ÷ reporters. */
  withinLimitRate: z.number().nullable(),
});
export const DistrictWeekly = z.object({
  from: LocalDate,
  to: LocalDate,
  target: z.number(),
  weeks: z.array(LocalDate),
  rows: z.array(SchoolWeek),
  /** Schools in scope with no published homework in the range. */
  silent: z.array(z.object({ schoolId: Id, schoolName: z.string(), zoneName: z.string() })),
  totals: z.array(SchoolWeek.omit({ schoolId: true, schoolName: true, zoneName: true })),
});
export const SchoolClassesQuery = z.object({ schoolId: Id, from: LocalDate, to: LocalDate }).refine(...withinDays(VIEW_RANGE_MAX_DAYS));
export const ClassSummary = DayCounts.extend({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  meanPlanned: z.number().nullable(),
  meanMedian: z.number().nullable(),
});
export const TeacherWeek = z.object({ weekStart: LocalDate, overrunFactor: z.number(), items: z.array(HomeworkItem), stats: z.array(TeacherItemStat) });
