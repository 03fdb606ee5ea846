/**
 * 考试管理 · the exams a school files (each checked against the district's exam limits when filed; a refused attempt is
 * kept as a violation with its findings) and the results, as levels (等级) only: no column holds a score or a rank.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { EXAM_FILING_STATUSES, EXAM_FORMS, EXAM_TYPES, LEVELS } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, localDate, updatedAt, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students, subjects } from '../org/schema';

/** One exam filing. No school: the district's own filing (its yearly sample test), seen by every school. */
export const examFilings = pgTable(
  'exam_filings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id'),
    zoneId: uuid('zone_id'),
    semesterId: uuid('semester_id').notNull(),
    /** The school year of the semester ('2026-2027'): the district sample test is counted per school year. */
    schoolYear: text('school_year').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: EXAM_TYPES }).notNull(),
    form: text('form', { enum: EXAM_FORMS }).notNull(),
    grades: smallint('grades').array().notNull(),
    subjectIds: uuid('subject_ids').array().notNull(),
    date: localDate('date').notNull(),
    note: text('note'),
    status: text('status', { enum: EXAM_FILING_STATUSES }).notNull(),
    /** The rules a refused attempt broke, as cited then ({ rule, message, citation }). */
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    /** A refused change of this accepted filing. */
    amendsId: uuid('amends_id'),
    filedBy: uuid('filed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.filedBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.amendsId], foreignColumns: [t.districtId, t.id] }),
    index('exam_filings_school_idx').on(t.districtId, t.schoolId, t.semesterId, t.status),
    index('exam_filings_semester_idx').on(t.districtId, t.semesterId, t.status),
    check('exam_filings_grades_ck', sql`cardinality(${t.grades}) >= 1`),
    check('exam_filings_subjects_ck', sql`cardinality(${t.subjectIds}) >= 1`),
  ],
);
defineScope(examFilings, { district: examFilings.districtId, zone: examFilings.zoneId, school: examFilings.schoolId, nullable: ['zone', 'school'] });

/** A pupil's level in one subject of an exam (等级制). The class is the pupil's class when recorded. */
export const examResults = pgTable(
  'exam_results',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    examId: uuid('exam_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('exam_results_pupil_uq').on(t.districtId, t.examId, t.studentId, t.subjectId),
    foreignKey({ columns: [t.districtId, t.examId], foreignColumns: [examFilings.districtId, examFilings.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.subjectId], foreignColumns: [subjects.districtId, subjects.id] }),
    foreignKey({ columns: [t.districtId, t.recordedBy], foreignColumns: [users.districtId, users.id] }),
    index('exam_results_class_idx').on(t.districtId, t.examId, t.classId, t.subjectId),
    index('exam_results_student_idx').on(t.districtId, t.studentId),
  ],
);
