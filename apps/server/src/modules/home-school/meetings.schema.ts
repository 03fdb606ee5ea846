/**
 * Tables of the 家校社协同 module's parent meetings and parent school: a class's meetings with each family's
 * attendance, the class teacher's weekly online parent lecture (家长教育大讲堂), and the district's and schools'
 * family-education lectures with parents' sign-ups (the lecture row keeps its count, so capacity holds atomically).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MEETING_STATUSES } from '@shuangjian/contracts';
import { districtKey, localDate, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';

export const hsMeetings = pgTable(
  'hs_meetings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    semesterId: uuid('semester_id'),
    title: text('title').notNull(),
    date: localDate('date').notNull(),
    place: text('place'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    minutes: text('minutes'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('hs_meetings_class_idx').on(t.districtId, t.classId, t.date),
  ],
);

/** A family's attendance at a held meeting: one row per pupil of the class (guardian attended or not). */
export const hsMeetingAttendance = pgTable(
  'hs_meeting_attendance',
  {
    districtId: districtKey(),
    meetingId: uuid('meeting_id').notNull(),
    studentId: uuid('student_id').notNull(),
    attended: boolean('attended').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.meetingId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.meetingId], foreignColumns: [hsMeetings.districtId, hsMeetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
  ],
);

/** 家长教育大讲堂: the class teacher's weekly online lecture for the class's parents. */
export const hsClassLectures = pgTable(
  'hs_class_lectures',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    semesterId: uuid('semester_id'),
    topic: text('topic').notNull(),
    date: localDate('date').notNull(),
    link: text('link'),
    joined: integer('joined').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('hs_class_lectures_class_idx').on(t.districtId, t.classId, t.date),
    check('hs_class_lectures_joined_ck', sql`${t.joined} >= 0`),
  ],
);

/** 家庭教育专题讲座 of the district (school_id null) or a school. */
export const hsLectures = pgTable(
  'hs_lectures',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id'),
    semesterId: uuid('semester_id'),
    title: text('title').notNull(),
    speaker: text('speaker'),
    date: localDate('date').notNull(),
    time: text('time'),
    place: text('place'),
    link: text('link'),
    capacity: integer('capacity').notNull(),
    signedUp: integer('signed_up').notNull().default(0),
    grades: smallint('grades').array().notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('hs_lectures_date_idx').on(t.districtId, t.date),
    // never over-full: the sign-up's conditional increment and this check hold it even under concurrent sign-ups
    check('hs_lectures_capacity_ck', sql`${t.signedUp} >= 0 and ${t.signedUp} <= ${t.capacity}`),
  ],
);

export const hsLectureSignups = pgTable(
  'hs_lecture_signups',
  {
    districtId: districtKey(),
    lectureId: uuid('lecture_id').notNull(),
    userId: uuid('user_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** The school of the child, for the school's figures (a district lecture's attendance is counted per school). */
    schoolId: uuid('school_id').notNull(),
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.lectureId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.lectureId], foreignColumns: [hsLectures.districtId, hsLectures.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
  ],
);
