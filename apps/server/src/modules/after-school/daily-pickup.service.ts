/**
 * 接送: staff sign a child out after the service (who collected them, their relation, when); a family sees its own
 * child's sign-outs; the children who came today and are not yet collected are listed for the staff on duty.
 */
import { ATTENDANCE_EDIT_DAYS, type PickupInput, type PickupPage, type PickupQuery, type PickupView, type Uncollected } from '@shuangjian/contracts';
import { addDays, clockMinutes, type LocalDate } from '@shuangjian/policy';
import { and, count, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { type Ctx, coveringGrants, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { localNow, today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { forbidden, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { pageTotal } from '../../platform/paging';
import { guardiansOfStudents, studentDirectory } from '../org';
import { hhmm, monthDay, ruleOnDate, schoolAdminOf, schoolsWith, userNames } from './daily.repo';
import { afterSchoolPickups } from './daily.schema';
import { afterSchoolAttendance, afterSchoolCourses, afterSchoolSessions } from './schema';

type PickupRow = typeof afterSchoolPickups.$inferSelect;

/** Sign-out rows as people read them: the child's name and class, who recorded it. */
export async function pickupViews(q: Queryable, districtId: string, rows: readonly PickupRow[]): Promise<PickupView[]> {
  if (!rows.length) return [];
  const [children, names] = await atOnce(q,
    () => q
      .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, districtId), inArray(studentDirectory.id, [...new Set(rows.map((r) => r.studentId))]))),
    () => userNames(q, districtId, rows.map((r) => r.recordedBy)),
  );
  const child = new Map(children.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    studentName: child.get(r.studentId)?.name ?? '',
    className: child.get(r.studentId)?.className ?? '',
    date: r.date,
    collectorName: r.collectorName,
    relation: r.relation,
    collectedAt: r.collectedAt.toISOString(),
    recordedByName: names.get(r.recordedBy) ?? '',
    note: r.note,
  }));
}

/**
 * The child as the signer reaches it: a child of a school where the user runs the service (404 otherwise). Staff of
 * the child's class, the school's administrator, or a teacher with the child on a roster of that day may sign out.
 */
async function childToSignOut(ctx: Ctx, studentId: string, date: LocalDate) {
  const schools = schoolsWith(ctx, 'after-school.run');
  const [child] = await ctx.db
    .select()
    .from(studentDirectory)
    .where(
      and(
        eq(studentDirectory.districtId, ctx.user.districtId),
        eq(studentDirectory.id, studentId),
        schools === '*' ? undefined : inArray(studentDirectory.schoolId, schools.length ? schools : [ctx.user.districtId]),
      ),
    );
  if (!child) throw notFound('学生');
  const keys = { districtId: child.districtId, zone: child.zoneId, school: child.schoolId, class: child.classId, student: child.id };
  if (schoolAdminOf(ctx, child.schoolId) || coveringGrants(ctx, 'after-school.run', keys).length) return child;
  const onMyRoster = (await myHeldSessions(ctx, date)).some((s) => s.children.includes(child.id));
  if (!onMyRoster) throw forbidden('只有孩子的班级老师、当天带课的老师或学校管理员可以登记接送');
  return child;
}

/** Held sessions of a date in the courses the user runs (a school administrator: the whole school), with who came. */
async function myHeldSessions(ctx: Ctx, date: LocalDate) {
  const rows = await ctx.db
    .select({ session: afterSchoolSessions, course: afterSchoolCourses })
    .from(afterSchoolSessions)
    .innerJoin(afterSchoolCourses, and(eq(afterSchoolCourses.districtId, afterSchoolSessions.districtId), eq(afterSchoolCourses.id, afterSchoolSessions.courseId)))
    .where(and(scoped(ctx, afterSchoolSessions, 'after-school.run'), eq(afterSchoolSessions.date, date), eq(afterSchoolSessions.status, 'held')));
  const mine = rows.filter((r) => r.course.teacherIds.includes(ctx.user.id) || schoolAdminOf(ctx, r.course.schoolId));
  if (!mine.length) return [];
  const came = await ctx.db
    .select({ sessionId: afterSchoolAttendance.sessionId, studentId: afterSchoolAttendance.studentId })
    .from(afterSchoolAttendance)
    .where(
      and(
        eq(afterSchoolAttendance.districtId, ctx.user.districtId),
        inArray(afterSchoolAttendance.sessionId, mine.map((r) => r.session.id)),
        inArray(afterSchoolAttendance.status, ['present', 'late']),
      ),
    );
  return mine.map((r) => ({ ...r, children: came.filter((c) => c.sessionId === r.session.id).map((c) => c.studentId) }));
}

/** 接送登记: who collected the child and when (now); a correction the same day replaces it. The family is told. */
export async function signOut(ctx: Ctx, input: PickupInput): Promise<PickupView> {
  requirePermission(ctx, 'after-school.run');
  const now = today(ctx);
  const date = input.date ?? now;
  const child = await childToSignOut(ctx, input.studentId, date);
  if (date > now) throw ruleOnDate('还没到这一天，不能登记接送');
  if (date < addDays(now, -ATTENDANCE_EDIT_DAYS)) throw ruleOnDate(`只能登记最近 ${ATTENDANCE_EDIT_DAYS} 天的接送`);
  const row = await ctx.db.transaction(async (tx) => {
    const values = {
      collectorName: input.collectorName,
      relation: input.relation,
      note: input.note ?? null,
      collectedAt: ctx.now(),
      recordedBy: ctx.user.id,
    };
    const [saved] = await tx
      .insert(afterSchoolPickups)
      .values({ ...values, districtId: child.districtId, schoolId: child.schoolId, studentId: child.id, date })
      .onConflictDoUpdate({ target: [afterSchoolPickups.districtId, afterSchoolPickups.studentId, afterSchoolPickups.date], set: values })
      .returning();
    await audit(tx, ctx.actor, {
      action: 'after-school.pickup',
      entity: 'after_school_pickups',
      entityId: saved!.id,
      after: { student: child.name, date, collectorName: input.collectorName, relation: input.relation },
    });
    const guardians = await guardiansOfStudents(tx, child.districtId, [child.id]);
    await notify(
      tx,
      child.districtId,
      guardians.map((g) => g.userId).filter((id): id is string => !!id),
      {
        kind: 'after-school.picked_up',
        title: `${child.name}${monthDay(date)}已由${input.collectorName}（${input.relation}）接走`,
        link: '/after-school/leave',
      },
      ctx.channels,
    );
    return saved!;
  });
  return (await pickupViews(ctx.db, child.districtId, [row]))[0]!;
}

/** Sign-outs, a page at a time with the count of all: a family its own children's (the last 30 days unless a date is given); staff their school's. */
export async function listPickups(ctx: Ctx, query: PickupQuery): Promise<PickupPage> {
  const family = ctx.grants.some((g) => g.role === 'parent');
  if (!family) requirePermission(ctx, 'after-school.run');
  const d = ctx.user.districtId;
  const now = today(ctx);
  const where = and(
    or(scoped(ctx, afterSchoolPickups, 'after-school.family'), scoped(ctx, afterSchoolPickups, 'after-school.run')),
    query.studentId ? eq(afterSchoolPickups.studentId, query.studentId) : undefined,
    query.date ? eq(afterSchoolPickups.date, query.date) : and(gte(afterSchoolPickups.date, addDays(now, -30)), lte(afterSchoolPickups.date, now)),
  );
  // newest first; the id settles ties so pages never overlap
  const found = await ctx.db
    .select({ row: afterSchoolPickups, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(afterSchoolPickups)
    .where(where)
    .orderBy(desc(afterSchoolPickups.date), desc(afterSchoolPickups.collectedAt), desc(afterSchoolPickups.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // past the last page the window has no row to ride on: count apart
  const total = await pageTotal(found, query.page, async () => (await ctx.db.select({ n: count() }).from(afterSchoolPickups).where(where))[0]?.n ?? 0);
  return { items: await pickupViews(ctx.db, d, found.map((f) => f.row)), total };
}

/** Children who came to the user's sessions on a date and are not signed out yet; `ended` once their last session is over. */
export async function uncollected(ctx: Ctx, date?: LocalDate): Promise<Uncollected> {
  requirePermission(ctx, 'after-school.run');
  const day = date ?? today(ctx);
  const sessions = await myHeldSessions(ctx, day);
  const lastByChild = new Map<string, { courseName: string; endTime: string }>();
  for (const s of sessions)
    for (const id of s.children) {
      const known = lastByChild.get(id);
      if (!known || clockMinutes(s.course.endTime) > clockMinutes(known.endTime)) lastByChild.set(id, { courseName: s.course.name, endTime: hhmm(s.course.endTime) });
    }
  const ids = [...lastByChild.keys()];
  if (!ids.length) return { date: day, children: [] };
  const d = ctx.user.districtId;
  const [collected, children] = await atOnce(ctx.db,
    () => ctx.db
      .select({ studentId: afterSchoolPickups.studentId })
      .from(afterSchoolPickups)
      .where(and(eq(afterSchoolPickups.districtId, d), eq(afterSchoolPickups.date, day), inArray(afterSchoolPickups.studentId, ids))),
    () => ctx.db
      .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, d), inArray(studentDirectory.id, ids)))
      .orderBy(studentDirectory.className, studentDirectory.studentNo),
  );
  const done = new Set(collected.map((c) => c.studentId));
  const { date: nowDate, time } = localNow(ctx);
  return {
    date: day,
    children: children
      .filter((c) => !done.has(c.id))
      .map((c) => {
        const last = lastByChild.get(c.id)!;
        return { studentId: c.id, name: c.name, className: c.className, ...last, ended: day < nowDate || (day === nowDate && clockMinutes(time) >= clockMinutes(last.endTime)) };
      }),
  };
}
