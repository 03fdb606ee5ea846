/** Queries the inspection services share: the institution an inspector may reach, findings with their history. */
import type { Finding, FindingCategory } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
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

type FindingRow = typeof trainingFindings.$inferSelect;

/** Findings matching `where` with their events, newest first. */
export async function loadFindings(q: Queryable, where: SQL | undefined): Promise<Finding[]> {
  const rows = await q.select().from(trainingFindings).where(where).orderBy(asc(trainingFindings.deadline), asc(trainingFindings.createdAt));
  return withEvents(q, rows);
}

export async function withEvents(q: Queryable, rows: FindingRow[]): Promise<Finding[]> {
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
    overdue: r.overdueAt !== null && r.status !== 'closed',
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
