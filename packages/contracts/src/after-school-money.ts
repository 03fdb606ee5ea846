/** 课后服务 money: monthly bills with waivers and refunds, payments and their import, subsidy and costs, settlement. */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, pageOf, Paging, Text } from './common';
import { Money, NonNegativeMoney, PositiveMoney } from './money';
import { RowError } from './roster';

export const MONEY_ITEM_MAX = 60;
export const MONEY_NOTE_MAX = 200;
export const PAYMENT_REFERENCE_MAX = 64;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为月份，格式 YYYY-MM' });
export const BILL_STATUSES = ['unpaid', 'partly_paid', 'paid'] as const;
export const BillStatus = z.enum(BILL_STATUSES);
export type BillStatus = z.infer<typeof BillStatus>;
export const billStatusLabels: Record<BillStatus, { 'zh-CN': string; en: string }> = {
  unpaid: { 'zh-CN': '未缴', en: 'Unpaid' },
  partly_paid: { 'zh-CN': '部分缴纳', en: 'Partly paid' },
  paid: { 'zh-CN': '已缴清', en: 'Paid' },
};

export const MonthQuery = z.object({ schoolId: Id, month: Month });
export const SemesterQuery = z.object({ schoolId: Id, semesterId: Id.optional() });

export const BillCourse = z.object({ courseId: Id, name: z.string(), lessons: z.number().int(), pricePerLessonFen: Money, amountFen: Money });
export const BillDetail = z.object({
  serviceDays: z.number().int(),
  closed: z.number().int(),
  optedOut: z.number().int(),
  leave: z.number().int(),
  courses: z.array(BillCourse),
  feeMode: z.enum(['monthly', 'semester']),
  rounding: z.string(),
});

export const Bill = z.object({
  id: Id,
  studentId: Id,
  studentName: z.string(),
  studentNo: z.string(),
  className: z.string(),
  month: Month,
  feeFen: Money,
  waiverFen: Money,
  waiverCategory: z.string().nullable(),
  waiverLabel: z.string().nullable(),
  refundFen: Money,
  passThroughFen: Money,
  dueFen: Money,
  paidFen: Money,
  status: BillStatus,
  detail: BillDetail,
  generatedAt: z.string(),
});
export type Bill = z.infer<typeof Bill>;

export const BillTotals = z.object({
  feeFen: Money,
  waiverFen: Money,
  refundFen: Money,
  passThroughFen: Money,
  dueFen: Money,
  paidFen: Money,
});
export const MonthBills = z.object({ schoolId: Id, month: Month, semesterId: Id.nullable(), bills: z.array(Bill), totals: BillTotals });
export type MonthBills = z.infer<typeof MonthBills>;

export const GenerateBillsInput = z.object({ schoolId: Id, month: Month });
export const GenerateBillsResult = z.object({
  month: Month,
  generated: z.number().int(),
  replaced: z.number().int(),
  /** Unpaid bills whose figures came out the same: left as they were, the ledger untouched. */
  unchanged: z.number().int(),
  /** Bills with a payment on them, kept as they were. */
  kept: z.number().int(),
  totals: BillTotals,
  policyVersions: z.string().nullable(),
});

export const Waiver = z.object({
  id: Id.nullable(),
  studentId: Id,
  studentName: z.string(),
  className: z.string(),
  category: z.string(),
  label: z.string(),
  shareBp: z.number().int(),
  /** 'list': the school's waiver list; 'flag': the child's 困难/残疾 flag in the student record. */
  source: z.enum(['list', 'flag']),
  note: z.string().nullable(),
});
export type Waiver = z.infer<typeof Waiver>;
export const WaiverList = z.object({
  semesterId: Id,
  categories: z.array(z.object({ code: z.string(), label: z.string(), shareBp: z.number().int() })),
  waivers: z.array(Waiver),
});
export const WaiverInput = z.object({
  schoolId: Id,
  semesterId: Id.optional(),
  studentId: Id,
  category: z.string().regex(/^[a-z_]{2,30}$/, { message: '应为减免类别代码' }),
  note: OptionalText(MONEY_NOTE_MAX),
});

export const FUND_KINDS = ['subsidy', 'cost'] as const;
export const FundKind = z.enum(FUND_KINDS);
export const FundInput = z.object({
  schoolId: Id,
  semesterId: Id.optional(),
  month: Month.nullish().transform((v) => v ?? null),
  kind: FundKind,
  item: Text(MONEY_ITEM_MAX),
  amountFen: PositiveMoney,
});
export const Fund = z.object({
  id: Id,
  semesterId: Id,
  month: Month.nullable(),
  kind: FundKind,
  item: z.string(),
  amountFen: Money,
  recordedAt: z.string(),
});
export const FundList = z.object({ semesterId: Id, funds: z.array(Fund), subsidyFen: Money, costsFen: Money });

export const Payment = z.object({
  id: Id,
  studentId: Id.nullable(),
  studentName: z.string().nullable(),
  className: z.string().nullable(),
  amountFen: Money,
  appliedFen: Money,
  paidOn: LocalDate,
  payer: z.string().nullable(),
  remark: z.string().nullable(),
  reference: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  rowNumber: z.number().int().nullable(),
  /** 冲正: the payment was recorded by mistake and reversed (it no longer counts on any bill); null when it stands. */
  reversal: z
    .object({ reason: z.string(), reversedAt: z.string(), reversedBy: z.string(), undoneFen: Money })
    .nullable(),
});
export type Payment = z.infer<typeof Payment>;
/** A page of the school's payments (of a month by payment date, or the unmatched lines), filtered in the database. */
export const PaymentsQuery = z.object({
  schoolId: Id,
  month: Month.optional(),
  unmatched: z.enum(['0', '1']).default('0'),
  ...Paging,
});
/** Newest paid first (then recorded, the file's row, the id); `total` counts every matching payment. */
export const PaymentPage = pageOf(Payment);
export type PaymentPage = z.infer<typeof PaymentPage>;
export const PaymentInput = z.object({
  schoolId: Id,
  studentId: Id,
  amountFen: PositiveMoney,
  paidOn: LocalDate,
  payer: OptionalText(MONEY_ITEM_MAX),
  remark: OptionalText(MONEY_NOTE_MAX),
  reference: z.string().trim().max(PAYMENT_REFERENCE_MAX).nullish().transform((v) => v || null),
});
export const MatchPaymentInput = z.object({ studentId: Id });
/** 冲正 a payment recorded by mistake: the reason is required (wrong amount, wrong family, a duplicate …). */
export const ReversePaymentInput = z.object({ reason: Text(MONEY_NOTE_MAX) });
export const PaymentImportQuery = z.object({ schoolId: Id });
export const PaymentImportResult = z.object({
  importId: Id,
  rows: z.number().int(),
  recorded: z.number().int(),
  /** Lines already recorded by an earlier import (same 流水号). */
  duplicates: z.number().int(),
  matched: z.number().int(),
  unmatched: z.array(Payment),
});
export const PaymentImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ rows: z.number().int(), errors: z.array(RowError) }),
});

export const SettlementPeriod = z.union([z.literal('semester'), Month]);

/** What a reversal did: each bill the payment had paid and how it stands now, and the saved settlements to redo. */
export const PaymentReversalResult = z.object({
  payment: Payment,
  bills: z.array(z.object({ billId: Id, month: Month, undoneFen: Money, paidFen: Money, dueFen: Money, status: BillStatus })),
  /** Saved settlements whose figures the reversal changed: settle the period again (a new version); the saved one is kept. */
  resettle: z.array(z.object({ period: SettlementPeriod, version: z.number().int() })),
});
export type PaymentReversalResult = z.infer<typeof PaymentReversalResult>;
export const SettleInput = z.object({ schoolId: Id, semesterId: Id.optional(), period: SettlementPeriod });
export const SettlementQuery = z.object({ schoolId: Id, semesterId: Id.optional(), period: SettlementPeriod });
export const TeacherStatement = z.object({ userId: Id, name: z.string(), sessions: z.number().int(), minutes: z.number().int(), amountFen: Money });
export const ProviderStatement = z.object({
  providerId: Id,
  name: z.string(),
  item: z.string(),
  lessons: z.number().int(),
  pricePerLessonFen: Money,
  amountFen: Money,
});
export const Settlement = z.object({
  id: Id.nullable(),
  schoolId: Id,
  semesterId: Id,
  period: SettlementPeriod,
  version: z.number().int(),
  settledAt: z.string().nullable(),
  from: LocalDate,
  to: LocalDate,
  feesPaidFen: Money,
  subsidyFen: Money,
  passThroughFen: Money,
  incomeFen: Money,
  refundsFen: Money,
  costsFen: Money,
  providersFen: Money,
  poolFen: Money,
  teachersFen: Money,
  remainderFen: Money,
  teachers: z.array(TeacherStatement),
  providers: z.array(ProviderStatement),
  /** Payments reversed (冲正) after this version was saved that changed its figures: settle again for a new version. */
  reversedSince: z.array(z.object({ paymentId: Id, reversedAt: z.string(), reason: z.string(), undoneFen: Money })),
});
export type Settlement = z.infer<typeof Settlement>;

export const ChildBillsQuery = z.object({ studentId: Id });
export const ChildBills = z.object({
  studentId: Id,
  studentName: z.string(),
  bills: z.array(Bill),
  payments: z.array(Payment),
  owedFen: NonNegativeMoney,
});

export type GenerateBillsResult = z.infer<typeof GenerateBillsResult>;
export type WaiverList = z.infer<typeof WaiverList>;
export type FundList = z.infer<typeof FundList>;
export type PaymentImportResult = z.infer<typeof PaymentImportResult>;
export type ChildBills = z.infer<typeof ChildBills>;
