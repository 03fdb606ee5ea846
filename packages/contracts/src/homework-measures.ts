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
  /** Children in the class when the day was planned or published: the families asked to report. */
  students: z.number().int(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
  bedtimeStops: z.number().int(),
  /** Children whose homework ended after bedtime (late nights, counted against sleep). */
  lateNights: z.number().int(),
  /** Children over the limit, bedtime stops included. */
  overLimit: z.number().int(),
  medianMinutes: z.number().int().nullable(),
  p90Minutes: z.number().int().nullable(),
  /** More children over the limit than the completion target allows. */
  overloaded: z.boolean(),
});
export const RangeQuery = z.object({ from: LocalDate, to: LocalDate }).refine(...withinDays(VIEW_RANGE_MAX_DAYS));
export const ClassCalendar = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  schoolId: Id,
  schoolName: z.string(),
  target: z.number(),
  days: z.array(ClassDayStat),
});
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
/** Counts over class-days: published, with reports, over-loaded; children asked to report, reporting, within the limit. */
const DayCounts = z.object({
  classDays: z.number().int(),
  reportedDays: z.number().int(),
  overloadedDays: z.number().int(),
  plannedOverDays: z.number().int(),
  /** Children of the classes on their published days: the families asked to report. */
  students: z.number().int(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
  /** Children stopped at bedtime (作业熔断): within the limit for the child, over-load for the class. */
  bedtimeStops: z.number().int(),
});
/** The counts with the three rates every view shows side by side. */
export const Figures = DayCounts.extend({
  /** overloadedDays ÷ reportedDays. */
  overLimitRate: z.number().nullable(),
  /** withinLimit ÷ reporters: only families who reported count. */
  withinLimitRate: z.number().nullable(),
  /** reporters ÷ students: the share of families the completion figure stands on. */
  reportingRate: z.number().nullable(),
});
export const WeekFigures = Figures.extend({
  weekStart: LocalDate,
  /** Fewer days than the whole week: the week is still running, or the range cuts it. */
  partial: z.boolean(),
});
/** No range: the eight weeks up to the latest published class-day. */
export const DistrictWeeklyQuery = z
  .object({ from: LocalDate.optional(), to: LocalDate.optional() })
  .refine((q) => !q.from === !q.to, { message: '开始日期和结束日期应同时填写', path: ['to'] })
  .refine((q) => !q.from || !q.to || (q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= VIEW_RANGE_MAX_DAYS * 86_400_000), {
    message: `日期范围应在 ${VIEW_RANGE_MAX_DAYS} 天以内`,
    path: ['to'],
  });
/** District dashboard, first answer: the district's weeks and totals; the schools come a page at a time. */
export const DistrictWeekly = z.object({
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
  target: z.number(),
  /** The latest week (its Monday) with a published class-day within reach, up to this week. */
  lastDataWeek: LocalDate.nullable(),
  weeks: z.array(WeekFigures),
  total: Figures,
  schools: z.number().int(),
  /** Schools in reach with no published homework in the range. */
  silentSchools: z.number().int(),
  zones: z.array(z.object({ id: Id, name: z.string() })),
});
export const DISTRICT_SCHOOL_SORTS = ['code', 'zone', 'within', 'over', 'reporting'] as const;
export const DISTRICT_PAGE_MAX = 100;
export const DistrictSchoolsQuery = z
  .object({
    from: LocalDate,
    to: LocalDate,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(DISTRICT_PAGE_MAX).default(20),
    sort: z.enum(DISTRICT_SCHOOL_SORTS).default('code'),
    order: z.enum(['asc', 'desc']).default('asc'),
    zoneId: Id.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .refine(...withinDays(VIEW_RANGE_MAX_DAYS));
/** A school over the range, with the weeks that have class-days (weeks without any are left out). */
export const SchoolFigures = Figures.extend({
  schoolId: Id,
  schoolName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  weeks: z.array(Figures.extend({ weekStart: LocalDate })),
});
export const DistrictSchoolsPage = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(SchoolFigures) });
export const SchoolClassesQuery = z.object({ schoolId: Id, from: LocalDate, to: LocalDate }).refine(...withinDays(VIEW_RANGE_MAX_DAYS));
export const ClassSummary = Figures.extend({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  /** Mean planned written minutes over published days, and mean of the daily medians reported. */
  meanPlanned: z.number().nullable(),
  meanMedian: z.number().nullable(),
});
/** Every school and every class of the range, for the Excel workbook. */
export const DistrictExport = z.object({
  from: LocalDate,
  to: LocalDate,
  target: z.number(),
  weeks: z.array(WeekFigures),
  total: Figures,
  schools: z.array(SchoolFigures),
  classes: z.array(ClassSummary.extend({ schoolId: Id, schoolName: z.string(), zoneName: z.string() })),
});
export const DistrictExportQuery = z.object({ from: LocalDate, to: LocalDate }).refine(...withinDays(VIEW_RANGE_MAX_DAYS));

// ── homes ──────────────────────────────────────────────────────────────────
/** Why a school or class needs attention: over-loaded days above the tolerance, completion below target, no reports. */
export const AttentionReason = z.enum(['overloaded', 'belowTarget', 'noReports']);
export const AttentionSchool = Figures.extend({ schoolId: Id, schoolName: z.string(), zoneName: z.string(), reasons: z.array(AttentionReason) });
export const AttentionClass = Figures.extend({ classId: Id, className: z.string(), grade: z.number().int(), schoolId: Id, schoolName: z.string(), reasons: z.array(AttentionReason) });
/** District and inspectors' home: this week so far, last week beside it, what needs attention worst first. */
export const DistrictHome = z.object({
  today: LocalDate,
  target: z.number(),
  week: WeekFigures,
  lastWeek: WeekFigures,
  /** The week the attention lists are drawn from: this week once it has reports, else last week. */
  basis: LocalDate,
  schools: z.array(AttentionSchool),
  classes: z.array(AttentionClass),
});
/** A school's day for its academic affairs: how many classes are published, waiting, planned over the limit. */
export const SchoolToday = z.object({
  schoolId: Id,
  schoolName: z.string(),
  date: LocalDate,
  dayKind: z.string(),
  dayName: z.string().nullable(),
  classes: z.number().int(),
  published: z.number().int(),
  pendingApproval: z.number().int(),
  plannedOver: z.number().int(),
  /** This week so far. */
  week: Figures,
});
export const SchoolHome = z.object({ date: LocalDate, target: z.number(), schools: z.array(SchoolToday) });
export const TeacherWeek = z.object({ weekStart: LocalDate, overrunFactor: z.number(), items: z.array(HomeworkItem), stats: z.array(TeacherItemStat) });
