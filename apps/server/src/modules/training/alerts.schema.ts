/**
 * 校外培训监管 early warning and the district view: the per-institution rollup the dashboards and the warning rules read
 * (refreshed set-based by the alerts job, never scanned raw on a request), and alerts as cases with their notes.
 */
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CUSTODY_MODES, TRAINING_ALERT_KINDS, TRAINING_ALERT_OUTCOMES, TRAINING_ALERT_STATUSES, type TrainingAlertEvidence } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, fenColumn, users } from '../../platform/schema';
import { institutions } from '../org/schema';

/** One row per institution of the district: its money, activity and cases as of the last refresh. */
export const trainingInstitutionStats = pgTable(
  'training_institution_stats',
  {
    districtId: districtKey(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    /** The registry status (正常/整改/暂停/注销) as on the institutions row. */
    status: text('status').notNull(),
    category: text('category', { enum: ['subject', 'non_subject'] }).notNull(),
    custodyMode: text('custody_mode', { enum: CUSTODY_MODES }).notNull(),
    /** Prepaid money on the institution's order accounts (the custody sub-ledger). */
    heldFen: fenColumn('held_fen').notNull().default(0),
    /** Lessons owed to families on active orders, at their price per lesson. */
    owedFen: fenColumn('owed_fen').notNull().default(0),
    releasedFen: fenColumn('released_fen').notNull().default(0),
    refundedFen: fenColumn('refunded_fen').notNull().default(0),
    depositFen: fenColumn('deposit_fen').notNull().default(0),
    /**
     * The custody bank's own figure: the closing balance of the latest imported statement that states one, with the
     * ledger's custody balance on the same day (the reconciliation's) and that day. Null until a statement is imported.
     */
    bankClosingFen: fenColumn('bank_closing_fen'),
    bankLedgerFen: fenColumn('bank_ledger_fen'),
    bankAsOf: date('bank_as_of', { mode: 'string' }),
    ordersActive: integer('orders_active').notNull().default(0),
    lessonsOwed: integer('lessons_owed').notNull().default(0),
    lastConsumptionOn: date('last_consumption_on', { mode: 'string' }),
    /** The day the oldest active order owing lessons was placed: an institution never consuming is idle since then. */
    owingSince: date('owing_since', { mode: 'string' }),
    refundsInWindow: integer('refunds_in_window').notNull().default(0),
    complaintsInWindow: integer('complaints_in_window').notNull().default(0),
    complaintsOpen: integer('complaints_open').notNull().default(0),
    complaintsOverdue: integer('complaints_overdue').notNull().default(0),
    /** Orders sold on packages that break the 'training.packages' limits in force. */
    ordersBeyondLimits: integer('orders_beyond_limits').notNull().default(0),
    /** Orders placed and lessons consumed since the institution was suspended. */
    activityWhileSuspended: integer('activity_while_suspended').notNull().default(0),
    openAlerts: integer('open_alerts').notNull().default(0),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.institutionId] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_institution_stats_zone_idx').on(t.districtId, t.zoneId),
  ],
);

/**
 * An early-warning case: raised by the rules with the figures it saw (evidence) and the policy versions applied, then
 * assigned, noted and closed with an outcome. One open case per institution and kind; after closing, the next breach
 * opens a new case.
 */
export const trainingAlerts = pgTable(
  'training_alerts',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    kind: text('kind', { enum: TRAINING_ALERT_KINDS }).notNull(),
    status: text('status', { enum: TRAINING_ALERT_STATUSES }).notNull().default('open'),
    evidence: jsonb('evidence').$type<TrainingAlertEvidence>().notNull(),
    assigneeId: uuid('assignee_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    outcome: text('outcome', { enum: TRAINING_ALERT_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.assigneeId], foreignColumns: [users.districtId, users.id] }),
    uniqueIndex('training_alerts_open_uq').on(t.districtId, t.institutionId, t.kind).where(sql`${t.status} <> 'closed'`),
    index('training_alerts_status_idx').on(t.districtId, t.status, t.openedAt),
  ],
);

/** A note on a case (what was found, who was called): appended, never edited. */
export const trainingAlertNotes = pgTable(
  'training_alert_notes',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    alertId: uuid('alert_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.alertId], foreignColumns: [trainingAlerts.districtId, trainingAlerts.id] }),
    index('training_alert_notes_alert_idx').on(t.districtId, t.alertId, t.createdAt),
  ],
);

defineScope(trainingInstitutionStats, {
  district: trainingInstitutionStats.districtId,
  zone: trainingInstitutionStats.zoneId,
  institution: trainingInstitutionStats.institutionId,
});
defineScope(trainingAlerts, { district: trainingAlerts.districtId, zone: trainingAlerts.zoneId, institution: trainingAlerts.institutionId });
defineScope(trainingAlertNotes, {
  district: trainingAlertNotes.districtId,
  zone: trainingAlertNotes.zoneId,
  institution: trainingAlertNotes.institutionId,
});
