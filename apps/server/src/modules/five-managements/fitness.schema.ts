/**
 * Tables of the 五项管理 module's fitness area: a class's daily activity record (one per class and school day), and the
 * national student fitness test (国家学生体质健康标准) results imported per school and semester.
 */
import type { FitnessItemResult } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, localDate, updatedAt, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools, students } from '../org/schema';

/**
 * 大课间 minutes, PE lesson held, eye exercises done and minutes of physical activity in school, for one class on one
 * school day. The figures the day adds to the weekly indicators are kept with it (judged by the policy in force on
 * the date, version cited), so a correction takes back exactly what the earlier record added.
 */
export const fiveFitnessDays = pgTable(
  'five_fitness_days',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    bigBreakMinutes: smallint('big_break_minutes').notNull(),
    peLesson: boolean('pe_lesson').notNull(),
    eyeExercises: smallint('eye_exercises').notNull(),
    activityMinutes: smallint('activity_minutes').notNull(),
    note: text('note'),
    bigBreakOk: boolean('big_break_ok').notNull(),
    eyeDue: smallint('eye_due').notNull(),
    eyeDone: smallint('eye_done').notNull(),
    activityOk: boolean('activity_ok').notNull(),
    /** The version of 'five-managements.fitness' applied (0: the shipped default). */
    policyVersion: integer('policy_version').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.recordedBy], foreignColumns: [users.districtId, users.id] }),
    unique('five_fitness_days_class_uq').on(t.districtId, t.classId, t.date),
    index('five_fitness_days_school_idx').on(t.districtId, t.schoolId, t.date),
    check('five_fitness_days_minutes_ck', sql`${t.bigBreakMinutes} between 0 and 120 and ${t.activityMinutes} between 0 and 240`),
    check('five_fitness_days_eye_ck', sql`${t.eyeExercises} between 0 and 5 and ${t.eyeDone} between 0 and ${t.eyeDue}`),
  ],
);

/** One import of a fitness test file (the school, the semester, who, how many rows). */
export const fiveFitnessTestImports = pgTable(
  'five_fitness_test_imports',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    importedBy: uuid('imported_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.importedBy], foreignColumns: [users.districtId, users.id] }),
    index('five_fitness_test_imports_school_idx').on(t.districtId, t.schoolId, t.semesterId),
  ],
);

/**
 * A pupil's result of the semester's test: scores in tenths of a point (85.5 → 855), each item's 成绩/得分/等级 as the
 * file gave them, and the level (checked against the total on import). A later import of the semester replaces it.
 */
export const fiveFitnessTests = pgTable(
  'five_fitness_tests',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    /** The class the pupil was in when the results were imported. */
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    importId: uuid('import_id'),
    grade: smallint('grade').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }),
    /** 身高 in mm, 体重 in 100 g (tenths of cm and kg). */
    heightTenths: integer('height_tenths'),
    weightTenths: integer('weight_tenths'),
    items: jsonb('items').$type<FitnessItemResult[]>().notNull(),
    standardTenths: smallint('standard_tenths').notNull(),
    extraTenths: smallint('extra_tenths').notNull(),
    totalTenths: smallint('total_tenths').notNull(),
    level: text('level', { enum: ['excellent', 'good', 'pass', 'fail'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.importId], foreignColumns: [fiveFitnessTestImports.districtId, fiveFitnessTestImports.id] }),
    unique('five_fitness_tests_pupil_uq').on(t.districtId, t.semesterId, t.studentId),
    index('five_fitness_tests_school_idx').on(t.districtId, t.schoolId, t.semesterId),
    index('five_fitness_tests_student_idx').on(t.districtId, t.studentId),
    check('five_fitness_tests_scores_ck', sql`${t.standardTenths} between 0 and 1000 and ${t.extraTenths} between 0 and 200 and ${t.totalTenths} = ${t.standardTenths} + ${t.extraTenths}`),
  ],
);

/**
 * Results are read by school and pupil, not by class: the school's staff see the school's results (a teacher's
 * grant narrowed to classes still reaches its school here), a parent their own child's.
 */
defineScope(fiveFitnessTests, { district: fiveFitnessTests.districtId, school: fiveFitnessTests.schoolId, student: fiveFitnessTests.studentId });
