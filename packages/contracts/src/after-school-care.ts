/**
 * 午餐午托 (lunch and midday care) and 暑期托管 (summer care): a school's lunch offer per semester with its kitchens
 * and fee, enrolments, the day's attendance and counts per kitchen, the month's fees; summer sites, their sessions
 * over the vacation, enrolments (seats never oversold), the staff rota and attendance.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text } from './common';
import { NonNegativeMoney } from './money';

export const CARE_KITCHEN_MAX = 20;
export const CARE_KITCHENS_MAX = 10;
export const CARE_SITE_CAPACITY_MAX = 2000;
export const CARE_ADDRESS_MAX = 120;

export const LUNCH_FEE_MODES = ['daily', 'monthly'] as const;
export const LunchFeeMode = z.enum(LUNCH_FEE_MODES);
export const LUNCH_MARKS = ['present', 'absent', 'leave'] as const;
export const LunchMark = z.enum(LUNCH_MARKS);
export type LunchMark = z.infer<typeof LunchMark>;

export const LunchOfferInput = z
  .object({
    schoolId: Id,
    semesterId: Id,
    kitchens: z.array(Text(CARE_KITCHEN_MAX)).min(1, { message: '至少要有一个厨房（配餐点）' }).max(CARE_KITCHENS_MAX),
    feeMode: LunchFeeMode,
    feeFen: NonNegativeMoney,
    note: OptionalText(500),
  })
  .refine((o) => new Set(o.kitchens).size === o.kitchens.length, { message: '厨房名称不能重复', path: ['kitchens'] });
export type LunchOfferInput = z.output<typeof LunchOfferInput>;

export const LunchOffer = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  semesterId: Id,
  semesterName: z.string(),
  kitchens: z.array(z.string()),
  feeMode: LunchFeeMode,
  feeFen: NonNegativeMoney,
  note: z.string().nullable(),
  enrolled: z.number().int(),
});
export type LunchOffer = z.output<typeof LunchOffer>;
export const LunchOffersQuery = z.object({ schoolId: Id });

export const LunchEnrolInput = z.object({ studentId: Id, kitchen: Text(CARE_KITCHEN_MAX) });
export const LunchEndInput = z.object({ fromDate: LocalDate });
export const LunchEnrolment = z.object({
  id: Id,
  offerId: Id,
  studentId: Id,
  studentName: z.string(),
  className: z.string(),
  kitchen: z.string(),
  startedOn: LocalDate,
  /** First day no longer taken; null while enrolled. */
  endedOn: LocalDate.nullable(),
});
export type LunchEnrolment = z.output<typeof LunchEnrolment>;
export const LunchEnrolmentList = z.object({ items: z.array(LunchEnrolment) });

export const LunchException = z.object({ studentId: Id, mark: z.enum(['absent', 'leave']) });
export const LunchAttendanceInput = z.object({
  date: LocalDate,
  /** Everyone enrolled present, but these. */
  exceptions: z.array(LunchException).max(5000).default([]),
});
export const LunchDayQuery = z.object({ date: LocalDate });
export const KitchenCount = z.object({ kitchen: z.string(), enrolled: z.number().int(), meals: z.number().int(), leave: z.number().int(), absent: z.number().int() });
export const LunchDay = z.object({
  date: LocalDate,
  schoolDay: z.boolean(),
  taken: z.boolean(),
  counts: z.array(KitchenCount),
  children: z.array(z.object({ studentId: Id, name: z.string(), className: z.string(), kitchen: z.string(), mark: LunchMark.nullable() })),
});
export type LunchDay = z.output<typeof LunchDay>;

export const LunchMonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为 YYYY-MM' }) });
export const LunchMonthRow = z.object({
  studentId: Id,
  name: z.string(),
  className: z.string(),
  schoolDays: z.number().int(),
  enrolledDays: z.number().int(),
  leaveDays: z.number().int(),
  dueFen: NonNegativeMoney,
  refundFen: NonNegativeMoney,
  netFen: NonNegativeMoney,
});
export const LunchMonthFees = z.object({
  month: z.string(),
  rows: z.array(LunchMonthRow),
  totals: z.object({ dueFen: NonNegativeMoney, refundFen: NonNegativeMoney, netFen: NonNegativeMoney }),
  rule: z.literal('after-school.fees'),
  policyVersions: z.string().nullable(),
});
export type LunchMonthFees = z.output<typeof LunchMonthFees>;

export const SUMMER_SITE_KINDS = ['school', 'community'] as const;
export const SUMMER_FEE_MODES = ['session', 'week'] as const;
export const SummerSiteInput = z
  .object({
    /** The school that runs it (a school site); null: a community site the district runs. */
    schoolId: Id.nullable(),
    kind: z.enum(SUMMER_SITE_KINDS),
    name: Text(40),
    address: Text(CARE_ADDRESS_MAX),
    capacity: z.number().int().min(1).max(CARE_SITE_CAPACITY_MAX),
    feeMode: z.enum(SUMMER_FEE_MODES),
    feeFen: NonNegativeMoney,
  })
  .refine((s) => s.kind === 'community' || s.schoolId !== null, { message: '学校托管点须选择学校', path: ['schoolId'] });
export type SummerSiteInput = z.output<typeof SummerSiteInput>;

export const SummerSessionInput = z
  .object({ name: Text(40), startDate: LocalDate, endDate: LocalDate, capacity: z.number().int().min(1).max(CARE_SITE_CAPACITY_MAX).optional() })
  .refine((s) => s.startDate <= s.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

export const SummerSession = z.object({ id: Id, siteId: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate, capacity: z.number().int(), enrolled: z.number().int() });
export type SummerSession = z.output<typeof SummerSession>;
export const SummerSite = z.object({
  id: Id,
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  kind: z.enum(SUMMER_SITE_KINDS),
  name: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  feeMode: z.enum(SUMMER_FEE_MODES),
  feeFen: NonNegativeMoney,
  year: z.number().int(),
  sessions: z.array(SummerSession),
  canManage: z.boolean(),
});
export type SummerSite = z.output<typeof SummerSite>;
export const SummerSitesQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const SummerSiteList = z.object({ items: z.array(SummerSite), vacation: z.object({ startDate: LocalDate, endDate: LocalDate }).nullable() });

export const SummerEnrolInput = z.object({ studentId: Id, waiverCode: z.string().regex(/^[a-z_]{2,30}$/).nullish() });
export const SummerEnrolment = z.object({
  id: Id,
  sessionId: Id,
  studentId: Id,
  studentName: z.string(),
  schoolName: z.string(),
  status: z.enum(['enrolled', 'withdrawn']),
  waiverCode: z.string().nullable(),
  grossFen: NonNegativeMoney,
  waivedFen: NonNegativeMoney,
  dueFen: NonNegativeMoney,
});
export type SummerEnrolment = z.output<typeof SummerEnrolment>;
export const SummerEnrolmentList = z.object({ items: z.array(SummerEnrolment) });

export const SummerRotaInput = z.object({ date: LocalDate, userIds: z.array(Id).max(50) });
export const SummerRotaQuery = z.object({ from: LocalDate, to: LocalDate });
export const SummerRota = z.object({ items: z.array(z.object({ date: LocalDate, staff: z.array(z.object({ userId: Id, name: z.string() })) })) });
export const SummerAttendanceInput = z.object({ date: LocalDate, exceptions: z.array(LunchException).max(CARE_SITE_CAPACITY_MAX).default([]) });
export const SummerDayQuery = z.object({ date: LocalDate });
export const SummerDay = z.object({
  date: LocalDate,
  taken: z.boolean(),
  children: z.array(z.object({ studentId: Id, name: z.string(), schoolName: z.string(), mark: LunchMark.nullable() })),
});

/** The parent's view: the child's lunch (the school's offer and the child's place) and the summer sites within reach. */
export const CareFamilyQuery = z.object({ studentId: Id });
export const CareFamily = z.object({
  lunch: z.object({ offer: LunchOffer, enrolment: LunchEnrolment.nullable() }).nullable(),
  summer: z.object({
    sites: z.array(SummerSite),
    enrolments: z.array(SummerEnrolment),
  }),
});
export type CareFamily = z.output<typeof CareFamily>;
