/** 批改: a teacher's marking record for one published item of a class (有布置必有批改; 全批全改, 面批面改). */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, updatedAt, users } from '../../platform/schema';
import { classes } from '../org/schema';
import { homeworkItems } from './schema';

export const homeworkMarkings = pgTable(
  'homework_markings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    /** The item's teacher and subject, kept here so rates per teacher read one table. */
    teacherId: uuid('teacher_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    scope: text('scope', { enum: ['all', 'part'] }).notNull(),
    /** Students in the class when marking was recorded; `marked` of them were marked. */
    students: smallint('students').notNull(),
    marked: smallint('marked').notNull(),
    faceToFace: smallint('face_to_face').notNull().default(0),
    faceToFaceStudentIds: uuid('face_to_face_student_ids').array().notNull().default(sql`'{}'::uuid[]`),
    note: text('note'),
    markedBy: uuid('marked_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('homework_markings_item_uq').on(t.districtId, t.itemId),
    foreignKey({ columns: [t.districtId, t.itemId], foreignColumns: [homeworkItems.districtId, homeworkItems.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.markedBy], foreignColumns: [users.districtId, users.id] }),
    index('homework_markings_school_idx').on(t.districtId, t.schoolId, t.date),
    index('homework_markings_class_idx').on(t.districtId, t.classId, t.date),
    check('homework_markings_counts_ck', sql`${t.marked} between 0 and ${t.students} and ${t.faceToFace} between 0 and ${t.marked}`),
  ],
);
