/**
 * Tables of the 五项管理 self-check (自查自纠): the district's checklist per semester and its items, each school's
 * self-check and answers, rectifications (from 不符合 answers and from findings other areas raise) and their history.
 * Evidence files live in the platform's attachments (owner kind 'five-managements.selfcheck': an answer or a
 * rectification).
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MANAGEMENTS, SELFCHECK_EVENT_KINDS, SELFCHECK_EVIDENCE, SELFCHECK_RECT_ORIGINS, SELFCHECK_RECT_STATUSES, SELFCHECK_RESULTS, SELFCHECK_SOURCE_AREAS, SELFCHECK_STATUSES } from '@shuangjian/contracts';
import { createdAt, districtKey, localDate, updatedAt } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { schools } from '../org/schema';

/** One checklist per district and semester; items can change only while it is a draft. */
export const fiveSelfcheckChecklists = pgTable(
  'five_selfcheck_checklists',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    semesterId: uuid('semester_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: SELFCHECK_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('five_selfcheck_checklists_semester_uq').on(t.districtId, t.semesterId),
  ],
);

export const fiveSelfcheckItems = pgTable(
  'five_selfcheck_items',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    checklistId: uuid('checklist_id').notNull(),
    no: smallint('no').notNull(),
    management: text('management', { enum: MANAGEMENTS }).notNull(),
    text: text('text').notNull(),
    evidence: text('evidence', { enum: SELFCHECK_EVIDENCE }).notNull(),
    basis: text('basis').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.checklistId], foreignColumns: [fiveSelfcheckChecklists.districtId, fiveSelfcheckChecklists.id] }).onDelete('cascade'),
    unique('five_selfcheck_items_no_uq').on(t.districtId, t.checklistId, t.no),
  ],
);

/** A school's self-check of a published checklist: begun with its first answer, then submitted once. */
export const fiveSelfchecks = pgTable(
  'five_selfchecks',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    checklistId: uuid('checklist_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    status: text('status', { enum: ['draft', 'submitted'] }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.checklistId], foreignColumns: [fiveSelfcheckChecklists.districtId, fiveSelfcheckChecklists.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    unique('five_selfchecks_school_uq').on(t.districtId, t.checklistId, t.schoolId),
  ],
);

export const fiveSelfcheckAnswers = pgTable(
  'five_selfcheck_answers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    selfcheckId: uuid('selfcheck_id').notNull(),
    itemId: uuid('item_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    result: text('result', { enum: SELFCHECK_RESULTS }).notNull(),
    text: text('text'),
    responsible: text('responsible'),
    answeredBy: uuid('answered_by').notNull(),
    answeredByName: text('answered_by_name').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.selfcheckId], foreignColumns: [fiveSelfchecks.districtId, fiveSelfchecks.id] }),
    foreignKey({ columns: [t.districtId, t.itemId], foreignColumns: [fiveSelfcheckItems.districtId, fiveSelfcheckItems.id] }),
    unique('five_selfcheck_answers_item_uq').on(t.districtId, t.selfcheckId, t.itemId),
  ],
);

/**
 * A rectification (整改) of a school: from a 不符合 answer or a finding raised by another area. Open until the school
 * records its fix, then verified (closed, or sent back open). `overdueAt` is set once by the job when the deadline
 * passed while open. At most one unclosed rectification per answer and per source record.
 */
export const fiveSelfcheckRectifications = pgTable(
  'five_selfcheck_rectifications',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id'),
    management: text('management', { enum: MANAGEMENTS }).notNull(),
    origin: text('origin', { enum: SELFCHECK_RECT_ORIGINS }).notNull(),
    itemId: uuid('item_id'),
    answerId: uuid('answer_id'),
    sourceArea: text('source_area', { enum: SELFCHECK_SOURCE_AREAS }),
    sourceRefId: text('source_ref_id'),
    title: text('title').notNull(),
    detail: text('detail'),
    rule: jsonb('rule').$type<{ key: string; version: number | null }>(),
    status: text('status', { enum: SELFCHECK_RECT_STATUSES }).notNull().default('open'),
    openedOn: localDate('opened_on').notNull(),
    deadline: localDate('deadline').notNull(),
    citation: jsonb('citation').$type<{ rule: string; days: number; policyVersion: string | null }>().notNull(),
    responsible: text('responsible'),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.answerId], foreignColumns: [fiveSelfcheckAnswers.districtId, fiveSelfcheckAnswers.id] }),
    uniqueIndex('five_selfcheck_rect_source_open_uq').on(t.districtId, t.sourceArea, t.sourceRefId).where(sql`status <> 'closed' and source_ref_id is not null`),
    uniqueIndex('five_selfcheck_rect_answer_open_uq').on(t.districtId, t.answerId).where(sql`status <> 'closed' and answer_id is not null`),
    index('five_selfcheck_rect_school_idx').on(t.districtId, t.schoolId, t.semesterId),
    index('five_selfcheck_rect_open_idx').on(t.districtId, t.status, t.deadline),
  ],
);

/** What happened to a rectification: opened, person named, fix recorded (with evidence), sent back, closed, overdue. */
export const fiveSelfcheckEvents = pgTable(
  'five_selfcheck_events',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    rectificationId: uuid('rectification_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: text('kind', { enum: SELFCHECK_EVENT_KINDS }).notNull(),
    note: text('note'),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    deadline: localDate('deadline'),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.rectificationId], foreignColumns: [fiveSelfcheckRectifications.districtId, fiveSelfcheckRectifications.id] }).onDelete('cascade'),
    index('five_selfcheck_events_rect_idx').on(t.districtId, t.rectificationId, t.at),
  ],
);
