/**
 * 课后服务 plan area: the school's semester service plan (一校一案) and its review, the course catalogue, the district's
 * provider white list (白名单), the district's view of every school's plan, and the school's public page (三单公开).
 */
import { z } from 'zod';
import {
  AFTER_SCHOOL_REASON_MAX,
  AFTER_SCHOOL_TEXT_MAX,
  COURSE_CAPACITY_MAX,
  COURSE_NAME_MAX,
  CourseCategory,
  CourseStaffing,
  PlanStatus,
} from './after-school';
import { Id, LocalDate, OptionalText, Text, Timestamp } from './common';
import { NonNegativeMoney, PositiveMoney } from './money';

export const PLAN_PERIODS_MAX = 6;
export const PLAN_NOTE_MAX = 200;
export const PROVIDER_ITEM_MAX = 40;
export const COURSE_VOLUNTEERS_MAX = 20;
export const COURSE_TEACHERS_MAX = 10;
export const STAFF_COUNT_MAX = 5000;

export const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM 格式的时间' });
const Weekday = z.number().int().min(1, { message: '星期应为 1–7' }).max(7, { message: '星期应为 1–7' });
const Weekdays = z
  .array(Weekday)
  .min(1, { message: '至少选择一天' })
  .max(7)
  .refine((d) => new Set(d).size === d.length, { message: '星期不能重复' });
const Grade = z.number().int().min(1, { message: '年级应为 1–9' }).max(9, { message: '年级应为 1–9' });
const Count = z.number().int().min(0).max(STAFF_COUNT_MAX);

export const PERIOD_KINDS = ['homework', 'club'] as const;
export const PeriodKind = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** One period of the service day: 作业辅导 (homework help) or 社团活动 (clubs). */
export const ServicePeriod = z.object({ start: HhMm, end: HhMm, kind: PeriodKind });
export type ServicePeriod = z.infer<typeof ServicePeriod>;

export const FEE_MODES = ['monthly', 'semester'] as const;
export const FeeMode = z.enum(FEE_MODES);
export type FeeMode = z.infer<typeof FeeMode>;

/** The plan document stored in after_school_plans.body. */
export const ServicePlan = z.object({
  weekdays: Weekdays,
  periods: z.array(ServicePeriod).min(1, { message: '至少安排一个服务时段' }).max(PLAN_PERIODS_MAX),
  staffing: z.object({
    /** Own teachers taking part (参与教师数) and the school's total (for the participation rate). */
    ownTeachers: Count,
    totalTeachers: Count,
    /** 家长助教 and other volunteers. */
    volunteers: Count,
    /** White-listed providers the school uses. */
    providers: Count,
    note: OptionalText(PLAN_NOTE_MAX),
  }),
  fees: z.object({
    mode: FeeMode,
    /** 服务性收费 per month or per semester (mode), fen. */
    serviceFeeFen: NonNegativeMoney,
    /** 代收费: what families pay providers per lesson, and how it is collected. */
    passThroughNote: OptionalText(PLAN_NOTE_MAX),
  }),
  safetyPlan: Text(AFTER_SCHOOL_TEXT_MAX),
  pickupPlan: Text(AFTER_SCHOOL_TEXT_MAX),
  /** 自愿参加 and other principles the school states to families. */
  principles: OptionalText(AFTER_SCHOOL_TEXT_MAX),
});
export type ServicePlan = z.infer<typeof ServicePlan>;
/** The stored plan as answered (no input transforms: answers are serialised, not parsed). */
export const ServicePlanAnswer = z.object({
  weekdays: z.array(z.number().int()),
  periods: z.array(ServicePeriod),
  staffing: z.object({ ownTeachers: z.number().int(), totalTeachers: z.number().int(), volunteers: z.number().int(), providers: z.number().int(), note: z.string().nullable() }),
  fees: z.object({ mode: FeeMode, serviceFeeFen: z.number().int(), passThroughNote: z.string().nullable() }),
  safetyPlan: z.string(),
  pickupPlan: z.string(),
  principles: z.string().nullable(),
});

export const PlanFinding = z.object({
  rule: z.string(),
  message: z.string(),
  dates: z.array(LocalDate).optional(),
  period: z.number().int().optional(),
  policyVersion: z.string().nullable(),
});
export const PlanCheckResult = z.object({
  ok: z.boolean(),
  findings: z.array(PlanFinding),
  requiredDays: z.number().int(),
  servedDays: z.number().int(),
  minutesPerDay: z.number().int(),
  endTime: z.string().nullable(),
  setting: z.object({ weekdays: z.array(z.number().int()), minMinutesPerDay: z.number().int(), endNotBefore: z.string(), homeworkFirst: z.boolean() }),
  policyVersion: z.string().nullable(),
});
export type PlanCheckResult = z.infer<typeof PlanCheckResult>;

/** What the plan form needs to check live: the semester's days and the setting in force at its start. */
export const PlanContext = z.object({
  semester: z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate }),
  days: z.array(z.object({ date: LocalDate, schoolDay: z.boolean() })),
  setting: PlanCheckResult.shape.setting,
  policyVersion: z.string().nullable(),
});
export type PlanContext = z.infer<typeof PlanContext>;
export const PlanContextQuery = z.object({ schoolId: Id, semesterId: Id });

/** A course as the plan covered it at submit. */
export const PlanCourseSnapshot = z.object({
  id: Id,
  name: z.string(),
  category: CourseCategory,
  grades: z.array(z.number().int()),
  capacity: z.number().int(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  staffing: CourseStaffing,
  providerName: z.string().nullable(),
  pricePerLessonFen: z.number().int(),
});

export const Plan = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  semesterId: Id,
  version: z.number().int(),
  status: PlanStatus,
  body: ServicePlanAnswer,
  courses: z.array(PlanCourseSnapshot),
  check: PlanCheckResult.nullable(),
  policyVersion: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewNote: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Plan = z.infer<typeof Plan>;

export const PlanQuery = z.object({ schoolId: Id.optional(), semesterId: Id.optional() });
/** A new version: the body given, or a copy of the latest version (the one in force first). */
export const PlanCreate = z.object({ schoolId: Id, semesterId: Id, body: ServicePlan.optional() });
export const PlanEdit = z.object({ body: ServicePlan });
export const PlanApprove = z.object({ note: OptionalText(AFTER_SCHOOL_REASON_MAX) });
export const PlanReturn = z.object({ reason: Text(AFTER_SCHOOL_REASON_MAX) });

/** The district's list: every school for a semester, with or without a plan. */
export const SchoolPlanStatus = z.object({
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  status: z.enum(['none', 'draft', 'submitted', 'returned', 'approved', 'superseded']),
  planId: Id.nullable(),
  version: z.number().int().nullable(),
  /** The version in force, when a newer one is being edited or reviewed. */
  approvedVersion: z.number().int().nullable(),
  submittedAt: Timestamp.nullable(),
  ok: z.boolean().nullable(),
  /** Open courses of the school's catalogue for the semester. */
  courses: z.number().int(),
});
export const DistrictPlanQuery = z.object({ semesterId: Id });

// ── course catalogue ─────────────────────────────────────────────────────────
const courseFields = {
  name: Text(COURSE_NAME_MAX),
  category: CourseCategory,
  description: OptionalText(AFTER_SCHOOL_TEXT_MAX),
  grades: z
    .array(Grade)
    .min(1, { message: '至少选择一个年级' })
    .max(9)
    .refine((g) => new Set(g).size === g.length, { message: '年级不能重复' }),
  capacity: z.number().int().min(1, { message: '人数上限至少为 1' }).max(COURSE_CAPACITY_MAX),
  weekdays: Weekdays,
  startTime: HhMm,
  endTime: HhMm,
  room: OptionalText(PLAN_NOTE_MAX),
  staffing: CourseStaffing,
  teacherIds: z.array(Id).max(COURSE_TEACHERS_MAX).default([]),
  volunteers: z.array(Text(40)).max(COURSE_VOLUNTEERS_MAX).default([]),
  providerId: Id.nullish().transform((v) => v ?? null),
};
export const CourseInput = z.object({ schoolId: Id, semesterId: Id, ...courseFields });
/** A change names only what changes (no defaults: an empty change is refused). */
export const CoursePatch = z
  .object({
    ...courseFields,
    description: z.string().trim().max(AFTER_SCHOOL_TEXT_MAX).nullable(),
    room: z.string().trim().max(PLAN_NOTE_MAX).nullable(),
    teacherIds: z.array(Id).max(COURSE_TEACHERS_MAX),
    volunteers: z.array(Text(40)).max(COURSE_VOLUNTEERS_MAX),
    providerId: Id.nullable(),
    status: z.enum(['open', 'closed']),
  })
  .partial();
export const CourseQuery = z.object({ schoolId: Id, semesterId: Id });
export const Course = z.object({
  id: Id,
  schoolId: Id,
  semesterId: Id,
  name: z.string(),
  category: CourseCategory,
  description: z.string().nullable(),
  grades: z.array(z.number().int()),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  room: z.string().nullable(),
  staffing: CourseStaffing,
  teacherIds: z.array(Id),
  teacherNames: z.array(z.string()),
  volunteers: z.array(z.string()),
  providerId: Id.nullable(),
  providerName: z.string().nullable(),
  pricePerLessonFen: z.number().int(),
  status: z.enum(['open', 'closed']),
});
export type Course = z.infer<typeof Course>;

/** Staff of a school who may run a course (for the course form). */
export const CourseTeacher = z.object({ id: Id, name: z.string() });
export const SchoolQuery = z.object({ schoolId: Id });

// ── provider white list ──────────────────────────────────────────────────────
export const PROVIDER_STATUSES = ['listed', 'delisted'] as const;
export const ProviderInput = z.object({
  institutionId: Id,
  item: Text(PROVIDER_ITEM_MAX),
  category: CourseCategory.exclude(['homework']),
  pricePerLessonFen: PositiveMoney,
  listedFrom: LocalDate,
  listedUntil: LocalDate.nullish().transform((v) => v ?? null),
  panelNote: OptionalText(AFTER_SCHOOL_REASON_MAX),
});
export const ProviderPatch = z
  .object({
    pricePerLessonFen: PositiveMoney,
    listedUntil: LocalDate.nullable(),
    panelNote: z.string().trim().max(AFTER_SCHOOL_REASON_MAX).nullable(),
    status: z.enum(PROVIDER_STATUSES),
  })
  .partial();
export const Provider = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  item: z.string(),
  category: CourseCategory,
  pricePerLessonFen: z.number().int(),
  status: z.enum(PROVIDER_STATUSES),
  listedFrom: LocalDate,
  listedUntil: LocalDate.nullable(),
  panelNote: z.string().nullable(),
  /** Courses of schools run under this item. */
  courses: z.number().int(),
});
export type Provider = z.infer<typeof Provider>;

// ── public page (三单公开) ───────────────────────────────────────────────────
export const PublicSchoolParams = z.object({ schoolId: Id });
export const PublicSchoolPage = z.object({
  schoolName: z.string(),
  date: LocalDate,
  /** The plan in force (null: none approved yet). */
  plan: z
    .object({
      version: z.number().int(),
      weekdays: z.array(z.number().int()),
      periods: z.array(ServicePeriod),
      fees: ServicePlanAnswer.shape.fees,
      pickupPlan: z.string(),
      principles: z.string().nullable(),
    })
    .nullable(),
  courses: z.array(
    Course.pick({ name: true, category: true, grades: true, weekdays: true, startTime: true, endTime: true, room: true, staffing: true, providerName: true, pricePerLessonFen: true, capacity: true }),
  ),
  /** 每日作业清单: the classes' lists published for today. */
  homework: z.array(
    z.object({
      className: z.string(),
      grade: z.number().int(),
      items: z.array(z.object({ subjectName: z.string(), content: z.string(), minutes: z.number().int(), place: z.string(), layer: z.string() })),
    }),
  ),
});
export type PublicSchoolPage = z.infer<typeof PublicSchoolPage>;
