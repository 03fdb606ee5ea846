/**
 * Queries the money area's services share: the school the finance officer acts for, the semester a month or request
 * means, the approved plan's fee standard, payments applied to bills, the rollup's money columns, and row mappers.
 */
import { type Bill, type Payment, ServicePlan } from '@shuangjian/contracts';
import { applyOldestFirst, billState, type FeePlan, fen, type LocalDate, monthBounds } from '@shuangjian/policy';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { notFound, ruleViolation } from '../../platform/errors';
import { users } from '../../platform/schema';
import { schoolDirectory, studentDirectory } from '../org';
import { afterSchoolBills, afterSchoolPaymentAllocations, afterSchoolPaymentReversals, afterSchoolPayments } from './money.schema';
import { afterSchoolPlans, afterSchoolSchoolStats } from './schema';
import { semesterAt, semesterById, type SemesterRef, semestersOf } from './semesters';

export interface FinanceSchool {
  id: string;
  name: string;
  zoneId: string;
}

/** The school if the user keeps its after-school accounts (after-school.finance); a foreign or unknown id: 404. */
export async function financeSchool(ctx: Ctx, schoolId: string, q: Queryable = ctx.db): Promise<FinanceSchool> {
  const [row] = await q
    .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneId: schoolDirectory.zoneId })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, 'after-school.finance'), eq(schoolDirectory.id, schoolId)));
  if (!row) throw notFound('学校');
  return row;
}

/** The semester a month belongs to: the one whose dates overlap it (the later one if two do). */
export async function semesterOfMonth(q: Queryable, districtId: string, month: string): Promise<SemesterRef> {
  const { from, to } = monthBounds(month);
  const overlapping = (await semestersOf(q, districtId)).filter((s) => s.startDate <= to && s.endDate >= from);
  const semester = overlapping[overlapping.length - 1];
  if (!semester) throw ruleViolation(`${month} 不在任何学期内，没有课后服务账单`);
  return semester;
}

/** The semester asked for, or the one in force today. */
export async function semesterOrCurrent(q: Queryable, districtId: string, semesterId: string | undefined, today: LocalDate): Promise<SemesterRef> {
  if (semesterId) return semesterById(q, districtId, semesterId);
  const semester = semesterAt(await semestersOf(q, districtId), today);
  if (!semester) throw notFound('学期');
  return semester;
}

export interface PlanTerms {
  planId: string;
  weekdays: number[];
  fee: FeePlan;
}

/** The approved plan's service weekdays and fee standard for the school's semester, or a refusal naming why not. */
export async function planTerms(q: Queryable, districtId: string, schoolId: string, semesterId: string): Promise<PlanTerms> {
  const [plan] = await q
    .select({ id: afterSchoolPlans.id, body: afterSchoolPlans.body })
    .from(afterSchoolPlans)
    .where(
      and(
        eq(afterSchoolPlans.districtId, districtId),
        eq(afterSchoolPlans.schoolId, schoolId),
        eq(afterSchoolPlans.semesterId, semesterId),
        eq(afterSchoolPlans.status, 'approved'),
      ),
    );
  if (!plan) throw ruleViolation('本学期的课后服务方案尚未获批，没有收费标准，不能生成账单');
  const body = ServicePlan.pick({ weekdays: true, fees: true }).safeParse(plan.body);
  if (!body.success) throw ruleViolation('本学期方案的服务日或收费标准不完整，请先在方案中填写');
  return { planId: plan.id, weekdays: [...body.data.weekdays], fee: { basis: body.data.fees.mode, amountFen: fen(body.data.fees.serviceFeeFen) } };
}

/** Payments not reversed (冲正): only they go to bills. */
export const notReversed = sql`not exists (select 1 from ${afterSchoolPaymentReversals} r where r.district_id = ${afterSchoolPayments.districtId} and r.payment_id = ${afterSchoolPayments.id})`;

/**
 * Applies the child's matched payments not yet used up (and not reversed) to their open bills, oldest month first, in
 * the caller's transaction; each line goes to the ledger of allocations. Returns the semesters whose bills moved.
 */
export async function applyPayments(q: Queryable, districtId: string, studentIds: readonly string[]): Promise<Set<string>> {
  const moved = new Set<string>();
  if (!studentIds.length) return moved;
  const ids = [...new Set(studentIds)];
  const payments = await q
    .select({ id: afterSchoolPayments.id, schoolId: afterSchoolPayments.schoolId, studentId: afterSchoolPayments.studentId, amount: afterSchoolPayments.amountFen, applied: afterSchoolPayments.appliedFen })
    .from(afterSchoolPayments)
    .where(
      and(
        eq(afterSchoolPayments.districtId, districtId),
        inArray(afterSchoolPayments.studentId, ids),
        sql`${afterSchoolPayments.appliedFen} < ${afterSchoolPayments.amountFen}`,
        notReversed,
      ),
    )
    .orderBy(asc(afterSchoolPayments.paidOn), asc(afterSchoolPayments.recordedAt), asc(afterSchoolPayments.id));
  if (!payments.length) return moved;
  const bills = await q
    .select({ id: afterSchoolBills.id, studentId: afterSchoolBills.studentId, semesterId: afterSchoolBills.semesterId, due: afterSchoolBills.dueFen, paid: afterSchoolBills.paidFen })
    .from(afterSchoolBills)
    .where(and(eq(afterSchoolBills.districtId, districtId), inArray(afterSchoolBills.studentId, ids), sql`${afterSchoolBills.paidFen} < ${afterSchoolBills.dueFen}`))
    .orderBy(asc(afterSchoolBills.month));
  const lines = applyOldestFirst(
    bills.map((b) => ({ id: b.id, studentId: b.studentId, due: fen(b.due), paid: fen(b.paid) })),
    payments.map((p) => ({ id: p.id, studentId: p.studentId!, amount: fen(p.amount), applied: fen(p.applied) })),
  );
  if (!lines.length) return moved;
  const sumBy = (key: 'billId' | 'paymentId') => lines.reduce((m, l) => m.set(l[key], (m.get(l[key]) ?? 0) + l.amount), new Map<string, number>());
  for (const [billId, amount] of sumBy('billId')) {
    const bill = bills.find((b) => b.id === billId)!;
    const paid = fen(bill.paid + amount);
    await q.update(afterSchoolBills).set({ paidFen: paid, status: billState(paid, fen(bill.due)) }).where(and(eq(afterSchoolBills.districtId, districtId), eq(afterSchoolBills.id, billId)));
    moved.add(bill.semesterId);
  }
  for (const [paymentId, amount] of sumBy('paymentId'))
    await q
      .update(afterSchoolPayments)
      .set({ appliedFen: sql`${afterSchoolPayments.appliedFen} + ${amount}` })
      .where(and(eq(afterSchoolPayments.districtId, districtId), eq(afterSchoolPayments.id, paymentId)));
  const payment = new Map(payments.map((p) => [p.id, p]));
  const rows = lines.map((l) => ({ districtId, schoolId: payment.get(l.paymentId)!.schoolId, studentId: payment.get(l.paymentId)!.studentId!, paymentId: l.paymentId, billId: l.billId, amountFen: l.amount }));
  for (let i = 0; i < rows.length; i += 1000) await q.insert(afterSchoolPaymentAllocations).values(rows.slice(i, i + 1000));
  return moved;
}

/** Sets the rollup's money columns of a school's semester from its bills, in the caller's transaction. */
export async function refreshMoneyStats(q: Queryable, districtId: string, schoolId: string, semesterId: string): Promise<void> {
  const b = afterSchoolBills;
  const [sums] = await q
    .select({
      due: sql<string>`coalesce(sum(${b.dueFen}), 0)`,
      paid: sql<string>`coalesce(sum(${b.paidFen}), 0)`,
      waivers: sql<string>`coalesce(sum(${b.waiverFen}), 0)`,
      refunds: sql<string>`coalesce(sum(${b.refundFen}), 0)`,
    })
    .from(b)
    .where(and(eq(b.districtId, districtId), eq(b.schoolId, schoolId), eq(b.semesterId, semesterId)));
  const figures = { feesDueFen: Number(sums!.due), feesPaidFen: Number(sums!.paid), waiversFen: Number(sums!.waivers), refundsFen: Number(sums!.refunds) };
  const t = afterSchoolSchoolStats;
  await q
    .insert(t)
    .values({ districtId, schoolId, semesterId, ...figures })
    .onConflictDoUpdate({ target: [t.districtId, t.schoolId, t.semesterId], set: { ...figures, refreshedAt: sql`now()` } });
}

/** Students of a school by id, with their class (for names on bills and payments). */
export async function studentsById(q: Queryable, districtId: string, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map<string, { name: string; studentNo: string; className: string; classId: string; grade: number }>();
  const rows = await q
    .select({ id: studentDirectory.id, name: studentDirectory.name, studentNo: studentDirectory.studentNo, className: studentDirectory.className, classId: studentDirectory.classId, grade: studentDirectory.grade })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, districtId), inArray(studentDirectory.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

type BillRow = typeof afterSchoolBills.$inferSelect;
type PaymentRow = typeof afterSchoolPayments.$inferSelect;
type Names = Awaited<ReturnType<typeof studentsById>>;

export function billOut(b: BillRow, names: Names, waiverLabels: ReadonlyMap<string, string>): z.output<typeof Bill> {
  const s = names.get(b.studentId);
  return {
    id: b.id,
    studentId: b.studentId,
    studentName: s?.name ?? '',
    studentNo: s?.studentNo ?? '',
    className: s?.className ?? '',
    month: b.month,
    feeFen: fen(b.feeFen),
    waiverFen: fen(b.waiverFen),
    waiverCategory: b.waiverCategory,
    waiverLabel: b.waiverCategory ? (waiverLabels.get(b.waiverCategory) ?? b.waiverCategory) : null,
    refundFen: fen(b.refundFen),
    passThroughFen: fen(b.passThroughFen),
    dueFen: fen(b.dueFen),
    paidFen: fen(b.paidFen),
    status: b.status,
    detail: b.detail as z.output<typeof Bill>['detail'],
    generatedAt: b.generatedAt.toISOString(),
  };
}

export type ReversalInfo = NonNullable<z.output<typeof Payment>['reversal']>;

export function paymentOut(p: PaymentRow, names: Names, reversals?: ReadonlyMap<string, ReversalInfo>): z.output<typeof Payment> {
  const s = p.studentId ? names.get(p.studentId) : undefined;
  return {
    id: p.id,
    studentId: p.studentId,
    studentName: s?.name ?? null,
    className: s?.className ?? null,
    amountFen: fen(p.amountFen),
    appliedFen: fen(p.appliedFen),
    paidOn: p.paidOn,
    payer: p.payer,
    remark: p.remark,
    reference: p.reference,
    source: p.source,
    rowNumber: p.rowNumber,
    reversal: reversals?.get(p.id) ?? null,
  };
}

/** The reversals (冲正) of the payments, by payment id, as the user may see them. */
export async function reversalsOf(ctx: Ctx, permission: 'after-school.finance' | 'after-school.family', paymentIds: readonly string[]): Promise<Map<string, ReversalInfo>> {
  if (!paymentIds.length) return new Map();
  const r = afterSchoolPaymentReversals;
  const rows = await ctx.db
    .select({ paymentId: r.paymentId, reason: r.reason, undoneFen: r.undoneFen, reversedAt: r.reversedAt, by: users.name })
    .from(r)
    .innerJoin(users, and(eq(users.districtId, r.districtId), eq(users.id, r.reversedBy)))
    .where(and(scoped(ctx, r, permission), inArray(r.paymentId, [...new Set(paymentIds)])));
  return new Map(rows.map((x) => [x.paymentId, { reason: x.reason, undoneFen: fen(x.undoneFen), reversedAt: x.reversedAt.toISOString(), reversedBy: x.by }]));
}

/** Bills of the month a school billed, with a figure (a child no longer billed keeps a zeroed bill, not listed). */
export const listedBill = sql`(${afterSchoolBills.feeFen} > 0 or ${afterSchoolBills.passThroughFen} > 0)`;

/** Schools' students with a matched payment not yet used up: their credit goes to new bills. */
export async function studentsWithCredit(q: Queryable, districtId: string, schoolId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ id: afterSchoolPayments.studentId })
    .from(afterSchoolPayments)
    .where(
      and(
        eq(afterSchoolPayments.districtId, districtId),
        eq(afterSchoolPayments.schoolId, schoolId),
        isNotNull(afterSchoolPayments.studentId),
        sql`${afterSchoolPayments.appliedFen} < ${afterSchoolPayments.amountFen}`,
        notReversed,
      ),
    );
  return rows.map((r) => r.id!).filter(Boolean);
}
