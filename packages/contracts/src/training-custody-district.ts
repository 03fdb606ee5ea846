/**
 * 校外培训 custody, the district's view: each institution's custody figures against what it owes families, and the
 * journal of the custody ledger's transfers. Money is integer fen.
 *
 * Routes (permission):
 *   GET  /api/training/custody/summary                  CustodySummary              (training.custody | training.district)
 *   GET  /api/training/custody/transfers?…              TransferJournal             (training.custody)
 *   GET  /api/training/custody/transfers.xlsx?…         Excel of the same           (training.custody)
 */
import { z } from 'zod';
import { Id, LocalDate, Paging } from './common';
import { Money, NonNegativeMoney } from './money';
import { CustodyMode, TrainingStatus, TransferKind } from './training';

/** One institution's custody figures: coverage = secured ÷ owed (basis points; null when nothing is owed). */
export const CustodyRow = z.object({
  institutionId: Id,
  institutionName: z.string(),
  status: TrainingStatus,
  custodyMode: CustodyMode,
  activeOrders: z.number().int(),
  /** Σ order accounts (custody balance). */
  heldFen: Money,
  releasedFen: Money,
  refundedFen: Money,
  depositFen: NonNegativeMoney,
  /** Unconsumed value of active orders: what the institution owes families. */
  owedFen: Money,
  /** What secures the debt: held (custody mode) or the deposit (deposit mode). */
  securedFen: Money,
  /** For deposit mode: owed × depositMinShareBp. */
  requiredFen: Money,
  coverageBp: z.number().int().nullable(),
  covered: z.boolean(),
  openRefunds: z.number().int(),
  overdueRefunds: z.number().int(),
  /** What the custody bank's latest statement lacked against the ledger's custody balance on its last day (0: none). */
  bankShortfallFen: NonNegativeMoney,
  /** The last day of that statement; null before any statement with a closing balance is imported. */
  bankStatementTo: LocalDate.nullable(),
});
export type CustodyRow = z.infer<typeof CustodyRow>;
export const CustodySummary = z.object({
  rows: z.array(CustodyRow),
  totals: z.object({ heldFen: Money, releasedFen: Money, refundedFen: Money, depositFen: Money, owedFen: Money }),
  policyVersion: z.string().nullable(),
});
export type CustodySummary = z.infer<typeof CustodySummary>;

export const TransfersQuery = z.object({
  institutionId: Id.optional(),
  orderId: Id.optional(),
  kind: TransferKind.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  ...Paging,
});
export type TransfersQuery = z.infer<typeof TransfersQuery>;
export const TransferRow = z.object({
  id: Id,
  createdAt: z.string(),
  kind: TransferKind,
  amountFen: Money,
  debitAccount: z.string(),
  creditAccount: z.string(),
  institutionId: Id.nullable(),
  institutionName: z.string().nullable(),
  orderId: Id.nullable(),
  orderCode: z.string().nullable(),
  idempotencyKey: z.string(),
  note: z.string().nullable(),
});
export type TransferRow = z.infer<typeof TransferRow>;
export const TransferJournal = z.object({ items: z.array(TransferRow), total: z.number().int(), sumFen: Money });
export type TransferJournal = z.infer<typeof TransferJournal>;
