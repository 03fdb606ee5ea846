/**
 * Monthly bills (课后服务收费): the finance officer generates a school's month — the service fee by the approved
 * plan, the waiver of the child's category, the refund for days not taken, the pass-through fees of provider lessons
 * — and families see their child's bills and payments. Regenerating replaces bills nothing was paid on, never one
 * that was; every line and every replacement is an entry in the append-only ledger of charges.
 */
import type { ChildBills, GenerateBillsResult, MonthBills } from '@shuangjian/contracts';
import {
  billFigures,
  type Fen,
  fen,
  lessonsTaken,
  monthBounds,
  monthFee,
  nominalServiceDays,
  passThroughFee,
  refundForMonth,
  semesterMonths,
  sub,
  sum,
  todayIn,
  toYuanString,
  waiverAmount,
  waiverCategory,
} from '@shuangjian/policy';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { atOnce } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { notify } from '../../platform/notify';
import { guardiansOfStudents } from '../org';
import { childFor } from './enrol.repo';
import { afterSchoolPolicy } from './after-school.policy';
import { monthInputs } from './bill-inputs';
import { afterSchoolBills, afterSchoolCharges, afterSchoolPayments } from './money.schema';
import {
  applyPayments,
  billOut,
  financeSchool,
  listedBill,
  paymentOut,
  planTerms,
  refreshMoneyStats,
  reversalsOf,
  semesterOfMonth,
  studentsById,
  studentsWithCredit,
} from './money.repo';

type Totals = z.output<typeof MonthBills>['totals'];
type BillRow = typeof afterSchoolBills.$inferSelect;

function totalsOf(rows: readonly BillRow[]): Totals {
  const t = (pick: (b: BillRow) => number) => sum(rows.map((b) => fen(pick(b))));
  return {
    feeFen: t((b) => b.feeFen),
    waiverFen: t((b) => b.waiverFen),
    refundFen: t((b) => b.refundFen),
    passThroughFen: t((b) => b.passThroughFen),
    dueFen: t((b) => b.dueFen),
    paidFen: t((b) => b.paidFen),
  };
}

/** JSON with keys in order, so a detail read back from jsonb (which reorders keys) compares equal to a fresh one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const CHARGE_SIGN = { fee: 1, pass_through: 1, waiver: -1, refund: -1 } as const;

/** 生成月账单: one bill per child with a signed agreement; bills with a payment on them are kept as they are. */
export async function generateMonth(ctx: Ctx, input: { schoolId: string; month: string }): Promise<z.output<typeof GenerateBillsResult>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, input.schoolId);
  const d = ctx.user.districtId;
  const semester = await semesterOfMonth(ctx.db, d, input.month);
  const terms = await planTerms(ctx.db, d, school.id, semester.id);
  const { from, to } = monthBounds(input.month);
  const range = { from: from > semester.startDate ? from : semester.startDate, to: to < semester.endDate ? to : semester.endDate };
  const policy = await afterSchoolPolicy(ctx.db, d, range.from);
  const fees = policy.values['after-school.fees'];
  const categories = policy.values['after-school.waivers'];
  const months = semesterMonths(semester.startDate, semester.endDate);
  const serviceDays = nominalServiceDays(input.month, { start: semester.startDate, end: semester.endDate }, terms.weekdays);
  const fee = monthFee(terms.fee, months, input.month);
  const versions = policy.versions;

  return ctx.db.transaction(async (tx) => {
    const inputs = await monthInputs(ctx, tx, school, semester, range, categories.map((c) => c.code));
    const existing = await tx
      .select()
      .from(afterSchoolBills)
      .where(and(scoped(ctx, afterSchoolBills, 'after-school.finance'), eq(afterSchoolBills.schoolId, school.id), eq(afterSchoolBills.month, input.month)));
    const byStudent = new Map(existing.map((b) => [b.studentId, b]));
    let generated = 0;
    let replaced = 0;
    let kept = 0;
    let unchanged = 0;
    const fresh: string[] = [];
    const billed = new Set<string>();

    const write = async (child: { studentId: string; classId: string }, figures: ReturnType<typeof billFigures> & { category: string | null; detail: unknown }) => {
      const prior = byStudent.get(child.studentId);
      const values = {
        classId: child.classId,
        feeFen: figures.fee,
        waiverFen: figures.waiver,
        waiverCategory: figures.category,
        refundFen: figures.refund,
        passThroughFen: figures.passThrough,
        dueFen: figures.due,
        paidFen: 0,
        status: figures.due === 0 && figures.fee > 0 ? ('paid' as const) : ('unpaid' as const),
        detail: figures.detail,
        policyVersions: versions,
        generatedAt: ctx.now(),
        generatedBy: ctx.user.id,
      };
      let billId: string;
      const same =
        prior &&
        prior.feeFen === figures.fee &&
        prior.waiverFen === figures.waiver &&
        prior.refundFen === figures.refund &&
        prior.passThroughFen === figures.passThrough &&
        prior.waiverCategory === figures.category &&
        canonical(prior.detail) === canonical(figures.detail);
      if (same) {
        unchanged += 1;
        return;
      }
      if (prior) {
        billId = prior.id;
        // reverse what the ledger holds for the bill, line by line, then issue the new lines
        const lines = await tx
          .select({ kind: afterSchoolCharges.kind, amount: sql<string>`sum(${afterSchoolCharges.amountFen})` })
          .from(afterSchoolCharges)
          .where(and(eq(afterSchoolCharges.districtId, d), eq(afterSchoolCharges.billId, prior.id)))
          .groupBy(afterSchoolCharges.kind);
        const reversals = lines.filter((l) => Number(l.amount) !== 0);
        if (reversals.length)
          await tx.insert(afterSchoolCharges).values(
            reversals.map((l) => ({
              districtId: d,
              schoolId: school.id,
              studentId: child.studentId,
              billId: prior.id,
              month: input.month,
              kind: l.kind,
              amountFen: -Number(l.amount),
              note: '重新生成账单，冲销原行',
              createdBy: ctx.user.id,
            })),
          );
        await tx.update(afterSchoolBills).set(values).where(and(eq(afterSchoolBills.districtId, d), eq(afterSchoolBills.id, prior.id)));
        replaced += 1;
      } else {
        const [row] = await tx
          .insert(afterSchoolBills)
          .values({ districtId: d, schoolId: school.id, studentId: child.studentId, semesterId: semester.id, month: input.month, ...values })
          .returning({ id: afterSchoolBills.id });
        billId = row!.id;
        generated += 1;
        fresh.push(child.studentId);
      }
      const lines = (['fee', 'waiver', 'refund', 'pass_through'] as const)
        .map((kind) => ({ kind, amount: { fee: figures.fee, waiver: figures.waiver, refund: figures.refund, pass_through: figures.passThrough }[kind] }))
        .filter((l) => l.amount !== 0);
      if (lines.length)
        await tx.insert(afterSchoolCharges).values(
          lines.map((l) => ({
            districtId: d,
            schoolId: school.id,
            studentId: child.studentId,
            billId,
            month: input.month,
            kind: l.kind,
            amountFen: CHARGE_SIGN[l.kind] * l.amount,
            createdBy: ctx.user.id,
          })),
        );
    };

    for (const child of inputs.children) {
      billed.add(child.studentId);
      const prior = byStudent.get(child.studentId);
      if (prior && prior.paidFen > 0) {
        kept += 1;
        continue;
      }
      const category = waiverCategory(categories, child.categories);
      const waiver = category ? waiverAmount(fee, category.shareBp, fees.rounding) : fen(0);
      const closedDays = new Set([...inputs.closedDays, ...child.cancelledDays]);
      const refund = refundForMonth({
        netFee: sub(fee, waiver),
        serviceDays,
        closedDays,
        leaveDays: child.leaveDays,
        optOutFrom: child.optOutFrom,
        refundMinLeaveDays: fees.refundMinLeaveDays,
        rounding: fees.rounding,
      });
      const courses = child.providerSeats.map((seat) => {
        const lessons = lessonsTaken(inputs.sessions.get(seat.courseId) ?? [], { from: seat.from, until: seat.until }, child.leaveDays);
        const price = fen(seat.pricePerLessonFen);
        return { courseId: seat.courseId, name: seat.name, lessons, pricePerLessonFen: price, amountFen: passThroughFee(price, lessons) };
      });
      const figures = billFigures(fee, waiver, refund.refund, sum(courses.map((c) => c.amountFen)));
      const detail = { serviceDays: refund.serviceDays, closed: refund.closed, optedOut: refund.optedOut, leave: refund.leave, courses, feeMode: terms.fee.basis, rounding: fees.rounding };
      await write(child, { ...figures, category: category?.code ?? null, detail });
    }
    // a child no longer billed (opted out before the month): an unpaid bill is zeroed, its lines reversed
    for (const prior of existing)
      if (!billed.has(prior.studentId) && prior.paidFen === 0 && (prior.feeFen > 0 || prior.passThroughFen > 0)) {
        const zero = fen(0);
        const detail = { serviceDays: 0, closed: 0, optedOut: 0, leave: 0, courses: [], feeMode: terms.fee.basis, rounding: fees.rounding };
        await write(prior, { ...billFigures(zero, zero, zero, zero), category: null, detail });
      } else if (!billed.has(prior.studentId) && prior.paidFen > 0) kept += 1;

    await applyPayments(tx, d, await studentsWithCredit(tx, d, school.id));
    await refreshMoneyStats(tx, d, school.id, semester.id);
    const rows = await tx.select().from(afterSchoolBills).where(and(eq(afterSchoolBills.districtId, d), eq(afterSchoolBills.schoolId, school.id), eq(afterSchoolBills.month, input.month), listedBill));
    const totals = totalsOf(rows);
    await audit(tx, ctx.actor, {
      action: 'after-school.bills.generate',
      entity: 'after_school_bills',
      entityId: school.id,
      after: { month: input.month, generated, replaced, unchanged, kept, totals },
    });
    const guardians = await guardiansOfStudents(tx, d, fresh);
    const to = guardians.map((g) => g.userId).filter((id): id is string => !!id);
    if (to.length)
      await notify(tx, d, to, { kind: 'after-school.bill', title: `课后服务 ${input.month} 账单已出`, body: `${school.name}课后服务 ${input.month} 的费用账单已生成，请查看并按时缴纳。`, link: '/after-school/bills' }, ctx.channels);
    return { month: input.month, generated, replaced, unchanged, kept, totals, policyVersions: versions };
  });
}

/** 月账单: every child's bill of the school's month with the totals. */
export async function monthBills(ctx: Ctx, schoolId: string, month: string): Promise<z.output<typeof MonthBills>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, schoolId);
  const rows = await ctx.db
    .select()
    .from(afterSchoolBills)
    .where(and(scoped(ctx, afterSchoolBills, 'after-school.finance'), eq(afterSchoolBills.schoolId, school.id), eq(afterSchoolBills.month, month), listedBill));
  const names = await studentsById(ctx.db, ctx.user.districtId, rows.map((r) => r.studentId));
  const labels = await waiverLabels(ctx, rows[0]?.generatedAt ?? ctx.now());
  const grade = (id: string) => names.get(id)?.grade ?? 0;
  const bills = rows
    .map((b) => billOut(b, names, labels))
    .sort((a, b) => grade(a.studentId) - grade(b.studentId) || a.className.localeCompare(b.className, 'zh-CN') || a.studentNo.localeCompare(b.studentNo));
  return { schoolId: school.id, month, semesterId: rows[0]?.semesterId ?? null, bills, totals: totalsOf(rows) };
}

async function waiverLabels(ctx: Ctx, at: Date): Promise<Map<string, string>> {
  const policy = await afterSchoolPolicy(ctx.db, ctx.user.districtId, todayIn(ctx.user.timeZone, at));
  return new Map(policy.values['after-school.waivers'].map((c) => [c.code, c.label]));
}

/** 月账单导出 (.xlsx). */
export async function billsWorkbook(ctx: Ctx, schoolId: string, month: string) {
  const school = await financeSchool(ctx, schoolId);
  const { bills, totals } = await monthBills(ctx, schoolId, month);
  const y = (v: number) => toYuanString(fen(v));
  const rows = bills.map((b) => ({
    className: b.className,
    studentNo: b.studentNo,
    name: b.studentName,
    fee: y(b.feeFen),
    waiver: y(b.waiverFen),
    category: b.waiverLabel ?? '',
    refund: y(b.refundFen),
    days: `${b.detail.closed + b.detail.optedOut + b.detail.leave}/${b.detail.serviceDays}`,
    passThrough: y(b.passThroughFen),
    due: y(b.dueFen),
    paid: y(b.paidFen),
  }));
  rows.push({ className: '合计', studentNo: '', name: '', fee: y(totals.feeFen), waiver: y(totals.waiverFen), category: '', refund: y(totals.refundFen), days: '', passThrough: y(totals.passThroughFen), due: y(totals.dueFen), paid: y(totals.paidFen) });
  const buffer = await buildWorkbook({
    name: `${month}账单`,
    columns: [
      { header: '班级', key: 'className' },
      { header: '学号', key: 'studentNo' },
      { header: '姓名', key: 'name' },
      { header: '服务费（元）', key: 'fee' },
      { header: '减免（元）', key: 'waiver' },
      { header: '减免类别', key: 'category' },
      { header: '退费（元）', key: 'refund' },
      { header: '未服务天数/服务天数', key: 'days' },
      { header: '代收费（元）', key: 'passThrough' },
      { header: '应缴（元）', key: 'due' },
      { header: '已缴（元）', key: 'paid' },
    ],
    rows,
  });
  return { buffer, fileName: `${school.name}-课后服务${month}账单.xlsx` };
}

/** 孩子的课后服务账单与缴费 (家长). */
export async function childBills(ctx: Ctx, studentId: string): Promise<z.output<typeof ChildBills>> {
  requirePermission(ctx, 'after-school.family');
  const child = await childFor(ctx, studentId, 'after-school.family');
  const [rows, payments] = await atOnce(ctx.db,
    () => ctx.db
      .select()
      .from(afterSchoolBills)
      .where(and(scoped(ctx, afterSchoolBills, 'after-school.family'), eq(afterSchoolBills.studentId, child.id), listedBill))
      .orderBy(desc(afterSchoolBills.month)),
    () => ctx.db
      .select()
      .from(afterSchoolPayments)
      .where(and(scoped(ctx, afterSchoolPayments, 'after-school.family'), eq(afterSchoolPayments.studentId, child.id)))
      .orderBy(desc(afterSchoolPayments.paidOn), asc(afterSchoolPayments.recordedAt)),
  );
  const names = await studentsById(ctx.db, ctx.user.districtId, [child.id]);
  const labels = await waiverLabels(ctx, ctx.now());
  const reversals = await reversalsOf(ctx, 'after-school.family', payments.map((p) => p.id));
  const owed = sum(rows.map((b) => fen(b.dueFen - b.paidFen)));
  return {
    studentId: child.id,
    studentName: child.name,
    bills: rows.map((b) => billOut(b, names, labels)),
    payments: payments.map((p) => paymentOut(p, names, reversals)),
    owedFen: owed as Fen,
  };
}
