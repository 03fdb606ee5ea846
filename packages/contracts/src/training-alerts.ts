/**
 * 校外培训监管 early warning (预警) and the district view: alerts as cases (assigned, noted, closed with an outcome),
 * each with the evidence and the policy versions it was raised under; the district's dashboards from the rollup.
 */
import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './common';
import { CustodyMode, TrainingStatus } from './training';

/** What an alert warns of (one open case per institution and kind at a time). */
export const TRAINING_ALERT_KINDS = [
  'custody_shortfall',
  'deposit_shortfall',
  'refund_burst',
  'complaint_burst',
  'idle_with_owed',
  'sales_beyond_limits',
  'activity_while_suspended',
] as const;
export const TrainingAlertKind = z.enum(TRAINING_ALERT_KINDS);
export type TrainingAlertKind = z.infer<typeof TrainingAlertKind>;
export const trainingAlertKindLabels: Record<TrainingAlertKind, { 'zh-CN': string; en: string }> = {
  custody_shortfall: { 'zh-CN': '托管余额低于应退课时金额', en: 'Custody below what is owed' },
  deposit_shortfall: { 'zh-CN': '风险保证金不足', en: 'Risk deposit below the required share' },
  refund_burst: { 'zh-CN': '退费申请集中出现', en: 'Burst of refund requests' },
  complaint_burst: { 'zh-CN': '投诉集中出现', en: 'Burst of complaints' },
  idle_with_owed: { 'zh-CN': '欠课但长期无课消（跑路风险）', en: 'No lessons while lessons are owed' },
  sales_beyond_limits: { 'zh-CN': '超限售课', en: 'Sales beyond package limits' },
  activity_while_suspended: { 'zh-CN': '暂停期间仍有经营活动', en: 'Activity while suspended' },
};

export const TRAINING_ALERT_STATUSES = ['open', 'assigned', 'closed'] as const;
export const TrainingAlertStatus = z.enum(TRAINING_ALERT_STATUSES);
export type TrainingAlertStatus = z.infer<typeof TrainingAlertStatus>;
export const trainingAlertStatusLabels: Record<TrainingAlertStatus, { 'zh-CN': string; en: string }> = {
  open: { 'zh-CN': '待处置', en: 'Open' },
  assigned: { 'zh-CN': '处置中', en: 'Assigned' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

export const TRAINING_ALERT_OUTCOMES = ['resolved', 'rectification_ordered', 'referred', 'false_alarm'] as const;
export const TrainingAlertOutcome = z.enum(TRAINING_ALERT_OUTCOMES);
export type TrainingAlertOutcome = z.infer<typeof TrainingAlertOutcome>;
export const trainingAlertOutcomeLabels: Record<TrainingAlertOutcome, { 'zh-CN': string; en: string }> = {
  resolved: { 'zh-CN': '已化解', en: 'Resolved' },
  rectification_ordered: { 'zh-CN': '责令整改', en: 'Rectification ordered' },
  referred: { 'zh-CN': '移交相关部门', en: 'Referred' },
  false_alarm: { 'zh-CN': '误报', en: 'False alarm' },
};

export const TRAINING_ALERT_NOTE_MAX = 1000;

export const TrainingAlertQuery = z.object({
  kind: TrainingAlertKind.optional(),
  status: TrainingAlertStatus.optional(),
  zoneId: Id.optional(),
  institutionId: Id.optional(),
});
export type TrainingAlertQuery = z.infer<typeof TrainingAlertQuery>;

export const TrainingAlertRow = z.object({
  id: Id,
  kind: TrainingAlertKind,
  status: TrainingAlertStatus,
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  outcome: TrainingAlertOutcome.nullable(),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
});
export type TrainingAlertRow = z.infer<typeof TrainingAlertRow>;

export const TrainingAlertNote = z.object({ id: Id, authorName: z.string(), text: z.string(), createdAt: Timestamp });
export type TrainingAlertNote = z.infer<typeof TrainingAlertNote>;

/** The figures an alert was raised on, the rule and the policy versions applied ('key@id', or null for the defaults). */
export const TrainingAlertEvidence = z.object({
  rule: z.string(),
  policyVersion: z.string().nullable(),
  asOf: LocalDate,
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type TrainingAlertEvidence = z.infer<typeof TrainingAlertEvidence>;

export const TrainingAlertDetail = TrainingAlertRow.extend({
  evidence: TrainingAlertEvidence,
  outcomeNote: z.string().nullable(),
  notes: z.array(TrainingAlertNote),
});
export type TrainingAlertDetail = z.infer<typeof TrainingAlertDetail>;

export const TrainingAlertAssign = z.object({ assigneeId: Id });
export type TrainingAlertAssign = z.infer<typeof TrainingAlertAssign>;
export const TrainingAlertNoteInput = z.object({ text: z.string().trim().min(1).max(TRAINING_ALERT_NOTE_MAX) });
export type TrainingAlertNoteInput = z.infer<typeof TrainingAlertNoteInput>;
export const TrainingAlertClose = z.object({
  outcome: TrainingAlertOutcome,
  note: z.string().trim().min(1).max(TRAINING_ALERT_NOTE_MAX),
});
export type TrainingAlertClose = z.infer<typeof TrainingAlertClose>;

/** People a case can be given to: the district's officers and inspectors. */
export const TrainingAlertAssignee = z.object({ userId: Id, name: z.string(), role: z.string() });
export type TrainingAlertAssignee = z.infer<typeof TrainingAlertAssignee>;

/** Figures summed over institutions (one, a zone, the district). */
export const TrainingFigures = z.object({
  institutions: z.number().int(),
  /** Institutions owing lessons (owed > 0) and those of them whose custody or deposit covers it. */
  owing: z.number().int(),
  covered: z.number().int(),
  heldFen: z.number().int(),
  owedFen: z.number().int(),
  releasedFen: z.number().int(),
  refundedFen: z.number().int(),
  depositFen: z.number().int(),
  ordersActive: z.number().int(),
  openAlerts: z.number().int(),
  complaintsOpen: z.number().int(),
  complaintsOverdue: z.number().int(),
});
export type TrainingFigures = z.infer<typeof TrainingFigures>;

export const TrainingInstitutionStatsRow = TrainingFigures.omit({ institutions: true, owing: true, covered: true }).extend({
  institutionId: Id,
  institutionName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  status: z.union([TrainingStatus, z.string()]),
  category: z.enum(['subject', 'non_subject']),
  custodyMode: CustodyMode,
  covered: z.boolean().nullable(),
  lastConsumptionOn: LocalDate.nullable(),
  refundsInWindow: z.number().int(),
  complaintsInWindow: z.number().int(),
});
export type TrainingInstitutionStatsRow = z.infer<typeof TrainingInstitutionStatsRow>;

export const TrainingZoneRow = TrainingFigures.extend({ zoneId: Id, zoneName: z.string() });
export type TrainingZoneRow = z.infer<typeof TrainingZoneRow>;

export const TrainingDistrictQuery = z.object({ zoneId: Id.optional() });
export type TrainingDistrictQuery = z.infer<typeof TrainingDistrictQuery>;

export const TrainingDistrictOverview = z.object({
  total: TrainingFigures,
  /** Institutions per status × category × zone. */
  matrix: z.array(z.object({ zoneId: Id, status: z.string(), category: z.string(), count: z.number().int() })),
  /** Open cases per alert kind. */
  alertsByKind: z.record(z.string(), z.number().int()),
  zones: z.array(TrainingZoneRow),
  institutions: z.array(TrainingInstitutionStatsRow),
  refreshedAt: Timestamp.nullable(),
});
export type TrainingDistrictOverview = z.infer<typeof TrainingDistrictOverview>;

export const TrainingInstitutionParams = z.object({ institutionId: Id });
export const TrainingInstitutionDetail = z.object({ institution: TrainingInstitutionStatsRow, alerts: z.array(TrainingAlertRow) });
export type TrainingInstitutionDetail = z.infer<typeof TrainingInstitutionDetail>;
