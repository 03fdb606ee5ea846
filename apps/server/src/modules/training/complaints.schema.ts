/**
 * 校外培训监管: the complaints area's tables (举报). A ticket is filed on the public form (no account) or by a signed-in
 * parent, is assigned by the district to a zone, investigated and answered within the policy's working days
 * ('training.handling'.complaintAnswerDays), and closed. Every step is an event row (the ticket's timeline).
 *
 * Plain columns others read for counts (the district view): zone_id (null until assigned), institution_id (null when
 * the complainant typed a name), status, created_at, deadline.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, localDate, updatedAt, users } from '../../platform/schema';
import { institutions, zones } from '../org/schema';

export const trainingComplaints = pgTable(
  'training_complaints',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    /** The ticket code the complainant keeps (10 characters of base32 from crypto): unique across districts. */
    code: text('code').notNull(),
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull(),
    category: text('category', { enum: COMPLAINT_CATEGORIES }).notNull(),
    institutionId: uuid('institution_id'),
    /** The known institution's name when filed, or the name the complainant typed. */
    institutionName: text('institution_name').notNull(),
    description: text('description').notNull(),
    /** The number to reply to; shown in full only to the ticket's handler, masked elsewhere and in the audit log. */
    replyPhone: text('reply_phone'),
    /** The parent's account when filed from the parent's form. */
    filedBy: uuid('filed_by'),
    zoneId: uuid('zone_id'),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('received'),
    /** Who took the ticket into investigation (and answers it). */
    handlerId: uuid('handler_id'),
    receivedOn: localDate('received_on').notNull(),
    /** receivedOn + answerDays working days (weekends and statutory holidays of the district calendar skipped). */
    deadline: localDate('deadline').notNull(),
    answerDays: smallint('answer_days').notNull(),
    /** The policy versions the deadline was taken from (null: the shipped default). */
    policyVersion: text('policy_version'),
    answer: text('answer'),
    answeredOn: localDate('answered_on'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    uniqueIndex('training_complaints_code_uq').on(t.code),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.zoneId], foreignColumns: [zones.districtId, zones.id] }),
    foreignKey({ columns: [t.districtId, t.filedBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.handlerId], foreignColumns: [users.districtId, users.id] }),
    index('training_complaints_status_idx').on(t.districtId, t.status, t.deadline),
    index('training_complaints_zone_idx').on(t.districtId, t.zoneId),
    index('training_complaints_institution_idx').on(t.districtId, t.institutionId),
    index('training_complaints_filed_by_idx').on(t.districtId, t.filedBy),
    check('training_complaints_answer_ck', sql`${t.status} not in ('answered', 'closed') or ${t.answer} is not null`),
    check('training_complaints_assigned_ck', sql`${t.status} = 'received' or ${t.zoneId} is not null`),
  ],
);
// Handlers reach tickets by zone only (an inspector of a zone handles every ticket assigned to it, whatever the
// institution, or none named); a ticket not yet assigned is the district's.
defineScope(trainingComplaints, { district: trainingComplaints.districtId, zone: trainingComplaints.zoneId });

/** A ticket's timeline: each status it reached, who moved it, when, with a note. */
export const trainingComplaintEvents = pgTable(
  'training_complaint_events',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    complaintId: uuid('complaint_id').notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    note: text('note'),
    /** Null for the public filing (no account). */
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.complaintId], foreignColumns: [trainingComplaints.districtId, trainingComplaints.id] }),
    index('training_complaint_events_ticket_idx').on(t.districtId, t.complaintId, t.at),
  ],
);
