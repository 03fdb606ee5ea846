/** 作业管理 tables: items and their review, class days and their published lists, families' actual time, rollups, library. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { HOMEWORK_TYPES, LAYERS, PLACES } from '@shuangjian/policy';
import { createdAt, districtKey, updatedAt, users } from '../../platform/schema';
import { classes, schools, students, subjects } from '../org/schema';

const localDate = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Which review steps a school runs (each school chooses). */
export const homeworkSettings = pgTable(
  'homework_settings',
  {
    districtId: districtKey(),
    schoolId: uuid('school_id').notNull(),
    contentCheck: boolean('content_check').notNull().default(true),
    classCoordination: boolean('class_coordination').notNull().default(true),
    schoolApproval: boolean('school_approval').notNull().default(true),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.schoolId] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
  ],
);

export const homeworkItems = pgTable(
  'homework_items',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    grade: smallint('grade').notNull(),
    subjectId: uuid('subject_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    date: localDate('date').notNull(),
    planKind: text('plan_kind', { enum: ['daily', 'weekly', 'vacation'] }).notNull().default('daily'),
    batchId: uuid('batch_id').notNull(),
    title: text('title'),
    content: text('content').notNull(),
    type: text('type', { enum: HOMEWORK_TYPES }).notNull(),
    layer: text('layer', { enum: LAYERS }).notNull(),
    place: text('place', { enum: PLACES }).notNull(),
    minutes: smallint('minutes').notNull(),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: ['draft', 'pending_check', 'returned', 'ready', 'dropped', 'withdrawn'] }).notNull(),
    returnReason: text('return_reason'),
    checkedBy: uuid('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    adjustNote: text('adjust_note'),
    originalMinutes: smallint('original_minutes'),
    originalDate: localDate('original_date'),
    designId: uuid('design_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.subjectId], foreignColumns: [subjects.districtId, subjects.id] }),
    foreignKey({ columns: [t.districtId, t.teacherId], foreignColumns: [users.districtId, users.id] }),
    index('homework_items_class_date_idx').on(t.districtId, t.classId, t.date),
    index('homework_items_teacher_idx').on(t.districtId, t.teacherId, t.date),
    index('homework_items_school_status_idx').on(t.districtId, t.schoolId, t.status, t.date),
    check('homework_items_minutes_ck', sql`${t.minutes} between 0 and 600`),
  ],
);

/** A class's day: where the class teacher coordinates and academic affairs approves. */
export const homeworkDays = pgTable(
  'homework_days',
  {
    districtId: districtKey(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    schoolId: uuid('school_id').notNull(),
    status: text('status', { enum: ['open', 'pending_approval', 'published'] }).notNull().default('open'),
    publishedVersion: smallint('published_version').notNull().default(0),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submitNote: text('submit_note'),
    returnReason: text('return_reason'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.classId, t.date] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    index('homework_days_school_status_idx').on(t.districtId, t.schoolId, t.status, t.date),
  ],
);

/** 作业公示: each published version of a class's daily list, kept as it was (a trigger refuses changes). */
export const homeworkPublished = pgTable(
  'homework_published',
  {
    districtId: districtKey(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    version: smallint('version').notNull(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    dayKind: text('day_kind').notNull(),
    limit: smallint('limit_minutes').notNull(),
    written: smallint('written').notNull(),
    optional: smallint('optional').notNull(),
    other: smallint('other').notNull(),
    inSchool: smallint('in_school').notNull(),
    items: jsonb('items').notNull(),
    reason: text('reason'),
    publishedBy: uuid('published_by').notNull(),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** The policy versions the publication applied ('key@id,…'; null: the shipped defaults). */
    policyVersions: text('policy_versions'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.classId, t.date, t.version] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
  ],
);

/** A family's report on one item: done or not, minutes. */
export const homeworkFeedback = pgTable(
  'homework_feedback',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    itemId: uuid('item_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    done: boolean('done').notNull(),
    minutes: smallint('minutes'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the child's evening is read and replaced by (student, date): the date before the item keeps that to a few rows
    primaryKey({ columns: [t.districtId, t.studentId, t.date, t.itemId] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    index('homework_feedback_item_idx').on(t.districtId, t.itemId),
  ],
);

/** A child's evening as judged against the limit (作业熔断 included). */
export const homeworkStudentDays = pgTable(
  'homework_student_days',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    date: localDate('date').notNull(),
    classId: uuid('class_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    minutes: smallint('minutes').notNull(),
    finished: boolean('finished').notNull(),
    withinLimit: boolean('within_limit').notNull(),
    stoppedAtBedtime: boolean('stopped_at_bedtime').notNull(),
    /** When the evening's homework ended, if the family said (district time; the small hours belong to the evening). */
    endedAt: time('ended_at'),
    /** Minutes it ended past the grade's bedtime: a late night, kept for sleep management (五项管理: 睡眠). */
    lateMinutes: smallint('late_minutes').notNull().default(0),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId, t.date] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    index('homework_student_days_class_idx').on(t.districtId, t.classId, t.date),
  ],
);

/**
 * Class-days whose families' outcome changed since the rollups were last refreshed: a family's report adds a row here
 * (insert-only, so the evening's reports never wait on one another) and `flushRollups` folds them into the rollups.
 */
export const homeworkRollupQueue = pgTable(
  'homework_rollup_queue',
  {
    districtId: districtKey(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    classId: uuid('class_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    date: localDate('date').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] })],
);

/** Rollup per class and day, planned load kept current on every write, families' outcome within seconds (flushRollups). */
export const homeworkClassDayStats = pgTable(
  'homework_class_day_stats',
  {
    districtId: districtKey(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    dayKind: text('day_kind').notNull(),
    limit: smallint('limit_minutes').notNull(),
    plannedWritten: smallint('planned_written').notNull().default(0),
    plannedOptional: smallint('planned_optional').notNull().default(0),
    plannedOther: smallint('planned_other').notNull().default(0),
    published: boolean('published').notNull().default(false),
    plannedOver: boolean('planned_over').notNull().default(false),
    /** Children in the class when the day was last planned or published: the families asked to report. */
    students: smallint('students').notNull().default(0),
    reporters: smallint('reporters').notNull().default(0),
    withinLimit: smallint('within_limit').notNull().default(0),
    bedtimeStops: smallint('bedtime_stops').notNull().default(0),
    /** Children whose homework ended after bedtime. */
    lateNights: smallint('late_nights').notNull().default(0),
    overLimit: smallint('over_limit').notNull().default(0),
    medianMinutes: smallint('median_minutes'),
    p90Minutes: smallint('p90_minutes'),
    overloaded: boolean('overloaded').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.classId, t.date] }),
    index('homework_class_day_stats_school_idx').on(t.districtId, t.schoolId, t.date),
    // district-wide reads of a few days (the officers' home, a range's edge weeks, the export)
    index('homework_class_day_stats_date_idx').on(t.districtId, t.date),
  ],
);

/** Rollup per school and week (Monday), refreshed from the class-day rollup on every write. */
export const homeworkSchoolWeekStats = pgTable(
  'homework_school_week_stats',
  {
    districtId: districtKey(),
    schoolId: uuid('school_id').notNull(),
    weekStart: localDate('week_start').notNull(),
    classDays: integer('class_days').notNull().default(0),
    reportedDays: integer('reported_days').notNull().default(0),
    overloadedDays: integer('overloaded_days').notNull().default(0),
    plannedOverDays: integer('planned_over_days').notNull().default(0),
    /** Children of the classes summed over the published class-days (the reporting rate's denominator). */
    students: integer('students').notNull().default(0),
    reporters: integer('reporters').notNull().default(0),
    withinLimit: integer('within_limit').notNull().default(0),
    bedtimeStops: integer('bedtime_stops').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.schoolId, t.weekStart] }), index('homework_school_week_stats_week_idx').on(t.districtId, t.weekStart)],
);

/** Rollup per item: median actual time against the estimate. */
export const homeworkItemStats = pgTable(
  'homework_item_stats',
  {
    districtId: districtKey(),
    itemId: uuid('item_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    estimate: smallint('estimate').notNull(),
    reports: smallint('reports').notNull().default(0),
    medianMinutes: smallint('median_minutes'),
    ratio: real('ratio'),
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.itemId] }),
    index('homework_item_stats_school_idx').on(t.districtId, t.schoolId, t.date),
    index('homework_item_stats_teacher_idx').on(t.districtId, t.teacherId, t.date),
  ],
);

/** Files attached to homework (≤ 10 MB each), kept in the database so both drivers hold everything. */
export const homeworkAttachments = pgTable(
  'homework_attachments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] })],
);

/** 优质作业资源库: homework designs shared across the district, searchable by trigram. */
export const homeworkDesigns = pgTable(
  'homework_designs',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id'),
    authorId: uuid('author_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    grade: smallint('grade').notNull(),
    unit: text('unit'),
    type: text('type', { enum: HOMEWORK_TYPES }).notNull(),
    layer: text('layer', { enum: LAYERS }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    minutes: smallint('minutes').notNull(),
    excellent: boolean('excellent').notNull().default(false),
    excellentBy: uuid('excellent_by'),
    sourceItemId: uuid('source_item_id'),
    searchText: text('search_text').generatedAlwaysAs(sql`coalesce(title, '') || ' ' || coalesce(unit, '') || ' ' || content`),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.subjectId], foreignColumns: [subjects.districtId, subjects.id] }),
    index('homework_designs_filter_idx').on(t.districtId, t.subjectId, t.grade),
    index('homework_designs_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** 优秀作业设计案例集: curated collections of designs. */
export const homeworkCollections = pgTable(
  'homework_collections',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] })],
);

export const homeworkCollectionDesigns = pgTable(
  'homework_collection_designs',
  {
    districtId: districtKey(),
    collectionId: uuid('collection_id').notNull(),
    designId: uuid('design_id').notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.collectionId, t.designId] }),
    foreignKey({ columns: [t.districtId, t.collectionId], foreignColumns: [homeworkCollections.districtId, homeworkCollections.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.designId], foreignColumns: [homeworkDesigns.districtId, homeworkDesigns.id] }).onDelete('cascade'),
  ],
);

/** 错题本: a question a child got wrong, noted by the family (grade 3 and up). */
export const homeworkMistakes = pgTable(
  'homework_mistakes',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    classId: uuid('class_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    itemId: uuid('item_id'),
    subjectId: uuid('subject_id'),
    date: localDate('date'),
    question: text('question').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    index('homework_mistakes_class_idx').on(t.districtId, t.classId, t.date),
    index('homework_mistakes_student_idx').on(t.districtId, t.studentId),
  ],
);
