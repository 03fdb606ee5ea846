/**
 * Tables of the 五项管理 module's phones area: a family's written request to bring a phone (书面申请) and its decision,
 * the register's daily marks of phones handed in and given back (统一保管), and each class's 班主任沟通热线.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PHONE_STATUSES } from '@shuangjian/contracts';
import { districtKey, localDate, users } from '../../platform/schema';
import { classes, students } from '../org/schema';

export const fivePhoneRequests = pgTable(
  'five_phone_requests',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    reason: text('reason').notNull(),
    /** The family's undertaking as signed, and its SHA-256 (hex): what was promised cannot change unseen. */
    undertaking: text('undertaking').notNull(),
    undertakingHash: text('undertaking_hash').notNull(),
    validUntil: localDate('valid_until').notNull(),
    status: text('status', { enum: PHONE_STATUSES }).notNull().default('pending'),
    /** The rule's version the request was taken under. */
    policyVersions: text('policy_versions'),
    filedBy: uuid('filed_by').notNull(),
    filedOn: localDate('filed_on').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedOn: localDate('decided_on'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.filedBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.decidedBy], foreignColumns: [users.districtId, users.id] }),
    // one pending request per child at a time
    uniqueIndex('five_phone_requests_pending_uq').on(t.districtId, t.studentId).where(sql`${t.status} = 'pending'`),
    index('five_phone_requests_class_idx').on(t.districtId, t.classId, t.status),
    index('five_phone_requests_student_idx').on(t.districtId, t.studentId),
  ],
);

/** A day's register mark of an approved phone: handed in to the class teacher, given back after school. */
export const fivePhoneMarks = pgTable(
  'five_phone_marks',
  {
    districtId: districtKey(),
    requestId: uuid('request_id').notNull(),
    date: localDate('date').notNull(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    handedIn: boolean('handed_in').notNull(),
    returned: boolean('returned').notNull(),
    markedBy: uuid('marked_by').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.requestId, t.date] }),
    foreignKey({ columns: [t.districtId, t.requestId], foreignColumns: [fivePhoneRequests.districtId, fivePhoneRequests.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.markedBy], foreignColumns: [users.districtId, users.id] }),
    index('five_phone_marks_class_idx').on(t.districtId, t.classId, t.date),
    check('five_phone_marks_returned_ck', sql`${t.handedIn} or not ${t.returned}`),
  ],
);

/** 班主任沟通热线: the number a class's families call in an emergency, kept by the class teacher. */
export const fivePhoneHotlines = pgTable(
  'five_phone_hotlines',
  {
    districtId: districtKey(),
    classId: uuid('class_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    phone: text('phone').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.classId] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.updatedBy], foreignColumns: [users.districtId, users.id] }),
  ],
);
