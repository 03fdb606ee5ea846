/**
 * 课后服务 money tables: waivers (the school's list of children in a waiver category), monthly bills per child with an
 * append-only ledger of their charges, payments (recorded by hand or imported from a bank export) and their imports,
 * subsidy and costs, and settlements with their statements per teacher and provider. Amounts are integer fen.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BILL_STATUSES } from '@shuangjian/contracts';
import { createdAt, districtKey, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';
import { fenColumn, localDate } from './schema';

/** 减免名单: a child in a waiver category ('after-school.waivers' codes) for a semester; revoked rows keep history. */
export const afterSchoolWaivers = pgTable(
  'after_school_waivers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    category: text('category').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    uniqueIndex('after_school_waivers_live_uq').on(t.districtId, t.studentId, t.semesterId, t.category).where(sql`${t.revokedAt} is null`),
    index('after_school_waivers_school_idx').on(t.districtId, t.schoolId, t.semesterId),
  ],
);

/**
 * A child's bill for a month: service fee, waiver, refund for days not taken, pass-through provider fees, and what is
 * due and paid. Regenerating a month rewrites a bill nothing has been paid on; a bill with any payment is kept.
 */
export const afterSchoolBills = pgTable(
  'after_school_bills',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    month: text('month').notNull(),
    feeFen: fenColumn('fee_fen').notNull(),
    waiverFen: fenColumn('waiver_fen').notNull(),
    waiverCategory: text('waiver_category'),
    refundFen: fenColumn('refund_fen').notNull(),
    passThroughFen: fenColumn('pass_through_fen').notNull(),
    dueFen: fenColumn('due_fen').notNull(),
    paidFen: fenColumn('paid_fen').notNull().default(0),
    status: text('status', { enum: BILL_STATUSES }).notNull().default('unpaid'),
    /** How the figures came about: service days, days not taken by reason, lessons per provider course. */
    detail: jsonb('detail').notNull(),
    policyVersions: text('policy_versions'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    generatedBy: uuid('generated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('after_school_bills_month_uq').on(t.districtId, t.studentId, t.month),
    index('after_school_bills_school_idx').on(t.districtId, t.schoolId, t.month),
    check('after_school_bills_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('after_school_bills_paid_ck', sql`${t.paidFen} >= 0 and ${t.paidFen} <= ${t.dueFen}`),
    check('after_school_bills_due_ck', sql`${t.dueFen} = ${t.feeFen} + ${t.passThroughFen} - ${t.waiverFen} - ${t.refundFen} and ${t.dueFen} >= 0`),
  ],
);

export const CHARGE_KINDS = ['fee', 'waiver', 'refund', 'pass_through'] as const;

/**
 * The ledger of charges (append-only: `after_school_charges_refuse_change`): every line a bill was issued with, and
 * the reversal of each line a regeneration replaced. The sum of a bill's entries is always its due amount.
 */
export const afterSchoolCharges = pgTable(
  'after_school_charges',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    billId: uuid('bill_id').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: CHARGE_KINDS }).notNull(),
    /** Signed: fees and pass-through positive, waivers and refunds negative; a reversal is the opposite. */
    amountFen: fenColumn('amount_fen').notNull(),
    reverses: uuid('reverses'),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.billId], foreignColumns: [afterSchoolBills.districtId, afterSchoolBills.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    index('after_school_charges_bill_idx').on(t.districtId, t.billId),
  ],
);

/** One upload of a bank or payment-platform export. */
export const afterSchoolPaymentImports = pgTable(
  'after_school_payment_imports',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    recorded: integer('recorded').notNull(),
    duplicates: integer('duplicates').notNull(),
    unmatched: integer('unmatched').notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.importedBy], foreignColumns: [users.districtId, users.id] }),
  ],
);

/**
 * A payment received from a family: recorded by the finance officer or imported (then `reference` is the bank's
 * serial number, unique per school, so the same line is never recorded twice). Unmatched (no student yet) until
 * matched by the remark or by hand; `appliedFen` of it has gone to the child's bills, oldest month first.
 */
export const afterSchoolPayments = pgTable(
  'after_school_payments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id'),
    amountFen: fenColumn('amount_fen').notNull(),
    appliedFen: fenColumn('applied_fen').notNull().default(0),
    paidOn: localDate('paid_on').notNull(),
    payer: text('payer'),
    remark: text('remark'),
    reference: text('reference'),
    source: text('source', { enum: ['manual', 'import'] }).notNull(),
    importId: uuid('import_id'),
    rowNumber: integer('row_number'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: createdAt(),
    matchedBy: uuid('matched_by'),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.importId], foreignColumns: [afterSchoolPaymentImports.districtId, afterSchoolPaymentImports.id] }),
    unique('after_school_payments_reference_uq').on(t.districtId, t.schoolId, t.reference),
    index('after_school_payments_school_idx').on(t.districtId, t.schoolId, t.paidOn),
    index('after_school_payments_student_idx').on(t.districtId, t.studentId),
    check('after_school_payments_amount_ck', sql`${t.amountFen} > 0 and ${t.appliedFen} >= 0 and ${t.appliedFen} <= ${t.amountFen}`),
  ],
);

/**
 * 冲正: a payment recorded by mistake (wrong amount, wrong family, a duplicate) is reversed, never deleted or edited:
 * who, when and why, what of it was taken back from the bills, and the saved settlements whose figures it changed
 * (to be settled again). One per payment (append-only: `after_school_payment_reversals_refuse_change`).
 */
export const afterSchoolPaymentReversals = pgTable(
  'after_school_payment_reversals',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    /** The child the payment was matched to (null: an unmatched line). */
    studentId: uuid('student_id'),
    reason: text('reason').notNull(),
    undoneFen: fenColumn('undone_fen').notNull(),
    /** Saved settlements whose figures changed: [{ semesterId, period, version }]. */
    resettle: jsonb('resettle').notNull(),
    reversedBy: uuid('reversed_by').notNull(),
    reversedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.paymentId], foreignColumns: [afterSchoolPayments.districtId, afterSchoolPayments.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.reversedBy], foreignColumns: [users.districtId, users.id] }),
    unique('after_school_payment_reversals_payment_uq').on(t.districtId, t.paymentId),
    index('after_school_payment_reversals_school_idx').on(t.districtId, t.schoolId, t.reversedAt),
    check('after_school_payment_reversals_reason_ck', sql`length(btrim(${t.reason})) > 0`),
    check('after_school_payment_reversals_undone_ck', sql`${t.undoneFen} >= 0`),
  ],
);

/**
 * The ledger of what each payment put on each bill (append-only): a positive line when applied, oldest month first;
 * the negative line of a reversal takes it back. Per bill the lines add up to its paid amount, per payment to its
 * applied amount.
 */
export const afterSchoolPaymentAllocations = pgTable(
  'after_school_payment_allocations',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    billId: uuid('bill_id').notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    reversalId: uuid('reversal_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.paymentId], foreignColumns: [afterSchoolPayments.districtId, afterSchoolPayments.id] }),
    foreignKey({ columns: [t.districtId, t.billId], foreignColumns: [afterSchoolBills.districtId, afterSchoolBills.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.reversalId], foreignColumns: [afterSchoolPaymentReversals.districtId, afterSchoolPaymentReversals.id] }),
    index('after_school_payment_allocations_payment_idx').on(t.districtId, t.paymentId),
    index('after_school_payment_allocations_bill_idx').on(t.districtId, t.billId),
    check('after_school_payment_allocations_amount_ck', sql`${t.amountFen} <> 0 and (${t.amountFen} > 0) = (${t.reversalId} is null)`),
  ],
);

/** 财政奖补 (subsidy) and costs of a school's semester, optionally of one month. */
export const afterSchoolFunds = pgTable(
  'after_school_funds',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    month: text('month'),
    kind: text('kind', { enum: ['subsidy', 'cost'] }).notNull(),
    item: text('item').notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    index('after_school_funds_school_idx').on(t.districtId, t.schoolId, t.semesterId),
    check('after_school_funds_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/**
 * A settlement of a school's semester ('semester') or month ('YYYY-MM'): the figures and the statements per teacher
 * and provider as computed then. Settling again adds a new version; the latest is the one in force.
 */
export const afterSchoolSettlements = pgTable(
  'after_school_settlements',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    figures: jsonb('figures').notNull(),
    settledBy: uuid('settled_by').notNull(),
    settledAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('after_school_settlements_version_uq').on(t.districtId, t.schoolId, t.semesterId, t.period, t.version),
  ],
);
