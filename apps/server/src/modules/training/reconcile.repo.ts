/**
 * Reconciliation's reads: the institution's orders (codes to find in the bank's remarks), the ledger's transfers of a
 * period that move money through the custody account, the custody balance at a day's end, and the row → answer
 * mappers of imports, lines and gaps.
 */
import type { LedgerGap, StatementImport, StatementLine } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { users } from '../../platform/schema';
import { getInstitution } from '../org';
import { codeTokens, type MatchLine, type MatchTransfer } from './reconcile-match';
import type { StatementRow } from './reconcile-file';
import { trainingStatementGaps, trainingStatementImports, trainingStatementLines } from './reconcile.schema';
import { trainingOrders, trainingTransfers } from './schema';

/** The transfers that pass through an institution's custody account: in from parents, out as refunds and releases. */
export const CUSTODY_KINDS = ['purchase', 'consume', 'refund'] as const;

/** The institution (404 for another district's or an unknown one), with its zone. */
export async function institutionOf(ctx: Ctx, id: string): Promise<{ id: string; name: string; zoneId: string }> {
  const inst = await getInstitution(ctx, id);
  return { id: inst.id, name: inst.name, zoneId: inst.zoneId };
}

export async function institutionNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, (await institutionOf(ctx, id)).name);
  return names;
}

/** Upper-case order code → the order's code as stored, for the district; each code tagged with its institution. */
export async function orderCodes(ctx: Ctx, q: Queryable, institutionId: string, tokens: readonly string[]) {
  const own = await q
    .select({ code: trainingOrders.code })
    .from(trainingOrders)
    .where(and(scoped(ctx, trainingOrders, 'training.custody'), eq(trainingOrders.institutionId, institutionId)));
  const mine = new Map(own.map((o) => [o.code.toUpperCase(), o.code]));
  const unknown = [...new Set(tokens)].filter((t) => !mine.has(t));
  const foreign = unknown.length
    ? await q
        .select({ code: trainingOrders.code })
        .from(trainingOrders)
        .where(and(scoped(ctx, trainingOrders, 'training.custody'), inArray(sql`upper(${trainingOrders.code})`, unknown)))
    : [];
  return { mine, foreign: new Set(foreign.map((o) => o.code.toUpperCase())) };
}

/** Bank rows → match lines: the first own order code the remark names (a token, else a substring), or a foreign one. */
export function toMatchLines(rows: readonly StatementRow[], codes: { mine: Map<string, string>; foreign: Set<string> }): MatchLine[] {
  return rows.map((r) => {
    const tokens = codeTokens(r.remark);
    const upper = (r.remark ?? '').normalize('NFKC').toUpperCase();
    const own = tokens.find((t) => codes.mine.has(t)) ?? [...codes.mine.keys()].find((c) => c.length >= 4 && upper.includes(c));
    const foreign = own ? undefined : tokens.find((t) => codes.foreign.has(t));
    return {
      date: r.date,
      direction: r.direction,
      amountFen: r.amountFen,
      remark: r.remark,
      orderCode: own ? codes.mine.get(own)! : null,
      foreignCode: foreign ?? null,
    };
  });
}

const dayStart = (ctx: Ctx, date: LocalDate) => sql`(${date}::date)::timestamp at time zone ${ctx.user.timeZone}`;

/** The institution's custody transfers booked (district time) within the period, oldest first. */
export async function periodTransfers(ctx: Ctx, q: Queryable, institutionId: string, from: LocalDate, to: LocalDate): Promise<MatchTransfer[]> {
  const rows = await q
    .select({
      id: trainingTransfers.id,
      date: sql<LocalDate>`to_char(${trainingTransfers.createdAt} at time zone ${ctx.user.timeZone}, 'YYYY-MM-DD')`,
      kind: trainingTransfers.kind,
      amountFen: trainingTransfers.amountFen,
      orderId: trainingTransfers.orderId,
      orderCode: trainingOrders.code,
    })
    .from(trainingTransfers)
    .innerJoin(trainingOrders, and(eq(trainingOrders.districtId, trainingTransfers.districtId), eq(trainingOrders.id, trainingTransfers.orderId)))
    .where(
      and(
        scoped(ctx, trainingTransfers, 'training.custody'),
        eq(trainingOrders.institutionId, institutionId),
        inArray(trainingTransfers.kind, [...CUSTODY_KINDS]),
        sql`${trainingTransfers.createdAt} >= ${dayStart(ctx, from)}`,
        sql`${trainingTransfers.createdAt} < ${dayStart(ctx, addDays(to, 1))}`,
      ),
    )
    .orderBy(trainingTransfers.createdAt, trainingTransfers.id);
  return rows.map((r) => ({ ...r, kind: r.kind as MatchTransfer['kind'], amountFen: Number(r.amountFen) }));
}

/** The custody balance (Σ the institution's order accounts) at the end of a day: in − out of every transfer up to it. */
export async function custodyBalanceAt(ctx: Ctx, q: Queryable, institutionId: string, date: LocalDate): Promise<number> {
  const [row] = await q
    .select({
      balance: sql<string>`coalesce(sum(case when ${trainingTransfers.kind} = 'purchase' then ${trainingTransfers.amountFen} else -${trainingTransfers.amountFen} end), 0)`,
    })
    .from(trainingTransfers)
    .innerJoin(trainingOrders, and(eq(trainingOrders.districtId, trainingTransfers.districtId), eq(trainingOrders.id, trainingTransfers.orderId)))
    .where(
      and(
        scoped(ctx, trainingTransfers, 'training.custody'),
        eq(trainingOrders.institutionId, institutionId),
        inArray(trainingTransfers.kind, [...CUSTODY_KINDS]),
        sql`${trainingTransfers.createdAt} < ${dayStart(ctx, addDays(date, 1))}`,
      ),
    );
  return Number(row?.balance ?? 0);
}

type ImportRow = typeof trainingStatementImports.$inferSelect;
type LineRow = typeof trainingStatementLines.$inferSelect;
type GapRow = typeof trainingStatementGaps.$inferSelect;

export async function userNames(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function importOut(r: ImportRow, names: { institutions: Map<string, string>; users: Map<string, string> }): StatementImport {
  const balanceDiff = r.statementClosingFen === null ? null : r.statementClosingFen - r.ledgerClosingFen;
  return {
    id: r.id,
    institutionId: r.institutionId,
    institutionName: names.institutions.get(r.institutionId) ?? '',
    bank: r.bank,
    periodFrom: r.periodFrom as LocalDate,
    periodTo: r.periodTo as LocalDate,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    importedAt: r.importedAt.toISOString(),
    importedByName: names.users.get(r.importedBy) ?? null,
    lines: r.lines,
    bankInFen: r.bankInFen,
    bankOutFen: r.bankOutFen,
    ledgerInFen: r.ledgerInFen,
    ledgerOutFen: r.ledgerOutFen,
    matched: r.matched,
    amountDiffers: r.amountDiffers,
    unmatchedBank: r.unmatchedBank,
    missingBank: r.missingBank,
    statementClosingFen: r.statementClosingFen,
    ledgerClosingFen: r.ledgerClosingFen,
    balanceDiffFen: balanceDiff,
    clean: r.amountDiffers === 0 && r.unmatchedBank === 0 && r.missingBank === 0 && !balanceDiff,
    reconciledAt: r.reconciledAt.toISOString(),
    reconciledByName: names.users.get(r.reconciledBy) ?? null,
    runs: r.runs,
  } as StatementImport;
}

export function lineOut(r: LineRow): StatementLine {
  return {
    id: r.id,
    row: r.rowNumber,
    date: r.bookedOn as LocalDate,
    direction: r.direction,
    amountFen: r.amountFen,
    counterparty: r.counterparty,
    remark: r.remark,
    serialNo: r.serialNo,
    balanceFen: r.balanceFen,
    orderCode: r.orderCode,
    status: r.matchStatus,
    transferId: r.transferId,
    transferKind: r.transferKind,
    ledgerAmountFen: r.ledgerAmountFen,
    diffFen: r.matchStatus === 'amount_differs' && r.ledgerAmountFen !== null ? r.amountFen - r.ledgerAmountFen : null,
    note: r.note,
  } as StatementLine;
}

export function gapOut(r: GapRow): LedgerGap {
  return {
    transferId: r.transferId,
    date: r.bookedOn as LocalDate,
    kind: r.kind,
    direction: r.direction,
    amountFen: r.amountFen,
    orderId: r.orderId,
    orderCode: r.orderCode,
    note: r.note,
  } as LedgerGap;
}
