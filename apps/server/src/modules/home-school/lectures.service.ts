/**
 * 家长学校: the district's and schools' family-education lectures. The district administrator creates district
 * lectures, a school's administrator the school's; parents sign up on the phone for a child's lecture (the count is
 * raised only while below capacity, in one statement, so a lecture is never over-full), cancel, and are marked
 * attended or not after it.
 */
import { type FamilyUpcoming, HS_INDICATORS, type Lecture } from '@shuangjian/contracts';
import type { LectureInput } from '@shuangjian/contracts';
import { lectureHasRoom } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, defineScope, districtWide, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { conflict, forbidden, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { addDays } from '@shuangjian/policy';
import { schoolDirectory, studentDirectory } from '../org';
import { semesterOf, userNames } from './home-school.repo';
import { hsClassLectures, hsLectures, hsLectureSignups, hsMeetings } from './meetings.schema';

defineScope(hsLectures, { district: hsLectures.districtId, school: hsLectures.schoolId, nullable: ['school'] });

type LectureRow = typeof hsLectures.$inferSelect;

async function toLectures(ctx: Ctx, rows: LectureRow[]): Promise<Lecture[]> {
  const schoolIds = [...new Set(rows.map((r) => r.schoolId).filter((s): s is string => !!s))];
  const D = schoolDirectory;
  const names = schoolIds.length ? new Map((await ctx.db.select({ id: D.id, name: D.name }).from(D).where(and(eq(D.districtId, ctx.user.districtId), inArray(D.id, schoolIds)))).map((s) => [s.id, s.name])) : new Map<string, string>();
  const ids = rows.map((r) => r.id);
  const S = hsLectureSignups;
  const attended = ids.length
    ? await ctx.db.select({ lectureId: S.lectureId, n: sql<number>`count(*) filter (where ${S.attended})::int` }).from(S).where(and(eq(S.districtId, ctx.user.districtId), inArray(S.lectureId, ids))).groupBy(S.lectureId)
    : [];
  return rows.map((r) => ({
    id: r.id,
    level: r.schoolId ? 'school' : 'district',
    schoolId: r.schoolId,
    schoolName: r.schoolId ? (names.get(r.schoolId) ?? null) : null,
    title: r.title,
    speaker: r.speaker,
    date: r.date,
    time: r.time,
    place: r.place,
    link: r.link,
    capacity: r.capacity,
    grades: r.grades,
    signedUp: r.signedUp,
    attended: Number(attended.find((a) => a.lectureId === r.id)?.n ?? 0),
    held: !!r.heldAt,
  }));
}

/** Lectures the staff member or district sees: the district's and their schools'. */
export async function listLectures(ctx: Ctx): Promise<{ items: Lecture[] }> {
  requirePermission(ctx, 'home-school.read');
  const L = hsLectures;
  const rows = await ctx.db.select().from(L).where(scoped(ctx, L, 'home-school.read')).orderBy(desc(L.date)).limit(200);
  return { items: await toLectures(ctx, rows) };
}

export async function createLecture(ctx: Ctx, input: z.output<typeof LectureInput>) {
  requirePermission(ctx, 'home-school.lecture.manage');
  if (!input.schoolId) {
    if (!districtWide(ctx, 'home-school.lecture.manage')) throw forbidden('区级讲座由区教育局创建；学校请选择本校');
  } else {
    const D = schoolDirectory;
    const [school] = await ctx.db.select({ id: D.id, zoneId: D.zoneId }).from(D).where(and(scoped(ctx, D, 'home-school.read'), eq(D.id, input.schoolId)));
    if (!school) throw notFound('学校');
    requireAllowed(ctx, 'home-school.lecture.manage', { districtId: ctx.user.districtId, zone: school.zoneId, school: school.id });
  }
  if (input.date < today(ctx)) throw ruleViolation(`讲座日期 ${input.date} 已过：请安排今天或以后的讲座`, { field: 'date' });
  const semester = await semesterOf(ctx.db, ctx.user.districtId, input.date);
  const row = await ctx.db.transaction(async (tx) => {
    const [l] = await tx
      .insert(hsLectures)
      .values({ districtId: ctx.user.districtId, schoolId: input.schoolId, semesterId: semester?.id ?? null, title: input.title, speaker: input.speaker, date: input.date, time: input.time, place: input.place, link: input.link, capacity: input.capacity, grades: [...new Set(input.grades)].sort((a, b) => a - b), createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'home-school.lecture.create', entity: 'hs_lecture', entityId: l!.id, after: input });
    return l!;
  });
  return (await toLectures(ctx, [row]))[0]!;
}

async function visibleLecture(ctx: Ctx, id: string, permission: 'home-school.read' | 'home-school.lecture.manage' | 'home-school.family') {
  const L = hsLectures;
  const [row] = await ctx.db.select().from(L).where(and(scoped(ctx, L, permission), eq(L.id, id)));
  if (!row) throw notFound('讲座');
  return row;
}

export async function lectureDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, 'home-school.lecture.manage');
  const row = await visibleLecture(ctx, id, 'home-school.lecture.manage');
  const S = hsLectureSignups;
  // a school's administrator sees the sign-ups of the school's families only (a district lecture has others too)
  const signups = await ctx.db.select().from(S).where(and(eq(S.districtId, row.districtId), eq(S.lectureId, id), scoped(ctx, S, 'home-school.lecture.manage'))).orderBy(asc(S.createdAt));
  const names = await userNames(ctx.db, ctx.user.districtId, signups.map((s) => s.userId));
  const SD = studentDirectory;
  const pupils = signups.length ? await ctx.db.select({ id: SD.id, name: SD.name, className: SD.className }).from(SD).where(and(eq(SD.districtId, ctx.user.districtId), inArray(SD.id, signups.map((s) => s.studentId)))) : [];
  const [lecture] = await toLectures(ctx, [row]);
  return {
    ...lecture!,
    signups: signups.map((s) => {
      const p = pupils.find((x) => x.id === s.studentId);
      return { userId: s.userId, name: names.get(s.userId) ?? '', studentName: p ? `${p.name}（${p.className}）` : '', attended: s.attended };
    }),
  };
}

/** After the lecture: who attended (the others signed up are marked absent); the schools' attendance figures move. */
export async function markLectureAttendance(ctx: Ctx, id: string, input: { attended: string[] }) {
  requirePermission(ctx, 'home-school.lecture.manage');
  const row = await visibleLecture(ctx, id, 'home-school.lecture.manage');
  if (row.schoolId === null && !districtWide(ctx, 'home-school.lecture.manage')) throw forbidden('区级讲座的出勤由区教育局登记');
  if (row.date > today(ctx)) throw ruleViolation(`讲座 ${row.date} 还没举办，举办后再登记出勤`, { field: 'date' });
  if (row.heldAt) throw conflict('该讲座已登记出勤');
  const S = hsLectureSignups;
  const signups = await ctx.db.select().from(S).where(and(eq(S.districtId, row.districtId), eq(S.lectureId, id)));
  const unknown = input.attended.filter((u) => !signups.some((s) => s.userId === u));
  if (unknown.length) throw ruleViolation('出勤名单中有未报名的家长', { field: 'attended', ids: unknown });
  await ctx.db.transaction(async (tx) => {
    await tx.update(S).set({ attended: sql`${S.userId} in (${sql.join(input.attended.length ? input.attended.map((u) => sql`${u}::uuid`) : [sql`null::uuid`], sql`, `)})` }).where(and(eq(S.districtId, row.districtId), eq(S.lectureId, id)));
    await tx.update(hsLectures).set({ heldAt: ctx.now() }).where(and(eq(hsLectures.districtId, row.districtId), eq(hsLectures.id, id)));
    if (row.semesterId) {
      const period = semesterPeriod(row.semesterId);
      const perSchool = new Map<string, { num: number; den: number }>();
      for (const s of signups) {
        const f = perSchool.get(s.schoolId) ?? { num: 0, den: 0 };
        f.den += 1;
        if (input.attended.includes(s.userId)) f.num += 1;
        perSchool.set(s.schoolId, f);
      }
      await bumpIndicators(tx, [
        ...[...perSchool].map(([schoolId, f]) => ({ districtId: row.districtId, schoolId, classId: null, indicator: HS_INDICATORS.lectureAttendance, period, ...f })),
        ...(row.schoolId ? [{ districtId: row.districtId, schoolId: row.schoolId, classId: null, indicator: HS_INDICATORS.lecturesHeld, period, num: 1, den: 0 }] : []),
      ]);
    }
    await audit(tx, ctx.actor, { action: 'home-school.lecture.attendance', entity: 'hs_lecture', entityId: id, after: { attended: input.attended.length, signedUp: signups.length } });
  });
  return lectureDetail(ctx, id);
}

/** The family's children (as the parent's grants reach them). */
async function children(ctx: Ctx) {
  const SD = studentDirectory;
  return ctx.db
    .select({ id: SD.id, name: SD.name, classId: SD.classId, className: SD.className, grade: SD.grade, schoolId: SD.schoolId })
    .from(SD)
    .where(and(scoped(ctx, SD, 'home-school.family'), eq(SD.status, 'active')));
}

const openTo = (kids: { schoolId: string; grade: number }[]) => (l: LectureRow) =>
  kids.some((k) => (l.schoolId === null || l.schoolId === k.schoolId) && (l.grades.length === 0 || l.grades.includes(Number(k.grade))));

export async function familyUpcoming(ctx: Ctx): Promise<FamilyUpcoming> {
  requirePermission(ctx, 'home-school.family');
  const kids = await children(ctx);
  const day = today(ctx);
  if (!kids.length) return { meetings: [], classLectures: [], lectures: [] };
  const classIds = kids.map((k) => k.classId);
  const className = (id: string) => kids.find((k) => k.classId === id)?.className ?? '';
  const M = hsMeetings;
  const meetings = await ctx.db.select().from(M).where(and(eq(M.districtId, ctx.user.districtId), inArray(M.classId, classIds), eq(M.status, 'planned'), gte(M.date, day))).orderBy(asc(M.date));
  const CL = hsClassLectures;
  const classLectures = await ctx.db.select().from(CL).where(and(eq(CL.districtId, ctx.user.districtId), inArray(CL.classId, classIds), gte(CL.date, addDays(day, -13)))).orderBy(desc(CL.date));
  const L = hsLectures;
  const schoolIds = [...new Set(kids.map((k) => k.schoolId))];
  const rows = (await ctx.db.select().from(L).where(and(eq(L.districtId, ctx.user.districtId), gte(L.date, day), or(isNull(L.schoolId), inArray(L.schoolId, schoolIds)) as SQL)).orderBy(asc(L.date))).filter(
    openTo(kids.map((k) => ({ schoolId: k.schoolId, grade: Number(k.grade) }))),
  );
  const S = hsLectureSignups;
  const mine = rows.length ? await ctx.db.select({ lectureId: S.lectureId }).from(S).where(and(eq(S.districtId, ctx.user.districtId), eq(S.userId, ctx.user.id), inArray(S.lectureId, rows.map((r) => r.id)))) : [];
  const lectures = await toLectures(ctx, rows);
  return {
    meetings: meetings.map((m) => ({ id: m.id, className: className(m.classId), title: m.title, date: m.date, place: m.place })),
    classLectures: classLectures.map((l) => ({ id: l.id, className: className(l.classId), topic: l.topic, date: l.date, link: l.link })),
    lectures: lectures.map((l) => ({ ...l, signedUpMe: mine.some((m) => m.lectureId === l.id), full: !lectureHasRoom(l.signedUp, l.capacity) })),
  };
}

export async function signUp(ctx: Ctx, id: string, input: { studentId: string }) {
  requirePermission(ctx, 'home-school.family');
  const kids = await children(ctx);
  const kid = kids.find((k) => k.id === input.studentId);
  if (!kid) throw notFound('孩子');
  const L = hsLectures;
  const [row] = await ctx.db.select().from(L).where(and(eq(L.districtId, ctx.user.districtId), eq(L.id, id)));
  if (!row || !openTo([{ schoolId: kid.schoolId, grade: Number(kid.grade) }])(row)) throw notFound('讲座');
  if (row.date < today(ctx) || row.heldAt) throw ruleViolation('讲座已举办，不能再报名', { field: 'lectureId' });
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(hsLectureSignups)
      .values({ districtId: ctx.user.districtId, lectureId: id, userId: ctx.user.id, studentId: kid.id, schoolId: kid.schoolId })
      .onConflictDoNothing()
      .returning({ userId: hsLectureSignups.userId });
    if (!inserted.length) throw conflict('您已报名该讲座');
    // one statement: the count rises only while below capacity, so concurrent sign-ups never overfill it
    const raised = await tx.update(L).set({ signedUp: sql`${L.signedUp} + 1` }).where(and(eq(L.districtId, ctx.user.districtId), eq(L.id, id), lt(L.signedUp, L.capacity))).returning({ n: L.signedUp });
    if (!raised.length) throw conflict(`讲座名额已满（${row.capacity} 个）`, { capacity: row.capacity });
    await audit(tx, ctx.actor, { action: 'home-school.lecture.signup', entity: 'hs_lecture', entityId: id, after: { studentId: kid.id } });
  });
  return familyUpcoming(ctx);
}

export async function cancelSignUp(ctx: Ctx, id: string) {
  requirePermission(ctx, 'home-school.family');
  const L = hsLectures;
  const [row] = await ctx.db.select().from(L).where(and(eq(L.districtId, ctx.user.districtId), eq(L.id, id)));
  if (!row) throw notFound('讲座');
  if (row.heldAt || row.date < today(ctx)) throw ruleViolation('讲座已举办，不能取消报名');
  await ctx.db.transaction(async (tx) => {
    const S = hsLectureSignups;
    const gone = await tx.delete(S).where(and(eq(S.districtId, ctx.user.districtId), eq(S.lectureId, id), eq(S.userId, ctx.user.id))).returning({ userId: S.userId });
    if (!gone.length) throw notFound('报名');
    await tx.update(L).set({ signedUp: sql`${L.signedUp} - 1` }).where(and(eq(L.districtId, ctx.user.districtId), eq(L.id, id)));
    await audit(tx, ctx.actor, { action: 'home-school.lecture.cancel', entity: 'hs_lecture', entityId: id });
  });
  return familyUpcoming(ctx);
}
