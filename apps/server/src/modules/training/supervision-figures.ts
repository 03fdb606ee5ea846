/**
 * The training-institution figures the district's supervision (督导考核) shows per zone: institutions by registry
 * status, custody coverage (institutions owing lessons whose custody or deposit covers it, over those owing) and
 * complaints open and overdue — from the district rollup the training dashboard reads, counted the way it counts them.
 */
import type { LocalDate } from '@shuangjian/policy';
import { eq } from 'drizzle-orm';
import { atOnce, type Queryable } from '../../platform/db';
import { trainingInstitutionStats } from './alerts.schema';
import { coverage } from './district.service';
import { trainingPolicy } from './training.policy';

export interface TrainingZoneFigures {
  institutions: number;
  /** Registry status (active 正常, rectifying 整改, suspended 暂停, closed 注销) → institutions. */
  byStatus: Record<string, number>;
  owing: number;
  covered: number;
  complaintsOpen: number;
  complaintsOverdue: number;
}

/** Every zone of the district with institutions in the rollup: two statements side by side. */
export async function trainingZoneFigures(q: Queryable, districtId: string, date: LocalDate): Promise<Map<string, TrainingZoneFigures>> {
  const s = trainingInstitutionStats;
  const [rows, policy] = await atOnce(q,
    () => q
      .select({
        zoneId: s.zoneId,
        status: s.status,
        custodyMode: s.custodyMode,
        heldFen: s.heldFen,
        owedFen: s.owedFen,
        depositFen: s.depositFen,
        bankClosingFen: s.bankClosingFen,
        bankLedgerFen: s.bankLedgerFen,
        complaintsOpen: s.complaintsOpen,
        complaintsOverdue: s.complaintsOverdue,
      })
      .from(s)
      .where(eq(s.districtId, districtId)),
    () => trainingPolicy(q, districtId, date),
  );
  const bp = policy.values['training.custody'].depositMinShareBp;
  const out = new Map<string, TrainingZoneFigures>();
  for (const r of rows) {
    let z = out.get(r.zoneId);
    if (!z) out.set(r.zoneId, (z = { institutions: 0, byStatus: {}, owing: 0, covered: 0, complaintsOpen: 0, complaintsOverdue: 0 }));
    z.institutions += 1;
    z.byStatus[r.status] = (z.byStatus[r.status] ?? 0) + 1;
    const covered = coverage(r, bp);
    if (covered !== null) z.owing += 1;
    if (covered) z.covered += 1;
    z.complaintsOpen += r.complaintsOpen;
    z.complaintsOverdue += r.complaintsOverdue;
  }
  return out;
}
