/**
 * 区级校外培训看板: every institution's row of the rollup (one read), summed per zone and for the district — institutions
 * by status × category × zone, custody coverage, money held / released / refunded, open cases, complaints open and
 * overdue; an institution's row and its cases on drill-down.
 */
import type {
  TrainingDistrictOverview,
  TrainingDistrictQuery,
  TrainingFigures,
  TrainingInstitutionDetail,
  TrainingInstitutionStatsRow,
} from '@shuangjian/contracts';
import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { type Ctx, readingCtx, requirePermission, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { today } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { refreshTrainingStats } from './alerts-rollup.service';
import { trainingAlerts, trainingInstitutionStats } from './alerts.schema';
import { listAlerts } from './alerts.service';
import { trainingPolicy } from './training.policy';
import { institutionDirectory } from '../org';

const PERMISSION = 'training.district' as const;
const s = trainingInstitutionStats;

export const zeroFigures = (): TrainingFigures => ({
  institutions: 0,
  owing: 0,
  covered: 0,
  heldFen: 0,
  owedFen: 0,
  releasedFen: 0,
  refundedFen: 0,
  depositFen: 0,
  ordersActive: 0,
  openAlerts: 0,
  complaintsOpen: 0,
  complaintsOverdue: 0,
});

/**
 * Whether what an institution holds (custody) or deposits covers what it owes; null when it owes nothing. A custody
 * bank's statement closing below the ledger's custody balance that day uncovers it, whatever the ledger says.
 */
export function coverage(
  row: { custodyMode: string; heldFen: number; owedFen: number; depositFen: number; bankClosingFen?: number | null; bankLedgerFen?: number | null },
  depositMinShareBp: number,
): boolean | null {
  if (row.owedFen <= 0) return null;
  if (row.custodyMode === 'custody' && row.bankClosingFen != null && row.bankClosingFen < (row.bankLedgerFen ?? 0)) return false;
  if (row.custodyMode === 'deposit') return row.depositFen * 10000 >= row.owedFen * depositMinShareBp || row.heldFen >= row.owedFen;
  return row.heldFen >= row.owedFen;
}

async function statsRows(ctx: Ctx, q: Queryable, where?: SQL) {
  return q
    .select({
      institutionId: s.institutionId,
      institutionName: sql<string>`(select i.name from ${institutionDirectory} i where i.district_id = ${s.districtId} and i.id = ${s.institutionId})`,
      zoneId: s.zoneId,
      zoneName: sql<string>`(select z.name from zones z where z.district_id = ${s.districtId} and z.id = ${s.zoneId})`,
      status: s.status,
      category: s.category,
      custodyMode: s.custodyMode,
      heldFen: s.heldFen,
      owedFen: s.owedFen,
      releasedFen: s.releasedFen,
      refundedFen: s.refundedFen,
      depositFen: s.depositFen,
      bankClosingFen: s.bankClosingFen,
      bankLedgerFen: s.bankLedgerFen,
      ordersActive: s.ordersActive,
      lastConsumptionOn: s.lastConsumptionOn,
      refundsInWindow: s.refundsInWindow,
      complaintsInWindow: s.complaintsInWindow,
      complaintsOpen: s.complaintsOpen,
      complaintsOverdue: s.complaintsOverdue,
      openAlerts: s.openAlerts,
      refreshedAt: s.refreshedAt,
    })
    .from(s)
    .where(and(scoped(ctx, s, PERMISSION), where))
    .orderBy(sql`2`, sql`4`);
}

async function depositShare(ctx: Ctx) {
  return (await trainingPolicy(ctx.readDb, ctx.user.districtId, today(ctx))).values['training.custody'].depositMinShareBp;
}

async function rowsWithCoverage(ctx: Ctx, where?: SQL) {
  let rows = await statsRows(ctx, ctx.readDb, where);
  if (!rows.length && !where) {
    // never refreshed yet (a new district before the job's first run): fill the rollup once on the primary, then read
    // it there (the replica may not have replayed the fill yet)
    await refreshTrainingStats(ctx.db, ctx.user.districtId, today(ctx));
    rows = await statsRows(ctx, ctx.db, where);
  }
  const bp = await depositShare(ctx);
  return rows.map(({ refreshedAt, bankClosingFen, bankLedgerFen, ...r }) => ({
    row: { ...r, covered: coverage({ ...r, bankClosingFen, bankLedgerFen }, bp) } as TrainingInstitutionStatsRow,
    refreshedAt,
  }));
}

function addInto(into: TrainingFigures, r: TrainingInstitutionStatsRow) {
  into.institutions += 1;
  if (r.covered !== null) into.owing += 1;
  if (r.covered) into.covered += 1;
  into.heldFen += r.heldFen;
  into.owedFen += r.owedFen;
  into.releasedFen += r.releasedFen;
  into.refundedFen += r.refundedFen;
  into.depositFen += r.depositFen;
  into.ordersActive += r.ordersActive;
  into.openAlerts += r.openAlerts;
  into.complaintsOpen += r.complaintsOpen;
  into.complaintsOverdue += r.complaintsOverdue;
}

export async function trainingDistrictOverview(ctx: Ctx, q: TrainingDistrictQuery): Promise<TrainingDistrictOverview> {
  requirePermission(ctx, PERMISSION);
  const rows = await rowsWithCoverage(ctx);
  const inReach = rows.filter((r) => !q.zoneId || r.row.zoneId === q.zoneId);
  const total = zeroFigures();
  const zones = new Map<string, TrainingDistrictOverview['zones'][number]>();
  const matrix = new Map<string, TrainingDistrictOverview['matrix'][number]>();
  let refreshed: Date | null = null;
  for (const { row, refreshedAt } of inReach) {
    addInto(total, row);
    const zone = zones.get(row.zoneId) ?? { zoneId: row.zoneId, zoneName: row.zoneName, ...zeroFigures() };
    addInto(zone, row);
    zones.set(row.zoneId, zone);
    const key = `${row.zoneId}|${row.status}|${row.category}`;
    const cell = matrix.get(key) ?? { zoneId: row.zoneId, status: row.status, category: row.category, count: 0 };
    cell.count += 1;
    matrix.set(key, cell);
    if (!refreshed || refreshedAt < refreshed) refreshed = refreshedAt;
  }
  const byKind = await ctx.readDb
    .select({ kind: trainingAlerts.kind, n: sql<number>`count(*)::int` })
    .from(trainingAlerts)
    .where(and(scoped(ctx, trainingAlerts, PERMISSION), ne(trainingAlerts.status, 'closed'), q.zoneId ? eq(trainingAlerts.zoneId, q.zoneId) : undefined))
    .groupBy(trainingAlerts.kind)
    .orderBy(asc(trainingAlerts.kind));
  return {
    total,
    matrix: [...matrix.values()],
    alertsByKind: Object.fromEntries(byKind.map((k) => [k.kind, k.n])),
    zones: [...zones.values()],
    institutions: inReach.map((r) => r.row),
    refreshedAt: refreshed?.toISOString() ?? null,
  };
}

export async function trainingInstitutionDetail(ctx: Ctx, institutionId: string): Promise<TrainingInstitutionDetail> {
  requirePermission(ctx, PERMISSION);
  const [row] = await rowsWithCoverage(ctx, eq(s.institutionId, institutionId));
  if (!row) throw notFound('机构');
  const alerts = await listAlerts(readingCtx(ctx), { institutionId });
  return { institution: row.row, alerts };
}
