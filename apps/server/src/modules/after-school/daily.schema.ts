/**
 * 课后服务 daily running beyond the core sessions, attendance and leaves: pick-up sign-out (接送), patrols (巡视) and
 * the monthly quality assessment per course. Flexible hours are computed from sessions and need no table.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, users } from '../../platform/schema';
import { schools, students } from '../org/schema';
import { afterSchoolCourses, localDate } from './schema';

/**
 * 接送: who collected a child after the service and when, recorded by staff; one sign-out per child and day (a
 * correction replaces it). No class column: the after-school teacher signs out children of any class of the school.
 */
export const afterSchoolPickups = pgTable(
  'after_school_pickups',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    date: localDate('date').notNull(),
    collectorName: text('collector_name').notNull(),
    relation: text('relation').notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.recordedBy], foreignColumns: [users.districtId, users.id] }),
    unique('after_school_pickups_day_uq').on(t.districtId, t.studentId, t.date),
    index('after_school_pickups_school_idx').on(t.districtId, t.schoolId, t.date),
  ],
);

/** 巡视: one staff member's visit to a course or a place during the service, with findings, a 1–5 rating and issues. */
export const afterSchoolPatrols = pgTable(
  'after_school_patrols',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    date: localDate('date').notNull(),
    courseId: uuid('course_id'),
    place: text('place'),
    findings: text('findings').notNull(),
    rating: smallint('rating').notNull(),
    issues: text('issues').array().notNull().default(sql`'{}'::text[]`),
    patrolledBy: uuid('patrolled_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    foreignKey({ columns: [t.districtId, t.patrolledBy], foreignColumns: [users.districtId, users.id] }),
    index('after_school_patrols_school_idx').on(t.districtId, t.schoolId, t.date),
    check('after_school_patrols_rating_ck', sql`${t.rating} between 1 and 5`),
    check('after_school_patrols_where_ck', sql`${t.courseId} is not null or ${t.place} is not null`),
  ],
);

/** Monthly quality assessment (月度考核) of a course: a 1–100 score and a comment, one per course and month. */
export const afterSchoolAssessments = pgTable(
  'after_school_assessments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    courseId: uuid('course_id').notNull(),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    score: smallint('score').notNull(),
    comment: text('comment'),
    assessedBy: uuid('assessed_by').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    foreignKey({ columns: [t.districtId, t.assessedBy], foreignColumns: [users.districtId, users.id] }),
    unique('after_school_assessments_month_uq').on(t.districtId, t.courseId, t.month),
    index('after_school_assessments_school_idx').on(t.districtId, t.schoolId, t.month),
    check('after_school_assessments_score_ck', sql`${t.score} between 1 and 100`),
    check('after_school_assessments_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
