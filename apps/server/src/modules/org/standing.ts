/**
 * An institution's standing (经营状态 and 白/黑名单) as the training module's registry changes it: the registry checks
 * who may change it and records why (its status history, audit, notices); this file only writes the row.
 *
 * The lists follow the status (the registry's rule, applied by `standingAfter`):
 * - 正常 active: white list once its registry file is approved (白名单 = "经审批登记、接受资金监管的机构", 学科类 and
 *   非学科类 alike); an institution without an approved file keeps the list it had (a black-listed one stays black
 *   until the district lifts it by a change to 正常 with an approved file).
 * - 整改 rectifying: keeps its list; the public page shows the white list only while an institution is 正常, so it
 *   drops off what parents see until the rectification is done.
 * - 暂停 suspended: off the white list (a black-listed one stays black).
 * - 注销 closed, or any change marked as a serious finding (严重违规): black list.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { institutions } from './schema';

export type InstitutionStatus = (typeof institutions.$inferSelect)['status'];
export type InstitutionListStatus = (typeof institutions.$inferSelect)['listStatus'];

export interface InstitutionStanding {
  id: string;
  districtId: string;
  zoneId: string;
  name: string;
  licenseNo: string;
  category: 'subject' | 'non_subject';
  field: string;
  status: InstitutionStatus;
  listStatus: InstitutionListStatus;
  address: string | null;
}

/** One institution of the district by id (the caller has checked the person may reach it), or null. */
export async function institutionStanding(q: Queryable, districtId: string, institutionId: string): Promise<InstitutionStanding | null> {
  const [row] = await q
    .select({
      id: institutions.id,
      districtId: institutions.districtId,
      zoneId: institutions.zoneId,
      name: institutions.name,
      licenseNo: institutions.licenseNo,
      category: institutions.category,
      field: institutions.field,
      status: institutions.status,
      listStatus: institutions.listStatus,
      address: institutions.address,
    })
    .from(institutions)
    .where(and(eq(institutions.districtId, districtId), eq(institutions.id, institutionId)));
  return row ?? null;
}

/** The list an institution is on after a status change (the rule in this file's comment). */
export function standingAfter(
  current: InstitutionListStatus,
  status: InstitutionStatus,
  opts: { fileApproved: boolean; serious?: boolean },
): InstitutionListStatus {
  if (status === 'closed' || opts.serious) return 'black';
  if (status === 'suspended') return current === 'white' ? 'none' : current;
  if (status === 'active' && opts.fileApproved) return 'white';
  return current;
}

/** Writes an institution's status and/or list inside the caller's transaction. */
export async function setInstitutionStanding(
  tx: Queryable,
  districtId: string,
  institutionId: string,
  change: { status?: InstitutionStatus; listStatus?: InstitutionListStatus },
): Promise<void> {
  if (change.status === undefined && change.listStatus === undefined) return;
  await tx
    .update(institutions)
    .set({ ...(change.status ? { status: change.status } : {}), ...(change.listStatus ? { listStatus: change.listStatus } : {}) })
    .where(and(eq(institutions.districtId, districtId), eq(institutions.id, institutionId)));
}
