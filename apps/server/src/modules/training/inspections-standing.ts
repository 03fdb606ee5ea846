/**
 * What inspections do to an institution's standing, through the organisation's `setInstitutionStanding` and the
 * registry's rule `standingAfter`, with a line in the registry's status history (every change with its reason).
 *
 * The rules (documented in docs and cited in each history line):
 * - 整改逾期 (a rectification passes its deadline while still open): an institution 正常 moves to 整改 rectifying; its
 *   list follows the registry's rule (kept; the public white list shows only 正常 institutions).
 * - 年检 合格 pass: status unchanged; the list follows the registry's rule (back on the white list when 正常 with an
 *   approved registry file).
 * - 年检 基本合格 basic pass: an institution 正常 moves to 整改 (限期整改); the list is kept.
 * - 年检 不合格 fail: an institution 正常 or 整改 moves to 整改 and onto the black list (a serious finding in the
 *   registry's rule); a suspended or closed one keeps its status and goes onto the black list too.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { type InstitutionListStatus, type InstitutionStanding, type InstitutionStatus, setInstitutionStanding, standingAfter } from '../org';
import { trainingStatusHistory } from './registry.schema';
import { trainingProfiles } from './schema';

export interface StandingChange {
  rule: string;
  status: InstitutionStatus | null;
  listStatus: InstitutionListStatus | null;
  applied: boolean;
}

async function fileApproved(q: Queryable, districtId: string, institutionId: string): Promise<boolean> {
  const [p] = await q
    .select({ s: trainingProfiles.filingStatus })
    .from(trainingProfiles)
    .where(and(eq(trainingProfiles.districtId, districtId), eq(trainingProfiles.institutionId, institutionId)));
  return p?.s === 'approved';
}

/** Moves the institution to `status` (unless it is suspended or closed) and the list the rule gives, recording why. */
export async function moveInstitution(
  tx: Queryable,
  actor: Actor,
  inst: InstitutionStanding,
  change: { status: InstitutionStatus | null; serious?: boolean; rule: string; reason: string },
): Promise<StandingChange> {
  const status = change.status && (inst.status === 'active' || inst.status === 'rectifying') ? change.status : inst.status;
  const listStatus = standingAfter(inst.listStatus, status, { fileApproved: await fileApproved(tx, inst.districtId, inst.id), serious: change.serious });
  if (status === inst.status && listStatus === inst.listStatus) return { rule: change.rule, status, listStatus, applied: false };
  await setInstitutionStanding(tx, inst.districtId, inst.id, { status, listStatus });
  await tx.insert(trainingStatusHistory).values({
    districtId: inst.districtId,
    institutionId: inst.id,
    zoneId: inst.zoneId,
    fromStatus: inst.status,
    toStatus: status,
    fromList: inst.listStatus,
    toList: listStatus,
    reason: `${change.reason}（${change.rule}）`,
    byUserId: actor.userId,
    byName: actor.userName,
  });
  return { rule: change.rule, status, listStatus, applied: true };
}
