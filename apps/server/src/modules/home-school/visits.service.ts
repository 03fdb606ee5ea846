/**
 * 家访: a teacher records a visit to a pupil of a class they teach (checked against the visit rule in force on the
 * visit's date, cited), lists visits, and marks a follow-up done. A visit bumps the class's and school's figures in
 * its own transaction: visits, pupils visited (first visit of the semester), teachers meeting the weekly rule (first
 * counting visit of the week), 重点关注 pupils reaching the semester's minimum.
 */
import { HS_INDICATORS, type Visit, type VisitInput } from '@shuangjian/contracts';
import { checkVisitDate, isFocusPupil, weekStart, addDays } from '@shuangjian/policy';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, type IndicatorFigure, semesterPeriod, weekPeriod } from '../../platform/indicators';
import { classKeys, specialStudents, visibleClass } from '../org';
import { careStaffSchools, pupilsByIds, reachablePupil, semesterOf, shownName, specialReader, userNames } from './home-school.repo';
import { visitRuleAt } from './home-school.policy';
import { hsVisits } from './schema';

type VisitRow = typeof hsVisits.$inferSelect;

function toVisit(r: VisitRow, names: { student: string; teacher: string; className: string }): Visit {
  return {
    id: r.id,
    classId: r.classId,
    className: names.className,
    studentId: r.studentId,
    studentName: names.student,
    teacherId: r.teacherId,
    teacherName: names.teacher,
    asClassTeacher: r.asClassTeacher,
    mode: r.mode,
    date: r.date,
    metRelation: r.metRelation,
    metName: r.metName,
    topics: r.topics as Visit['topics'],
    topicText: r.topicText,
    notes: r.notes,
    followUp: r.followUp,
    followUpDue: r.followUpDue,
    followUpDoneAt: r.followUpDoneAt?.toISOString() ?? null,
    policyVersions: r.policyVersions,
  };
}

/** A read's outcome, kept rather than thrown: the refusals are judged in order, not in the order the reads end. */
const settle = <T>(read: Promise<T>): Promise<PromiseSettledResult<T>> =>
  read.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

const settled = <T>(r: PromiseSettledResult<T>): T => {
  if (r.status === 'rejected') throw r.reason;
  return r.value;
};

export async function recordVisit(ctx: Ctx, input: VisitInput): Promise<Visit> {
  requirePermission(ctx, 'home-school.visit');
  // the reads before the transaction side by side; a refusal is still the class's first, then the pupil's
  const [classRead, pupilRead, ruleRead, semesterRead] = await atOnce(ctx.db,
    () => settle(visibleClass(ctx, input.classId, 'home-school.visit')),
    () => settle(reachablePupil(ctx, input.studentId)),
    () => settle(visitRuleAt(ctx.db, ctx.user.districtId, input.date)),
    () => settle(semesterOf(ctx.db, ctx.user.districtId, input.date)),
  );
  const c = settled(classRead);
  const pupil = settled(pupilRead);
  if (pupil.classId !== c.id) throw notFound('该班学生');
  const day = today(ctx);
  const { rule, versions } = settled(ruleRead);
  const finding = checkVisitDate(input.date, day);
  if (finding) throw ruleViolation(`${finding.message}（规则 ${finding.rule}，版本 ${rule.policyVersions ?? '默认'}）`, { rule: finding.rule, policyVersions: rule.policyVersions });
  if (input.followUpDue && input.followUpDue < input.date) throw ruleViolation('跟进期限不能早于家访日期', { field: 'followUpDue' });
  const asClassTeacher = coveringGrants(ctx, 'home-school.visit', classKeys(c)).some((g) => g.role === 'class_teacher');
  const semester = settled(semesterRead);
  const row = await ctx.db.transaction(async (tx) => {
    const V = hsVisits;
    const ws = weekStart(input.date);
    const [prior] = await tx
      .select({
        pupilSemester: semester ? sql<number>`count(*) filter (where ${V.studentId} = ${pupil.id} and ${V.semesterId} = ${semester.id})::int` : sql<number>`0`,
        teacherWeek: sql<number>`count(*) filter (where ${V.teacherId} = ${ctx.user.id} and ${V.schoolId} = ${c.schoolId} and ${V.date} between ${ws} and ${addDays(ws, 6)} and ${inArray(V.mode, rule.weeklyModes)})::int`,
      })
      .from(V)
      .where(and(eq(V.districtId, ctx.user.districtId), or(eq(V.studentId, pupil.id), eq(V.teacherId, ctx.user.id))));
    const [created] = await tx
      .insert(V)
      .values({
        districtId: ctx.user.districtId,
        schoolId: c.schoolId,
        classId: c.id,
        studentId: pupil.id,
        semesterId: semester?.id ?? null,
        teacherId: ctx.user.id,
        asClassTeacher,
        mode: input.mode,
        date: input.date,
        metRelation: input.metRelation,
        metName: input.metName,
        topics: input.topics,
        topicText: input.topicText,
        notes: input.notes,
        followUp: input.followUp,
        followUpDue: input.followUpDue,
        policyVersions: versions,
      })
      .returning();
    const figures: IndicatorFigure[] = [];
    const at = { districtId: ctx.user.districtId, schoolId: c.schoolId };
    if (semester) {
      const period = semesterPeriod(semester.id);
      figures.push({ ...at, classId: c.id, indicator: HS_INDICATORS.visits, period, num: 1, den: 0 });
      const before = Number(prior?.pupilSemester ?? 0);
      if (before === 0) figures.push({ ...at, classId: c.id, indicator: HS_INDICATORS.pupilsVisited, period, num: 1, den: 0 });
      if (before + 1 === rule.specialMin) {
        const [special] = await specialStudents(tx, ctx.user.districtId, { studentIds: [pupil.id] });
        if (isFocusPupil(special?.flags)) figures.push({ ...at, classId: c.id, indicator: HS_INDICATORS.specialVisited, period, num: 1, den: 0 });
      }
    }
    if (rule.weeklyModes.includes(input.mode) && Number(prior?.teacherWeek ?? 0) === 0)
      figures.push({ ...at, classId: null, indicator: HS_INDICATORS.teachersWeek, period: weekPeriod(input.date), num: 1, den: 0 });
    await bumpIndicators(tx, figures);
    await audit(tx, ctx.actor, {
      action: 'home-school.visit.record',
      entity: 'hs_visit',
      entityId: created!.id,
      after: { studentId: pupil.id, classId: c.id, mode: input.mode, date: input.date, policyVersions: versions },
    });
    return created!;
  });
  return toVisit(row, { student: pupil.name, teacher: ctx.user.name, className: c.name });
}

/** Visits the user may list: their own, and (for readers of special files) their classes' and school's. */
export async function listVisits(ctx: Ctx, query: { classId?: string; mine?: 'true' | 'false' }): Promise<{ items: Visit[] }> {
  requirePermission(ctx, 'home-school.read');
  const V = hsVisits;
  const careSchools = await careStaffSchools(ctx);
  const visible: SQL[] = [and(eq(V.districtId, ctx.user.districtId), eq(V.teacherId, ctx.user.id)) as SQL];
  if (query.mine !== 'true') {
    visible.push(scoped(ctx, V, 'home-school.special.read'));
    if (careSchools.length) visible.push(and(eq(V.districtId, ctx.user.districtId), inArray(V.schoolId, careSchools)) as SQL);
  }
  const rows = await ctx.db
    .select()
    .from(V)
    .where(and(or(...visible), query.classId ? eq(V.classId, query.classId) : undefined))
    .orderBy(desc(V.date), desc(V.createdAt))
    .limit(200);
  return { items: await withNames(ctx, rows, careSchools) };
}

async function withNames(ctx: Ctx, rows: VisitRow[], careSchools: readonly string[]): Promise<Visit[]> {
  const teachers = await userNames(ctx.db, ctx.user.districtId, rows.map((r) => r.teacherId));
  const pupils = await pupilsByIds(ctx, rows.map((r) => r.studentId));
  return rows.map((r) => {
    const p = pupils.get(r.studentId);
    const whole = r.teacherId === ctx.user.id || (!!p && specialReader(ctx, careSchools, p));
    return toVisit(r, { student: shownName(p?.name ?? '—', whole), teacher: teachers.get(r.teacherId) ?? '', className: p?.className ?? '' });
  });
}

/** The visit's teacher marks its follow-up done. */
export async function followUpDone(ctx: Ctx, id: string): Promise<Visit> {
  requirePermission(ctx, 'home-school.visit');
  const V = hsVisits;
  const [row] = await ctx.db.select().from(V).where(and(eq(V.districtId, ctx.user.districtId), eq(V.id, id), eq(V.teacherId, ctx.user.id)));
  if (!row) throw notFound('家访记录');
  if (!row.followUp) throw ruleViolation('这次家访没有跟进事项', { field: 'followUp' });
  if (row.followUpDoneAt) throw ruleViolation('跟进事项已标记完成');
  const updated = await ctx.db.transaction(async (tx) => {
    const [u] = await tx.update(V).set({ followUpDoneAt: ctx.now() }).where(and(eq(V.districtId, row.districtId), eq(V.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'home-school.visit.follow-up', entity: 'hs_visit', entityId: id, after: { done: true } });
    return u!;
  });
  const pupil = await reachablePupil(ctx, row.studentId);
  return toVisit(updated, { student: pupil.name, teacher: ctx.user.name, className: pupil.className });
}

