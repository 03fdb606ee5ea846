/**
 * 冲正: a payment recorded by mistake (wrong amount, wrong family, a duplicate entered by hand) is reversed, never
 * deleted or edited. In one transaction: the reversal (who, when, why), exactly what the payment had put on each bill
 * taken back (the bills unpaid or part-paid again; the child's other credit then goes to them oldest first, as always),
 * the ledger of allocations, the rollup, the audit and the family told. Saved settlements are not touched: the answer
 * names those whose figures changed, to be settled again as a new version.
 */
import type { PaymentReversalResult } from '@shuangjian/contracts';
import { fen, formatYuan, localDateTimeIn, takeBack } from '@shuangjian/policy';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { requireStepUp } from '../../platform/auth/second-factor';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { conflict, notFound, ruleViolation } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { guardiansOfStudents } from '../org';
import { afterSchoolBills, afterSchoolPaymentAllocations, afterSchoolPaymentReversals, afterSchoolPayments, afterSchoolSettlements } from './money.schema';
import { applyPayments, financeSchool, paymentOut, refreshMoneyStats, reversalsOf, studentsById } from './money.repo';

type Out = z.output<typeof PaymentReversalResult>;

/** The latest saved settlement of each period the moved bills belong to (their months and their semesters). */
async function settledPeriods(q: Queryable, districtId: string, schoolId: string, bills: readonly { semesterId: string; month: string }[]) {
  if (!bills.length) return [];
  const s = afterSchoolSettlements;
  const semesters = [...new Set(bills.map((b) => b.semesterId))];
  const rows = await q
    .selectDistinctOn([s.semesterId, s.period], { semesterId: s.semesterId, period: s.period, version: s.version })
    .from(s)
    .where(and(eq(s.districtId, districtId), eq(s.schoolId, schoolId), inArray(s.semesterId, semesters)))
    .orderBy(s.semesterId, s.period, desc(s.version));
  return rows.filter((r) => r.period === 'semester' || bills.some((b) => b.semesterId === r.semesterId && b.month === r.period));
}

export async function reversePayment(ctx: Ctx, id: string, reason: string): Promise<Out> {
  requirePermission(ctx, 'after-school.finance');
  requireStepUp(ctx);
  const [found] = await ctx.db
    .select({ schoolId: afterSchoolPayments.schoolId })
    .from(afterSchoolPayments)
    .where(and(scoped(ctx, afterSchoolPayments, 'after-school.finance'), eq(afterSchoolPayments.id, id)));
  if (!found) throw notFound('缴费记录');
  const school = await financeSchool(ctx, found.schoolId);
  const d = ctx.user.districtId;

  const outcome = await ctx.db.transaction(async (tx) => {
    // the payment row locked: a second reversal waits here, then finds the first
    const [payment] = await tx
      .select()
      .from(afterSchoolPayments)
      .where(and(eq(afterSchoolPayments.districtId, d), eq(afterSchoolPayments.id, id)))
      .for('update');
    const [earlier] = await tx
      .select({ reason: afterSchoolPaymentReversals.reason, at: afterSchoolPaymentReversals.reversedAt, by: users.name })
      .from(afterSchoolPaymentReversals)
      .innerJoin(users, and(eq(users.districtId, afterSchoolPaymentReversals.districtId), eq(users.id, afterSchoolPaymentReversals.reversedBy)))
      .where(and(eq(afterSchoolPaymentReversals.districtId, d), eq(afterSchoolPaymentReversals.paymentId, id)));
    if (earlier)
      throw conflict(`这笔缴费已于 ${localDateTimeIn(ctx.user.timeZone, earlier.at).date} 由${earlier.by}冲正（原因：${earlier.reason}），不能再次冲正`, {
        reversedAt: earlier.at.toISOString(),
        reason: earlier.reason,
      });

    // what the payment put on each bill, net of nothing (a payment is reversed once)
    const a = afterSchoolPaymentAllocations;
    const lines = await tx
      .select({ billId: a.billId, amount: sql<string>`sum(${a.amountFen})` })
      .from(a)
      .where(and(eq(a.districtId, d), eq(a.paymentId, id)))
      .groupBy(a.billId);
    const applied = lines.map((l) => ({ billId: l.billId, amount: fen(Number(l.amount)) })).filter((l) => l.amount > 0);
    const undone = applied.reduce((t, l) => t + l.amount, 0);
    if (undone !== payment!.appliedFen) throw ruleViolation('这笔缴费的入账明细与已入账金额不一致，不能自动冲正，请联系系统管理员核对');
    const bills = applied.length
      ? await tx
          .select({ id: afterSchoolBills.id, month: afterSchoolBills.month, semesterId: afterSchoolBills.semesterId, due: afterSchoolBills.dueFen, paid: afterSchoolBills.paidFen })
          .from(afterSchoolBills)
          .where(and(eq(afterSchoolBills.districtId, d), inArray(afterSchoolBills.id, applied.map((l) => l.billId))))
          .for('update')
      : [];
    let taken: ReturnType<typeof takeBack>;
    try {
      taken = takeBack(bills.map((b) => ({ id: b.id, due: fen(b.due), paid: fen(b.paid) })), applied);
    } catch {
      throw ruleViolation('账单的已缴金额少于这笔缴费入账的金额，不能自动冲正，请联系系统管理员核对');
    }
    const resettle = await settledPeriods(tx, d, school.id, bills);

    const [reversal] = await tx
      .insert(afterSchoolPaymentReversals)
      .values({ districtId: d, schoolId: school.id, paymentId: id, studentId: payment!.studentId, reason, undoneFen: undone, resettle, reversedBy: ctx.user.id })
      .returning();
    for (const b of taken)
      await tx.update(afterSchoolBills).set({ paidFen: b.paid, status: b.state }).where(and(eq(afterSchoolBills.districtId, d), eq(afterSchoolBills.id, b.id)));
    if (applied.length)
      await tx.insert(a).values(
        applied.map((l) => ({ districtId: d, schoolId: school.id, studentId: payment!.studentId!, paymentId: id, billId: l.billId, amountFen: -l.amount, reversalId: reversal!.id })),
      );
    await tx.update(afterSchoolPayments).set({ appliedFen: 0 }).where(and(eq(afterSchoolPayments.districtId, d), eq(afterSchoolPayments.id, id)));

    // the child's other credit goes to the reopened bills, oldest first; the rollup of every semester touched
    const semesters = new Set(bills.map((b) => b.semesterId));
    if (payment!.studentId) for (const s of await applyPayments(tx, d, [payment!.studentId])) semesters.add(s);
    for (const s of semesters) await refreshMoneyStats(tx, d, school.id, s);

    const after = bills.length
      ? await tx
          .select({ id: afterSchoolBills.id, month: afterSchoolBills.month, due: afterSchoolBills.dueFen, paid: afterSchoolBills.paidFen, status: afterSchoolBills.status })
          .from(afterSchoolBills)
          .where(and(eq(afterSchoolBills.districtId, d), inArray(afterSchoolBills.id, bills.map((b) => b.id))))
      : [];
    const billsOut = taken
      .map((t) => {
        const b = after.find((x) => x.id === t.id)!;
        return { billId: b.id, month: b.month, undoneFen: t.undone, paidFen: fen(b.paid), dueFen: fen(b.due), status: b.status };
      })
      .sort((x, y) => x.month.localeCompare(y.month));
    await audit(tx, ctx.actor, {
      action: 'after-school.payment.reverse',
      entity: 'after_school_payments',
      entityId: id,
      before: { appliedFen: payment!.appliedFen, bills: bills.map((b) => ({ billId: b.id, month: b.month, paidFen: b.paid })) },
      after: { reversalId: reversal!.id, reason, undoneFen: undone, bills: billsOut, resettle },
    });
    if (payment!.studentId) {
      const to = (await guardiansOfStudents(tx, d, [payment!.studentId])).filter((g) => g.userId).map((g) => g.userId!);
      if (to.length)
        await notify(
          tx,
          d,
          to,
          {
            kind: 'after-school.payment',
            title: '课后服务缴费登记已冲正',
            body: `学校冲正了 ${payment!.paidOn} 登记的一笔 ${formatYuan(fen(payment!.amountFen), { locale: 'zh-CN' })} 缴费（原因：${reason}），账单已按实际缴费重新计算。`,
            link: '/after-school/bills',
          },
          ctx.channels,
        );
    }
    return { bills: billsOut, resettle: resettle.map((r) => ({ period: r.period, version: r.version })) };
  });

  const [row] = await ctx.db.select().from(afterSchoolPayments).where(and(scoped(ctx, afterSchoolPayments, 'after-school.finance'), eq(afterSchoolPayments.id, id)));
  const payment = paymentOut(row!, await studentsById(ctx.db, d, [row!.studentId]), await reversalsOf(ctx, 'after-school.finance', [id]));
  return { payment, ...outcome };
}
