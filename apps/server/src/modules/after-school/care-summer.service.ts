/**
 * 暑期托管: sites set up by the district (community sites, or any school's) or by a school (its own), sessions inside
 * the calendar's summer vacation, enrolment with a seat counter that never oversells, the fee by the site's rule less
 * a waiver of 'after-school.waivers', the staff rota and the day's attendance.
 */
import type { SummerEnrolment, SummerSite, SummerSiteInput } from '@shuangjian/contracts';
import { fromDbBigint, type LocalDate, markAll, summerFee, vacationHolding } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, allows, districtWide, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { classifyDays } from '../calendar';
import { schoolDirectory, studentDirectory } from '../org';
import { afterSchoolPolicy } from './after-school.policy';
import { afterSchoolSummerEnrolments, afterSchoolSummerMarks, afterSchoolSummerRota, afterSchoolSummerSessions, afterSchoolSummerSites } from './care.schema';

type SiteRow = typeof afterSchoolSummerSites.$inferSelect;
const S = afterSchoolSummerSites;
const N = afterSchoolSummerSessions;
const E = afterSchoolSummerEnrolments;

/** The district sets up any site; a school only its own school's. */
export function canManageSite(ctx: Ctx, site: { districtId: string; schoolId: string | null }): boolean {
  if (districtWide(ctx, 'after-school.review')) return true;
  return !!site.schoolId && allows(ctx, 'after-school.plan', { districtId: site.districtId, school: site.schoolId });
}

/** The summer vacation of a year from the district's calendar: its first and last vacation day in June–September. */
export async function summerVacation(q: Queryable, districtId: string, year: number) {
  const days = await classifyDays(q, districtId, null, `${year}-06-01`, `${year}-09-15`);
  const off = days.filter((d) => d.kind === 'vacation');
  return off.length ? { startDate: off[0]!.date, endDate: off[off.length - 1]!.date } : null;
}

async function toSites(ctx: Ctx, rows: SiteRow[]): Promise<SummerSite[]> {
  if (!rows.length) return [];
  const d = ctx.user.districtId;
  const schoolIds = [...new Set(rows.map((r) => r.schoolId).filter((x): x is string => !!x))];
  const [sessions, schools] = await atOnce(ctx.db,
    () => ctx.db.select().from(N).where(and(eq(N.districtId, d), inArray(N.siteId, rows.map((r) => r.id)))).orderBy(asc(N.startDate)),
    () => schoolIds.length ? ctx.db.select({ id: schoolDirectory.id, name: schoolDirectory.name }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), inArray(schoolDirectory.id, schoolIds))) : Promise.resolve([]),
  );
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.schoolId,
    schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? null,
    kind: r.kind,
    name: r.name,
    address: r.address,
    capacity: r.capacity,
    feeMode: r.feeMode,
    feeFen: fromDbBigint(r.feeFen),
    year: r.year,
    sessions: sessions.filter((s) => s.siteId === r.id).map(({ id, siteId, name, startDate, endDate, capacity, enrolled }) => ({ id, siteId, name, startDate, endDate, capacity, enrolled })),
    canManage: canManageSite(ctx, r),
  }));
}

const readPermission = (ctx: Ctx) => (ctx.roles.includes('parent') && ctx.roles.length === 1 ? 'after-school.family' : 'after-school.read');

export async function loadSite(ctx: Ctx, id: string) {
  const permission = readPermission(ctx);
  requirePermission(ctx, permission);
  const [row] = await ctx.db.select().from(S).where(and(scoped(ctx, S, permission), eq(S.id, id)));
  if (!row) throw notFound('托管点');
  return row;
}

export async function summerSites(ctx: Ctx, year: number) {
  const permission = readPermission(ctx);
  requirePermission(ctx, permission);
  const rows = await ctx.db.select().from(S).where(and(scoped(ctx, S, permission), eq(S.year, year))).orderBy(asc(S.kind), asc(S.name));
  return { items: await toSites(ctx, rows), vacation: await summerVacation(ctx.db, ctx.user.districtId, year) };
}

export async function createSite(ctx: Ctx, year: number, input: SummerSiteInput): Promise<SummerSite> {
  const d = ctx.user.districtId;
  const target = { districtId: d, schoolId: input.kind === 'community' ? null : input.schoolId };
  if (!districtWide(ctx, 'after-school.review')) requirePermission(ctx, 'after-school.plan');
  if (!canManageSite(ctx, target)) throw input.schoolId ? notFound('学校') : forbidden('社区托管点由区教育局设立');
  if (target.schoolId) {
    const [school] = await ctx.db.select({ id: schoolDirectory.id }).from(schoolDirectory).where(and(eq(schoolDirectory.districtId, d), eq(schoolDirectory.id, target.schoolId)));
    if (!school) throw notFound('学校');
  }
  if (!(await summerVacation(ctx.db, d, year))) throw invalid('year', '年份', '校历中没有这一年的暑假');
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(S)
      .values({ districtId: d, year, schoolId: target.schoolId, kind: input.kind, name: input.name, address: input.address, capacity: input.capacity, feeMode: input.feeMode, feeFen: input.feeFen, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.summer.site', entity: 'after_school_summer_sites', entityId: r!.id, after: input });
    return r!;
  });
  return (await toSites(ctx, [row]))[0]!;
}

/** A session of a site: inside the summer vacation, its seats no more than the site holds. */
export async function addSession(ctx: Ctx, siteId: string, input: { name: string; startDate: LocalDate; endDate: LocalDate; capacity?: number }) {
  const site = await loadSite(ctx, siteId);
  if (!canManageSite(ctx, site)) throw forbidden('只有设立托管点的单位可以安排期次');
  const vacation = await summerVacation(ctx.db, site.districtId, site.year);
  if (!vacation || !vacationHolding(input, [vacation]))
    throw invalid('startDate', '日期', vacation ? `须在暑假（${vacation.startDate} 至 ${vacation.endDate}）之内` : '校历中没有这一年的暑假');
  const capacity = input.capacity ?? site.capacity;
  if (capacity > site.capacity) throw invalid('capacity', '名额', `不能超过托管点容量 ${site.capacity} 人`);
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.insert(N).values({ districtId: site.districtId, siteId, name: input.name, startDate: input.startDate, endDate: input.endDate, capacity }).returning();
    await audit(tx, ctx.actor, { action: 'after-school.summer.session', entity: 'after_school_summer_sessions', entityId: r!.id, after: { ...input, capacity } });
  });
  return (await toSites(ctx, [site]))[0]!;
}

async function sessionOf(ctx: Ctx, sessionId: string) {
  const [row] = await ctx.db
    .select({ n: N, site: S })
    .from(N)
    .innerJoin(S, and(eq(S.districtId, N.districtId), eq(S.id, N.siteId)))
    .where(and(scoped(ctx, S, readPermission(ctx)), eq(N.id, sessionId)));
  if (!row) throw notFound('托管期次');
  return row;
}

function toEnrolment(r: typeof E.$inferSelect, studentName: string, schoolName: string): SummerEnrolment {
  return {
    id: r.id,
    sessionId: r.sessionId,
    studentId: r.studentId,
    studentName,
    schoolName,
    status: r.status,
    waiverCode: r.waiverCode,
    grossFen: fromDbBigint(r.grossFen),
    waivedFen: fromDbBigint(r.waivedFen),
    dueFen: fromDbBigint(r.dueFen),
  };
}

/**
 * A child takes a seat in a session: their family (own child, no waiver: the school grants those) or the site's
 * manager. The seat is taken in the statement that checks the counter, so a full session refuses whatever the rush.
 */
export async function enrolSummer(ctx: Ctx, sessionId: string, input: { studentId: string; waiverCode?: string | null }): Promise<SummerEnrolment> {
  requirePermission(ctx, readPermission(ctx));
  const { n: session, site } = await sessionOf(ctx, sessionId);
  const family = allows(ctx, 'after-school.family', { districtId: site.districtId, student: input.studentId });
  const manager = canManageSite(ctx, site);
  if (!family && !manager) throw notFound('学生');
  if (family && !manager && input.waiverCode) throw invalid('waiverCode', '减免类别', '减免由学校或区教育局认定');
  const [child] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, schoolId: studentDirectory.schoolId, schoolName: studentDirectory.schoolName })
    .from(studentDirectory)
    .where(and(eq(studentDirectory.districtId, site.districtId), eq(studentDirectory.id, input.studentId), eq(studentDirectory.status, 'active')));
  if (!child) throw notFound('学生');
  if (!family && site.kind === 'school' && child.schoolId !== site.schoolId) throw invalid('studentId', '学生', '学校托管点只收本校学生');
  if (family && site.kind === 'school' && child.schoolId !== site.schoolId) throw notFound('托管期次');
  if (today(ctx) > session.endDate) throw conflict('这一期已经结束');
  const { values, versions } = await afterSchoolPolicy(ctx.db, site.districtId, today(ctx));
  const waiver = input.waiverCode ? values['after-school.waivers'].find((w) => w.code === input.waiverCode) : null;
  if (input.waiverCode && !waiver) throw invalid('waiverCode', '减免类别', '不是区里设定的减免类别');
  const fee = summerFee(site.feeMode, fromDbBigint(site.feeFen), session.startDate, session.endDate, waiver?.shareBp ?? 0, values['after-school.fees'].rounding);
  const row = await ctx.db.transaction(async (tx) => {
    const seat = await tx
      .update(N)
      .set({ enrolled: sql`${N.enrolled} + 1` })
      .where(and(eq(N.districtId, site.districtId), eq(N.id, sessionId), sql`${N.enrolled} < ${N.capacity}`))
      .returning({ enrolled: N.enrolled });
    if (!seat.length) throw conflict('这一期名额已满');
    const [r] = await tx
      .insert(E)
      .values({
        districtId: site.districtId,
        sessionId,
        siteId: site.id,
        studentId: child.id,
        schoolId: child.schoolId,
        waiverCode: waiver?.code ?? null,
        grossFen: fee.grossFen,
        waivedFen: fee.waivedFen,
        dueFen: fee.dueFen,
        policyVersions: versions,
        enrolledBy: ctx.user.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!r) throw conflict('孩子已报名这一期');
    await audit(tx, ctx.actor, { action: 'after-school.summer.enrol', entity: 'after_school_summer_enrolments', entityId: r.id, after: { sessionId, studentId: child.id, ...fee, waiverCode: waiver?.code ?? null } });
    return r;
  });
  return toEnrolment(row, child.name, child.schoolName);
}

/** Withdraws a child from a session (family or manager): the seat returns to the counter in the same transaction. */
export async function withdrawSummer(ctx: Ctx, enrolmentId: string): Promise<SummerEnrolment> {
  const [row] = await ctx.db
    .select({ e: E, site: S, name: studentDirectory.name, schoolName: studentDirectory.schoolName })
    .from(E)
    .innerJoin(S, and(eq(S.districtId, E.districtId), eq(S.id, E.siteId)))
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
    .where(and(eq(E.districtId, ctx.user.districtId), eq(E.id, enrolmentId)));
  if (!row || !(allows(ctx, 'after-school.family', { districtId: row.e.districtId, student: row.e.studentId }) || canManageSite(ctx, row.site))) throw notFound('报名');
  const out = await ctx.db.transaction(async (tx) => {
    const [r] = await tx.update(E).set({ status: 'withdrawn' }).where(and(eq(E.districtId, row.e.districtId), eq(E.id, enrolmentId), eq(E.status, 'enrolled'))).returning();
    if (!r) throw conflict('已经退出这一期');
    await tx.update(N).set({ enrolled: sql`${N.enrolled} - 1` }).where(and(eq(N.districtId, r.districtId), eq(N.id, r.sessionId)));
    await audit(tx, ctx.actor, { action: 'after-school.summer.withdraw', entity: 'after_school_summer_enrolments', entityId: r.id });
    return r;
  });
  return toEnrolment(out, row.name, row.schoolName);
}

export async function sessionEnrolments(ctx: Ctx, sessionId: string) {
  const { n: session, site } = await sessionOf(ctx, sessionId);
  if (!canManageSite(ctx, site) && !allows(ctx, 'after-school.run', { districtId: site.districtId, school: site.schoolId ?? undefined })) throw notFound('托管期次');
  const rows = await ctx.db
    .select({ e: E, name: studentDirectory.name, schoolName: studentDirectory.schoolName })
    .from(E)
    .innerJoin(studentDirectory, and(eq(studentDirectory.districtId, E.districtId), eq(studentDirectory.id, E.studentId)))
    .where(and(eq(E.districtId, site.districtId), eq(E.sessionId, session.id), eq(E.status, 'enrolled')))
    .orderBy(asc(studentDirectory.schoolName), asc(studentDirectory.name));
  return { items: rows.map((r) => toEnrolment(r.e, r.name, r.schoolName)) };
}

/** A session's day: the children enrolled with their marks; whole group present in one tap, then the exceptions. */
export async function summerDay(ctx: Ctx, sessionId: string, date: LocalDate) {
  const { items } = await sessionEnrolments(ctx, sessionId);
  const M = afterSchoolSummerMarks;
  const marks = await ctx.db.select({ studentId: M.studentId, mark: M.mark }).from(M).where(and(eq(M.districtId, ctx.user.districtId), eq(M.sessionId, sessionId), eq(M.date, date)));
  return {
    date,
    taken: marks.length > 0,
    children: items.map((e) => ({ studentId: e.studentId, name: e.studentName, schoolName: e.schoolName, mark: marks.find((m) => m.studentId === e.studentId)?.mark ?? null })),
  };
}

export async function takeSummer(ctx: Ctx, sessionId: string, input: { date: LocalDate; exceptions: { studentId: string; mark: 'absent' | 'leave' }[] }) {
  const { n: session, site } = await sessionOf(ctx, sessionId);
  const R = afterSchoolSummerRota;
  const duty = await ctx.db
    .select({ u: R.userId })
    .from(R)
    .where(and(eq(R.districtId, site.districtId), eq(R.siteId, site.id), eq(R.date, input.date), eq(R.userId, ctx.user.id)));
  if (!canManageSite(ctx, site) && !duty.length) throw forbidden('只有当天值班的教师可以登记考勤');
  if (input.date < session.startDate || input.date > session.endDate) throw invalid('date', '日期', '不在这一期之内');
  if (input.date > today(ctx)) throw invalid('date', '日期', '还没到这一天');
  const { children } = await summerDay(ctx, sessionId, input.date);
  const ids = new Set(children.map((c) => c.studentId));
  input.exceptions.forEach((x, n) => {
    if (!ids.has(x.studentId)) throw invalid(`exceptions.${n}.studentId`, '学生', '没有报名这一期');
  });
  const marks = markAll([...ids], new Map(input.exceptions.map((x) => [x.studentId, x.mark])));
  const M = afterSchoolSummerMarks;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(M).where(and(eq(M.districtId, site.districtId), eq(M.sessionId, sessionId), eq(M.date, input.date)));
    if (marks.size) await tx.insert(M).values([...marks].map(([studentId, mark]) => ({ districtId: site.districtId, sessionId, studentId, date: input.date, mark, takenBy: ctx.user.id })));
    await audit(tx, ctx.actor, { action: 'after-school.summer.attendance', entity: 'after_school_summer_sessions', entityId: sessionId, after: { date: input.date, children: marks.size } });
  });
  return summerDay(ctx, sessionId, input.date);
}
