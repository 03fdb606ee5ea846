/**
 * Queries the inspection services share: the institution an inspector may reach, findings with their history, and the
 * overdue rule (`isOverdue` in memory, `overdueSql` in the database: one rule written twice side by side, tested to
 * agree on the deadline's boundary).
 */
import type { Finding, FindingCategory } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, inArray, isNotNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { coveringGrants, type Ctx } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { institutionStanding, type InstitutionStanding } from '../org';
import { trainingFindingEvents, trainingFindings } from './inspections.schema';
import type { Permission } from '@shuangjian/contracts';
import { trainingPolicy } from './training.policy';

/**
 * An institution of the district the person holds `permission` over (an inspector: one of their zone's). A foreign id
 * and an unknown one get the same 404.
 */
export async function reachableInstitution(ctx: Ctx, q: Queryable, institutionId: string, permission: Permission): Promise<InstitutionStanding> {
  const row = await institutionStanding(q, ctx.user.districtId, institutionId);
  if (!row || !coveringGrants(ctx, permission, { districtId: row.districtId, zone: row.zoneId, institution: row.id }).length) throw notFound('机构');
  return row;
}

/** The rectification deadline a finding gets when the inspector sets none: the visit date plus the policy's days. */
export async function defaultDeadline(q: Queryable, districtId: string, from: LocalDate) {
  const { values, versions } = await trainingPolicy(q, districtId, from);
  const days = values['training.handling'].rectificationDays;
  return { deadline: addDays(from, days), citation: { rule: 'training.handling.rectificationDays' as const, days, policyVersion: versions, chosen: false } };
}

export type FindingRow = typeof trainingFindings.$inferSelect;

/**
 * 整改逾期: not closed and marked by the escalation job (`escalateOverdue`: open past its deadline day; the mark stays
 * through a response until the finding is closed or given a new deadline), or open past its deadline day and not yet
 * marked (the job runs hourly). The deadline day itself is still in time. `overdueSql` is the same rule: change both or neither.
 */
export const isOverdue = (row: Pick<FindingRow, 'status' | 'deadline' | 'overdueAt'>, today: LocalDate) =>
  row.status !== 'closed' && (row.overdueAt !== null || (row.status === 'open' && today > row.deadline));
/** `isOverdue` as a condition on training_findings (status and deadline are NOT NULL, so its negation is exact). */
export const overdueSql = (today: LocalDate): SQL =>
  and(
    ne(trainingFindings.status, 'closed'),
    or(isNotNull(trainingFindings.overdueAt), and(eq(trainingFindings.status, 'open'), lt(trainingFindings.deadline, today))),
  )!;

/** Findings with their events (one read for all of them), each marked overdue as of `today`. */
export async function withEvents(q: Queryable, rows: FindingRow[], today: LocalDate): Promise<Finding[]> {
  if (!rows.length) return [];
  const districtId = rows[0]!.districtId;
  const events = await q
    .select()
    .from(trainingFindingEvents)
    .where(and(eq(trainingFindingEvents.districtId, districtId), inArray(trainingFindingEvents.findingId, rows.map((r) => r.id))))
    .orderBy(asc(trainingFindingEvents.at), asc(trainingFindingEvents.id));
  return rows.map((r) => ({
    id: r.id,
    visitId: r.visitId,
    visitDate: r.visitDate,
    institutionId: r.institutionId,
    institutionName: r.institutionName,
    zoneId: r.zoneId,
    category: r.category as FindingCategory,
    description: r.description,
    severity: r.severity,
    photoIds: r.photoIds,
    status: r.status,
    deadline: r.deadline,
    citation: r.citation,
    overdue: isOverdue(r, today),
    overdueAt: r.overdueAt?.toISOString() ?? null,
    inspectorName: r.inspectorName,
    events: events
      .filter((e) => e.findingId === r.id)
      .map((e) => ({ kind: e.kind, note: e.note, photoIds: e.photoIds, deadline: e.deadline, byName: e.byName, at: e.at.toISOString() })),
  }));
}

/** One finding through `scope`, or 404. */
export async function findingOr404(q: Queryable, scope: SQL, id: string): Promise<FindingRow> {
  const [row] = await q.select().from(trainingFindings).where(and(scope, eq(trainingFindings.id, id)));
  if (!row) throw notFound('检查发现的问题');
  return row;
}
