/**
 * 课后服务 core tables: the district's provider white list, each school's semester plan (一校一案) and its versions,
 * the course catalogue, enrolment windows, families' agreements and choices, and the per-school rollup the district
 * dashboards read. Daily running, money, surveys and care keep their tables in `<area>.schema.ts` beside this file.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { COURSE_CATEGORIES, COURSE_STAFFING, ENROLMENT_STATUSES, PLAN_STATUSES, WINDOW_MODES } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, fenColumn, localDate, updatedAt, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, institutions, schools, students } from '../org/schema';

// the column helpers, re-exported for the module's area schema files
export { fenColumn, localDate } from '../../platform/schema';

/** 白名单: an outside provider's item, picked by the district's expert panel, with its listed per-lesson price. */
export const afterSchoolProviders = pgTable(
  'after_school_providers',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    /** The institution's name as the panel listed it (schools and the public page read the list without the registry). */
    institutionName: text('institution_name').notNull(),
    item: text('item').notNull(),
    category: text('category', { enum: COURSE_CATEGORIES }).notNull(),
    pricePerLessonFen: fenColumn('price_per_lesson_fen').notNull(),
    /** 'listed' providers may be picked by schools; 'delisted' ones keep their history. */
    status: text('status', { enum: ['listed', 'delisted'] }).notNull().default('listed'),
    listedFrom: localDate('listed_from').notNull(),
    listedUntil: localDate('listed_until'),
    panelNote: text('panel_note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    unique('after_school_providers_item_uq').on(t.districtId, t.institutionId, t.item),
    check('after_school_providers_price_ck', sql`${t.pricePerLessonFen} > 0`),
  ],
);

// the white list is published to every school of the district: not narrowed by institution
defineScope(afterSchoolProviders, { district: afterSchoolProviders.districtId });

/**
 * 一校一案: one row per version of a school's semester plan. A version is edited while draft or returned, then
 * submitted; the district approves it (in force, the earlier approved version becomes superseded) or returns it
 * with reasons. The plan's own fields are one JSON document checked by the policy package (days and periods,
 * staffing, fee plan, safety and pick-up); the course catalogue it covers is copied into `courses` at submit.
 */
export const afterSchoolPlans = pgTable(
  'after_school_plans',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    /** ServicePlan document (contracts): weekdays, periods, staffing, fee plan, safety and pick-up. */
    body: jsonb('body').notNull(),
    /** The catalogue the plan covers, as submitted. */
    courses: jsonb('courses').notNull().default(sql`'[]'::jsonb`),
    /** The policy check at submit: findings and the policy versions it applied. */
    check: jsonb('check'),
    policyVersions: text('policy_versions'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('after_school_plans_version_uq').on(t.districtId, t.schoolId, t.semesterId, t.version),
    // at most one version open for editing or review, and one in force, per school and semester
    uniqueIndex('after_school_plans_open_uq')
      .on(t.districtId, t.schoolId, t.semesterId)
      .where(sql`${t.status} in ('draft', 'submitted', 'returned')`),
    uniqueIndex('after_school_plans_in_force_uq').on(t.districtId, t.schoolId, t.semesterId).where(sql`${t.status} = 'approved'`),
    index('after_school_plans_status_idx').on(t.districtId, t.semesterId, t.status),
  ],
);

/**
 * The course catalogue of a school's semester: homework help (作业辅导, the "1") and clubs (the "X"). `enrolled` is
 * the seat counter every choice moves in the same statement that checks it against `capacity`: seats are never
 * oversold, whatever the number of parents choosing at once.
 */
export const afterSchoolCourses = pgTable(
  'after_school_courses',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    name: text('name').notNull(),
    category: text('category', { enum: COURSE_CATEGORIES }).notNull(),
    description: text('description'),
    grades: smallint('grades').array().notNull(),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    /** ISO weekdays 1–5 the course meets. */
    weekdays: smallint('weekdays').array().notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    room: text('room'),
    staffing: text('staffing', { enum: COURSE_STAFFING }).notNull(),
    /** Own teachers who run it (staffing 'teacher'), or who accompany a provider or volunteers. */
    teacherIds: uuid('teacher_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** 家长助教 / volunteers by name (staffing 'volunteer'). */
    volunteers: text('volunteers').array().notNull().default(sql`'{}'::text[]`),
    providerId: uuid('provider_id'),
    /** The white list's per-lesson price when the course was filed (代收费 per lesson a child attends). */
    pricePerLessonFen: fenColumn('price_per_lesson_fen').notNull().default(0),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.providerId], foreignColumns: [afterSchoolProviders.districtId, afterSchoolProviders.id] }),
    unique('after_school_courses_name_uq').on(t.districtId, t.schoolId, t.semesterId, t.name),
    index('after_school_courses_school_idx').on(t.districtId, t.schoolId, t.semesterId),
    check('after_school_courses_seats_ck', sql`${t.enrolled} >= 0 and ${t.enrolled} <= ${t.capacity}`),
    check('after_school_courses_times_ck', sql`${t.startTime} < ${t.endTime}`),
    check('after_school_courses_provider_ck', sql`(${t.staffing} = 'provider') = (${t.providerId} is not null)`),
  ],
);

/** 选课 window of a school's semester: when families choose, and how an over-subscribed course is filled. */
export const afterSchoolWindows = pgTable(
  'after_school_windows',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    mode: text('mode', { enum: WINDOW_MODES }).notNull(),
    /** Clubs a child may hold at once (homework help not counted). */
    maxClubs: smallint('max_clubs').notNull().default(2),
    /** Lottery: the published seed and when the draw ran (anyone can redo it from the seed and the requests). */
    lotterySeed: text('lottery_seed'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    index('after_school_windows_school_idx').on(t.districtId, t.schoolId, t.semesterId),
    check('after_school_windows_times_ck', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** 书面协议: a family's signed service agreement for a child and semester; opting out ends it from a date. */
export const afterSchoolAgreements = pgTable(
  'after_school_agreements',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    /** The plan version whose terms (fee standard, times) were signed. */
    planId: uuid('plan_id').notNull(),
    signedBy: uuid('signed_by').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The agreement text as shown, by its hash (sha-256 hex), so what was signed can be proven later. */
    textHash: text('text_hash').notNull(),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    /** First day not served after opting out (refunds count from it). */
    optOutFrom: localDate('opt_out_from'),
    optOutReason: text('opt_out_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.planId], foreignColumns: [afterSchoolPlans.districtId, afterSchoolPlans.id] }),
    foreignKey({ columns: [t.districtId, t.signedBy], foreignColumns: [users.districtId, users.id] }),
    unique('after_school_agreements_student_uq').on(t.districtId, t.studentId, t.semesterId),
    index('after_school_agreements_school_idx').on(t.districtId, t.schoolId, t.semesterId),
  ],
);

/**
 * A child's place in a course: enrolled (holds a seat), waitlisted (in `position` order), requested (a lottery
 * window before its draw), withdrawn or lost (the draw did not pick it). One live row per child and course.
 */
export const afterSchoolEnrolments = pgTable(
  'after_school_enrolments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    courseId: uuid('course_id').notNull(),
    windowId: uuid('window_id'),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
    /** Order of arrival (first come, and the waiting list); a lottery's draw order after the draw. */
    position: bigint('position', { mode: 'number' }).notNull(),
    chosenBy: uuid('chosen_by').notNull(),
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow(),
    seatedAt: timestamp('seated_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** First day not served after a withdrawal (refunds and provider lessons count from it). */
    endedFrom: localDate('ended_from'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    foreignKey({ columns: [t.districtId, t.windowId], foreignColumns: [afterSchoolWindows.districtId, afterSchoolWindows.id] }),
    uniqueIndex('after_school_enrolments_live_uq')
      .on(t.districtId, t.studentId, t.courseId)
      .where(sql`${t.status} in ('enrolled', 'waitlisted', 'requested')`),
    index('after_school_enrolments_course_idx').on(t.districtId, t.courseId, t.status, t.position),
    index('after_school_enrolments_student_idx').on(t.districtId, t.studentId),
  ],
);

/**
 * What the district's dashboards read, per school and semester, kept up to date by the writes that change it (a
 * choice, an opt-out, a session's attendance, a payment, a survey answer) or refreshed by the module's rollup job.
 */
export const afterSchoolSchoolStats = pgTable(
  'after_school_school_stats',
  {
    districtId: districtKey(),
    schoolId: uuid('school_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    planStatus: text('plan_status', { enum: ['none', ...PLAN_STATUSES] }).notNull().default('none'),
    students: integer('students').notNull().default(0),
    studentsServed: integer('students_served').notNull().default(0),
    teachers: integer('teachers').notNull().default(0),
    teachersServing: integer('teachers_serving').notNull().default(0),
    courses: integer('courses').notNull().default(0),
    providerCourses: integer('provider_courses').notNull().default(0),
    sessionsHeld: integer('sessions_held').notNull().default(0),
    attendancePresent: integer('attendance_present').notNull().default(0),
    attendanceExpected: integer('attendance_expected').notNull().default(0),
    feesDueFen: fenColumn('fees_due_fen').notNull().default(0),
    feesPaidFen: fenColumn('fees_paid_fen').notNull().default(0),
    waiversFen: fenColumn('waivers_fen').notNull().default(0),
    refundsFen: fenColumn('refunds_fen').notNull().default(0),
    surveyAnswers: integer('survey_answers').notNull().default(0),
    /** Sum of 1–5 satisfaction ratings (average = sum / answers). */
    satisfactionSum: integer('satisfaction_sum').notNull().default(0),
    patrols: integer('patrols').notNull().default(0),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.schoolId, t.semesterId] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
  ],
);

/**
 * One meeting of a course on a school day: taken (attendance recorded) or cancelled. `teacherIds` and `minutes` are
 * who served and for how long (settlement allocates teachers' share by them; flexible hours start from them).
 */
export const afterSchoolSessions = pgTable(
  'after_school_sessions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    courseId: uuid('course_id').notNull(),
    date: localDate('date').notNull(),
    status: text('status', { enum: ['held', 'cancelled'] }).notNull().default('held'),
    minutes: smallint('minutes').notNull(),
    teacherIds: uuid('teacher_ids').array().notNull().default(sql`'{}'::uuid[]`),
    expected: integer('expected').notNull().default(0),
    present: integer('present').notNull().default(0),
    note: text('note'),
    takenBy: uuid('taken_by'),
    takenAt: timestamp('taken_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [afterSchoolCourses.districtId, afterSchoolCourses.id] }),
    unique('after_school_sessions_day_uq').on(t.districtId, t.courseId, t.date),
    index('after_school_sessions_school_idx').on(t.districtId, t.schoolId, t.date),
  ],
);

export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave', 'late'] as const;

/** A child's attendance at a session (the roster is the course's enrolled children on that date). */
export const afterSchoolAttendance = pgTable(
  'after_school_attendance',
  {
    districtId: districtKey(),
    sessionId: uuid('session_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    date: localDate('date').notNull(),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.sessionId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.sessionId], foreignColumns: [afterSchoolSessions.districtId, afterSchoolSessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    index('after_school_attendance_student_idx').on(t.districtId, t.studentId, t.date),
  ],
);

/** A family's leave request (请假) for days of after-school service; leave days count toward refunds. */
export const afterSchoolLeaves = pgTable(
  'after_school_leaves',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentId: uuid('student_id').notNull(),
    fromDate: localDate('from_date').notNull(),
    toDate: localDate('to_date').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }),
    index('after_school_leaves_student_idx').on(t.districtId, t.studentId, t.fromDate),
    index('after_school_leaves_school_idx').on(t.districtId, t.schoolId, t.fromDate),
    check('after_school_leaves_dates_ck', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);
