/**
 * Tables of the 家校社协同 module's visits and special students: each home visit (家访) with the rule versions it was
 * recorded under; the file of a special student (一人一档: care plan, stand-in parent) and its care records; the
 * school's designated care staff (关爱专干). The flags themselves stay in org's student_sensitive.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CARE_KINDS, MET_RELATIONS, VISIT_MODES } from '@shuangjian/contracts';
import { districtKey, localDate, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';

export const hsVisits = pgTable(
  'hs_visits',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** The semester the date falls in (null between semesters). */
    semesterId: uuid('semester_id'),
    teacherId: uuid('teacher_id').notNull(),
    asClassTeacher: boolean('as_class_teacher').notNull(),
    mode: text('mode', { enum: VISIT_MODES }).notNull(),
    date: localDate('date').notNull(),
    metRelation: text('met_relation', { enum: MET_RELATIONS }).notNull(),
    metName: text('met_name').notNull(),
    topics: text('topics').array().notNull(),
    topicText: text('topic_text'),
    notes: text('notes'),
    followUp: text('follow_up'),
    followUpDue: localDate('follow_up_due'),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    policyVersions: text('policy_versions'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.teacherId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    index('hs_visits_teacher_idx').on(t.districtId, t.teacherId, t.date),
    index('hs_visits_class_idx').on(t.districtId, t.classId, t.semesterId),
    index('hs_visits_student_idx').on(t.districtId, t.studentId, t.semesterId),
  ],
);

/** 关爱专干: staff of a school its administrator designated to read and keep special students' files. */
export const hsCareStaff = pgTable(
  'hs_care_staff',
  {
    districtId: districtKey(),
    schoolId: uuid('school_id').notNull(),
    userId: uuid('user_id').notNull(),
    designatedBy: uuid('designated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.schoolId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.designatedBy], foreignColumns: [users.districtId, users.id] }),
  ],
);

/** 一人一档: one file per special student (care plan and stand-in parent). */
export const hsSpecialFiles = pgTable(
  'hs_special_files',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    goals: text('goals'),
    measures: text('measures'),
    responsible: text('responsible'),
    /** 代理家长: a staff member of the school. */
    standInId: uuid('stand_in_id'),
    lastCareDate: localDate('last_care_date'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.standInId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.updatedBy], foreignColumns: [users.districtId, users.id] }),
    index('hs_special_files_school_idx').on(t.districtId, t.schoolId, t.classId),
  ],
);

export const hsCareRecords = pgTable(
  'hs_care_records',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    kind: text('kind', { enum: CARE_KINDS }).notNull(),
    date: localDate('date').notNull(),
    byId: uuid('by_id').notNull(),
    content: text('content').notNull(),
    followUp: text('follow_up'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [hsSpecialFiles.districtId, hsSpecialFiles.studentId] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.byId], foreignColumns: [users.districtId, users.id] }),
    index('hs_care_records_student_idx').on(t.districtId, t.studentId, t.date),
    check('hs_care_records_content_ck', sql`length(${t.content}) > 0`),
  ],
);
