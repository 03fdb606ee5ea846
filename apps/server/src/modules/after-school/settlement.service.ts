/**
 * 结算: a school's semester or month — income (service fees paid, subsidy, pass-through collected) less refunds,
 * costs and the providers' lessons delivered; what is left goes to the teachers by minutes served (sessions held ×
 * their minutes, from after_school_sessions.teacherIds). Saved as a new version each time, with a statement per
 * teacher and provider, exportable to Excel; the teachers are told their share.
 */
import type { Settlement } from '@shuangjian/contracts';
import { fen, type LocalDate, monthBounds, settle, toYuanString } from '@shuangjian/policy';
import { and, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { requireStepUp } from '../../platform/auth/second-factor';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { users } from '../../platform/schema';
import { today } from '../../platform/clock';
import { afterSchoolBills, afterSchoolFunds, afterSchoolPaymentReversals, afterSchoolSettlements } from './money.schema';
import { financeSchool, semesterOrCurrent } from './money.repo';
import { afterSchoolCourses, afterSchoolProviders, afterSchoolSessions } from './schema';
import type { SemesterRef } from './semesters';

type Out = z.output<typeof Settlement>;
type Figures = Omit<Out, 'id' | 'version' | 'settledAt' | 'reversedSince'>;

function periodRange(semester: SemesterRef, period: string): { from: LocalDate; to: LocalDate } {
  if (period === 'semester') return { from: semester.startDate, to: semester.endDate };
  const { from, to } = monthBounds(period);
  if (to < semester.startDate || from > semester.endDate) throw invalid('period', '结算期间', `${period} 不在${semester.name}内`);
  return { from: from > semester.startDate ? from : semester.startDate, to: to < semester.endDate ? to : semester.endDate };
}

/** The settlement as the figures stand now (not saved). */
async function compute(q: Queryable, districtId: string, schoolId: string, semester: SemesterRef, period: string): Promise<Figures> {
  const range = periodRange(semester, period);
  const b = afterSchoolBills;
  const billScope = and(eq(b.districtId, districtId), eq(b.schoolId, schoolId), eq(b.semesterId, semester.id), period === 'semester' ? undefined : eq(b.month, period));
  const bills = await q.select({ fee: b.feeFen, waiver: b.waiverFen, refund: b.refundFen, pt: b.passThroughFen, due: b.dueFen, paid: b.paidFen, detail: b.detail }).from(b).where(billScope);
  let feesPaid = 0;
  let refunds = 0;
  let passThrough = 0;
  const lessonsByCourse = new Map<string, number>();
  for (const bill of bills) {
    // a bill paid in full brings its net fee (refunded days owed back) and its pass-through; a part payment goes to the fee first
    if (bill.paid >= bill.due) {
      feesPaid += bill.fee - bill.waiver;
      refunds += bill.refund;
      passThrough += bill.pt;
    } else {
      const service = Math.min(bill.paid, bill.fee - bill.waiver - bill.refund);
      feesPaid += service;
      passThrough += bill.paid - service;
    }
    for (const c of (bill.detail as { courses?: { courseId: string; lessons: number }[] }).courses ?? [])
      lessonsByCourse.set(c.courseId, (lessonsByCourse.get(c.courseId) ?? 0) + c.lessons);
  }
  const f = afterSchoolFunds;
  const funds = await q
    .select({ kind: f.kind, total: sql<string>`sum(${f.amountFen})` })
    .from(f)
    .where(and(eq(f.districtId, districtId), eq(f.schoolId, schoolId), eq(f.semesterId, semester.id), period === 'semester' ? undefined : eq(f.month, period)))
    .groupBy(f.kind);
  const fund = (kind: 'subsidy' | 'cost') => fen(Number(funds.find((x) => x.kind === kind)?.total ?? 0));

  // providers: child-lessons delivered in the period, at the course's listed price, per white-list entry
  const courses = lessonsByCourse.size
    ? await q
        .select({ id: afterSchoolCourses.id, providerId: afterSchoolCourses.providerId, price: afterSchoolCourses.pricePerLessonFen, item: afterSchoolProviders.item, name: afterSchoolProviders.institutionName })
        .from(afterSchoolCourses)
        .innerJoin(afterSchoolProviders, and(eq(afterSchoolProviders.districtId, afterSchoolCourses.districtId), eq(afterSchoolProviders.id, afterSchoolCourses.providerId)))
        .where(and(eq(afterSchoolCourses.districtId, districtId), inArray(afterSchoolCourses.id, [...lessonsByCourse.keys()])))
    : [];
  const providerRows = new Map<string, { providerId: string; name: string; item: string; lessons: number; price: number }>();
  for (const c of courses) {
    const key = `${c.providerId}|${c.price}`;
    const row = providerRows.get(key) ?? { providerId: c.providerId!, name: c.name, item: c.item, lessons: 0, price: c.price };
    row.lessons += lessonsByCourse.get(c.id) ?? 0;
    providerRows.set(key, row);
  }
  const providerList = [...providerRows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  // teachers: minutes of the held sessions they served in the period
  const s = afterSchoolSessions;
  const served = await q
    .select({ userId: sql<string>`t.teacher_id`, sessions: sql<number>`count(*)::int`, minutes: sql<number>`sum(${s.minutes})::int` })
    .from(sql`${s} cross join lateral unnest(${s.teacherIds}) as t(teacher_id)`)
    .where(and(eq(s.districtId, districtId), eq(s.schoolId, schoolId), eq(s.status, 'held'), gte(s.date, range.from), lte(s.date, range.to)))
    .groupBy(sql`t.teacher_id`);
  const names = served.length
    ? new Map(
        (await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, served.map((t) => t.userId))))).map((u) => [u.id, u.name]),
      )
    : new Map<string, string>();
  const teacherList = served.map((t) => ({ ...t, name: names.get(t.userId) ?? '' })).sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN'));

  const result = settle({
    feesPaid: fen(feesPaid),
    subsidy: fund('subsidy'),
    passThroughCollected: fen(passThrough),
    refunds: fen(refunds),
    costs: fund('cost'),
    providers: providerList.map((p, i) => ({ id: String(i), lessons: p.lessons, pricePerLesson: fen(p.price) })),
    teachers: teacherList.map((t) => ({ id: t.userId, minutes: t.minutes })),
  });
  return {
    schoolId,
    semesterId: semester.id,
    period,
    from: range.from,
    to: range.to,
    feesPaidFen: fen(feesPaid),
    subsidyFen: fund('subsidy'),
    passThroughFen: fen(passThrough),
    incomeFen: result.income,
    refundsFen: result.refunds,
    costsFen: result.costs,
    providersFen: result.providersTotal,
    poolFen: result.pool,
    teachersFen: result.teachersTotal,
    remainderFen: result.remainder,
    teachers: teacherList.map((t, i) => ({ userId: t.userId, name: t.name, sessions: t.sessions, minutes: t.minutes, amountFen: result.teachers[i]!.amount })),
    providers: providerList.map((p, i) => ({ providerId: p.providerId, name: p.name, item: p.item, lessons: p.lessons, pricePerLessonFen: fen(p.price), amountFen: result.providers[i]!.amount })),
  };
}

/** The latest saved settlement of the period, or the figures as they stand (id null) when none was saved. */
export async function getSettlement(ctx: Ctx, q: { schoolId: string; semesterId?: string; period: string }): Promise<Out> {
  requirePermission(ctx, 'after-school.finance');
  const school = await financeSchool(ctx, q.schoolId);
  const semester = await semesterOrCurrent(ctx.db, ctx.user.districtId, q.semesterId, today(ctx));
  periodRange(semester, q.period);
  const [saved] = await ctx.db
    .select()
    .from(afterSchoolSettlements)
    .where(
      and(
        scoped(ctx, afterSchoolSettlements, 'after-school.finance'),
        eq(afterSchoolSettlements.schoolId, school.id),
        eq(afterSchoolSettlements.semesterId, semester.id),
        eq(afterSchoolSettlements.period, q.period),
      ),
    )
    .orderBy(desc(afterSchoolSettlements.version))
    .limit(1);
  if (saved) {
    // reversals since that changed this period's figures: the saved version stands, to be settled again
    const r = afterSchoolPaymentReversals;
    const since = await ctx.db
      .select({ paymentId: r.paymentId, reversedAt: r.reversedAt, reason: r.reason, undoneFen: r.undoneFen })
      .from(r)
      .where(
        and(
          scoped(ctx, r, 'after-school.finance'),
          eq(r.schoolId, school.id),
          gt(r.reversedAt, saved.settledAt),
          sql`${r.resettle} @> ${JSON.stringify([{ semesterId: semester.id, period: q.period }])}::jsonb`,
        ),
      )
      .orderBy(r.reversedAt);
    const reversedSince = since.map((x) => ({ paymentId: x.paymentId, reversedAt: x.reversedAt.toISOString(), reason: x.reason, undoneFen: fen(x.undoneFen) }));
    return { ...(saved.figures as Figures), id: saved.id, version: saved.version, settledAt: saved.settledAt.toISOString(), reversedSince };
  }
  return { ...(await compute(ctx.db, ctx.user.districtId, school.id, semester, q.period)), id: null, version: 0, settledAt: null, reversedSince: [] };
}

/** 结算: computes and saves a new version of the period's settlement and tells each teacher their share. */
export async function settlePeriod(ctx: Ctx, input: { schoolId: string; semesterId?: string; period: string }): Promise<Out> {
  requirePermission(ctx, 'after-school.finance');
  requireStepUp(ctx);
  const school = await financeSchool(ctx, input.schoolId);
  const d = ctx.user.districtId;
  const semester = await semesterOrCurrent(ctx.db, d, input.semesterId, today(ctx));
  return ctx.db.transaction(async (tx) => {
    const figures = await compute(tx, d, school.id, semester, input.period);
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${afterSchoolSettlements.version}), 0)::int` })
      .from(afterSchoolSettlements)
      .where(and(eq(afterSchoolSettlements.districtId, d), eq(afterSchoolSettlements.schoolId, school.id), eq(afterSchoolSettlements.semesterId, semester.id), eq(afterSchoolSettlements.period, input.period)));
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(afterSchoolSettlements)
      .values({ districtId: d, schoolId: school.id, semesterId: semester.id, period: input.period, version, figures, settledBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'after-school.settle',
      entity: 'after_school_settlements',
      entityId: row!.id,
      after: { period: input.period, version, incomeFen: figures.incomeFen, teachersFen: figures.teachersFen, providersFen: figures.providersFen, remainderFen: figures.remainderFen },
    });
    const label = input.period === 'semester' ? semester.name : input.period;
    for (const t of figures.teachers)
      if (t.amountFen > 0)
        await notify(tx, d, [t.userId], { kind: 'after-school.settlement', title: `课后服务结算（${label}）`, body: `您本期服务 ${t.sessions} 次、${t.minutes} 分钟，课后服务补助 ¥${toYuanString(fen(t.amountFen))}。` }, ctx.channels);
    return { ...figures, id: row!.id, version, settledAt: row!.settledAt.toISOString(), reversedSince: [] };
  });
}

/** 结算单导出: summary, teachers and providers on three sheets. */
export async function settlementWorkbook(ctx: Ctx, q: { schoolId: string; semesterId?: string; period: string }) {
  const school = await financeSchool(ctx, q.schoolId);
  const s = await getSettlement(ctx, q);
  const y = (v: number) => toYuanString(fen(v));
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(12, h.length * 2 + 4)));
  };
  sheet('汇总', ['项目', '金额（元）'], [
    ['结算期间', `${s.from} 至 ${s.to}${s.version ? `（第 ${s.version} 版）` : '（未保存）'}`],
    ['服务性收费（已缴）', y(s.feesPaidFen)],
    ['财政奖补', y(s.subsidyFen)],
    ['代收费', y(s.passThroughFen)],
    ['收入合计', y(s.incomeFen)],
    ['退费', y(s.refundsFen)],
    ['成本', y(s.costsFen)],
    ['机构课时费', y(s.providersFen)],
    ['教师补助', y(s.teachersFen)],
    ['结余', y(s.remainderFen)],
  ]);
  sheet('教师', ['教师', '服务次数', '服务分钟', '补助（元）'], [...s.teachers.map((t) => [t.name, t.sessions, t.minutes, y(t.amountFen)]), ['合计', '', s.teachers.reduce((m, t) => m + t.minutes, 0), y(s.teachersFen)]]);
  sheet('机构', ['机构', '项目', '课时（人次）', '单价（元）', '金额（元）'], [
    ...s.providers.map((p) => [p.name, p.item, p.lessons, y(p.pricePerLessonFen), y(p.amountFen)]),
    ['合计', '', '', '', y(s.providersFen)],
  ]);
  const label = q.period === 'semester' ? '学期' : q.period;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${school.name}-课后服务结算-${label}.xlsx` };
}
