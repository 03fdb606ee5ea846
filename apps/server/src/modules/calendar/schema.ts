/** School calendar: semesters, and dated entries (holidays, worked weekends, vacations) for a district or one school. */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { defineScope } from '../../platform/access';
import { districtKey } from '../../platform/schema';
import { schools } from '../org/schema';

export const semesters = pgTable(
  'semesters',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    schoolYear: text('school_year').notNull(),
    term: smallint('term').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('semesters_term_uq').on(t.districtId, t.schoolYear, t.term),
    check('semesters_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  ],
);

export const calendarEntries = pgTable(
  'calendar_entries',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    /** NULL: the district's entry for every school. */
    schoolId: uuid('school_id'),
    kind: text('kind', { enum: ['holiday', 'workday', 'vacation'] }).notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    index('calendar_entries_dates_idx').on(t.districtId, t.startDate),
    check('calendar_entries_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  ],
);

defineScope(calendarEntries, { district: calendarEntries.districtId, school: calendarEntries.schoolId, nullable: ['school'] });
