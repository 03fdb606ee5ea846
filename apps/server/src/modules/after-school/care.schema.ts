/**
 * 午餐午托 and 暑期托管 tables: a school's lunch offer per semester and who takes it, the day's lunch marks; summer
 * sites (a school's, or a community site the district runs), their sessions with the seat counter every enrolment
 * moves in the statement that checks it, enrolments with their fee, the staff rota and attendance.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LUNCH_FEE_MODES, LUNCH_MARKS, SUMMER_FEE_MODES, SUMMER_SITE_KINDS } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';
import { fenColumn } from './schema';

const day = (name: string) => date(name, { mode: 'string' });

export const afterSchoolLunchOffers = pgTable(
  'after_school_lunch_offers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    kitchens: text('kitchens').array().notNull(),
    feeMode: text('fee_mode', { enum: LUNCH_FEE_MODES }).notNull(),
    feeFen: fenColumn('fee_fen').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    uniqueIndex('after_school_lunch_offers_term_uq').on(t.districtId, t.schoolId, t.semesterId),
    check('after_school_lunch_offers_fee_ck', sql`${t.feeFen} >= 0`),
  ],
);

export const afterSchoolLunchEnrolments = pgTable(
  'after_school_lunch_enrolments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    offerId: uuid('offer_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    kitchen: text('kitchen').notNull(),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
    enrolledBy: uuid('enrolled_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.offerId], foreignColumns: [afterSchoolLunchOffers.districtId, afterSchoolLunchOffers.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.enrolledBy], foreignColumns: [users.districtId, users.id] }),
    uniqueIndex('after_school_lunch_enrolments_live_uq').on(t.districtId, t.offerId, t.studentId).where(sql`${t.endedOn} is null`),
    index('after_school_lunch_enrolments_offer_idx').on(t.districtId, t.offerId),
  ],
);

/** A child's lunch on a day: marked present, absent or on leave (the day's one tap, then exceptions). */
export const afterSchoolLunchMarks = pgTable(
  'after_school_lunch_marks',
  {
    districtId: districtKey(),
    offerId: uuid('offer_id').notNull(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    date: day('date').notNull(),
    mark: text('mark', { enum: LUNCH_MARKS }).notNull(),
    takenBy: uuid('taken_by').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.offerId, t.date, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.offerId], foreignColumns: [afterSchoolLunchOffers.districtId, afterSchoolLunchOffers.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    index('after_school_lunch_marks_student_idx').on(t.districtId, t.studentId, t.date),
  ],
);

/** 暑期托管点: a school's site (its school) or a community site (no school: the district's). */
export const afterSchoolSummerSites = pgTable(
  'after_school_summer_sites',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id'),
    year: smallint('year').notNull(),
    kind: text('kind', { enum: SUMMER_SITE_KINDS }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    capacity: integer('capacity').notNull(),
    feeMode: text('fee_mode', { enum: SUMMER_FEE_MODES }).notNull(),
    feeFen: fenColumn('fee_fen').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    uniqueIndex('after_school_summer_sites_name_uq').on(t.districtId, t.year, t.name),
    check('after_school_summer_sites_capacity_ck', sql`${t.capacity} > 0`),
    check('after_school_summer_sites_kind_ck', sql`${t.kind} = 'community' or ${t.schoolId} is not null`),
  ],
);
// a community site (no school) is the district's; a school's grants reach their own site and see community sites
defineScope(afterSchoolSummerSites, { district: afterSchoolSummerSites.districtId, school: afterSchoolSummerSites.schoolId, nullable: ['school'] });

export const afterSchoolSummerSessions = pgTable(
  'after_school_summer_sessions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    capacity: integer('capacity').notNull(),
    /** Seats taken: moved in the same statement that checks it against capacity. */
    enrolled: integer('enrolled').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.siteId], foreignColumns: [afterSchoolSummerSites.districtId, afterSchoolSummerSites.id] }).onDelete('cascade'),
    check('after_school_summer_sessions_seats_ck', sql`${t.enrolled} >= 0 and ${t.enrolled} <= ${t.capacity}`),
    check('after_school_summer_sessions_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
    index('after_school_summer_sessions_site_idx').on(t.districtId, t.siteId),
  ],
);

export const afterSchoolSummerEnrolments = pgTable(
  'after_school_summer_enrolments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    siteId: uuid('site_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** The child's own school (a community site takes children of any school). */
    schoolId: uuid('school_id').notNull(),
    status: text('status', { enum: ['enrolled', 'withdrawn'] }).notNull().default('enrolled'),
    waiverCode: text('waiver_code'),
    grossFen: fenColumn('gross_fen').notNull(),
    waivedFen: fenColumn('waived_fen').notNull(),
    dueFen: fenColumn('due_fen').notNull(),
    policyVersions: text('policy_versions'),
    enrolledBy: uuid('enrolled_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.sessionId], foreignColumns: [afterSchoolSummerSessions.districtId, afterSchoolSummerSessions.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    uniqueIndex('after_school_summer_enrolments_live_uq').on(t.districtId, t.sessionId, t.studentId).where(sql`${t.status} = 'enrolled'`),
    index('after_school_summer_enrolments_student_idx').on(t.districtId, t.studentId),
    check('after_school_summer_enrolments_fee_ck', sql`${t.dueFen} = ${t.grossFen} - ${t.waivedFen} and ${t.dueFen} >= 0`),
  ],
);

/** 值班表: the staff on duty at a site on a day. */
export const afterSchoolSummerRota = pgTable(
  'after_school_summer_rota',
  {
    districtId: districtKey(),
    siteId: uuid('site_id').notNull(),
    date: day('date').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.siteId, t.date, t.userId] }),
    foreignKey({ columns: [t.districtId, t.siteId], foreignColumns: [afterSchoolSummerSites.districtId, afterSchoolSummerSites.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
  ],
);

export const afterSchoolSummerMarks = pgTable(
  'after_school_summer_marks',
  {
    districtId: districtKey(),
    sessionId: uuid('session_id').notNull(),
    studentId: uuid('student_id').notNull(),
    date: day('date').notNull(),
    mark: text('mark', { enum: LUNCH_MARKS }).notNull(),
    takenBy: uuid('taken_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.sessionId, t.date, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.sessionId], foreignColumns: [afterSchoolSummerSessions.districtId, afterSchoolSummerSessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
  ],
);
