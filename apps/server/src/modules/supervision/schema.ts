/**
 * Tables of the 督导考核 module: the semester assessment (测评细则) with its indicators, the inspectors' scores with
 * evidence and the results frozen at the close date; notices, warnings and awards with their receipts and the schools'
 * replies; the monthly and semester report snapshots.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ASSESSMENT_STATUSES, FORMULAS, INDICATOR_KINDS, LIST_KINDS, NOTICE_KINDS, REPLY_STATUSES, REPORT_KINDS } from '@shuangjian/contracts';
import { districtKey, localDate, updatedAt, users } from '../../platform/schema';
import { semesters } from '../calendar/schema';
import { schools } from '../org/schema';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const supervisionAssessments = pgTable(
  'supervision_assessments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    semesterId: uuid('semester_id'),
    /** The data the computed indicators read: records dated from … to. */
    periodFrom: localDate('period_from').notNull(),
    periodTo: localDate('period_to').notNull(),
    /** Scores are frozen from the data as it stood on this date. */
    closeDate: localDate('close_date').notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    /** A total at or above redMin: 红榜; below yellowBelow: 黄牌; below blackBelow: 黑榜 (blackBelow < yellowBelow). */
    redMin: real('red_min').notNull(),
    yellowBelow: real('yellow_below').notNull(),
    blackBelow: real('black_below').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by'),
    publishedAt: at('published_at'),
    publishedBy: uuid('published_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.semesterId], foreignColumns: [semesters.districtId, semesters.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    check('supervision_assessments_period_chk', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('supervision_assessments_lists_chk', sql`${t.blackBelow} <= ${t.yellowBelow} and ${t.yellowBelow} <= ${t.redMin}`),
    index('supervision_assessments_list_idx').on(t.districtId, t.createdAt),
  ],
);

export const supervisionIndicators = pgTable(
  'supervision_indicators',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    weight: real('weight').notNull(),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    /** A METRICS key (kind metric). */
    metric: text('metric'),
    formula: text('formula', { enum: FORMULAS }),
    /** The rate the target, pass and cap formulas compare with (0–1). */
    target: real('target'),
    /** What inspectors look at (kind inspector). */
    guidance: text('guidance'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.assessmentId], foreignColumns: [supervisionAssessments.districtId, supervisionAssessments.id] }).onDelete('cascade'),
    check('supervision_indicators_weight_chk', sql`${t.weight} > 0`),
    check('supervision_indicators_kind_chk', sql`(${t.kind} = 'metric' and ${t.metric} is not null and ${t.formula} is not null) or (${t.kind} = 'inspector')`),
    index('supervision_indicators_assessment_idx').on(t.districtId, t.assessmentId, t.position),
  ],
);

/** An inspector's score (0–100) of one school on one inspector-scored indicator, with the evidence. */
export const supervisionScores = pgTable(
  'supervision_scores',
  {
    districtId: districtKey(),
    assessmentId: uuid('assessment_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    score: real('score').notNull(),
    evidence: text('evidence').notNull(),
    /** Platform attachments (photos, documents) backing the score. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    scoredBy: uuid('scored_by').notNull(),
    scoredAt: at('scored_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.indicatorId, t.schoolId] }),
    foreignKey({ columns: [t.districtId, t.indicatorId], foreignColumns: [supervisionIndicators.districtId, supervisionIndicators.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.scoredBy], foreignColumns: [users.districtId, users.id] }),
    check('supervision_scores_range_chk', sql`${t.score} >= 0 and ${t.score} <= 100`),
    index('supervision_scores_assessment_idx').on(t.districtId, t.assessmentId, t.schoolId),
  ],
);

/** A school's result, frozen when the assessment closes: per indicator figure and score (detail), total, rank, list. */
export const supervisionResults = pgTable(
  'supervision_results',
  {
    districtId: districtKey(),
    assessmentId: uuid('assessment_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    total: real('total').notNull(),
    rank: integer('rank').notNull(),
    list: text('list', { enum: LIST_KINDS }),
    /** { [indicatorId]: { num, den, rate, score } } as computed at the close. */
    detail: jsonb('detail').notNull(),
    award: text('award'),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.assessmentId, t.schoolId] }),
    foreignKey({ columns: [t.districtId, t.assessmentId], foreignColumns: [supervisionAssessments.districtId, supervisionAssessments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    index('supervision_results_school_idx').on(t.districtId, t.schoolId),
  ],
);

/** A notice, warning (警示通报, a reply required by replyDue) or award, to roles, schools and zones. */
export const supervisionNotices = pgTable(
  'supervision_notices',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Empty: every role that reads notices. */
    audienceRoles: text('audience_roles').array().notNull().default(sql`'{}'::text[]`),
    /** Empty schools and zones: the whole district. */
    audienceSchoolIds: uuid('audience_school_ids').array().notNull().default(sql`'{}'::uuid[]`),
    audienceZoneIds: uuid('audience_zone_ids').array().notNull().default(sql`'{}'::uuid[]`),
    replyRequired: boolean('reply_required').notNull().default(false),
    replyDue: localDate('reply_due'),
    /** The assessment behind a warning or award. */
    assessmentId: uuid('assessment_id'),
    recipients: integer('recipients').notNull().default(0),
    sentBy: uuid('sent_by').notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.sentBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.assessmentId], foreignColumns: [supervisionAssessments.districtId, supervisionAssessments.id] }),
    index('supervision_notices_sent_idx').on(t.districtId, t.sentAt),
  ],
);

/** One row per person a notice reached: delivered, then read. */
export const supervisionNoticeReceipts = pgTable(
  'supervision_notice_receipts',
  {
    districtId: districtKey(),
    noticeId: uuid('notice_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The school the person received it for (null: district or institution staff). */
    schoolId: uuid('school_id'),
    deliveredAt: at('delivered_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.noticeId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [supervisionNotices.districtId, supervisionNotices.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    index('supervision_notice_receipts_user_idx').on(t.districtId, t.userId, t.deliveredAt),
    index('supervision_notice_receipts_school_idx').on(t.districtId, t.noticeId, t.schoolId),
  ],
);

/** A school's reply to a notice; the district accepts it or returns it with a note (the school replies again). */
export const supervisionNoticeReplies = pgTable(
  'supervision_notice_replies',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    noticeId: uuid('notice_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    body: text('body').notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: REPLY_STATUSES }).notNull().default('submitted'),
    repliedBy: uuid('replied_by').notNull(),
    repliedAt: at('replied_at').notNull().defaultNow(),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [supervisionNotices.districtId, supervisionNotices.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.repliedBy], foreignColumns: [users.districtId, users.id] }),
    index('supervision_notice_replies_notice_idx').on(t.districtId, t.noticeId, t.schoolId, t.repliedAt),
  ],
);

/**
 * A monthly or semester report's figures as they stood when it was made (the scheduled run or a person), for the
 * district (schoolId null) or one school: the Excel workbook and the PDF are rendered from this snapshot.
 */
export const supervisionReports = pgTable(
  'supervision_reports',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    /** 'YYYY-MM' (month) or the semester's id (semester). */
    period: text('period').notNull(),
    periodFrom: localDate('period_from').notNull(),
    periodTo: localDate('period_to').notNull(),
    schoolId: uuid('school_id'),
    /** The school's id, or the district's for the district report: one report per scope and period. */
    scopeId: uuid('scope_id').notNull(),
    figures: jsonb('figures').notNull(),
    generatedBy: uuid('generated_by'),
    generatedAt: at('generated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    uniqueIndex('supervision_reports_scope_uq').on(t.districtId, t.kind, t.period, t.scopeId),
  ],
);
