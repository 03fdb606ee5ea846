/**
 * Bank reconciliation of an institution's custody account (资金监管对账), for the district's custody officer: import the
 * bank's statement for a period (the same file never twice), match each line to the ledger's transfers and store the
 * result with every difference both ways and the closing balance against the ledger's; re-run it after the ledger
 * changed; read it with filters; export the differences; the template.
 */
import {
  type ReconcileDetail,
  type ReconcileShow,
  STATEMENT_PERIOD_DAYS_MAX,
  type StatementImportQuery,
  type StatementImportList,
} from '@shuangjian/contracts';
import { daysBetween, type LocalDate, localDateTimeIn } from '@shuangjian/policy';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, found } from '../../platform/errors';
import { buildWorkbook } from '../../platform/excel';
import { codeTokens, matchStatement, transferDirection } from './reconcile-match';
import { readStatementFile, STATEMENT_TEMPLATE_COLUMNS, STATEMENT_TEMPLATE_INSTRUCTIONS, type StatementRow } from './reconcile-file';
import {
  custodyBalanceAt,
  gapOut,
  importOut,
  institutionNames,
  institutionOf,
  lineOut,
  orderCodes,
  periodTransfers,
  toMatchLines,
  userNames,
} from './reconcile.repo';
import { trainingStatementGaps, trainingStatementImports, trainingStatementLines } from './reconcile.schema';

const PERMISSION = 'training.custody' as const;
type ImportRow = typeof trainingStatementImports.$inferSelect;

/** 对账单导入模板 (.xlsx) with its 填写说明 sheet. */
export async function statementTemplate(ctx: Ctx) {
  requirePermission(ctx, PERMISSION);
  const buffer = await buildWorkbook({ name: '托管账户对账单', columns: STATEMENT_TEMPLATE_COLUMNS, rows: [], instructions: STATEMENT_TEMPLATE_INSTRUCTIONS });
  return { buffer, fileName: '资金监管-托管银行对账单-导入模板.xlsx' };
}

/** The match of the statement's rows against the ledger of the import's institution and period, with the totals. */
async function reconcileRows(ctx: Ctx, q: Queryable, imp: { institutionId: string; periodFrom: LocalDate; periodTo: LocalDate }, rows: readonly StatementRow[]) {
  const codes = await orderCodes(ctx, q, imp.institutionId, rows.flatMap((r) => codeTokens(r.remark)));
  const lines = toMatchLines(rows, codes);
  const transfers = await periodTransfers(ctx, q, imp.institutionId, imp.periodFrom, imp.periodTo);
  const result = matchStatement(lines, transfers);
  const ledgerInFen = transfers.filter((t) => transferDirection(t.kind) === 'in').reduce((s, t) => s + t.amountFen, 0);
  const ledgerOutFen = transfers.filter((t) => transferDirection(t.kind) === 'out').reduce((s, t) => s + t.amountFen, 0);
  const ledgerClosingFen = await custodyBalanceAt(ctx, q, imp.institutionId, imp.periodTo);
  const counts = { matched: 0, amountDiffers: 0, unmatchedBank: 0, missingBank: result.gaps.length };
  for (const r of result.lines) {
    if (r.status === 'matched') counts.matched++;
    else if (r.status === 'amount_differs') counts.amountDiffers++;
    else counts.unmatchedBank++;
  }
  return { lines, result, totals: { ledgerInFen, ledgerOutFen, ledgerClosingFen, ...counts } };
}

type Reconciled = Awaited<ReturnType<typeof reconcileRows>>;

async function writeGaps(ctx: Ctx, tx: Queryable, imp: Pick<ImportRow, 'id' | 'institutionId' | 'zoneId'>, gaps: Reconciled['result']['gaps']) {
  await tx.delete(trainingStatementGaps).where(and(eq(trainingStatementGaps.districtId, ctx.user.districtId), eq(trainingStatementGaps.importId, imp.id)));
  const values = gaps.map((g) => ({
    districtId: ctx.user.districtId,
    importId: imp.id,
    transferId: g.id,
    institutionId: imp.institutionId,
    zoneId: imp.zoneId,
    bookedOn: g.date,
    kind: g.kind,
    direction: transferDirection(g.kind),
    amountFen: g.amountFen,
    orderId: g.orderId,
    orderCode: g.orderCode,
    note: `账本${g.kind === 'purchase' ? '收到' : '付出'}的这笔在对账单中没有对应流水`,
  }));
  for (let i = 0; i < values.length; i += 500) await tx.insert(trainingStatementGaps).values(values.slice(i, i + 500));
}

/** 导入对账单: one institution's custody statement for a period, reconciled at once. */
export async function importStatement(ctx: Ctx, query: StatementImportQuery, readFile: () => Promise<{ buffer: Buffer; fileName: string }>): Promise<ReconcileDetail> {
  requirePermission(ctx, PERMISSION);
  const inst = await institutionOf(ctx, query.institutionId);
  if (daysBetween(query.periodFrom, query.periodTo) >= STATEMENT_PERIOD_DAYS_MAX)
    throw new AppError(400, 'VALIDATION', `对账期间（periodTo）：最长 ${STATEMENT_PERIOD_DAYS_MAX} 天`);
  const file = await readFile();
  const parsed = await readStatementFile(file.buffer, file.fileName, { from: query.periodFrom, to: query.periodTo });
  const [earlier] = await ctx.db
    .select()
    .from(trainingStatementImports)
    .where(and(scoped(ctx, trainingStatementImports, PERMISSION), eq(trainingStatementImports.fileSha256, parsed.sha256)));
  if (earlier) {
    const by = (await userNames(ctx.db, ctx.user.districtId, [earlier.importedBy])).get(earlier.importedBy) ?? '';
    const name = (await institutionNames(ctx, [earlier.institutionId])).get(earlier.institutionId);
    throw conflict(
      `这份对账单（${earlier.fileName}）已于 ${localDateTimeIn(ctx.user.timeZone, earlier.importedAt).date} 由${by}导入（${name}，${earlier.periodFrom} 至 ${earlier.periodTo}），不能重复导入；账本有变动时请打开它“重新对账”`,
      { importId: earlier.id },
    );
  }
  const statementClosingFen = parsed.closingFen ?? query.closingBalanceFen ?? null;
  const imp = { institutionId: inst.id, zoneId: inst.zoneId, periodFrom: query.periodFrom, periodTo: query.periodTo };
  const id = await ctx.db.transaction(async (tx) => {
    const rec = await reconcileRows(ctx, tx, imp, parsed.rows);
    const [row] = await tx
      .insert(trainingStatementImports)
      .values({
        districtId: ctx.user.districtId,
        ...imp,
        bank: query.bank || null,
        fileName: file.fileName.slice(0, 200),
        fileSha256: parsed.sha256,
        lines: parsed.rows.length,
        bankInFen: parsed.rows.filter((r) => r.direction === 'in').reduce((s, r) => s + r.amountFen, 0),
        bankOutFen: parsed.rows.filter((r) => r.direction === 'out').reduce((s, r) => s + r.amountFen, 0),
        statementClosingFen,
        ...rec.totals,
        runs: 1,
        importedBy: ctx.user.id,
        reconciledBy: ctx.user.id,
        reconciledAt: ctx.now(),
      })
      .returning();
    const lines = parsed.rows.map((r, i) => {
      const m = rec.result.lines[i]!;
      return {
        districtId: ctx.user.districtId,
        importId: row!.id,
        institutionId: inst.id,
        zoneId: inst.zoneId,
        rowNumber: r.row,
        bookedOn: r.date,
        direction: r.direction,
        amountFen: r.amountFen,
        counterparty: r.counterparty,
        remark: r.remark,
        serialNo: r.serialNo,
        balanceFen: r.balanceFen,
        orderCode: rec.lines[i]!.orderCode,
        matchStatus: m.status,
        transferId: m.transfer?.id ?? null,
        transferKind: m.transfer?.kind ?? null,
        ledgerAmountFen: m.transfer?.amountFen ?? null,
        note: m.note,
      };
    });
    for (let i = 0; i < lines.length; i += 500) await tx.insert(trainingStatementLines).values(lines.slice(i, i + 500));
    await writeGaps(ctx, tx, row!, rec.result.gaps);
    const { fileSha256, ...summary } = row!;
    await audit(tx, ctx.actor, { action: 'training.reconcile.import', entity: 'training_statement_imports', entityId: row!.id, after: { ...summary, fileSha256 } });
    return row!.id;
  });
  return reconcileDetail(ctx, id, 'differences');
}

async function loadImport(ctx: Ctx, q: Queryable, id: string): Promise<ImportRow> {
  return found(await q.select().from(trainingStatementImports).where(and(scoped(ctx, trainingStatementImports, PERMISSION), eq(trainingStatementImports.id, id))), '对账单');
}

/** 重新对账: the stored bank lines matched again against the ledger as it is now. */
export async function rerunReconcile(ctx: Ctx, id: string): Promise<ReconcileDetail> {
  requirePermission(ctx, PERMISSION);
  await loadImport(ctx, ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    const imp = await loadImport(ctx, tx, id);
    const stored = await tx
      .select()
      .from(trainingStatementLines)
      .where(and(scoped(ctx, trainingStatementLines, PERMISSION), eq(trainingStatementLines.importId, id)))
      .orderBy(asc(trainingStatementLines.rowNumber));
    const rows: StatementRow[] = stored.map((l) => ({
      row: l.rowNumber,
      date: l.bookedOn as LocalDate,
      direction: l.direction,
      amountFen: l.amountFen,
      counterparty: l.counterparty,
      remark: l.remark,
      serialNo: l.serialNo,
      balanceFen: l.balanceFen,
    }));
    const rec = await reconcileRows(ctx, tx, { institutionId: imp.institutionId, periodFrom: imp.periodFrom as LocalDate, periodTo: imp.periodTo as LocalDate }, rows);
    for (const [i, l] of stored.entries()) {
      const m = rec.result.lines[i]!;
      const next = { orderCode: rec.lines[i]!.orderCode, matchStatus: m.status, transferId: m.transfer?.id ?? null, transferKind: m.transfer?.kind ?? null, ledgerAmountFen: m.transfer?.amountFen ?? null, note: m.note };
      if (next.matchStatus === l.matchStatus && next.transferId === l.transferId && next.ledgerAmountFen === l.ledgerAmountFen && next.note === l.note && next.orderCode === l.orderCode) continue;
      await tx.update(trainingStatementLines).set(next).where(and(eq(trainingStatementLines.districtId, l.districtId), eq(trainingStatementLines.id, l.id)));
    }
    await writeGaps(ctx, tx, imp, rec.result.gaps);
    const before = { matched: imp.matched, amountDiffers: imp.amountDiffers, unmatchedBank: imp.unmatchedBank, missingBank: imp.missingBank, ledgerClosingFen: imp.ledgerClosingFen };
    await tx
      .update(trainingStatementImports)
      .set({ ...rec.totals, runs: imp.runs + 1, reconciledBy: ctx.user.id, reconciledAt: ctx.now() })
      .where(and(eq(trainingStatementImports.districtId, imp.districtId), eq(trainingStatementImports.id, id)));
    await audit(tx, ctx.actor, { action: 'training.reconcile.rerun', entity: 'training_statement_imports', entityId: id, before, after: rec.totals });
  });
  return reconcileDetail(ctx, id, 'differences');
}

export async function listStatementImports(ctx: Ctx, q: { institutionId?: string }): Promise<StatementImportList> {
  requirePermission(ctx, PERMISSION);
  if (q.institutionId) await institutionOf(ctx, q.institutionId);
  const conds: SQL[] = [scoped(ctx, trainingStatementImports, PERMISSION)];
  if (q.institutionId) conds.push(eq(trainingStatementImports.institutionId, q.institutionId));
  const rows = await ctx.db
    .select()
    .from(trainingStatementImports)
    .where(and(...conds))
    .orderBy(desc(trainingStatementImports.periodTo), desc(trainingStatementImports.importedAt))
    .limit(500);
  const names = {
    institutions: await institutionNames(ctx, rows.map((r) => r.institutionId)),
    users: await userNames(ctx.db, ctx.user.districtId, rows.flatMap((r) => [r.importedBy, r.reconciledBy])),
  };
  return { imports: rows.map((r) => importOut(r, names)) };
}

/** 对账结果: the import's figures with its lines and gaps, filtered (differences only by default). */
export async function reconcileDetail(ctx: Ctx, id: string, show: ReconcileShow): Promise<ReconcileDetail> {
  requirePermission(ctx, PERMISSION);
  const imp = await loadImport(ctx, ctx.db, id);
  const statuses = show === 'all' || show === 'missing_bank' ? null : show === 'differences' ? ['amount_differs', 'unmatched_bank'] : [show];
  const lines =
    show === 'missing_bank'
      ? []
      : (
          await ctx.db
            .select()
            .from(trainingStatementLines)
            .where(and(scoped(ctx, trainingStatementLines, PERMISSION), eq(trainingStatementLines.importId, id)))
            .orderBy(asc(trainingStatementLines.bookedOn), asc(trainingStatementLines.rowNumber))
        ).filter((l) => !statuses || statuses.includes(l.matchStatus));
  const gaps =
    show === 'all' || show === 'differences' || show === 'missing_bank'
      ? await ctx.db
          .select()
          .from(trainingStatementGaps)
          .where(and(scoped(ctx, trainingStatementGaps, PERMISSION), eq(trainingStatementGaps.importId, id)))
          .orderBy(asc(trainingStatementGaps.bookedOn), asc(trainingStatementGaps.orderCode))
      : [];
  const names = {
    institutions: await institutionNames(ctx, [imp.institutionId]),
    users: await userNames(ctx.db, ctx.user.districtId, [imp.importedBy, imp.reconciledBy]),
  };
  return { import: importOut(imp, names), show, lines: lines.map(lineOut), gaps: gaps.map(gapOut) };
}
