/**
 * 假期作业天天交、天天清: a child's work handed in for a vacation day (done, or photos and files), the class's teachers'
 * feedback on it, and the excellent-work list each school publishes per grade after the vacation (寒暑假作业优秀学生名单).
 */
import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, updatedAt, users } from '../../platform/schema';
import { classes, schools, students } from '../org/schema';

const localDate = (name: string) => date(name, { mode: 'string' });

/** One hand-in per child and vacation day; handing in again replaces the files and note. */
export const homeworkHandIns = pgTable(
  'homework_hand_ins',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    grade: smallint('grade').notNull(),
    date: localDate('date').notNull(),
    /** Files in homework_attachments, uploaded by the family for this hand-in. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    note: text('note'),
    handedInBy: uuid('handed_in_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('homework_hand_ins_day_uq').on(t.districtId, t.studentId, t.date),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.handedInBy], foreignColumns: [users.districtId, users.id] }),
    index('homework_hand_ins_class_idx').on(t.districtId, t.classId, t.date),
    index('homework_hand_ins_grade_idx').on(t.districtId, t.schoolId, t.grade, t.date),
  ],
);

/** A teacher's feedback on a hand-in: a short comment, and 优秀 for excellent work. One per teacher and hand-in. */
export const homeworkHandInReviews = pgTable(
  'homework_hand_in_reviews',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    handInId: uuid('hand_in_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    comment: text('comment'),
    excellent: boolean('excellent').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('homework_hand_in_reviews_uq').on(t.districtId, t.handInId, t.teacherId),
    foreignKey({ columns: [t.districtId, t.handInId], foreignColumns: [homeworkHandIns.districtId, homeworkHandIns.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.teacherId], foreignColumns: [users.districtId, users.id] }),
  ],
);

/** 寒暑假作业优秀学生名单: published once per school, grade and vacation, kept as it was (a trigger refuses changes). */
export const homeworkExcellentLists = pgTable(
  'homework_excellent_lists',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    vacationName: text('vacation_name').notNull(),
    vacationFrom: localDate('vacation_from').notNull(),
    vacationTo: localDate('vacation_to').notNull(),
    minExcellent: smallint('min_excellent').notNull(),
    policyVersions: text('policy_versions'),
    /** The listed students as published: id, name, class, excellent marks, days handed in. */
    students: jsonb('students').notNull(),
    publishedBy: uuid('published_by').notNull(),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('homework_excellent_lists_uq').on(t.districtId, t.schoolId, t.grade, t.vacationFrom),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
  ],
);
