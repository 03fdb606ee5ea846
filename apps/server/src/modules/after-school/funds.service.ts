/**
 * The school's waiver list (减免名单: children in a waiver category of 'after-school.waivers', beside those the
 * student record flags 困难/残疾) and the semester's subsidy (财政奖补) and costs.
 */
import type { Fund, FundList, Waiver, WaiverList } from '@shuangjian/contracts';
import { fen, sum } from '@shuangjian/policy';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { requireStepUp } from '../../platform/auth/second-factor';
import { today } from '../../platform/clock';
import { invalid, notFound } from '../../platform/errors';
import { benefitFlags, studentDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { afterSchoolFunds, afterSchoolWaivers } from './money.schema';
import { financeSchool, semesterOrCurrent } from './money.repo';
import { afterSchoolAgreements } from './schema';

/** 减免名单 of the school's semester: the list's entries and the children flagged in their record. */
export async function listWaivers(ctx: Ctx, schoolId: string, semesterId: string | undefined): Promise<z.output<typeof WaiverList>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, schoolId);
  const d = ctx.user.districtId;
  const semester = await semesterOrCurrent(ctx.db, d, semesterId, today(ctx));
  const categories = (await afterSchoolPolicy(ctx.db, d, semester.startDate)).values['after-school.waivers'];
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const listed = await ctx.db
    .select({ w: afterSchoolWaivers, name: studentDirectory.name, className: studentDirectory.className })
    .from(afterSchoolWaivers)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, afterSchoolWaivers.districtId), eq(studentDirectory.id, afterSchoolWaivers.studentId)))
    .where(
      and(scoped(ctx, afterSchoolWaivers, 'after-school.finance'), eq(afterSchoolWaivers.schoolId, school.id), eq(afterSchoolWaivers.semesterId, semester.id), isNull(afterSchoolWaivers.revokedAt)),
    )
    .orderBy(asc(studentDirectory.className), asc(studentDirectory.name));
  const waivers: z.output<typeof Waiver>[] = listed.map((r) => ({
    id: r.w.id,
    studentId: r.w.studentId,
    studentName: r.name,
    className: r.className,
    category: r.w.category,
    label: byCode.get(r.w.category)?.label ?? r.w.category,
    shareBp: byCode.get(r.w.category)?.shareBp ?? 0,
    source: 'list',
    note: r.w.note,
  }));
  // children with an agreement whose record carries a flag that maps to a category
  const signed = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className })
    .from(afterSchoolAgreements)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, afterSchoolAgreements.districtId), eq(studentDirectory.id, afterSchoolAgreements.studentId)))
    .where(and(eq(afterSchoolAgreements.districtId, d), eq(afterSchoolAgreements.schoolId, school.id), eq(afterSchoolAgreements.semesterId, semester.id)));
  const flags = await benefitFlags(ctx, signed.map((s) => s.id));
  for (const s of signed) {
    const f = flags.get(s.id);
    const codes = [f?.hardship ? 'low_income' : null, f?.disability ? 'disabled' : null].filter((c): c is string => !!c && byCode.has(c));
    for (const code of codes)
      waivers.push({ id: null, studentId: s.id, studentName: s.name, className: s.className, category: code, label: byCode.get(code)!.label, shareBp: byCode.get(code)!.shareBp, source: 'flag', note: null });
  }
  return { semesterId: semester.id, categories, waivers };
}

/** Adds a child of the school to a waiver category for the semester. */
export async function addWaiver(
  ctx: Ctx,
  input: { schoolId: string; semesterId?: string; studentId: string; category: string; note: string | null },
): Promise<z.output<typeof Waiver>> {
  requirePermission(ctx, 'after-school.finance');
  // a waiver changes what a family owes: money, so the second factor's code again
  requireStepUp(ctx);
  const school = await financeSchool(ctx, input.schoolId);
  const d = ctx.user.districtId;
  const semester = await semesterOrCurrent(ctx.db, d, input.semesterId, today(ctx));
  const [student] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'after-school.finance'), eq(studentDirectory.id, input.studentId), eq(studentDirectory.schoolId, school.id)));
  if (!student) throw notFound('学生');
  const category = (await afterSchoolPolicy(ctx.db, d, semester.startDate)).values['after-school.waivers'].find((c) => c.code === input.category);
  if (!category) throw invalid('category', '减免类别', '区里没有设置这个减免类别');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(afterSchoolWaivers)
      .values({ districtId: d, schoolId: school.id, studentId: student.id, semesterId: semester.id, category: category.code, note: input.note, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.waiver.add', entity: 'after_school_waivers', entityId: row!.id, after: { studentId: student.id, category: category.code } });
    return {
      id: row!.id,
      studentId: student.id,
      studentName: student.name,
      className: student.className,
      category: category.code,
      label: category.label,
      shareBp: category.shareBp,
      source: 'list' as const,
      note: row!.note,
    };
  });
}

/** Takes a child off the waiver list (bills already paid keep their waiver; regenerated ones drop it). */
export async function revokeWaiver(ctx: Ctx, id: string) {
  requirePermission(ctx, 'after-school.finance');
  requireStepUp(ctx);
  const [row] = await ctx.db
    .select()
    .from(afterSchoolWaivers)
    .where(and(scoped(ctx, afterSchoolWaivers, 'after-school.finance'), eq(afterSchoolWaivers.id, id), isNull(afterSchoolWaivers.revokedAt)));
  if (!row) throw notFound('减免记录');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(afterSchoolWaivers)
      .set({ revokedAt: ctx.now(), revokedBy: ctx.user.id })
      .where(and(eq(afterSchoolWaivers.districtId, row.districtId), eq(afterSchoolWaivers.id, id)));
    await audit(tx, ctx.actor, { action: 'after-school.waiver.revoke', entity: 'after_school_waivers', entityId: id, before: { studentId: row.studentId, category: row.category } });
  });
  return { ok: true as const };
}

function fundOut(f: typeof afterSchoolFunds.$inferSelect): z.output<typeof Fund> {
  return { id: f.id, semesterId: f.semesterId, month: f.month, kind: f.kind, item: f.item, amountFen: fen(f.amountFen), recordedAt: f.recordedAt.toISOString() };
}

/** 财政奖补 and costs of the school's semester. */
export async function listFunds(ctx: Ctx, schoolId: string, semesterId: string | undefined): Promise<z.output<typeof FundList>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, schoolId);
  const semester = await semesterOrCurrent(ctx.db, ctx.user.districtId, semesterId, today(ctx));
  const rows = await ctx.db
    .select()
    .from(afterSchoolFunds)
    .where(and(scoped(ctx, afterSchoolFunds, 'after-school.finance'), eq(afterSchoolFunds.schoolId, school.id), eq(afterSchoolFunds.semesterId, semester.id)))
    .orderBy(asc(afterSchoolFunds.recordedAt));
  const total = (kind: 'subsidy' | 'cost') => sum(rows.filter((r) => r.kind === kind).map((r) => fen(r.amountFen)));
  return { semesterId: semester.id, funds: rows.map(fundOut), subsidyFen: total('subsidy'), costsFen: total('cost') };
}

/** Records a subsidy received or a cost paid for the semester (or one of its months). */
export async function recordFund(
  ctx: Ctx,
  input: { schoolId: string; semesterId?: string; month: string | null; kind: 'subsidy' | 'cost'; item: string; amountFen: number },
): Promise<z.output<typeof Fund>> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, input.schoolId);
  const semester = await semesterOrCurrent(ctx.db, ctx.user.districtId, input.semesterId, today(ctx));
  if (input.month && (input.month < semester.startDate.slice(0, 7) || input.month > semester.endDate.slice(0, 7)))
    throw invalid('month', '月份', `${input.month} 不在${semester.name}内`);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(afterSchoolFunds)
      .values({ districtId: ctx.user.districtId, schoolId: school.id, semesterId: semester.id, month: input.month, kind: input.kind, item: input.item, amountFen: input.amountFen, recordedBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: `after-school.${input.kind}.record`, entity: 'after_school_funds', entityId: row!.id, after: row });
    return fundOut(row!);
  });
}
