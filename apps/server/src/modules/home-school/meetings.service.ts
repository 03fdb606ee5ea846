/**
 * 家长会 and 家长教育大讲堂 of a class: the semester's meetings (planned, then held with each family's attendance and
 * the minutes) and the class teacher's weekly online lectures, against the meeting rule in force (cited).
 */
import { type ClassMeetings, HS_INDICATORS } from '@shuangjian/contracts';
import { addDays, meetingsMet, weekStart } from '@shuangjian/policy';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ClassLectureInput, MeetingDetail, MeetingHeldInput, MeetingInput } from '@shuangjian/contracts';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { conflict, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { guardiansOfStudents, studentDirectory, visibleClass } from '../org';
import { currentSemester, semesterOf } from './home-school.repo';
import { homeSchoolPolicy, versionOf } from './home-school.policy';
import { hsClassLectures, hsMeetingAttendance, hsMeetings } from './meetings.schema';

type Out<T extends z.ZodType> = z.output<T>;

async function classPupils(ctx: Ctx, classId: string) {
  const S = studentDirectory;
  return ctx.db
    .select({ id: S.id, name: S.name })
    .from(S)
    .where(and(eq(S.districtId, ctx.user.districtId), eq(S.classId, classId), eq(S.status, 'active')))
    .orderBy(asc(S.studentNo));
}

export async function classMeetings(ctx: Ctx, classId: string): Promise<ClassMeetings> {
  requirePermission(ctx, 'home-school.read');
  const c = await visibleClass(ctx, classId, 'home-school.read');
  const day = today(ctx);
  const semester = await currentSemester(ctx.db, ctx.user.districtId, day);
  const { values, versions } = await homeSchoolPolicy(ctx.db, ctx.user.districtId, day);
  const rule = values['home-school.meetings'];
  const M = hsMeetings;
  const meetings = await ctx.db
    .select({
      id: M.id,
      classId: M.classId,
      title: M.title,
      date: M.date,
      place: M.place,
      status: M.status,
      minutes: M.minutes,
      families: sql<number>`(select count(*)::int from hs_meeting_attendance a where a.district_id = ${M.districtId} and a.meeting_id = ${M.id})`,
      attended: sql<number>`(select count(*)::int from hs_meeting_attendance a where a.district_id = ${M.districtId} and a.meeting_id = ${M.id} and a.attended)`,
    })
    .from(M)
    .where(and(scoped(ctx, M, 'home-school.read'), eq(M.classId, c.id), semester ? eq(M.semesterId, semester.id) : undefined))
    .orderBy(desc(M.date));
  const L = hsClassLectures;
  const lectures = await ctx.db
    .select()
    .from(L)
    .where(and(scoped(ctx, L, 'home-school.read'), eq(L.classId, c.id), semester ? eq(L.semesterId, semester.id) : undefined))
    .orderBy(desc(L.date));
  const held = meetings.filter((m) => m.status === 'held').length;
  const ws = weekStart(day);
  const thisWeek = lectures.filter((l) => l.date >= ws && l.date <= addDays(ws, 6)).length;
  return {
    classId: c.id,
    className: c.name,
    semester: semester ? { id: semester.id, name: semester.name } : null,
    rule: { rule: 'home-school.meetings', ...rule, policyVersions: versionOf(versions, 'home-school.meetings') },
    meetingsHeld: held,
    meetingsDue: !meetingsMet(held, rule),
    lectureThisWeek: thisWeek >= rule.classLecturesPerWeek,
    meetings: meetings.map((m) => ({ ...m, className: c.name, schoolName: c.schoolName, families: Number(m.families), attended: Number(m.attended) })),
    lectures: lectures.map((l) => ({ id: l.id, classId: l.classId, className: c.name, topic: l.topic, date: l.date, link: l.link, joined: l.joined })),
  };
}

/** Plans a parent meeting; the class's parents are told. */
export async function createMeeting(ctx: Ctx, input: Out<typeof MeetingInput>) {
  requirePermission(ctx, 'home-school.meeting');
  const c = await visibleClass(ctx, input.classId, 'home-school.meeting');
  const semester = await semesterOf(ctx.db, ctx.user.districtId, input.date);
  const pupils = await classPupils(ctx, c.id);
  const parents = (await guardiansOfStudents(ctx.db, ctx.user.districtId, pupils.map((p) => p.id))).map((g) => g.userId).filter((id): id is string => !!id);
  const id = await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(hsMeetings)
      .values({ districtId: ctx.user.districtId, schoolId: c.schoolId, classId: c.id, semesterId: semester?.id ?? null, title: input.title, date: input.date, place: input.place, createdBy: ctx.user.id })
      .returning({ id: hsMeetings.id });
    await audit(tx, ctx.actor, { action: 'home-school.meeting.plan', entity: 'hs_meeting', entityId: m!.id, after: input });
    await notify(tx, ctx.user.districtId, parents, { kind: 'home-school.meeting', title: `${c.name}家长会：${input.title}`, body: `${input.date}${input.place ? ` · ${input.place}` : ''}`, link: '/home-school/family' }, ctx.channels);
    return m!.id;
  });
  return meetingDetail(ctx, id);
}

export async function meetingDetail(ctx: Ctx, id: string): Promise<Out<typeof MeetingDetail>> {
  requirePermission(ctx, 'home-school.read');
  const M = hsMeetings;
  const [m] = await ctx.db.select().from(M).where(and(scoped(ctx, M, 'home-school.read'), eq(M.id, id)));
  if (!m) throw notFound('家长会');
  const c = await visibleClass(ctx, m.classId, 'home-school.read');
  const pupils = await classPupils(ctx, m.classId);
  const A = hsMeetingAttendance;
  const marks = await ctx.db.select().from(A).where(and(eq(A.districtId, m.districtId), eq(A.meetingId, m.id)));
  const attendance = pupils.map((p) => ({ studentId: p.id, name: p.name, attended: marks.find((a) => a.studentId === p.id)?.attended ?? null }));
  return {
    id: m.id,
    classId: m.classId,
    className: c.name,
    schoolName: c.schoolName,
    title: m.title,
    date: m.date,
    place: m.place,
    status: m.status,
    minutes: m.minutes,
    families: marks.length,
    attended: marks.filter((a) => a.attended).length,
    attendance,
  };
}

/** Records a meeting as held: the minutes and every family's attendance (held once; the class's figure moves). */
export async function holdMeeting(ctx: Ctx, id: string, input: Out<typeof MeetingHeldInput>) {
  requirePermission(ctx, 'home-school.meeting');
  const M = hsMeetings;
  const [m] = await ctx.db.select().from(M).where(and(scoped(ctx, M, 'home-school.meeting'), eq(M.id, id)));
  if (!m) throw notFound('家长会');
  if (m.status === 'held') throw conflict('该家长会已登记为召开');
  if (m.date > today(ctx)) throw ruleViolation(`家长会日期 ${m.date} 还没到，召开后再登记出勤`, { field: 'date' });
  const pupils = await classPupils(ctx, m.classId);
  const unknown = input.attended.filter((s) => !pupils.some((p) => p.id === s));
  if (unknown.length) throw ruleViolation('出勤名单中有不属于本班的学生', { field: 'attended', ids: unknown });
  await ctx.db.transaction(async (tx) => {
    if (pupils.length)
      await tx.insert(hsMeetingAttendance).values(pupils.map((p) => ({ districtId: m.districtId, meetingId: m.id, studentId: p.id, attended: input.attended.includes(p.id) })));
    await tx.update(M).set({ status: 'held', minutes: input.minutes }).where(and(eq(M.districtId, m.districtId), eq(M.id, m.id)));
    if (m.semesterId)
      await bumpIndicators(tx, [{ districtId: m.districtId, schoolId: m.schoolId, classId: m.classId, indicator: HS_INDICATORS.meetingsHeld, period: semesterPeriod(m.semesterId), num: 1, den: 0 }]);
    await audit(tx, ctx.actor, { action: 'home-school.meeting.held', entity: 'hs_meeting', entityId: m.id, after: { attended: input.attended.length, families: pupils.length } });
  });
  return meetingDetail(ctx, id);
}

/** Records the week's online parent lecture (家长教育大讲堂) of a class, after it took place. */
export async function addClassLecture(ctx: Ctx, input: Out<typeof ClassLectureInput>) {
  requirePermission(ctx, 'home-school.meeting');
  const c = await visibleClass(ctx, input.classId, 'home-school.meeting');
  if (input.date > today(ctx)) throw ruleViolation(`大讲堂日期 ${input.date} 晚于今天：讲完后再登记`, { field: 'date' });
  const semester = await semesterOf(ctx.db, ctx.user.districtId, input.date);
  await ctx.db.transaction(async (tx) => {
    const [l] = await tx
      .insert(hsClassLectures)
      .values({ districtId: ctx.user.districtId, schoolId: c.schoolId, classId: c.id, semesterId: semester?.id ?? null, topic: input.topic, date: input.date, link: input.link, joined: input.joined, createdBy: ctx.user.id })
      .returning({ id: hsClassLectures.id });
    if (semester)
      await bumpIndicators(tx, [{ districtId: ctx.user.districtId, schoolId: c.schoolId, classId: c.id, indicator: HS_INDICATORS.classLectures, period: semesterPeriod(semester.id), num: 1, den: 0 }]);
    await audit(tx, ctx.actor, { action: 'home-school.class-lecture.record', entity: 'hs_class_lecture', entityId: l!.id, after: input });
  });
  return classMeetings(ctx, c.id);
}
