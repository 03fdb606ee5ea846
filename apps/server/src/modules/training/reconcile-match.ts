/**
 * Matching bank lines to ledger transfers (pure). A line carries an order code in its 摘要/附言; the ledger's transfers
 * of the period carry their order. First every line takes a transfer of its order, direction and exact amount (the
 * nearest date, a 退费 remark preferring a refund); then a line still alone takes a leftover transfer of its order and
 * direction with another amount (金额不符); what is left on either side is a difference (银行有账本无 / 账本有银行无).
 */
import type { StatementDirection, StatementMatchStatus, TransferKind } from '@shuangjian/contracts';
import { daysBetween, type LocalDate } from '@shuangjian/policy';

export interface MatchLine {
  date: LocalDate;
  direction: StatementDirection;
  amountFen: number;
  remark: string | null;
  /** The institution's order code found in the remark. */
  orderCode: string | null;
  /** A code of another institution's order found instead (named in the note). */
  foreignCode: string | null;
}

export interface MatchTransfer {
  id: string;
  date: LocalDate;
  kind: TransferKind;
  amountFen: number;
  orderId: string | null;
  orderCode: string | null;
}

export interface LineResult {
  status: StatementMatchStatus;
  transfer: MatchTransfer | null;
  note: string | null;
}

/** Money into the custody account is a purchase; refunds and releases (课消划拨) leave it. */
export function transferDirection(kind: TransferKind): StatementDirection {
  return kind === 'purchase' ? 'in' : 'out';
}

const REFUND_WORDS = /退费|退款|退还/;

export function matchStatement(lines: readonly MatchLine[], transfers: readonly MatchTransfer[]): { lines: LineResult[]; gaps: MatchTransfer[] } {
  const open = new Map<string, MatchTransfer[]>();
  for (const t of transfers) {
    if (!t.orderCode) continue;
    const key = `${t.orderCode}|${transferDirection(t.kind)}`;
    open.set(key, [...(open.get(key) ?? []), t]);
  }
  const used = new Set<string>();
  const results: (LineResult | null)[] = lines.map(() => null);
  const order = lines.map((_, i) => i).sort((a, b) => (lines[a]!.date < lines[b]!.date ? -1 : lines[a]!.date > lines[b]!.date ? 1 : a - b));

  const pick = (line: MatchLine, exact: boolean): MatchTransfer | null => {
    const candidates = (open.get(`${line.orderCode}|${line.direction}`) ?? []).filter((t) => !used.has(t.id) && (!exact || t.amountFen === line.amountFen));
    if (!candidates.length) return null;
    const refund = line.direction === 'out' && REFUND_WORDS.test(line.remark ?? '');
    const score = (t: MatchTransfer) => (line.direction === 'out' && (t.kind === 'refund') !== refund ? 1000 : 0) + Math.abs(daysBetween(t.date, line.date));
    return candidates.reduce((best, t) => (score(t) < score(best) ? t : best));
  };

  for (const exact of [true, false])
    for (const i of order) {
      const line = lines[i]!;
      if (results[i] || !line.orderCode) continue;
      const t = pick(line, exact);
      if (!t) continue;
      used.add(t.id);
      results[i] = exact
        ? { status: 'matched', transfer: t, note: null }
        : { status: 'amount_differs', transfer: t, note: `银行金额与账本不符（订单 ${line.orderCode}）` };
    }

  const out = lines.map((line, i): LineResult => {
    const r = results[i];
    if (r) return r;
    const dir = line.direction === 'in' ? '收入' : '支出';
    const note = line.orderCode
      ? `对账期间内账本没有订单 ${line.orderCode} 的这笔${dir}`
      : line.foreignCode
        ? `订单编号 ${line.foreignCode} 不是本机构的订单`
        : '摘要/附言中没有本机构的订单编号';
    return { status: 'unmatched_bank', transfer: null, note };
  });
  return { lines: out, gaps: transfers.filter((t) => !used.has(t.id)) };
}

/** Order-code-like tokens of a remark: letters, digits and dashes, at least 4 long. */
export function codeTokens(remark: string | null): string[] {
  return [...(remark ?? '').normalize('NFKC').toUpperCase().matchAll(/[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9]/g)].map((m) => m[0]);
}
