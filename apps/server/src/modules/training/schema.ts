/**
 * 校外培训监管 core tables: each institution's registry file (beside the organisation's institutions row, which keeps
 * name, licence number, status and list), its courses and prepaid packages, the orders families place, and the custody
 * ledger (double entry: accounts with posted totals, append-only transfers). Areas keep their own tables beside this
 * file: registry.schema.ts (venues, staff, materials, status history), rules.schema.ts (schedules, violations),
 * custody.schema.ts (lessons, consumptions, refunds, reconciliation), alerts.schema.ts, inspections.schema.ts,
 * complaints.schema.ts.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  CUSTODY_MODES,
  FILING_STATUSES,
  LEDGER_ACCOUNT_KINDS,
  LEGAL_FORMS,
  LESSON_MODES,
  ORDER_STATUSES,
  TRAINING_SUBTYPES,
  TRANSFER_KINDS,
} from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, fenColumn, localDate, updatedAt, users } from '../../platform/schema';
import { institutions, students } from '../org/schema';


/**
 * An institution's registry file (one per institution): legal form, licence details, how its prepaid money is
 * secured, and where its filing stands. Status and list (正常/整改/暂停/注销, white/black) stay on `institutions`.
 */
export const trainingProfiles = pgTable(
  'training_profiles',
  {
    districtId: districtKey(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    legalForm: text('legal_form', { enum: LEGAL_FORMS }).notNull(),
    licenseIssuer: text('license_issuer'),
    licenseValidUntil: localDate('license_valid_until'),
    legalPerson: text('legal_person'),
    contactPhone: text('contact_phone'),
    custodyMode: text('custody_mode', { enum: CUSTODY_MODES }).notNull().default('custody'),
    custodyBank: text('custody_bank'),
    custodyAccountNo: text('custody_account_no'),
    filingStatus: text('filing_status', { enum: FILING_STATUSES }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.institutionId] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_profiles_zone_idx').on(t.districtId, t.zoneId),
  ],
);

/** A course an institution files: 学科类 or 非学科类, mode, lesson length, class size and price per lesson. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    name: text('name').notNull(),
    subtype: text('subtype', { enum: TRAINING_SUBTYPES }).notNull(),
    /** Derived from the subtype when filed, kept for queries: 学科类 (subject) or 非学科类. */
    category: text('category', { enum: ['subject', 'non_subject'] }).notNull(),
    mode: text('mode', { enum: LESSON_MODES }).notNull(),
    lessonMinutes: smallint('lesson_minutes').notNull(),
    maxClassSize: smallint('max_class_size').notNull(),
    pricePerLessonFen: fenColumn('price_per_lesson_fen').notNull(),
    grades: text('grades'),
    description: text('description'),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    /** The rule findings of the last check, each citing its rule and policy version (rendered as they were). */
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    unique('training_courses_name_uq').on(t.districtId, t.institutionId, t.name),
    index('training_courses_status_idx').on(t.districtId, t.status),
    check('training_courses_price_ck', sql`${t.pricePerLessonFen} >= 0`),
    check('training_courses_size_ck', sql`${t.maxClassSize} > 0 and ${t.lessonMinutes} > 0`),
  ],
);

/** A prepaid package of a course (课时包): lessons, months it runs, total price; sold only once approved. */
export const trainingPackages = pgTable(
  'training_packages',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    courseId: uuid('course_id').notNull(),
    name: text('name').notNull(),
    lessons: smallint('lessons').notNull(),
    months: smallint('months').notNull(),
    priceFen: fenColumn('price_fen').notNull(),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [trainingCourses.districtId, trainingCourses.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_packages_course_idx').on(t.districtId, t.courseId),
    check('training_packages_ck', sql`${t.lessons} > 0 and ${t.months} > 0 and ${t.priceFen} > 0`),
  ],
);

/**
 * A package a family bought for a child under the standard contract (合同示范文本). `lessonsLeft` is the seat counter
 * consumption takes from atomically (never below 0); the money is on the order's ledger account.
 */
export const trainingOrders = pgTable(
  'training_orders',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    /** Short code printed on the contract and the bank transfer (对账用). */
    code: text('code').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    courseId: uuid('course_id').notNull(),
    packageId: uuid('package_id').notNull(),
    studentId: uuid('student_id').notNull(),
    guardianUserId: uuid('guardian_user_id').notNull(),
    lessons: smallint('lessons').notNull(),
    lessonsLeft: smallint('lessons_left').notNull(),
    priceFen: fenColumn('price_fen').notNull(),
    pricePerLessonFen: fenColumn('price_per_lesson_fen').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('active'),
    contractVersion: text('contract_version').notNull(),
    contractHash: text('contract_hash').notNull(),
    contractAcceptedAt: timestamp('contract_accepted_at', { withTimezone: true }).notNull(),
    custodyMode: text('custody_mode', { enum: CUSTODY_MODES }).notNull(),
    validUntil: localDate('valid_until').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('training_orders_code_uq').on(t.districtId, t.code),
    foreignKey({ columns: [t.districtId, t.packageId], foreignColumns: [trainingPackages.districtId, trainingPackages.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.guardianUserId], foreignColumns: [users.districtId, users.id] }),
    index('training_orders_institution_idx').on(t.districtId, t.institutionId, t.status),
    index('training_orders_student_idx').on(t.districtId, t.studentId),
    check('training_orders_left_ck', sql`${t.lessonsLeft} >= 0 and ${t.lessonsLeft} <= ${t.lessons}`),
  ],
);

/**
 * Ledger accounts with their posted totals (TigerBeetle's model). A `nonNegative` account refuses any transfer that
 * would take its debits above its credits (an order account, a deposit): the database's check holds it, whatever the
 * code does. Totals change only together with an appended transfer, in one transaction.
 */
export const trainingAccounts = pgTable(
  'training_accounts',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: LEDGER_ACCOUNT_KINDS }).notNull(),
    institutionId: uuid('institution_id'),
    orderId: uuid('order_id'),
    nonNegative: integer('non_negative').notNull().default(0),
    debitsPosted: fenColumn('debits_posted').notNull().default(0),
    creditsPosted: fenColumn('credits_posted').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_accounts_institution_idx').on(t.districtId, t.institutionId, t.kind),
    check('training_accounts_totals_ck', sql`${t.debitsPosted} >= 0 and ${t.creditsPosted} >= 0`),
    check('training_accounts_non_negative_ck', sql`${t.nonNegative} = 0 or ${t.debitsPosted} <= ${t.creditsPosted}`),
  ],
);

/**
 * A transfer: `amountFen` leaves the debit account and reaches the credit account, so every transfer sums to zero by
 * construction. Append-only (trigger `training_transfers_refuse_change`; the serving role has no UPDATE or DELETE on
 * PostgreSQL). The idempotency key is unique per district: a retried request finds its transfer and moves nothing.
 */
export const trainingTransfers = pgTable(
  'training_transfers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind', { enum: TRANSFER_KINDS }).notNull(),
    debitAccountId: uuid('debit_account_id').notNull(),
    creditAccountId: uuid('credit_account_id').notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    institutionId: uuid('institution_id'),
    orderId: uuid('order_id'),
    /** What the transfer is for: a consumption, a refund, a deposit record … (the area's own id). */
    sourceId: uuid('source_id'),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('training_transfers_idempotency_uq').on(t.districtId, t.idempotencyKey),
    foreignKey({ columns: [t.districtId, t.debitAccountId], foreignColumns: [trainingAccounts.districtId, trainingAccounts.id] }),
    foreignKey({ columns: [t.districtId, t.creditAccountId], foreignColumns: [trainingAccounts.districtId, trainingAccounts.id] }),
    index('training_transfers_institution_idx').on(t.districtId, t.institutionId, t.createdAt),
    index('training_transfers_order_idx').on(t.districtId, t.orderId),
    check('training_transfers_amount_ck', sql`${t.amountFen} > 0`),
    check('training_transfers_accounts_ck', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
  ],
);

// The institution side reads by institution (and inspectors by the institutions of their zone); families read their
// children's orders by student id (a parent's grants name no institution, see the services).
defineScope(trainingProfiles, { district: trainingProfiles.districtId, zone: trainingProfiles.zoneId, institution: trainingProfiles.institutionId });
defineScope(trainingCourses, { district: trainingCourses.districtId, zone: trainingCourses.zoneId, institution: trainingCourses.institutionId });
defineScope(trainingPackages, { district: trainingPackages.districtId, zone: trainingPackages.zoneId, institution: trainingPackages.institutionId });
defineScope(trainingOrders, { district: trainingOrders.districtId, zone: trainingOrders.zoneId, institution: trainingOrders.institutionId });
defineScope(trainingAccounts, {
  district: trainingAccounts.districtId,
  institution: trainingAccounts.institutionId,
  nullable: ['institution'],
});
defineScope(trainingTransfers, {
  district: trainingTransfers.districtId,
  institution: trainingTransfers.institutionId,
  nullable: ['institution'],
});
