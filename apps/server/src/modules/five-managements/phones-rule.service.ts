/**
 * What the phones area's pages share: the district's rule in force (cited with its version), a class's 班主任沟通热线
 * (the number the class teacher keeps, else the class teacher's own mobile), a request as the API answers it, the
 * class figures (phoneApproved per semester, phoneKept per day), and the school's rule page.
 */
import { FIVE_INDICATORS, type PhoneRequest, type PhoneRuleCited } from '@shuangjian/contracts';
import { approvalExpired, type LocalDate, PHONE_RULE_KEY, phoneRuleTexts } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { dayPeriod, semesterPeriod, setIndicators } from '../../platform/indicators';
import { users } from '../../platform/schema';
import { semesterAt, semestersOf } from '../calendar';
import { classDirectory, roleHolders } from '../org';
import { versionOf } from './five-managements.repo';
import { fiveManagementsPolicy } from './five-managements.policy';
import { fivePhoneHotlines, fivePhoneMarks, fivePhoneRequests } from './phones.schema';

export async function phoneRuleAt(q: Queryable, districtId: string, date: LocalDate): Promise<PhoneRuleCited> {
  const { values, versions } = await fiveManagementsPolicy(q, districtId, date);
  const v = values[PHONE_RULE_KEY];
  return { rule: PHONE_RULE_KEY, value: v.rule, requestValidDays: v.requestValidDays, policyVersions: versionOf(versions, PHONE_RULE_KEY), text: phoneRuleTexts[v.rule]['zh-CN'] };
}

export interface Hotline {
  classId: string;
  className: string;
  teacherName: string | null;
  phone: string | null;
}

/** The hotlines of classes: the number kept for the class, else its class teacher's mobile. */
export async function hotlinesOf(q: Queryable, districtId: string, classes: readonly { id: string; name: string }[]): Promise<Hotline[]> {
  if (!classes.length) return [];
  const ids = classes.map((c) => c.id);
  const kept = await q.select().from(fivePhoneHotlines).where(and(eq(fivePhoneHotlines.districtId, districtId), inArray(fivePhoneHotlines.classId, ids)));
  const holders: { classId: string; userId: string }[] = [];
  for (const c of classes) for (const userId of await roleHolders(q, districtId, 'class_teacher', { classId: c.id })) holders.push({ classId: c.id, userId });
  const people = holders.length
    ? await q.select({ id: users.id, name: users.name, phone: users.phone }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, holders.map((h) => h.userId))))
    : [];
  return classes.map((c) => {
    const t = people.find((p) => holders.some((h) => h.classId === c.id && h.userId === p.id));
    return { classId: c.id, className: c.name, teacherName: t?.name ?? null, phone: kept.find((k) => k.classId === c.id)?.phone ?? t?.phone ?? null };
  });
}

type RequestRow = typeof fivePhoneRequests.$inferSelect;

/** Requests as the API answers them, with the child's and decider's names. */
export async function requestViews(q: Queryable, rows: readonly RequestRow[], names: Map<string, { name: string; className: string }>, date: LocalDate): Promise<PhoneRequest[]> {
  const deciders = [...new Set(rows.map((r) => r.decidedBy).filter((x): x is string => !!x))];
  const people = deciders.length ? await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciders)) : [];
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    studentName: names.get(r.studentId)?.name ?? '',
    classId: r.classId,
    className: names.get(r.studentId)?.className ?? '',
    status: r.status,
    expired: r.status === 'approved' && approvalExpired(r.validUntil, date),
    reason: r.reason,
    undertaking: r.undertaking,
    undertakingHash: r.undertakingHash,
    validUntil: r.validUntil,
    filedAt: r.filedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: people.find((p) => p.id === r.decidedBy)?.name ?? null,
    decisionNote: r.decisionNote,
    revokedReason: r.revokedReason,
    policyVersions: r.policyVersions,
  }));
}

/** The semester period a date falls in, for the phoneApproved figure (null outside every semester). */
export async function semesterPeriodAt(q: Queryable, districtId: string, date: LocalDate): Promise<string | null> {
  const s = semesterAt(await semestersOf(q, districtId), date);
  return s ? semesterPeriod(s.id) : null;
}

/**
 * Recomputes a class's phoneKept figure for a day (phones handed in / approved phones valid that day), set-based, in
 * the write's transaction.
 */
export async function refreshKept(tx: Queryable, districtId: string, schoolId: string, classId: string, date: LocalDate): Promise<void> {
  const R = fivePhoneRequests;
  const M = fivePhoneMarks;
  const [row] = await tx
    .select({
      den: sql<number>`count(*)::int`,
      num: sql<number>`count(*) filter (where exists (select 1 from ${M} where ${M.districtId} = ${R.districtId} and ${M.requestId} = ${R.id} and ${M.date} = ${date} and ${M.handedIn}))::int`,
    })
    .from(R)
    .where(and(eq(R.districtId, districtId), eq(R.classId, classId), eq(R.status, 'approved'), sql`${R.validUntil} >= ${date}`, sql`${R.decidedOn} <= ${date}`));
  await setIndicators(tx, [{ districtId, indicator: FIVE_INDICATORS.phoneKept, period: dayPeriod(date), schoolId, classId, num: Number(row?.num ?? 0), den: Number(row?.den ?? 0) }]);
}

/** The school's rule page (staff): the rule in force and every class's hotline. */
export async function schoolPhoneRule(ctx: Ctx, schoolId: string) {
  requirePermission(ctx, 'five-managements.read');
  const C = classDirectory;
  const classes = await ctx.db
    .select({ id: C.id, name: C.name, schoolName: C.schoolName })
    .from(C)
    .where(and(scoped(ctx, C, 'five-managements.read'), eq(C.schoolId, schoolId)))
    .orderBy(asc(C.grade), asc(C.name));
  if (!classes.length) throw notFound('学校');
  return { schoolId, schoolName: classes[0]!.schoolName, rule: await phoneRuleAt(ctx.db, ctx.user.districtId, today(ctx)), hotlines: await hotlinesOf(ctx.db, ctx.user.districtId, classes) };
}

/** Who to tell of a request: the class's class teachers. */
export const classTeachersOf = (q: Queryable, districtId: string, classId: string) => roleHolders(q, districtId, 'class_teacher', { classId });
