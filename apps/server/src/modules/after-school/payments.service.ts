/**
 * Payments from families (缴费): recorded by the finance officer (a retry under one Idempotency-Key records it once),
 * imported from a bank or payment-platform export, matched to a child (by the remark, or by hand later), and applied
 * to the child's bills oldest month first. The rollup's fees paid move in the same transaction.
 */
import type { Payment, PaymentImportResult, PaymentPage } from '@shuangjian/contracts';
import { fen, formatYuan, type LocalDate, monthBounds } from '@shuangjian/policy';
import { and, asc, count, desc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import { buildWorkbook } from '../../platform/excel';
import { notify } from '../../platform/notify';
import { pageTotal } from '../../platform/paging';
import { guardiansOfStudents, studentDirectory } from '../org';
import { afterSchoolPaymentImports, afterSchoolPayments } from './money.schema';
import { applyPayments, financeSchool, notReversed, paymentOut, refreshMoneyStats, reversalsOf, studentsById } from './money.repo';
import { matchRemark, PAYMENT_TEMPLATE_COLUMNS, PAYMENT_TEMPLATE_INSTRUCTIONS, type ParsedLine, readPaymentFile, type SchoolStudent } from './payment-import';

type Out = z.output<typeof Payment>;

async function schoolStudents(ctx: Ctx, schoolId: string): Promise<SchoolStudent[]> {
  return ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, studentNo: studentDirectory.studentNo, className: studentDirectory.className })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'after-school.finance'), eq(studentDirectory.schoolId, schoolId), eq(studentDirectory.status, 'active')));
}

/** After payments moved: their children's bills, the rollup of every semester touched, and the families told. */
async function settleApplied(ctx: Ctx, tx: Queryable, schoolId: string, studentIds: readonly string[], amounts: Map<string, number>) {
  const d = ctx.user.districtId;
  const semesters = await applyPayments(tx, d, studentIds);
  for (const semesterId of semesters) await refreshMoneyStats(tx, d, schoolId, semesterId);
  const guardians = await guardiansOfStudents(tx, d, studentIds);
  for (const [studentId, amount] of amounts) {
    const to = guardians.filter((g) => g.studentId === studentId && g.userId).map((g) => g.userId!);
    if (to.length)
      await notify(tx, d, to, { kind: 'after-school.payment', title: '课后服务缴费已到账', body: `学校已登记一笔 ${formatYuan(fen(amount), { locale: 'zh-CN' })} 的课后服务缴费。`, link: '/after-school/bills' }, ctx.channels);
  }
}

/** 登记缴费: a payment the finance officer received for a child of the school. */
export async function recordPayment(
  ctx: Ctx,
  input: { schoolId: string; studentId: string; amountFen: number; paidOn: LocalDate; payer: string | null; remark: string | null; reference: string | null },
): Promise<Out> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, input.schoolId);
  const student = (await schoolStudents(ctx, school.id)).find((s) => s.id === input.studentId);
  if (!student) throw notFound('学生');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(afterSchoolPayments)
      .values({
        districtId: ctx.user.districtId,
        schoolId: school.id,
        studentId: student.id,
        amountFen: input.amountFen,
        paidOn: input.paidOn,
        payer: input.payer,
        remark: input.remark,
        reference: input.reference,
        source: 'manual',
        recordedBy: ctx.user.id,
        matchedBy: ctx.user.id,
        matchedAt: ctx.now(),
      })
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.payment.record', entity: 'after_school_payments', entityId: row!.id, after: row });
    await settleApplied(ctx, tx, school.id, [student.id], new Map([[student.id, input.amountFen]]));
    return row!.id;
  });
  return paymentById(ctx, id);
}

async function paymentById(ctx: Ctx, id: string): Promise<Out> {
  const [row] = await ctx.db.select().from(afterSchoolPayments).where(and(scoped(ctx, afterSchoolPayments, 'after-school.finance'), eq(afterSchoolPayments.id, id)));
  if (!row) throw notFound('缴费记录');
  return paymentOut(row, await studentsById(ctx.db, ctx.user.districtId, [row.studentId]), await reversalsOf(ctx, 'after-school.finance', [row.id]));
}

/** 流水导入模板 (.xlsx): the columns the import reads, by their first names, and a 填写说明 sheet. */
export async function paymentTemplate(ctx: Ctx, schoolId: string) {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, schoolId);
  const buffer = await buildWorkbook({ name: '缴费流水', columns: PAYMENT_TEMPLATE_COLUMNS, rows: [], instructions: PAYMENT_TEMPLATE_INSTRUCTIONS });
  return { buffer, fileName: `${school.name}-课后服务缴费流水-导入模板.xlsx` };
}

/** Newest paid first, then recorded, then the file's row; the id settles ties, so pages never overlap. */
const newestFirst = [desc(afterSchoolPayments.paidOn), desc(afterSchoolPayments.recordedAt), asc(afterSchoolPayments.rowNumber), desc(afterSchoolPayments.id)];

/** 缴费记录 of the school, a page at a time with the count of all: of a month (by payment date), or the unmatched lines. */
export async function listPayments(ctx: Ctx, q: { schoolId: string; month?: string; unmatched: '0' | '1'; page: number; pageSize: number }): Promise<z.output<typeof PaymentPage>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, q.schoolId);
  const conds: SQL[] = [scoped(ctx, afterSchoolPayments, 'after-school.finance'), eq(afterSchoolPayments.schoolId, school.id)];
  if (q.unmatched === '1') conds.push(isNull(afterSchoolPayments.studentId), notReversed);
  if (q.month) conds.push(gte(afterSchoolPayments.paidOn, monthBounds(q.month).from), lte(afterSchoolPayments.paidOn, monthBounds(q.month).to));
  const where = and(...conds);
  const found = await ctx.db
    .select({ row: afterSchoolPayments, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(afterSchoolPayments)
    .where(where)
    .orderBy(...newestFirst)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // past the last page the window has no row to ride on: count apart
  const total = await pageTotal(found, q.page, async () => (await ctx.db.select({ n: count() }).from(afterSchoolPayments).where(where))[0]?.n ?? 0);
  const rows = found.map((f) => f.row);
  const names = await studentsById(ctx.db, ctx.user.districtId, rows.map((r) => r.studentId));
  const reversals = await reversalsOf(ctx, 'after-school.finance', rows.map((r) => r.id));
  return { items: rows.map((r) => paymentOut(r, names, reversals)), total };
}

/** 手工匹配: an unmatched imported line given to a child of the school. */
export async function matchPayment(ctx: Ctx, id: string, studentId: string): Promise<Out> {
  requirePermission(ctx, 'after-school.finance');
  const [row] = await ctx.db.select().from(afterSchoolPayments).where(and(scoped(ctx, afterSchoolPayments, 'after-school.finance'), eq(afterSchoolPayments.id, id)));
  if (!row) throw notFound('缴费记录');
  if (row.studentId) throw conflict('这笔缴费已经匹配到学生');
  if ((await reversalsOf(ctx, 'after-school.finance', [id])).size) throw conflict('这笔缴费已冲正，不能再匹配');
  const student = (await schoolStudents(ctx, row.schoolId)).find((s) => s.id === studentId);
  if (!student) throw notFound('学生');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(afterSchoolPayments)
      .set({ studentId: student.id, matchedBy: ctx.user.id, matchedAt: ctx.now() })
      .where(and(eq(afterSchoolPayments.districtId, row.districtId), eq(afterSchoolPayments.id, id), isNull(afterSchoolPayments.studentId), notReversed))
      .returning({ id: afterSchoolPayments.id });
    if (!updated.length) throw conflict('这笔缴费已经匹配到学生');
    await audit(tx, ctx.actor, { action: 'after-school.payment.match', entity: 'after_school_payments', entityId: id, after: { studentId: student.id } });
    await settleApplied(ctx, tx, row.schoolId, [student.id], new Map([[student.id, row.amountFen]]));
  });
  return paymentById(ctx, id);
}

/**
 * 导入银行流水: every row is checked first (the whole file is refused with each bad row and column named); lines
 * already recorded (same 流水号) are skipped, so importing a file twice records nothing twice; each new line is
 * matched by the student number, or the name (and class) in its remark; the rest are listed for matching by hand.
 */
export async function importPayments(ctx: Ctx, schoolId: string, readFile: () => Promise<{ buffer: Buffer; fileName: string }>): Promise<z.output<typeof PaymentImportResult>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, schoolId);
  const file = await readFile();
  const lines: ParsedLine[] = await readPaymentFile(file.buffer, file.fileName);
  const roster = await schoolStudents(ctx, school.id);
  const d = ctx.user.districtId;
  return ctx.db.transaction(async (tx) => {
    const [imp] = await tx
      .insert(afterSchoolPaymentImports)
      .values({ districtId: d, schoolId: school.id, fileName: file.fileName.slice(0, 200), rows: lines.length, recorded: 0, duplicates: 0, unmatched: 0, importedBy: ctx.user.id })
      .returning({ id: afterSchoolPaymentImports.id });
    const values = lines.map((l) => {
      const student = matchRemark(roster, l.remark);
      return {
        districtId: d,
        schoolId: school.id,
        studentId: student?.id ?? null,
        amountFen: l.amountFen,
        paidOn: l.paidOn,
        payer: l.payer,
        remark: l.remark,
        reference: l.reference,
        source: 'import' as const,
        importId: imp!.id,
        rowNumber: l.row,
        recordedBy: ctx.user.id,
        matchedAt: student ? ctx.now() : null,
      };
    });
    const inserted = [];
    for (let i = 0; i < values.length; i += 500)
      inserted.push(...(await tx.insert(afterSchoolPayments).values(values.slice(i, i + 500)).onConflictDoNothing().returning()));
    const matched = inserted.filter((p) => p.studentId);
    const unmatched = inserted.filter((p) => !p.studentId);
    await tx
      .update(afterSchoolPaymentImports)
      .set({ recorded: inserted.length, duplicates: lines.length - inserted.length, unmatched: unmatched.length })
      .where(and(eq(afterSchoolPaymentImports.districtId, d), eq(afterSchoolPaymentImports.id, imp!.id)));
    const amounts = new Map<string, number>();
    for (const p of matched) amounts.set(p.studentId!, (amounts.get(p.studentId!) ?? 0) + p.amountFen);
    await settleApplied(ctx, tx, school.id, [...amounts.keys()], amounts);
    await audit(tx, ctx.actor, {
      action: 'after-school.payments.import',
      entity: 'after_school_payment_imports',
      entityId: imp!.id,
      after: { fileName: file.fileName, rows: lines.length, recorded: inserted.length, matched: matched.length, unmatched: unmatched.length },
    });
    const names = new Map(roster.map((s) => [s.id, { ...s, classId: '', grade: 0 }]));
    return {
      importId: imp!.id,
      rows: lines.length,
      recorded: inserted.length,
      duplicates: lines.length - inserted.length,
      matched: matched.length,
      unmatched: unmatched.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)).map((p) => paymentOut(p, names)),
    };
  });
}
