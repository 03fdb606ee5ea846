/**
 * 校外培训 bank reconciliation (资金监管对账): the custody bank's statement of one institution's custody account,
 * imported as .xlsx or .csv, matched line by line to the ledger's transfers of that institution (购课入托管 in from a
 * parent, 退费 out to a parent, 课消划拨 out to the institution), with every difference listed both ways and the
 * closing balance compared with the ledger's custody balance. Money is integer fen.
 *
 * Routes (permission training.custody):
 *   POST /api/training/reconcile/imports?institutionId&periodFrom&periodTo[&bank][&closingBalanceFen]   multipart file → ReconcileDetail
 *   GET  /api/training/reconcile/imports?institutionId                  StatementImportList
 *   GET  /api/training/reconcile/imports/:id?show                       ReconcileDetail
 *   POST /api/training/reconcile/imports/:id/rerun                      ReconcileDetail (after the ledger changed)
 *   GET  /api/training/reconcile/imports/:id/export                     .xlsx of the differences
 *   GET  /api/training/reconcile/template                               .xlsx template with instructions
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { Money, PositiveMoney } from './money';
import { RowError } from './roster';
import { TransferKind } from './training';

export const STATEMENT_MAX_ROWS = 5000;
export const STATEMENT_BANK_MAX = 60;
export const STATEMENT_SERIAL_MAX = 64;
export const STATEMENT_TEXT_MAX = 200;
/** A statement covers at most this many days (a month or a quarter in practice). */
export const STATEMENT_PERIOD_DAYS_MAX = 366;

/** 收 money into the custody account, 支 money out of it. */
export const STATEMENT_DIRECTIONS = ['in', 'out'] as const;
export const StatementDirection = z.enum(STATEMENT_DIRECTIONS);
export type StatementDirection = z.infer<typeof StatementDirection>;
export const statementDirectionLabels: Record<StatementDirection, { 'zh-CN': string; en: string }> = {
  in: { 'zh-CN': '收', en: 'In' },
  out: { 'zh-CN': '支', en: 'Out' },
};

/**
 * How a bank line stands against the ledger: matched (same order code, direction and amount), amount_differs (the
 * order's transfer of that direction is there with another amount), unmatched_bank (no transfer for it in the period).
 */
export const STATEMENT_MATCH_STATUSES = ['matched', 'amount_differs', 'unmatched_bank'] as const;
export const StatementMatchStatus = z.enum(STATEMENT_MATCH_STATUSES);
export type StatementMatchStatus = z.infer<typeof StatementMatchStatus>;
export const statementMatchLabels: Record<StatementMatchStatus | 'missing_bank', { 'zh-CN': string; en: string }> = {
  matched: { 'zh-CN': '已对平', en: 'Matched' },
  amount_differs: { 'zh-CN': '金额不符', en: 'Amount differs' },
  unmatched_bank: { 'zh-CN': '银行有、账本无', en: 'Bank only' },
  missing_bank: { 'zh-CN': '账本有、银行无', en: 'Ledger only' },
};

/** What the detail lists: everything, only the differences, or one kind. */
export const RECONCILE_SHOW = ['differences', 'all', 'matched', 'amount_differs', 'unmatched_bank', 'missing_bank'] as const;
export const ReconcileShow = z.enum(RECONCILE_SHOW);
export type ReconcileShow = z.infer<typeof ReconcileShow>;

export const StatementImportQuery = z
  .object({
    institutionId: Id,
    periodFrom: LocalDate,
    periodTo: LocalDate,
    bank: z.string().trim().max(STATEMENT_BANK_MAX).optional(),
    /** 期末余额 when the file has no 余额 column: fen. */
    closingBalanceFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((q) => q.periodFrom <= q.periodTo, { message: '对账期间的结束日期应不早于开始日期', path: ['periodTo'] });
export type StatementImportQuery = z.infer<typeof StatementImportQuery>;

export const StatementImportsQuery = z.object({ institutionId: Id.optional() });
export const ReconcileDetailQuery = z.object({ show: ReconcileShow.default('differences') });

/** One imported statement and the result of its last reconciliation. */
export const StatementImport = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  bank: z.string().nullable(),
  periodFrom: LocalDate,
  periodTo: LocalDate,
  fileName: z.string(),
  fileSha256: z.string(),
  importedAt: z.string(),
  importedByName: z.string().nullable(),
  lines: z.number().int(),
  bankInFen: Money,
  bankOutFen: Money,
  ledgerInFen: Money,
  ledgerOutFen: Money,
  matched: z.number().int(),
  amountDiffers: z.number().int(),
  unmatchedBank: z.number().int(),
  missingBank: z.number().int(),
  /** Bank closing balance (余额 of the last line, or as typed); null when the statement gives none. */
  statementClosingFen: Money.nullable(),
  /** The ledger's custody balance (Σ order accounts) at the end of the period's last day. */
  ledgerClosingFen: Money,
  /** statement − ledger; null without a statement balance. */
  balanceDiffFen: Money.nullable(),
  /** No difference of any kind. */
  clean: z.boolean(),
  reconciledAt: z.string(),
  reconciledByName: z.string().nullable(),
  /** How many times the reconciliation ran (1 at import). */
  runs: z.number().int(),
});
export type StatementImport = z.infer<typeof StatementImport>;
export const StatementImportList = z.object({ imports: z.array(StatementImport) });
export type StatementImportList = z.infer<typeof StatementImportList>;

/** A bank line and what it matched. */
export const StatementLine = z.object({
  id: Id,
  row: z.number().int(),
  date: LocalDate,
  direction: StatementDirection,
  amountFen: PositiveMoney,
  counterparty: z.string().nullable(),
  remark: z.string().nullable(),
  serialNo: z.string(),
  balanceFen: Money.nullable(),
  orderCode: z.string().nullable(),
  status: StatementMatchStatus,
  transferId: Id.nullable(),
  transferKind: TransferKind.nullable(),
  /** The ledger's amount (differs from the bank's when status is amount_differs). */
  ledgerAmountFen: Money.nullable(),
  /** bank − ledger for amount_differs. */
  diffFen: Money.nullable(),
  /** Why it did not match, in a sentence. */
  note: z.string().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;

/** A ledger transfer of the period with no bank line (账本有、银行无). */
export const LedgerGap = z.object({
  transferId: Id,
  date: LocalDate,
  kind: TransferKind,
  direction: StatementDirection,
  amountFen: PositiveMoney,
  orderId: Id.nullable(),
  orderCode: z.string().nullable(),
  note: z.string().nullable(),
});
export type LedgerGap = z.infer<typeof LedgerGap>;

export const ReconcileDetail = z.object({
  import: StatementImport,
  show: ReconcileShow,
  lines: z.array(StatementLine),
  gaps: z.array(LedgerGap),
});
export type ReconcileDetail = z.infer<typeof ReconcileDetail>;

export const StatementImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ rows: z.number().int(), errors: z.array(RowError) }),
});
