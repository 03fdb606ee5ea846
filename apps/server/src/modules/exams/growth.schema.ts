/**
 * Tables of the exams module's growth area (综合素质评价, seed 003: 每生一档,全员全程全景记录): a pupil's entries per
 * semester by dimension (德智体美劳) and kind, and teachers' comments (per dimension, or the class teacher's overall
 * 评语). A deleted entry leaves its audit entry; the class keeps its school and class for scoping.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtKey, localDate, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';

export const growthEntries = pgTable(
  'growth_entries',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    dimension: text('dimension', { enum: ['moral', 'intellect', 'physical', 'aesthetic', 'labour'] }).notNull(),
    kind: text('kind', { enum: ['activity', 'award', 'labour', 'sports_skill', 'art_skill'] }).notNull(),
    date: localDate('date').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    /** The district labour list's code (kind 'labour' only). */
    labourCode: text('labour_code'),
    /** Entries made together for many pupils (a bulk entry) share it. */
    batchId: uuid('batch_id'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.recordedBy], foreignColumns: [users.districtId, users.id] }),
    index('growth_entries_student_idx').on(t.districtId, t.studentId, t.semesterId),
    index('growth_entries_class_idx').on(t.districtId, t.classId, t.semesterId),
    /** A labour-list task counts once per pupil and semester (the grid's tick). */
    uniqueIndex('growth_entries_labour_uq').on(t.districtId, t.studentId, t.semesterId, t.labourCode).where(sql`${t.labourCode} is not null`),
    check('growth_entries_labour_ck', sql`(${t.kind} = 'labour') = (${t.labourCode} is not null)`),
  ],
);

/** A teacher's comment on a pupil's semester: one per scope ('overall' = 班主任评语, or a dimension); editing replaces it. */
export const growthComments = pgTable(
  'growth_comments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    scope: text('scope', { enum: ['overall', 'moral', 'intellect', 'physical', 'aesthetic', 'labour'] }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.authorId], foreignColumns: [users.districtId, users.id] }),
    unique('growth_comments_scope_uq').on(t.districtId, t.studentId, t.semesterId, t.scope),
    index('growth_comments_class_idx').on(t.districtId, t.classId, t.semesterId),
  ],
);
