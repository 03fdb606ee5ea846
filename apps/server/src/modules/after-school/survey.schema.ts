/**
 * 满意度调查 tables. A survey's answers are anonymous to the school: `survey_answers` holds no child and no parent,
 * only the group keys results are shown by (school, grade, course). Who was asked, and whether they have answered, is
 * kept apart in `survey_recipients`, only to refuse a second answer and to count the response rate.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, users } from '../../platform/schema';
import { schools, students } from '../org/schema';
import { afterSchoolCourses } from './schema';

export const afterSchoolSurveys = pgTable(
  'after_school_surveys',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    /** The school that runs it; null: the district's own survey. */
    schoolId: uuid('school_id'),
    title: text('title').notNull(),
    intro: text('intro'),
    /** SurveyQuestion[] (contracts). */
    questions: jsonb('questions').notNull(),
    /** Whom it reaches: schools (empty = all), grades (empty = all), courses (empty = not narrowed). */
    audienceSchoolIds: uuid('audience_school_ids').array().notNull().default(sql`'{}'::uuid[]`),
    audienceGrades: smallint('audience_grades').array().notNull().default(sql`'{}'::smallint[]`),
    audienceCourseIds: uuid('audience_course_ids').array().notNull().default(sql`'{}'::uuid[]`),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['draft', 'sent'] }).notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('after_school_surveys_school_idx').on(t.districtId, t.schoolId, t.opensOn),
    check('after_school_surveys_dates_ck', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);
// a district survey (no school) is the district's: school-level grants see it only where it reaches their school
defineScope(afterSchoolSurveys, { district: afterSchoolSurveys.districtId, school: afterSchoolSurveys.schoolId, nullable: ['school'] });

/** A child the survey reached (one answer per child), with the group keys their answer will carry. */
export const afterSchoolSurveyRecipients = pgTable(
  'after_school_survey_recipients',
  {
    districtId: districtKey(),
    surveyId: uuid('survey_id').notNull(),
    studentId: uuid('student_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    courseId: uuid('course_id'),
    /** Whether the family has answered; no time is kept, so an answer cannot be matched to it by when it came. */
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.surveyId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.surveyId], foreignColumns: [afterSchoolSurveys.districtId, afterSchoolSurveys.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    index('after_school_survey_recipients_student_idx').on(t.districtId, t.studentId),
  ],
);

/** One family's answer sheet: no child, no parent, no time; only the keys of the groups results are shown by. */
export const afterSchoolSurveyAnswers = pgTable(
  'after_school_survey_answers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    courseId: uuid('course_id'),
    /** (SurveyAnswerValue | null)[] in question order. */
    answers: jsonb('answers').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.surveyId], foreignColumns: [afterSchoolSurveys.districtId, afterSchoolSurveys.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    index('after_school_survey_answers_survey_idx').on(t.districtId, t.surveyId, t.schoolId),
  ],
);
