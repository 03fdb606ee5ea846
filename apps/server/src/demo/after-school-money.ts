/**
 * Demo after-school data: the money area. 示范区实验小学's finance officer (demo-principal) lists a few children for
 * waivers, records the semester's subsidy and costs, and generates last month's and this month's bills from the
 * agreements, leaves, sessions and attendance the earlier areas seeded; families paid nearly all of last month
 * (a bank export with two lines nobody matched yet) and most of this month (demo-parent's child not yet), and last
 * month is settled so its statements per teacher and provider show figures; one payment entered twice by hand
 * (for demo-parent's child) is reversed (冲正) with its reason. A month before the families signed their agreements (the enrol area records them
 * as signed this term) has no bills. Runs inside the demo's one transaction.
 */
import { addDays, fen, type LocalDate, monthBounds, monthOf, multiply } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, bulkInsert, rowsOf } from '../platform/db';
import { demoCtx } from './acting';
import { generateMonth } from '../modules/after-school/bills.service';
import { addWaiver, recordFund } from '../modules/after-school/funds.service';
import { applyPayments, refreshMoneyStats } from '../modules/after-school/money.repo';
import { reversePayment } from '../modules/after-school/payment-reversal.service';
import { recordPayment } from '../modules/after-school/payments.service';
import { afterSchoolBills, afterSchoolPaymentImports, afterSchoolPayments } from '../modules/after-school/money.schema';
import { afterSchoolPlans } from '../modules/after-school/schema';
import { semesterAt, semestersOf } from '../modules/after-school/semesters';
import { settlePeriod } from '../modules/after-school/settlement.service';
import { schools, students } from '../modules/org/schema';

/** A deterministic 0–1 draw from a text: the demo is the same on every load. */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

export async function seedAfterSchoolMoneyDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  const ctx = await demoCtx(db, districtId, 'demo-principal', new Date(`${today}T09:30:00+08:00`));
  const [school] = await db.select({ id: schools.id }).from(schools).where(and(eq(schools.districtId, districtId), eq(schools.code, 'SY01')));
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!ctx || !school || !semester) return;
  const [plan] = await db
    .select({ id: afterSchoolPlans.id })
    .from(afterSchoolPlans)
    .where(and(eq(afterSchoolPlans.districtId, districtId), eq(afterSchoolPlans.schoolId, school.id), eq(afterSchoolPlans.semesterId, semester.id), eq(afterSchoolPlans.status, 'approved')));
  if (!plan) return;

  const thisMonth = monthOf(today);
  const lastMonth = monthOf(addDays(monthBounds(thisMonth).from, -1));
  const months = [lastMonth, thisMonth].filter((m) => monthBounds(m).to >= semester.startDate && monthBounds(m).from <= semester.endDate);
  if (!months.length) return;

  // waivers: two children on the school's low-income list, one with a disability (others come from the 困难 flags)
  const signed = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select s.id, s.name from after_school_agreements a join students s on s.district_id = a.district_id and s.id = a.student_id
        where a.district_id = ${districtId} and a.school_id = ${school.id} and a.semester_id = ${semester.id} and s.name <> '张小明'
        order by s.student_no`,
  );
  const listed = signed.filter((s) => draw(`waiver:${s.id}`) < 0.02).slice(0, 3);
  for (const [i, child] of listed.entries())
    await addWaiver(ctx, { schoolId: school.id, semesterId: semester.id, studentId: child.id, category: i === 2 ? 'disabled' : 'low_income', note: i === 2 ? '残疾证已核验' : '区低保名单' });

  // subsidy and costs: the semester's 财政奖补 by month, insurance and materials
  for (const month of months) {
    await recordFund(ctx, { schoolId: school.id, semesterId: semester.id, month, kind: 'subsidy', item: `财政奖补（${month}）`, amountFen: multiply(fen(signed.length), 60_00) });
    await recordFund(ctx, { schoolId: school.id, semesterId: semester.id, month, kind: 'cost', item: '水电及耗材', amountFen: fen(3_860_00) });
  }
  await recordFund(ctx, { schoolId: school.id, semesterId: semester.id, month: months[0]!, kind: 'cost', item: '学生意外伤害保险', amountFen: multiply(fen(signed.length), 5_00) });

  // a month before the families signed has no bills
  const billed: string[] = [];
  for (const month of months) if ((await generateMonth(ctx, { schoolId: school.id, month })).generated > 0) billed.push(month);
  if (!billed.length) return;

  // payments: nearly everyone paid last month by bank transfer, most of this month; demo-parent's child owes this month
  const bills = await db
    .select({ studentId: afterSchoolBills.studentId, month: afterSchoolBills.month, due: afterSchoolBills.dueFen, no: students.studentNo, name: students.name })
    .from(afterSchoolBills)
    .innerJoin(students, and(eq(students.districtId, afterSchoolBills.districtId), eq(students.id, afterSchoolBills.studentId)))
    .where(and(eq(afterSchoolBills.districtId, districtId), eq(afterSchoolBills.schoolId, school.id), inArray(afterSchoolBills.month, months)))
    .orderBy(asc(afterSchoolBills.month), asc(students.studentNo));
  const principal = ctx.user.id;
  for (const month of billed) {
    const current = month === thisMonth && billed.length > 1;
    const [imp] = await db
      .insert(afterSchoolPaymentImports)
      .values({ districtId, schoolId: school.id, fileName: `银行流水-${month}.xlsx`, rows: 0, recorded: 0, duplicates: 0, unmatched: 0, importedBy: principal })
      .returning({ id: afterSchoolPaymentImports.id });
    const { from } = monthBounds(month);
    const paidOn = (i: number) => {
      const day = addDays(from, 2 + (i % 12));
      return (day > today ? today : day) as LocalDate;
    };
    const rows: (typeof afterSchoolPayments.$inferInsert)[] = [];
    bills
      .filter((b) => b.month === month && b.due > 0)
      .forEach((b, i) => {
        const unpaid = current ? b.name === '张小明' || draw(`pay:${month}:${b.studentId}`) < 0.25 : draw(`pay:${month}:${b.studentId}`) < 0.02;
        if (unpaid) return;
        rows.push({
          districtId,
          schoolId: school.id,
          studentId: b.studentId,
          amountFen: b.due,
          paidOn: paidOn(i),
          payer: `${b.name}家长`,
          remark: `${b.no} ${b.name} 课后服务费`,
          reference: `DEMO${month.replace('-', '')}${String(i + 1).padStart(5, '0')}`,
          source: 'import',
          importId: imp!.id,
          rowNumber: i + 2,
          recordedBy: principal,
          matchedAt: ctx.now(),
        });
      });
    if (month === billed[0])
      for (const [i, remark] of ['课后服务费', '转账'].entries())
        rows.push({
          districtId,
          schoolId: school.id,
          studentId: null,
          amountFen: fen(200_00),
          paidOn: paidOn(i + 3),
          payer: i ? '刘先生' : '陈女士',
          remark,
          reference: `DEMO${month.replace('-', '')}U${i + 1}`,
          source: 'import',
          importId: imp!.id,
          rowNumber: rows.length + 2,
          recordedBy: principal,
        });
    await bulkInsert(db, afterSchoolPayments, rows);
    await db
      .update(afterSchoolPaymentImports)
      .set({ rows: rows.length, recorded: rows.length, unmatched: rows.filter((r) => !r.studentId).length })
      .where(and(eq(afterSchoolPaymentImports.districtId, districtId), eq(afterSchoolPaymentImports.id, imp!.id)));
    await applyPayments(db, districtId, rows.map((r) => r.studentId).filter((id): id is string => !!id));
  }
  // a payment entered by hand a second time, reversed (冲正) with its reason: never deleted, the bill as it was
  // (demo-parent's 张小明's, so the parent's phone shows a reversed payment)
  const twice = bills.find((b) => b.name === '张小明' && b.due > 0) ?? bills.find((b) => b.month === billed[0] && b.due > 0);
  if (twice) {
    const dup = await recordPayment(ctx, { schoolId: school.id, studentId: twice.studentId, amountFen: twice.due, paidOn: today, payer: `${twice.name}家长`, remark: '窗口现金缴费', reference: null });
    await reversePayment(ctx, dup.id, '与银行流水重复登记（同一笔缴费登记了两次）');
  }
  await refreshMoneyStats(db, districtId, school.id, semester.id);

  // the first billed month settled: its statements per teacher and provider
  await settlePeriod(ctx, { schoolId: school.id, semesterId: semester.id, period: billed[0]! });
}
