/**
 * 五项管理 · 读物管理 tables: the district's two lists (推荐书目, 负面清单) and what schools bring into school each
 * semester (filings), each filing holding the check it got when filed or last edited (the matched list entry as it
 * then stood: removing the entry from a list later rewrites neither the filing nor the finding it raised).
 */
import { READING_KINDS, READING_LISTS, READING_SOURCES, READING_STATUSES, type ReadingCheck } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, localDate, updatedAt, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { schools } from '../org/schema';

export const fiveReadingEntries = pgTable(
  'five_reading_entries',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    list: text('list', { enum: READING_LISTS }).notNull(),
    /** 'isbn:<ISBN-13>' or 'title:<normalised title>|<normalised publisher>' (readingEntryKey): one entry per book and list. */
    matchKey: text('match_key').notNull(),
    title: text('title').notNull(),
    author: text('author'),
    publisher: text('publisher'),
    /** ISBN-13 digits. */
    isbn: text('isbn'),
    kind: text('kind', { enum: READING_KINDS }).notNull(),
    gradeFrom: smallint('grade_from').notNull(),
    gradeTo: smallint('grade_to').notNull(),
    reason: text('reason'),
    addedOn: localDate('added_on').notNull(),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    uniqueIndex('five_reading_entries_key_uq').on(t.districtId, t.list, t.matchKey),
    index('five_reading_entries_list_idx').on(t.districtId, t.list, t.addedOn),
    foreignKey({ columns: [t.districtId, t.updatedBy], foreignColumns: [users.districtId, users.id] }),
    check('five_reading_entries_grades_ck', sql`${t.gradeFrom} between 1 and 9 and ${t.gradeTo} between ${t.gradeFrom} and 9`),
    check('five_reading_entries_reason_ck', sql`${t.list} <> 'negative' or ${t.reason} is not null`),
  ],
);

export const fiveReadingFilings = pgTable(
  'five_reading_filings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    title: text('title').notNull(),
    isbn: text('isbn'),
    publisher: text('publisher'),
    kind: text('kind', { enum: READING_KINDS }).notNull(),
    grades: smallint('grades').array().notNull(),
    copies: integer('copies').notNull(),
    source: text('source', { enum: READING_SOURCES }).notNull(),
    /** The book's key (readingEntryKey): a school files a book once per semester and source. */
    matchKey: text('match_key').notNull(),
    status: text('status', { enum: READING_STATUSES }).notNull(),
    /** The check as made: the matched entries as they then stood, the rule applied. */
    check: jsonb('check').$type<ReadingCheck>().notNull(),
    /** The self-check item a negative-list hit opened (kept when the filing is edited or the list changes). */
    findingId: text('finding_id'),
    filedOn: localDate('filed_on').notNull(),
    filedBy: uuid('filed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    uniqueIndex('five_reading_filings_book_uq').on(t.districtId, t.schoolId, t.semesterId, t.matchKey, t.source),
    index('five_reading_filings_semester_idx').on(t.districtId, t.semesterId, t.schoolId, t.status),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.filedBy], foreignColumns: [users.districtId, users.id] }),
    check('five_reading_filings_copies_ck', sql`${t.copies} > 0`),
  ],
);
