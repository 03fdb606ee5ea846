/**
 * 校外培训监管 inspections (督学检查) and annual review (年检): plans by zone, visits, findings with photos and the
 * rectification each opens (deadline, the institution's responses, the inspector's verification, overdue marks), and
 * one 年检 result per institution and year. Names of institutions and people are kept as they were when written, so
 * a record reads the same later and the lists need no join into the organisation's tables.
 */
import { sql } from 'drizzle-orm';
import { customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ANNUAL_RESULTS, FINDING_CATEGORIES, FINDING_EVENT_KINDS, FINDING_SEVERITIES, INSPECTION_PLAN_STATUSES, RECTIFICATION_STATUSES } from '@shuangjian/contracts';
import { createdAt, districtKey, localDate, updatedAt } from '../../platform/schema';
import { institutions, zones } from '../org/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

type Ref = { id: string; name: string };

/** A day's inspection round in one zone: who goes, which institutions they visit. */
export const trainingInspectionPlans = pgTable(
  'training_inspection_plans',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    zoneId: uuid('zone_id').notNull(),
    title: text('title').notNull(),
    plannedDate: localDate('planned_date').notNull(),
    status: text('status', { enum: INSPECTION_PLAN_STATUSES }).notNull().default('planned'),
    note: text('note'),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    inspectors: jsonb('inspectors').$type<Ref[]>().notNull(),
    institutions: jsonb('institutions').$type<Ref[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.zoneId], foreignColumns: [zones.districtId, zones.id] }),
    index('training_inspection_plans_date_idx').on(t.districtId, t.plannedDate),
  ],
);

/** One visit to one institution, with the checklist as found on site. */
export const trainingInspectionVisits = pgTable(
  'training_inspection_visits',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id'),
    institutionId: uuid('institution_id').notNull(),
    institutionName: text('institution_name').notNull(),
    zoneId: uuid('zone_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    inspectorName: text('inspector_name').notNull(),
    visitDate: localDate('visit_date').notNull(),
    checklist: jsonb('checklist').$type<{ item: string; ok: boolean; note?: string }[]>().notNull(),
    summary: text('summary').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    foreignKey({ columns: [t.districtId, t.planId], foreignColumns: [trainingInspectionPlans.districtId, trainingInspectionPlans.id] }),
    index('training_inspection_visits_institution_idx').on(t.districtId, t.institutionId, t.visitDate),
    index('training_inspection_visits_plan_idx').on(t.districtId, t.planId),
  ],
);

/**
 * A finding and its rectification (整改): open until the institution responds, then verified by an inspector (closed,
 * or sent back open). `overdueAt` is set once by the escalation job when the deadline passed while still open.
 */
export const trainingFindings = pgTable(
  'training_findings',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    visitDate: localDate('visit_date').notNull(),
    institutionId: uuid('institution_id').notNull(),
    institutionName: text('institution_name').notNull(),
    zoneId: uuid('zone_id').notNull(),
    inspectorName: text('inspector_name').notNull(),
    category: text('category', { enum: FINDING_CATEGORIES }).notNull(),
    description: text('description').notNull(),
    severity: text('severity', { enum: FINDING_SEVERITIES }).notNull(),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
    deadline: localDate('deadline').notNull(),
    /** How the deadline was set: rule, days and policy version, or the inspector's own date. */
    citation: jsonb('citation').$type<{ rule: 'training.handling.rectificationDays'; days: number; policyVersion: string | null; chosen: boolean }>().notNull(),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.visitId], foreignColumns: [trainingInspectionVisits.districtId, trainingInspectionVisits.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('training_findings_institution_idx').on(t.districtId, t.institutionId, t.status),
    index('training_findings_open_idx').on(t.districtId, t.status, t.deadline),
  ],
);

/** What happened to a finding: created, deadline changed, responded (with evidence), sent back, closed, overdue. */
export const trainingFindingEvents = pgTable(
  'training_finding_events',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    findingId: uuid('finding_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    kind: text('kind', { enum: FINDING_EVENT_KINDS }).notNull(),
    note: text('note'),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    deadline: localDate('deadline'),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.findingId], foreignColumns: [trainingFindings.districtId, trainingFindings.id] }),
    index('training_finding_events_finding_idx').on(t.districtId, t.findingId, t.at),
  ],
);

/** Photos of findings and of institutions' evidence (≤ 10 MB each), in the database so both drivers hold everything. */
export const trainingInspectionPhotos = pgTable(
  'training_inspection_photos',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
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

/** 年检: one result per institution and year, and what it did to the institution's status and list. */
export const trainingAnnualReviews = pgTable(
  'training_annual_reviews',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    institutionName: text('institution_name').notNull(),
    zoneId: uuid('zone_id').notNull(),
    year: smallint('year').notNull(),
    result: text('result', { enum: ANNUAL_RESULTS }).notNull(),
    notes: text('notes'),
    effect: jsonb('effect').$type<{ rule: string; listStatus: string | null; status: string | null; applied: boolean }>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    unique('training_annual_reviews_uq').on(t.districtId, t.institutionId, t.year),
  ],
);
