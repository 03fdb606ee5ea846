/**
 * Demo bank reconciliation (runs after the custody demo): the custody bank's statement of 启明文化艺术培训学校 for the
 * period of its ledger, one line per purchase, release and refund with the order code in the remark and the running
 * balance, plus the quarter's interest the bank credited (结息), which the ledger does not know: imported by the
 * district's custody officer, it reconciles to the fen but for that one line and the closing balance it moves.
 */
import { type Fen, type LocalDate, toYuanString } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db';
import { demoCtx } from './acting';
import { institutions } from '../modules/org/schema';
import { importStatement } from '../modules/training/reconcile.service';
import { trainingOrders, trainingTransfers } from '../modules/training/schema';

export const DEMO_STATEMENT_INSTITUTION = '启明文化艺术培训学校';
const INTEREST_FEN = 321;

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function seedTrainingReconcileDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const ctx = await demoCtx(db as Db, districtId, 'demo-district', new Date(`${today}T16:00:00+08:00`));
  const [inst] = await db.select({ id: institutions.id }).from(institutions).where(and(eq(institutions.districtId, districtId), eq(institutions.name, DEMO_STATEMENT_INSTITUTION)));
  if (!ctx || !inst) return;
  const transfers = await db
    .select({
      date: sql<LocalDate>`to_char(${trainingTransfers.createdAt} at time zone ${ctx.user.timeZone}, 'YYYY-MM-DD')`,
      kind: trainingTransfers.kind,
      amountFen: trainingTransfers.amountFen,
      code: trainingOrders.code,
    })
    .from(trainingTransfers)
    .innerJoin(trainingOrders, and(eq(trainingOrders.districtId, trainingTransfers.districtId), eq(trainingOrders.id, trainingTransfers.orderId)))
    .where(and(eq(trainingTransfers.districtId, districtId), eq(trainingOrders.institutionId, inst.id), inArray(trainingTransfers.kind, ['purchase', 'consume', 'refund'])))
    .orderBy(trainingTransfers.createdAt, trainingTransfers.id);
  if (!transfers.length) return; // the custody demo sold nothing here: no statement to show

  const first = transfers[0]!.date;
  const last = transfers.at(-1)!.date;
  const periodFrom = `${first.slice(0, 8)}01` as LocalDate;
  const periodTo = (last > today ? last : today) as LocalDate;
  let balance = 0;
  const rows = transfers.map((t, i) => {
    const amount = Number(t.amountFen);
    const out = t.kind !== 'purchase';
    balance += out ? -amount : amount;
    const remark = t.kind === 'purchase' ? `购课 ${t.code}` : t.kind === 'refund' ? `退费 ${t.code}` : `课消划拨 ${t.code}`;
    const counterparty = t.kind === 'consume' ? DEMO_STATEMENT_INSTITUTION : '学生家长';
    return [t.date, out ? '支' : '收', toYuanString(amount as Fen), counterparty, remark, `CQB${t.date.replace(/-/g, '')}${String(i + 1).padStart(4, '0')}`, toYuanString(balance as Fen)];
  });
  balance += INTEREST_FEN;
  rows.push([periodTo, '收', toYuanString(INTEREST_FEN as Fen), '重庆银行', '结息', `CQB${periodTo.replace(/-/g, '')}9999`, toYuanString(balance as Fen)]);
  const text = ['交易日期,收/支,金额(元),对方户名,摘要/附言,流水号,余额', ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
  await importStatement(ctx, { institutionId: inst.id, periodFrom, periodTo, bank: '重庆银行' }, async () => ({
    buffer: Buffer.from(text, 'utf8'),
    fileName: `${DEMO_STATEMENT_INSTITUTION}-托管账户对账单-${periodFrom}至${periodTo}.csv`,
  }));
}
