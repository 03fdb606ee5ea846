/**
 * Tables of the 五项管理 module's sleep area: a child's reported night (the date it begins) judged when reported
 * against the stage's rule in force on that date, and a family's saved usual times for the one-tap report.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STAGES } from '@shuangjian/contracts';
import { districtKey, localDate, users } from '../../platform/schema';
import { classes, students } from '../org/schema';

const hhmm = (t: string) => sql.raw(`${t} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`);

export const fiveSleepReports = pgTable(
  'five_sleep_reports',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    /** The date the night begins. */
    date: localDate('date').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    grade: smallint('grade').notNull(),
    stage: text('stage', { enum: STAGES }).notNull(),
    bedtime: text('bedtime').notNull(),
    wakeTime: text('wake_time').notNull(),
    minutes: smallint('minutes').notNull(),
    meetsMinimum: boolean('meets_minimum').notNull(),
    bedtimeOk: boolean('bedtime_ok').notNull(),
    lateMinutes: smallint('late_minutes').notNull().default(0),
    /** Homework that evening ended after the latest bedtime (作业熔断 record), counted against the night. */
    homeworkLate: boolean('homework_late').notNull().default(false),
    asUsual: boolean('as_usual').notNull().default(false),
    /** The rule applied: the stage's numbers and the setting's version ('key@id'; null: the shipped default). */
    minMinutes: smallint('min_minutes').notNull(),
    latestBedtime: text('latest_bedtime').notNull(),
    policyVersions: text('policy_versions'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId, t.date] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.reportedBy], foreignColumns: [users.districtId, users.id] }),
    index('five_sleep_reports_class_idx').on(t.districtId, t.classId, t.date),
    check('five_sleep_reports_times_ck', sql`${hhmm('bedtime')} and ${hhmm('wake_time')}`),
    check('five_sleep_reports_minutes_ck', sql`${t.minutes} between 0 and 1440`),
  ],
);

/** 平时作息: the family's usual bedtime and wake time, for "as usual". */
export const fiveSleepUsual = pgTable(
  'five_sleep_usual',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    bedtime: text('bedtime').notNull(),
    wakeTime: text('wake_time').notNull(),
    savedBy: uuid('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.savedBy], foreignColumns: [users.districtId, users.id] }),
    check('five_sleep_usual_times_ck', sql`${hhmm('bedtime')} and ${hhmm('wake_time')}`),
  ],
);
