/**
 * 校外培训监管 · rules: the timetables institutions file for their courses (checked against the lesson rules and the
 * calendar when filed), and the violations the checks recorded (each with its rule, message and citation of the
 * policy version), which the district and the zone's inspectors follow up and resolve.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { TRAINING_RULES, TRAINING_VIOLATION_STATUSES, TRAINING_VIOLATION_SUBJECTS } from '@shuangjian/contracts';
import { createdAt, districtKey, localDate } from '../../platform/schema';
import { institutions } from '../org/schema';
import { trainingCourses } from './schema';

/** One timetable entry of a course: every week on a weekday (1 Monday … 7 Sunday), or on one date. */
export const trainingSchedules = pgTable(
  'training_schedules',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    courseId: uuid('course_id').notNull(),
    weekday: smallint('weekday'),
    date: localDate('date'),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    venueName: text('venue_name'),
    /** The warnings it was filed with (entries with errors are refused, not stored). */
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [trainingCourses.districtId, trainingCourses.id] }).onDelete('cascade'),
    index('training_schedules_course_idx').on(t.districtId, t.courseId),
    index('training_schedules_institution_idx').on(t.districtId, t.institutionId),
    check('training_schedules_when_ck', sql`(${t.weekday} is null) <> (${t.date} is null) and (${t.weekday} is null or ${t.weekday} between 1 and 7)`),
    check('training_schedules_time_ck', sql`${t.startTime} < ${t.endTime}`),
  ],
);

/**
 * A rule broken by an institution (an error finding of a check: a course, package, timetable entry, lesson or order),
 * kept as it was found (message and citation frozen) until the district resolves it with a note.
 */
export const trainingViolations = pgTable(
  'training_violations',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    /** The institution's name when the violation was found (kept as it was, like the message). */
    institutionName: text('institution_name').notNull(),
    subjectKind: text('subject_kind', { enum: TRAINING_VIOLATION_SUBJECTS }).notNull(),
    subjectId: text('subject_id'),
    subjectLabel: text('subject_label').notNull(),
    rule: text('rule', { enum: TRAINING_RULES }).notNull(),
    message: text('message').notNull(),
    /** { key, version, versionId, effectiveFrom, text } as cited when found. */
    citation: jsonb('citation').$type<Record<string, unknown>>().notNull(),
    occurredOn: localDate('occurred_on').notNull(),
    status: text('status', { enum: TRAINING_VIOLATION_STATUSES }).notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_violations_institution_idx').on(t.districtId, t.institutionId, t.occurredOn),
    index('training_violations_status_idx').on(t.districtId, t.status, t.occurredOn),
  ],
);
