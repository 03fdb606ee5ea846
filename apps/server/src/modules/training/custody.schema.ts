/**
 * 校外培训监管 · custody area: lessons an institution records (with who attended), each attendee's consumption of one
 * lesson of their order (一课一消: pending until the parent confirms or it confirms itself, then released by a
 * transfer), refunds of the unconsumed part, and risk deposits (风险保证金). Money moves only through transfers
 * (schema.ts, ledger.ts); these rows say why.
 *
 * Scope: by institution (and its zone) for the institution and the district; families read through their children's
 * student ids (the services filter on them: a parent's grant names no institution).
 */
import { CONSUMPTION_STATUSES, LESSON_MODES, REFUND_STATUSES } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, fenColumn, localDate } from '../../platform/schema';
import { institutions } from '../org/schema';
import { trainingCourses, trainingOrders, trainingTransfers } from './schema';

/** A lesson held: course, date and times, mode, teacher; the rule findings it drew when recorded (it happened either way). */
export const trainingLessons = pgTable(
  'training_lessons',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    courseId: uuid('course_id').notNull(),
    date: localDate('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    mode: text('mode', { enum: LESSON_MODES }).notNull(),
    teacherName: text('teacher_name'),
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [trainingCourses.districtId, trainingCourses.id] }),
    index('training_lessons_institution_idx').on(t.districtId, t.institutionId, t.date),
    check('training_lessons_times_ck', sql`${t.startTime} < ${t.endTime}`),
  ],
);

/**
 * One attendee's lesson taken from their order: `lessonsLeft` was decremented when this row was written; the amount
 * (the order's price per lesson, the last lesson taking the remainder) is released when confirmed, by the transfer
 * keyed `consume:<id>`. A dispute gives the lesson back and releases nothing.
 */
export const trainingConsumptions = pgTable(
  'training_consumptions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    lessonId: uuid('lesson_id').notNull(),
    orderId: uuid('order_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    studentId: uuid('student_id').notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    status: text('status', { enum: CONSUMPTION_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    disputeReason: text('dispute_reason'),
    transferId: uuid('transfer_id'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('training_consumptions_lesson_order_uq').on(t.districtId, t.lessonId, t.orderId),
    foreignKey({ columns: [t.districtId, t.lessonId], foreignColumns: [trainingLessons.districtId, trainingLessons.id] }),
    foreignKey({ columns: [t.districtId, t.orderId], foreignColumns: [trainingOrders.districtId, trainingOrders.id] }),
    foreignKey({ columns: [t.districtId, t.transferId], foreignColumns: [trainingTransfers.districtId, trainingTransfers.id] }),
    index('training_consumptions_order_idx').on(t.districtId, t.orderId),
    index('training_consumptions_pending_idx').on(t.districtId, t.status, t.createdAt),
    check('training_consumptions_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** A refund of an order's unconsumed part: requested by the family, paid by the district or the institution by the deadline. */
export const trainingRefunds = pgTable(
  'training_refunds',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    studentId: uuid('student_id').notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull().default('requested'),
    deadline: localDate('deadline').notNull(),
    policyVersion: text('policy_version'),
    createdAt: createdAt(),
    requestedBy: uuid('requested_by'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: uuid('paid_by'),
    paidByName: text('paid_by_name'),
    payReference: text('pay_reference'),
    transferId: uuid('transfer_id'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('training_refunds_order_uq').on(t.districtId, t.orderId),
    foreignKey({ columns: [t.districtId, t.orderId], foreignColumns: [trainingOrders.districtId, trainingOrders.id] }),
    foreignKey({ columns: [t.districtId, t.transferId], foreignColumns: [trainingTransfers.districtId, trainingTransfers.id] }),
    index('training_refunds_institution_idx').on(t.districtId, t.institutionId, t.status),
    check('training_refunds_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** A risk deposit paid in (or returned) for an institution in deposit mode, recorded by the district. */
export const trainingDeposits = pgTable(
  'training_deposits',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    direction: text('direction', { enum: ['deposit', 'release'] }).notNull(),
    amountFen: fenColumn('amount_fen').notNull(),
    paidOn: localDate('paid_on').notNull(),
    reference: text('reference'),
    note: text('note'),
    transferId: uuid('transfer_id').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.transferId], foreignColumns: [trainingTransfers.districtId, trainingTransfers.id] }),
    index('training_deposits_institution_idx').on(t.districtId, t.institutionId),
    check('training_deposits_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

defineScope(trainingLessons, { district: trainingLessons.districtId, zone: trainingLessons.zoneId, institution: trainingLessons.institutionId });
defineScope(trainingConsumptions, { district: trainingConsumptions.districtId, zone: trainingConsumptions.zoneId, institution: trainingConsumptions.institutionId });
defineScope(trainingRefunds, { district: trainingRefunds.districtId, zone: trainingRefunds.zoneId, institution: trainingRefunds.institutionId });
defineScope(trainingDeposits, { district: trainingDeposits.districtId, zone: trainingDeposits.zoneId, institution: trainingDeposits.institutionId });
