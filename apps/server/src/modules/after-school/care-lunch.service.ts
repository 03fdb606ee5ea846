/**
 * 午餐午托: a school's lunch and midday-care offer per semester (kitchens, fee), children enrolled by their family or
 * the school, the day's marks (everyone present in one tap, then the exceptions), the canteen's counts per kitchen,
 * and the month's fees and refunds by the 'after-school.fees' rules.
 */
import type { LunchEnrolment, LunchOffer, LunchOfferInput } from '@shuangjian/contracts';
import { type Fen, fromDbBigint, kitchenCounts, lunchMonth, markAll, sum, type LunchMark } from '@shuangjian/policy';
import { type Permission, roleHas } from '@shuangjian/contracts';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { type Ctx, allows, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { classifyDays } from '../calendar';
import { schoolDirectory, studentDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { afterSchoolLunchEnrolments, afterSchoolLunchMarks, afterSchoolLunchOffers } from './care.schema';
import { semesterById, semestersOf } from './semesters';

type OfferRow = typeof afterSchoolLunchOffers.$inferSelect;
const O = afterSchoolLunchOffers;
const E = afterSchoolLunchEnrolments;

async function toOffers(ctx: Ctx, rows: OfferRow[]): Promise<LunchOffer[]> {
  if (!rows.length) return [];
  const d = ctx.user.districtId;
  const [names, schools, counts] = await atOnce(ctx.db,
    () => semestersOf(ctx.db, d),
    () => ctx.db.select({ id: schoolDirectory.id, name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), inArray(schoolDirectory.id, rows.map((r) => r.schoolId)))),
    () => ctx.db
      .select({ id: E.offerId, n: sql<number>`count(*)::int` })
      .from(E)
      .where(and(eq(E.districtId, d), inArray(E.offerId, rows.map((r) => r.id)), isNull(E.endedOn)))
      .groupBy(E.offerId),
  );
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.schoolId,
    schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? '',
    semesterId: r.semesterId,
    semesterName: names.find((s) => s.id === r.semesterId)?.name ?? '',
    kitchens: r.kitchens,
    feeMode: r.feeMode,
    feeFen: fromDbBigint(r.feeFen),
    note: r.note,
    enrolled: counts.find((c) => c.id === r.id)?.n ?? 0,
  }));
}

/** An offer the reader reaches under `permission`, or 404. */
export async function loadOffer(ctx: Ctx, id: string, permission: Permission): Promise<OfferRow> {
  requirePermission(ctx, permission);
  const [row] = await ctx.db.select().from(O).where(and(scoped(ctx, O, permission), eq(O.id, id)));
  if (!row) throw notFound('午餐午托');
  return row;
}

export async function lunchOffers(ctx: Ctx, schoolId: string): Promise<{ items: LunchOffer[] }> {
  requirePermission(ctx, 'after-school.read');
  const rows = await ctx.db.select().from(O).where(and(scoped(ctx, O, 'after-school.read'), eq(O.schoolId, schoolId))).orderBy(asc(O.createdAt));
  return { items: await toOffers(ctx, rows) };
}

/** The school sets up (or changes) its offer for a semester: kitchens and fee. Kitchens in use stay. */
export async function saveLunchOffer(ctx: Ctx, input: LunchOfferInput): Promise<LunchOffer> {
  requirePermission(ctx, 'after-school.plan');
  const d = ctx.user.districtId;
  if (!allows(ctx, 'after-school.plan', { districtId: d, school: input.schoolId })) throw notFound('学校');
  const [school] = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), eq(schoolDirectory.id, input.schoolId)));
  if (!school) throw notFound('学校');
  await semesterById(ctx.db, d, input.semesterId);
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(O).where(and(eq(O.districtId, d), eq(O.schoolId, input.schoolId), eq(O.semesterId, input.semesterId)));
    if (before) {
      const used = await tx.selectDistinct({ kitchen: E.kitchen }).from(E).where(and(eq(E.districtId, d), eq(E.offerId, before.id), isNull(E.endedOn)));
      const dropped = used.find((u) => !input.kitchens.includes(u.kitchen));
      if (dropped) throw invalid('kitchens', '厨房', `“${dropped.kitchen}”还有学生在用餐，不能删除`);
    }
    const values = { kitchens: input.kitchens, feeMode: input.feeMode, feeFen: input.feeFen, note: input.note };
    const [saved] = before
      ? await tx.update(O).set(values).where(and(eq(O.districtId, d), eq(O.id, before.id))).returning()
      : await tx.insert(O).values({ districtId: d, schoolId: input.schoolId, semesterId: input.semesterId, ...values, createdBy: ctx.user.id }).returning();
    await audit(tx, ctx.actor, { action: before ? 'after-school.lunch.update' : 'after-school.lunch.create', entity: 'after_school_lunch_offers', entityId: saved!.id, before, after: values });
    return saved!;
  });
  return (await toOffers(ctx, [row]))[0]!;
}

function toEnrolment(r: typeof E.$inferSelect, name: string, className: string): LunchEnrolment {
  return { id: r.id, offerId: r.offerId, studentId: r.studentId, studentName: name, className, kitchen: r.kitchen, startedOn: r.startedOn, endedOn: r.endedOn };
}

export async function lunchEnrolments(ctx: Ctx, offerId: string): Promise<{ items: LunchEnrolment[] }> {
  const offer = await loadOffer(ctx, offerId, 'after-school.read');
  const rows = await ctx.db
    .select({ e: E, name: studentDirectory.name, className: studentDirectory.className })
    .from(E)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
    .where(and(scoped(ctx, E, 'after-school.read'), eq(E.offerId, offer.id), isNull(E.endedOn)))
    .orderBy(asc(studentDirectory.className), asc(studentDirectory.name));
  return { items: rows.map((r) => toEnrolment(r.e, r.name, r.className)) };
}

/**
 * A child joins the school's lunch: their family (their own child) or the school. The child must be of the offer's
 * school, the kitchen one of the offer's; a child already taking lunch is refused.
 */
export async function enrolLunch(ctx: Ctx, offerId: string, input: { studentId: string; kitchen: string }): Promise<LunchEnrolment> {
  const family = allows(ctx, 'after-school.family', { districtId: ctx.user.districtId, student: input.studentId });
  const permission = family ? 'after-school.family' : 'after-school.plan';
  // a parent naming another family's child hears the same as for an unknown child
  if (!family && !ctx.grants.some((g) => roleHas(g.role, 'after-school.plan'))) {
    requirePermission(ctx, 'after-school.family');
    throw notFound('学生');
  }
  const [child] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className, classId: studentDirectory.classId, schoolId: studentDirectory.schoolId })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, permission), eq(studentDirectory.id, input.studentId), eq(studentDirectory.status, 'active')));
  if (!child) throw notFound('学生');
  const [offer] = await ctx.db.select().from(O).where(and(eq(O.districtId, ctx.user.districtId), eq(O.id, offerId), eq(O.schoolId, child.schoolId)));
  if (!offer) throw notFound('午餐午托');
  if (!offer.kitchens.includes(input.kitchen)) throw invalid('kitchen', '厨房', '不是本校的厨房');
  const semester = await semesterById(ctx.db, offer.districtId, offer.semesterId);
  const now = today(ctx);
  if (now > semester.endDate) throw conflict('本学期已结束，不能再报名');
  const startedOn = now < semester.startDate ? semester.startDate : now;
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(E)
      .values({ districtId: offer.districtId, offerId, schoolId: child.schoolId, classId: child.classId, studentId: child.id, kitchen: input.kitchen, startedOn, enrolledBy: ctx.user.id })
      .onConflictDoNothing()
      .returning();
    if (!r) throw conflict('孩子已报名本学期午餐午托');
    await audit(tx, ctx.actor, { action: 'after-school.lunch.enrol', entity: 'after_school_lunch_enrolments', entityId: r.id, after: { studentId: child.id, kitchen: input.kitchen } });
    return r;
  });
  return toEnrolment(row, child.name, child.className);
}

/** A child stops taking lunch from a day on (by the family or the school); days from it are no longer charged. */
export async function endLunch(ctx: Ctx, enrolmentId: string, fromDate: string): Promise<LunchEnrolment> {
  const [row] = await ctx.db
    .select({ e: E, name: studentDirectory.name, className: studentDirectory.className })
    .from(E)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
    .where(and(or(scoped(ctx, E, 'after-school.family'), scoped(ctx, E, 'after-school.plan')), eq(E.id, enrolmentId)));
  if (!row) throw notFound('报名');
  if (row.e.endedOn) throw conflict('已经退出午餐午托');
  if (fromDate < row.e.startedOn) throw invalid('fromDate', '退出日期', '不能早于开始用餐的日期');
  if (fromDate < today(ctx) && !allows(ctx, 'after-school.plan', { districtId: row.e.districtId, school: row.e.schoolId })) throw invalid('fromDate', '退出日期', '不能早于今天');
  const [ended] = await ctx.db.transaction(async (tx) => {
    const out = await tx.update(E).set({ endedOn: fromDate }).where(and(eq(E.districtId, row.e.districtId), eq(E.id, enrolmentId), isNull(E.endedOn))).returning();
    await audit(tx, ctx.actor, { action: 'after-school.lunch.end', entity: 'after_school_lunch_enrolments', entityId: enrolmentId, after: { endedOn: fromDate } });
    return out;
  });
  if (!ended) throw conflict('已经退出午餐午托');
  return toEnrolment(ended, row.name, row.className);
}

/** Children taking lunch on a date, with their day's mark if taken. */
async function lunchChildren(ctx: Ctx, offer: OfferRow, date: string) {
  const rows = await ctx.db
    .select({ studentId: E.studentId, kitchen: E.kitchen, name: studentDirectory.name, className: studentDirectory.className, mark: afterSchoolLunchMarks.mark })
    .from(E)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
    .leftJoin(
      afterSchoolLunchMarks,
      and(eq(afterSchoolLunchMarks.districtId, E.districtId), eq(afterSchoolLunchMarks.offerId, E.offerId), eq(afterSchoolLunchMarks.studentId, E.studentId), eq(afterSchoolLunchMarks.date, date)),
    )
    .where(and(eq(E.districtId, offer.districtId), eq(E.offerId, offer.id), lte(E.startedOn, date), or(isNull(E.endedOn), sql`${E.endedOn} > ${date}`)))
    .orderBy(asc(studentDirectory.className), asc(studentDirectory.name));
  return rows.map((r) => ({ ...r, mark: (r.mark ?? null) as LunchMark | null }));
}

export async function lunchDay(ctx: Ctx, offerId: string, date: string) {
  const offer = await loadOffer(ctx, offerId, 'after-school.read');
  const [info] = await classifyDays(ctx.db, offer.districtId, offer.schoolId, date, date);
  const children = await lunchChildren(ctx, offer, date);
  return {
    date,
    schoolDay: !!info?.schoolDay,
    taken: children.some((c) => c.mark !== null),
    counts: kitchenCounts(offer.kitchens, children),
    children,
  };
}

/** The day's lunch: everyone taking it present in one tap, then the exceptions (absent, on leave). Retaking replaces. */
export async function takeLunch(ctx: Ctx, offerId: string, input: { date: string; exceptions: { studentId: string; mark: 'absent' | 'leave' }[] }) {
  const offer = await loadOffer(ctx, offerId, 'after-school.read');
  if (!allows(ctx, 'after-school.run', { districtId: offer.districtId, school: offer.schoolId })) throw forbidden('只有本校教师可以登记午餐考勤');
  if (input.date > today(ctx)) throw invalid('date', '日期', '还没到这一天');
  const [info] = await classifyDays(ctx.db, offer.districtId, offer.schoolId, input.date, input.date);
  if (!info?.schoolDay) throw invalid('date', '日期', '这一天不上课，没有午餐');
  const children = await lunchChildren(ctx, offer, input.date);
  const ids = new Set(children.map((c) => c.studentId));
  input.exceptions.forEach((x, n) => {
    if (!ids.has(x.studentId)) throw invalid(`exceptions.${n}.studentId`, '学生', '这一天没有报名午餐');
  });
  const marks = markAll([...ids], new Map(input.exceptions.map((x) => [x.studentId, x.mark])));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(afterSchoolLunchMarks).where(and(eq(afterSchoolLunchMarks.districtId, offer.districtId), eq(afterSchoolLunchMarks.offerId, offer.id), eq(afterSchoolLunchMarks.date, input.date)));
    const rows = [...marks].map(([studentId, mark]) => ({ districtId: offer.districtId, offerId: offer.id, schoolId: offer.schoolId, studentId, date: input.date, mark, takenBy: ctx.user.id }));
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(afterSchoolLunchMarks).values(rows.slice(i, i + 2000));
    await audit(tx, ctx.actor, { action: 'after-school.lunch.attendance', entity: 'after_school_lunch_offers', entityId: offer.id, after: { date: input.date, children: rows.length, exceptions: input.exceptions.length } });
  });
  return lunchDay(ctx, offerId, input.date);
}

/** The month's fee, refund and net per child taking lunch, by the 'after-school.fees' rules in force on its last day. */
export async function lunchMonthFees(ctx: Ctx, offerId: string, month: string) {
  const offer = await loadOffer(ctx, offerId, 'after-school.finance');
  const from = `${month}-01`;
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const [days, { values, versions }, enrolments, leaves] = await atOnce(ctx.db,
    () => classifyDays(ctx.db, offer.districtId, offer.schoolId, from, to),
    () => afterSchoolPolicy(ctx.db, offer.districtId, to),
    () => ctx.db
      .select({ e: E, name: studentDirectory.name, className: studentDirectory.className })
      .from(E)
      .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
      .where(and(scoped(ctx, E, 'after-school.finance'), eq(E.offerId, offer.id), lte(E.startedOn, to), or(isNull(E.endedOn), gte(E.endedOn, from))))
      .orderBy(asc(studentDirectory.className), asc(studentDirectory.name)),
    () => ctx.db
      .select({ studentId: afterSchoolLunchMarks.studentId, date: afterSchoolLunchMarks.date })
      .from(afterSchoolLunchMarks)
      .where(and(scoped(ctx, afterSchoolLunchMarks, 'after-school.finance'), eq(afterSchoolLunchMarks.offerId, offer.id), eq(afterSchoolLunchMarks.mark, 'leave'), gte(afterSchoolLunchMarks.date, from), lte(afterSchoolLunchMarks.date, to))),
  );
  const schoolDays = days.filter((x) => x.schoolDay && x.semesterId === offer.semesterId).map((x) => x.date);
  const fees = values['after-school.fees'];
  const byChild = new Map<string, { name: string; className: string; days: Set<string> }>();
  for (const r of enrolments) {
    const c = byChild.get(r.e.studentId) ?? byChild.set(r.e.studentId, { name: r.name, className: r.className, days: new Set() }).get(r.e.studentId)!;
    schoolDays.filter((x) => x >= r.e.startedOn && (!r.e.endedOn || x < r.e.endedOn)).forEach((x) => c.days.add(x));
  }
  const rows = [...byChild].map(([studentId, c]) => {
    const leaveDays = leaves.filter((l) => l.studentId === studentId && c.days.has(l.date)).length;
    const m = lunchMonth({
      mode: offer.feeMode,
      feeFen: fromDbBigint(offer.feeFen),
      schoolDays: schoolDays.length,
      enrolledDays: c.days.size,
      leaveDays,
      refundMinLeaveDays: fees.refundMinLeaveDays,
      rounding: fees.rounding,
    });
    return { studentId, name: c.name, className: c.className, schoolDays: schoolDays.length, enrolledDays: c.days.size, leaveDays, dueFen: m.dueFen, refundFen: m.refundFen, netFen: m.netFen };
  });
  const total = (k: 'dueFen' | 'refundFen' | 'netFen'): Fen => sum(rows.map((r) => r[k]));
  return { month, rows, totals: { dueFen: total('dueFen'), refundFen: total('refundFen'), netFen: total('netFen') }, rule: 'after-school.fees' as const, policyVersions: versions };
}
