/**
 * 校外培训 orders and the custody ledger (资金监管, 一课一消): packages on sale to families, the standard contract,
 * orders, lessons an institution records with who attended, the parent's confirmation (or the automatic one after
 * 'training.custody'.autoConfirmHours), refunds of the unconsumed part, risk deposits, and the district's custody
 * summary and transfer journal (training-custody-district.ts). Money is integer fen.
 *
 * Routes (permission):
 *   GET  /api/training/contract                         StandardContract            (any signed-in user)
 *   GET  /api/training/family/packages?studentId        PackagesForSale             (training.family)
 *   POST /api/training/orders                           PlaceOrderInput → FamilyOrder (training.family; Idempotency-Key)
 *   GET  /api/training/family/orders?studentId          FamilyOrders                (training.family)
 *   POST /api/training/consumptions/:id/confirm         → Consumption               (training.family)
 *   POST /api/training/consumptions/:id/dispute         DisputeInput → Consumption  (training.family)
 *   POST /api/training/orders/:id/refund                RefundRequestInput → Refund (training.family)
 *
 *   GET  /api/training/institution/orders?institutionId&status&courseId&withLessonsLeft&q&page&pageSize  InstitutionOrders (paged)
 *   GET  /api/training/institution/courses?institutionId         InstitutionCourses (training.file | training.read)
 *   GET  /api/training/institution/summary?institutionId         InstitutionMoney   (training.file | training.read)
 *   GET  /api/training/lessons?institutionId&from&to&page&pageSize LessonList (paged) (training.file | training.read)
 *   POST /api/training/lessons                          RecordLessonInput → RecordLessonResult (training.file)
 *   POST /api/training/lessons/:id/consume              ConsumeInput → Consumption  (training.file; one attendee more)
 *
 *   GET  /api/training/refunds?institutionId&status&overdue&page&pageSize  RefundList (paged) (training.custody | training.file)
 *   POST /api/training/refunds/:id/pay                  PayRefundInput → Refund     (training.custody | training.file)
 *   GET  /api/training/deposits?institutionId           DepositList                 (training.custody | training.file)
 *   POST /api/training/deposits                         DepositInput → Deposit      (training.custody)
 *   (the district's custody summary and transfer journal: training-custody-district.ts)
 */
import { z } from 'zod';
import { ClockTime } from './homework';
import { Id, LocalDate, OptionalText, pageOf, PageQuery, Paging, Text } from './common';
import { Money, PositiveMoney } from './money';
import { TrainingRuleFinding } from './training-rules';
import {
  CustodyMode,
  LessonMode,
  OrderStatus,
  TRAINING_REASON_MAX,
  TrainingStatus,
  TrainingSubtype,
} from './training';

/** How many attendees one recorded lesson may list. */
export const LESSON_ATTENDEES_MAX = 200;
export const TEACHER_NAME_MAX = 30;
export const CUSTODY_NOTE_MAX = 200;

export const CONSUMPTION_STATUSES = ['pending', 'confirmed', 'auto_confirmed', 'disputed'] as const;
export const ConsumptionStatus = z.enum(CONSUMPTION_STATUSES);
export type ConsumptionStatus = z.infer<typeof ConsumptionStatus>;
export const consumptionStatusLabels: Record<ConsumptionStatus, { 'zh-CN': string; en: string }> = {
  pending: { 'zh-CN': '待家长确认', en: 'Awaiting confirmation' },
  confirmed: { 'zh-CN': '家长已确认', en: 'Confirmed' },
  auto_confirmed: { 'zh-CN': '超时自动确认', en: 'Confirmed automatically' },
  disputed: { 'zh-CN': '家长有异议', en: 'Disputed' },
};

export const REFUND_STATUSES = ['requested', 'paid'] as const;
export const RefundStatus = z.enum(REFUND_STATUSES);
export type RefundStatus = z.infer<typeof RefundStatus>;
export const refundStatusLabels: Record<RefundStatus, { 'zh-CN': string; en: string }> = {
  requested: { 'zh-CN': '待退费', en: 'Requested' },
  paid: { 'zh-CN': '已退费', en: 'Paid' },
};

// ---------------------------------------------------------------- contract and packages on sale

/** 合同示范文本: the text, its version and its SHA-256 (hex) that the family accepts with the order. */
export const StandardContract = z.object({ version: z.string(), title: z.string(), text: z.string(), sha256: z.string() });
export type StandardContract = z.infer<typeof StandardContract>;

export const FamilyQuery = z.object({ studentId: Id });

export const PackageForSale = z.object({
  packageId: Id,
  name: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  institutionStatus: TrainingStatus,
  custodyMode: CustodyMode,
  courseId: Id,
  courseName: z.string(),
  subtype: TrainingSubtype,
  mode: LessonMode,
  lessonMinutes: z.number().int(),
  lessons: z.number().int(),
  months: z.number().int(),
  priceFen: Money,
  pricePerLessonFen: Money,
  /** What the family should know before paying: limits, refunds, 一课一消 (plain sentences). */
  notes: z.array(z.string()),
});
export type PackageForSale = z.infer<typeof PackageForSale>;
export const PackagesForSale = z.object({ studentId: Id, contract: StandardContract.omit({ text: true }), packages: z.array(PackageForSale) });
export type PackagesForSale = z.infer<typeof PackagesForSale>;

// ---------------------------------------------------------------- orders

export const PlaceOrderInput = z.object({
  packageId: Id,
  studentId: Id,
  acceptContract: z.literal(true, { error: '请阅读并同意合同示范文本' }),
  /** The SHA-256 of the contract text shown (StandardContract.sha256): a stale text is refused. */
  contractHash: z.string().regex(/^[0-9a-f]{64}$/, { message: '合同版本标识无效' }),
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

export const Consumption = z.object({
  id: Id,
  lessonId: Id,
  orderId: Id,
  date: LocalDate,
  startTime: ClockTime,
  endTime: ClockTime,
  courseName: z.string(),
  teacherName: z.string().nullable(),
  amountFen: Money,
  status: ConsumptionStatus,
  recordedAt: z.string(),
  /** When pending: the moment it confirms itself. */
  autoConfirmAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  disputeReason: z.string().nullable(),
  transferId: Id.nullable(),
});
export type Consumption = z.infer<typeof Consumption>;

export const Refund = z.object({
  id: Id,
  orderId: Id,
  orderCode: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  studentName: z.string(),
  amountFen: Money,
  reason: z.string(),
  status: RefundStatus,
  requestedAt: z.string(),
  deadline: LocalDate,
  overdue: z.boolean(),
  paidAt: z.string().nullable(),
  paidByName: z.string().nullable(),
  payReference: z.string().nullable(),
  transferId: Id.nullable(),
  policyVersion: z.string().nullable(),
});
export type Refund = z.infer<typeof Refund>;

/** An order's money: what was paid in, released lesson by lesson, refunded, and what custody still holds. */
export const OrderMoney = z.object({
  paidFen: Money,
  releasedFen: Money,
  refundedFen: Money,
  /** The order account's balance (held in custody). */
  heldFen: Money,
  /** Pending consumptions' amounts, not yet released. */
  pendingFen: Money,
  /** What a refund would return now: held − pending. */
  refundableFen: Money,
});

export const FamilyOrder = z.object({
  id: Id,
  code: z.string(),
  studentId: Id,
  studentName: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  courseName: z.string(),
  packageName: z.string(),
  lessons: z.number().int(),
  lessonsLeft: z.number().int(),
  priceFen: Money,
  pricePerLessonFen: Money,
  status: OrderStatus,
  custodyMode: CustodyMode,
  contractVersion: z.string(),
  contractHash: z.string(),
  contractAcceptedAt: z.string(),
  validUntil: LocalDate,
  createdAt: z.string(),
  money: OrderMoney,
  consumptions: z.array(Consumption),
  refunds: z.array(Refund),
});
export type FamilyOrder = z.infer<typeof FamilyOrder>;
export const FamilyOrders = z.object({ studentId: Id, orders: z.array(FamilyOrder) });
export type FamilyOrders = z.infer<typeof FamilyOrders>;

export const DisputeInput = z.object({ reason: Text(TRAINING_REASON_MAX) });
export type DisputeInput = z.infer<typeof DisputeInput>;
export const RefundRequestInput = z.object({ reason: Text(TRAINING_REASON_MAX) });
export type RefundRequestInput = z.infer<typeof RefundRequestInput>;

// ---------------------------------------------------------------- institution side

export const InstitutionQuery = z.object({ institutionId: Id });
/** A page of the institution's orders, newest first (placed, then id); `q` finds an order by its code or the child's name. */
export const InstitutionOrdersQuery = z.object({
  institutionId: Id,
  status: OrderStatus.optional(),
  courseId: Id.optional(),
  /** 'true': only orders with lessons left (the attendees a lesson may list). */
  withLessonsLeft: z.enum(['true', 'false'], { error: '有剩余课时应为 true 或 false' }).transform((v) => v === 'true').optional(),
  q: PageQuery.shape.q,
  ...Paging,
});
export type InstitutionOrdersQuery = z.output<typeof InstitutionOrdersQuery>;

export const InstitutionOrder = z.object({
  id: Id,
  code: z.string(),
  studentId: Id,
  studentName: z.string(),
  courseId: Id,
  courseName: z.string(),
  packageName: z.string(),
  lessons: z.number().int(),
  lessonsLeft: z.number().int(),
  priceFen: Money,
  pricePerLessonFen: Money,
  status: OrderStatus,
  validUntil: LocalDate,
  createdAt: z.string(),
  money: OrderMoney,
});
export type InstitutionOrder = z.infer<typeof InstitutionOrder>;
export const InstitutionOrders = pageOf(InstitutionOrder);
export type InstitutionOrders = z.infer<typeof InstitutionOrders>;
/** The courses the institution has orders of, by name: `orders` all, `activeOrders` active with lessons left (who may attend). */
export const InstitutionCourses = z.object({ courses: z.array(z.object({ id: Id, name: z.string(), orders: z.number().int(), activeOrders: z.number().int() })) });
export type InstitutionCourses = z.infer<typeof InstitutionCourses>;

/** The institution's money at a glance. */
export const InstitutionMoney = z.object({
  institutionId: Id,
  institutionName: z.string(),
  custodyMode: CustodyMode,
  activeOrders: z.number().int(),
  heldFen: Money,
  releasedFen: Money,
  refundedFen: Money,
  pendingFen: Money,
  pendingConsumptions: z.number().int(),
  depositFen: Money,
  openRefunds: z.number().int(),
});
export type InstitutionMoney = z.infer<typeof InstitutionMoney>;

export const RecordLessonInput = z
  .object({
    institutionId: Id,
    courseId: Id,
    date: LocalDate,
    startTime: ClockTime,
    endTime: ClockTime,
    /** Defaults to the course's mode. */
    mode: LessonMode.optional(),
    teacherName: OptionalText(TEACHER_NAME_MAX),
    /** The orders (children) who attended. */
    orderIds: z.array(Id).min(1, { message: '请至少选择一名到课学生' }).max(LESSON_ATTENDEES_MAX),
  })
  .refine((l) => l.startTime < l.endTime, { message: '下课时间应晚于上课时间', path: ['endTime'] })
  .refine((l) => new Set(l.orderIds).size === l.orderIds.length, { message: '到课学生重复', path: ['orderIds'] });
export type RecordLessonInput = z.infer<typeof RecordLessonInput>;

export const AttendeeOutcome = z.object({
  orderId: Id,
  studentName: z.string().nullable(),
  /** 'recorded': a pending consumption; 'no_lessons_left'; 'not_found': not an order of this course; 'inactive'. */
  outcome: z.enum(['recorded', 'no_lessons_left', 'not_found', 'inactive']),
  consumptionId: Id.nullable(),
  amountFen: Money.nullable(),
});
export type AttendeeOutcome = z.infer<typeof AttendeeOutcome>;

export const Lesson = z.object({
  id: Id,
  institutionId: Id,
  courseId: Id,
  courseName: z.string(),
  date: LocalDate,
  startTime: ClockTime,
  endTime: ClockTime,
  mode: LessonMode,
  teacherName: z.string().nullable(),
  attendees: z.number().int(),
  pending: z.number().int(),
  confirmed: z.number().int(),
  disputed: z.number().int(),
  amountFen: Money,
  /** Rule findings of the lesson (rules area), each citing its rule and policy version. */
  findings: z.array(TrainingRuleFinding),
  recordedAt: z.string(),
});
export type Lesson = z.infer<typeof Lesson>;

export const RecordLessonResult = z.object({ lesson: Lesson, attendees: z.array(AttendeeOutcome) });
export type RecordLessonResult = z.infer<typeof RecordLessonResult>;

/** A page of the institution's lessons, newest first (date, start, then id), within from–to when given. */
export const LessonsQuery = z.object({ institutionId: Id, from: LocalDate.optional(), to: LocalDate.optional(), ...Paging });
export type LessonsQuery = z.output<typeof LessonsQuery>;
export const LessonList = pageOf(Lesson);
export type LessonList = z.infer<typeof LessonList>;

export const ConsumeInput = z.object({ orderId: Id });
export type ConsumeInput = z.infer<typeof ConsumeInput>;

// ---------------------------------------------------------------- refunds, deposits (district)

/** A page of the refunds, newest requested first (then id); `overdue=1`: still requested after the deadline. */
export const RefundsQuery = z.object({
  institutionId: Id.optional(),
  status: RefundStatus.optional(),
  overdue: z.enum(['0', '1']).default('0'),
  ...Paging,
});
export type RefundsQuery = z.output<typeof RefundsQuery>;
export const RefundList = pageOf(Refund);
export type RefundList = z.infer<typeof RefundList>;
export const PayRefundInput = z.object({ reference: OptionalText(64), note: OptionalText(CUSTODY_NOTE_MAX) });
export type PayRefundInput = z.infer<typeof PayRefundInput>;

export const DepositInput = z.object({
  institutionId: Id,
  amountFen: PositiveMoney,
  paidOn: LocalDate,
  /** 'deposit': paid in; 'release': returned to the institution (never below what policy requires). */
  direction: z.enum(['deposit', 'release']).default('deposit'),
  reference: OptionalText(64),
  note: OptionalText(CUSTODY_NOTE_MAX),
});
export type DepositInput = z.infer<typeof DepositInput>;
export const Deposit = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  direction: z.enum(['deposit', 'release']),
  amountFen: Money,
  paidOn: LocalDate,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  transferId: Id,
});
export type Deposit = z.infer<typeof Deposit>;
export const DepositsQuery = z.object({ institutionId: Id.optional() });
export const DepositList = z.object({ deposits: z.array(Deposit) });
export type DepositList = z.infer<typeof DepositList>;
