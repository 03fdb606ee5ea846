/**
 * Tables of 课程与课表: a class's draft timetable per semester (what the school edits or imports), the published
 * versions (晒课表; append-only, a change is a new version), what was taught in a period (巡课) and the 阴阳课表
 * findings raised when it differs from the published timetable, with their history.
 */
import type { TimetableCell } from '@shuangjian/contracts';
import { FINDING_STATUSES } from '@shuangjian/contracts';
import { TIMETABLE_SUBJECTS } from '@shuangjian/policy';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { districtKey, localDate } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { classes, schools } from '../org/schema';

/** The draft a school edits: one per class and semester. */
export const timetableDrafts = pgTable(
  'timetable_drafts',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    cells: jsonb('cells').$type<TimetableCell[]>().notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('timetable_drafts_class_uq').on(t.districtId, t.classId, t.semesterId),
  ],
);

/**
 * A published timetable (晒课表): append-only (trigger timetable_versions_refuse_change). In force from its
 * `effective_from` (the day it was published) until a later version of the class and semester.
 */
export const timetableVersions = pgTable(
  'timetable_versions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    version: integer('version').notNull(),
    cells: jsonb('cells').$type<TimetableCell[]>().notNull(),
    /** 体育与健康 periods a week, for the fitness checks (five-managements). */
    pePeriods: smallint('pe_periods').notNull(),
    effectiveFrom: localDate('effective_from').notNull(),
    /** The plan version the check cited when it was published. */
    citation: jsonb('citation').$type<{ key: string; version: number; effectiveFrom: string | null }>().notNull(),
    publishedBy: uuid('published_by').notNull(),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('timetable_versions_version_uq').on(t.districtId, t.classId, t.semesterId, t.version),
    index('timetable_versions_school_idx').on(t.districtId, t.schoolId, t.semesterId),
  ],
);

/** 巡课: what was taught in a class's period on a date, against the published timetable in force then. */
export const timetablePatrols = pgTable(
  'timetable_patrols',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    date: localDate('date').notNull(),
    period: smallint('period').notNull(),
    subject: text('subject', { enum: TIMETABLE_SUBJECTS }).notNull(),
    timetabled: text('timetabled', { enum: TIMETABLE_SUBJECTS }),
    versionId: uuid('version_id').notNull(),
    conforming: boolean('conforming').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.classId], foreignColumns: [classes.districtId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.versionId], foreignColumns: [timetableVersions.districtId, timetableVersions.id] }),
    unique('timetable_patrols_period_uq').on(t.districtId, t.classId, t.date, t.period),
    index('timetable_patrols_school_idx').on(t.districtId, t.schoolId, t.date),
  ],
);

/** 阴阳课表: open → the school answers → the district closes it or sends it back. */
export const timetableFindings = pgTable(
  'timetable_findings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    patrolId: uuid('patrol_id').notNull(),
    semesterId: uuid('semester_id').notNull(),
    status: text('status', { enum: FINDING_STATUSES }).notNull().default('open'),
    message: text('message').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.patrolId], foreignColumns: [timetablePatrols.districtId, timetablePatrols.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    unique('timetable_findings_patrol_uq').on(t.districtId, t.patrolId),
    index('timetable_findings_school_idx').on(t.districtId, t.schoolId, t.status),
  ],
);

export const timetableFindingEvents = pgTable(
  'timetable_finding_events',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    findingId: uuid('finding_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: text('kind', { enum: ['opened', 'answered', 'sent_back', 'closed'] }).notNull(),
    note: text('note'),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.findingId], foreignColumns: [timetableFindings.districtId, timetableFindings.id] }),
    index('timetable_finding_events_idx').on(t.districtId, t.findingId, t.at),
  ],
);
