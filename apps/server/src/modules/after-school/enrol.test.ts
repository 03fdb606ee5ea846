/**
 * 选课 through the API: the school opens a window, the family signs the agreement and chooses for their own child
 * (seats, waiting list, time conflicts, clubs limit, grade), withdraws and a waiter is seated and told, the lottery is
 * drawn from a published seed that recomputes, rosters for staff; and the refusals (another family's child, another
 * school's course, outside the window, bad input).
 */
import { drawOrder } from '@shuangjian/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { type EnrolStage, makeCourse, stageEnrol } from '../../../test/fixtures/after-school-enrol';

let w: World;
let s: EnrolStage;
let parent: string;
let principal: string;
let sibling: string;
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);
const HOUR = 3600_000;
const at = (ms: number) => new Date(w.clock.current.getTime() + ms).toISOString();
const view = (studentId = s.child.id) => call(w.app, parent, 'GET', `/api/after-school/children/${studentId}/enrol`);
const choose = (courseId: string, studentId = s.child.id) => call(w.app, parent, 'POST', `/api/after-school/children/${studentId}/choices`, { courseId });
const served = async () => Number((await q<{ n: number }>(`select students_served as n from after_school_school_stats where district_id = $1 and school_id = $2 and semester_id = $3`, [s.districtId, s.schoolId, s.semesterId]))[0]?.n ?? 0);

async function sign(studentId = s.child.id) {
  const v = (await view(studentId)).body;
  return call(w.app, parent, 'POST', `/api/after-school/children/${studentId}/agreement`, { textHash: v.agreement.textHash });
}

const courses: Record<string, string> = {};

/** Moves the test clock; sessions idle that long are over, so everyone signs in again. */
async function advance(ms: number) {
  w.clock.advance(ms);
  parent = await w.login('demo-parent');
  principal = await w.login('demo-principal');
}

beforeAll(async () => {
  w = await createWorld();
  s = await stageEnrol(w);
  // a second child of demo-parent in the same school (a sibling), linked before the first sign-in
  const [other] = await q<{ id: string }>(
    `select s.id from students s join classes c on c.district_id = s.district_id and c.id = s.class_id
     where s.district_id = $1 and s.school_id = $2 and c.grade = 3 and s.id <> $3 order by s.student_no limit 1`,
    [s.districtId, s.schoolId, s.child.id],
  );
  sibling = other!.id;
  await q(
    `insert into guardian_links (district_id, guardian_id, student_id, relation)
     select l.district_id, l.guardian_id, $2, l.relation from guardian_links l join guardians g on g.district_id = l.district_id and g.id = l.guardian_id
     join users u on u.district_id = g.district_id and u.id = g.user_id where l.district_id = $1 and l.student_id = $3 and u.username = 'demo-parent'`,
    [s.districtId, sibling, s.child.id],
  );
  parent = await w.login('demo-parent');
  principal = await w.login('demo-principal');
  courses.homework = await makeCourse(w, s, { name: '测试作业辅导', category: 'homework', weekdays: [1, 2, 3, 4, 5], start: '15:40', end: '16:40', capacity: 500 });
  courses.football = await makeCourse(w, s, { name: '测试足球', weekdays: [1, 3] });
  courses.choir = await makeCourse(w, s, { name: '测试合唱', weekdays: [3, 5], start: '17:00', end: '18:00' });
  courses.chess = await makeCourse(w, s, { name: '测试围棋', weekdays: [2] });
  courses.art = await makeCourse(w, s, { name: '测试美术', weekdays: [4] });
  courses.single = await makeCourse(w, s, { name: '测试航模', weekdays: [5], capacity: 1 });
  courses.senior = await makeCourse(w, s, { name: '测试高年级辩论', weekdays: [5], grades: [5, 6] });
  courses.elsewhere = await makeCourse(w, { ...s, schoolId: s.otherSchoolId }, { name: '测试外校课程', weekdays: [2] });
}, 180_000);
afterAll(() => w.close());

describe('the school opens a window', () => {
  it('refuses bad input and windows that do not belong to it', async () => {
    const bad = await call(w.app, principal, 'POST', '/api/after-school/windows', { schoolId: s.schoolId, semesterId: s.semesterId, opensAt: at(HOUR), closesAt: at(-HOUR), mode: 'first_come', maxClubs: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('截止时间');
    const foreign = await call(w.app, principal, 'POST', '/api/after-school/windows', { schoolId: s.otherSchoolId, semesterId: s.semesterId, opensAt: at(-HOUR), closesAt: at(HOUR), mode: 'first_come', maxClubs: 2 });
    expect(foreign.status).toBe(404);
    const byParent = await call(w.app, parent, 'POST', '/api/after-school/windows', { schoolId: s.schoolId, semesterId: s.semesterId, opensAt: at(-HOUR), closesAt: at(HOUR), mode: 'first_come', maxClubs: 2 });
    expect(byParent.status).toBe(403);
  });

  it('opens a first-come window and refuses an overlapping one', async () => {
    const ok = await call(w.app, principal, 'POST', '/api/after-school/windows', { schoolId: s.schoolId, semesterId: s.semesterId, opensAt: at(HOUR), closesAt: at(48 * HOUR), mode: 'first_come', maxClubs: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('upcoming');
    const again = await call(w.app, principal, 'POST', '/api/after-school/windows', { schoolId: s.schoolId, semesterId: s.semesterId, opensAt: at(2 * HOUR), closesAt: at(3 * HOUR), mode: 'lottery', maxClubs: 2 });
    expect(again.status).toBe(409);
    const list = await call(w.app, principal, 'GET', `/api/after-school/windows?schoolId=${s.schoolId}&semesterId=${s.semesterId}`);
    expect(list.body.some((x: { id: string }) => x.id === ok.body.id)).toBe(true);
  });
});

describe('the family chooses for their own child', () => {
  it('sees the courses of the child’s grade with seats left, and the agreement to sign', async () => {
    const v = await view();
    expect(v.status).toBe(200);
    expect(v.body.student.name).toBe('张小明');
    const names = v.body.courses.map((c: { name: string }) => c.name);
    expect(names).toContain('测试足球');
    expect(names).not.toContain('测试高年级辩论');
    expect(names).not.toContain('测试外校课程');
    expect(names[0]).not.toBe('测试足球'); // homework help first
    expect(v.body.agreement.signed).toBe(false);
    expect(v.body.agreement.text).toContain('自愿');
    expect(v.body.agreement.text).toContain('每月 300.00 元');
    expect(v.body.agreement.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.body.window.state).toBe('upcoming');
  });

  it('refuses a choice before the window opens', async () => {
    const r = await choose(courses.football!);
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('尚未开始');
  });

  it('refuses a choice without a signed agreement, and a stale agreement text', async () => {
    await advance(2 * HOUR);
    const r = await choose(courses.football!);
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('协议');
    const stale = await call(w.app, parent, 'POST', `/api/after-school/children/${s.child.id}/agreement`, { textHash: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    const bad = await call(w.app, parent, 'POST', `/api/after-school/children/${s.child.id}/agreement`, { textHash: 'nope' });
    expect(bad.status).toBe(400);
  });

  it('signs, then takes a seat; seats left and students served move', async () => {
    const before = await served();
    expect((await sign()).status).toBe(200);
    const [row] = await q<{ text_hash: string }>(`select text_hash from after_school_agreements where district_id = $1 and student_id = $2`, [s.districtId, s.child.id]);
    expect(row!.text_hash).toMatch(/^[0-9a-f]{64}$/);
    const r = await choose(courses.football!);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ courseId: courses.football, status: 'enrolled', waitPosition: null });
    const c = (await view()).body.courses.find((x: { id: string }) => x.id === courses.football);
    expect(c).toMatchObject({ status: 'enrolled', seatsLeft: 29 });
    expect(await served()).toBe(before + 1);
    expect((await choose(courses.homework!)).body.status).toBe('enrolled');
    expect(await served()).toBe(before + 1);
  });

  it('refuses the same course twice, a time conflict, another grade’s course, a third club', async () => {
    expect((await choose(courses.football!)).status).toBe(409);
    const clash = await choose(courses.choir!);
    expect(clash.status).toBe(422);
    expect(clash.body.message).toBe('与已选的“测试足球”时间冲突（周三）');
    const grade = await choose(courses.senior!);
    expect(grade.status).toBe(422);
    expect(grade.body.details.rule).toBe('after-school.enrol.grade');
    expect((await choose(courses.chess!)).body.status).toBe('enrolled');
    const third = await choose(courses.art!);
    expect(third.status).toBe(422);
    expect(third.body.message).toContain('最多选 2 门');
  });

  it('refuses another family’s child and another school’s course alike (404)', async () => {
    const [stranger] = await q<{ id: string }>(`select id from students where district_id = $1 and school_id = $2 and id not in ($3, $4) limit 1`, [s.districtId, s.schoolId, s.child.id, sibling]);
    for (const r of [
      await view(stranger!.id),
      await choose(courses.art!, stranger!.id),
      await call(w.app, parent, 'POST', `/api/after-school/children/${stranger!.id}/agreement`, { textHash: 'a'.repeat(64) }),
      await call(w.app, parent, 'DELETE', `/api/after-school/children/${stranger!.id}/choices/${courses.football}`),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
    }
    const elsewhere = await choose(courses.elsewhere!);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.message).toContain('课程');
  });

  it('waits when the course is full, and is seated and told when a seat frees up', async () => {
    expect((await sign(sibling)).status).toBe(200);
    await call(w.app, parent, 'DELETE', `/api/after-school/children/${s.child.id}/choices/${courses.chess}`);
    expect((await choose(courses.single!)).body.status).toBe('enrolled');
    const waiting = await choose(courses.single!, sibling);
    expect(waiting.body).toEqual({ courseId: courses.single, status: 'waitlisted', waitPosition: 1 });
    expect((await view(sibling)).body.courses.find((c: { id: string }) => c.id === courses.single)).toMatchObject({ status: 'waitlisted', waitPosition: 1, seatsLeft: 0 });
    const out = await call(w.app, parent, 'DELETE', `/api/after-school/children/${s.child.id}/choices/${courses.single}`);
    expect(out.status).toBe(200);
    expect((await view(sibling)).body.courses.find((c: { id: string }) => c.id === courses.single)).toMatchObject({ status: 'enrolled', seatsLeft: 0 });
    const [seat] = await q<{ enrolled: number }>(`select enrolled from after_school_courses where district_id = $1 and id = $2`, [s.districtId, courses.single]);
    expect(seat!.enrolled).toBe(1);
    const bell = (await call(w.app, parent, 'GET', '/api/notifications')).body;
    expect(JSON.stringify(bell)).toContain('候补成功');
    expect((await call(w.app, parent, 'DELETE', `/api/after-school/children/${s.child.id}/choices/${courses.single}`)).status).toBe(404);
  });

  it('staff see rosters: the school’s administrator every course, a teacher only the courses they run', async () => {
    const r = await call(w.app, principal, 'GET', `/api/after-school/courses/${courses.single}/roster`);
    expect(r.status).toBe(200);
    expect(r.body.enrolled.map((e: { studentId: string }) => e.studentId)).toEqual([sibling]);
    const seats = await call(w.app, principal, 'GET', `/api/after-school/seats?schoolId=${s.schoolId}&semesterId=${s.semesterId}`);
    expect(seats.body.find((c: { id: string }) => c.id === courses.football)).toMatchObject({ capacity: 30, enrolled: 1, waiting: 0 });
    const xlsx = await call(w.app, principal, 'GET', `/api/after-school/courses/${courses.football}/roster/export`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml');
    const teacher = await w.login('demo-teacher');
    expect((await call(w.app, teacher, 'GET', `/api/after-school/courses/${courses.football}/roster`)).status).toBe(403);
    const [me] = await q<{ id: string }>(`select id from users where username = 'demo-teacher'`);
    await q(`update after_school_courses set teacher_ids = array[$2::uuid] where district_id = $1 and id = $3`, [s.districtId, me!.id, courses.football]);
    expect((await call(w.app, teacher, 'GET', `/api/after-school/courses/${courses.football}/roster`)).status).toBe(200);
    expect((await call(w.app, parent, 'GET', `/api/after-school/courses/${courses.football}/roster`)).status).toBe(403);
  });

  it('refuses a choice after the window closed, but a withdrawal is still taken', async () => {
    await advance(48 * HOUR);
    const r = await choose(courses.art!);
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('已结束');
    expect((await call(w.app, parent, 'DELETE', `/api/after-school/children/${s.child.id}/choices/${courses.homework}`)).status).toBe(200);
  });
});

describe('the lottery (摇号)', () => {
  let windowId: string;
  let lucky: string;
  const requesters: string[] = [];

  it('records requests while the window is open, and refuses a draw before it closes', async () => {
    const open = await call(w.app, principal, 'POST', '/api/after-school/windows', { schoolId: s.schoolId, semesterId: s.semesterId, opensAt: at(-HOUR), closesAt: at(HOUR), mode: 'lottery', maxClubs: 3 });
    expect(open.status).toBe(200);
    windowId = open.body.id;
    lucky = await makeCourse(w, s, { name: '测试机器人', weekdays: [4], capacity: 3 });
    const r = await choose(lucky);
    expect(r.body).toEqual({ courseId: lucky, status: 'requested', waitPosition: null });
    requesters.push(s.child.id);
    // nine more children of the school request it (through the table: they are other families')
    const others = await q<{ id: string; class_id: string }>(
      `select s.id, s.class_id from students s where s.district_id = $1 and s.school_id = $2 and s.id not in ($3, $4) order by s.student_no limit 9`,
      [s.districtId, s.schoolId, s.child.id, sibling],
    );
    for (const o of others) {
      await q(
        `insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, window_id, status, position, chosen_by)
         values ($1, $2, $3, $4, $5, $6, 'requested', nextval('after_school_arrival_seq'), $4)`,
        [s.districtId, s.schoolId, o.class_id, o.id, lucky, windowId],
      );
      requesters.push(o.id);
    }
    const early = await call(w.app, principal, 'POST', `/api/after-school/windows/${windowId}/draw`, { seed: 'early' });
    expect(early.status).toBe(422);
  });

  it('draws from the published seed: 3 seated, 7 waiting in draw order, and anyone can recompute it', async () => {
    await advance(2 * HOUR);
    expect((await call(w.app, parent, 'POST', `/api/after-school/windows/${windowId}/draw`, {})).status).toBe(403);
    const r = await call(w.app, principal, 'POST', `/api/after-school/windows/${windowId}/draw`, { seed: '2026秋-实验小学-公证' });
    expect(r.status).toBe(200);
    const drawn = r.body.courses.find((c: { courseId: string }) => c.courseId === lucky);
    expect(drawn.seated).toBe(3);
    expect(drawn.order).toHaveLength(10);
    const ids = await q<{ id: string; student_id: string; status: string }>(`select id, student_id, status from after_school_enrolments where district_id = $1 and course_id = $2 order by position`, [s.districtId, lucky]);
    const recomputed = drawOrder('2026秋-实验小学-公证', lucky, ids).map((e) => e.id);
    expect(drawn.order).toEqual(recomputed);
    expect(ids.map((e) => e.id)).toEqual(recomputed); // places follow the draw order
    expect(ids.slice(0, 3).every((e) => e.status === 'enrolled')).toBe(true);
    expect(ids.slice(3).every((e) => e.status === 'waitlisted')).toBe(true);
    const [seat] = await q<{ enrolled: number }>(`select enrolled from after_school_courses where district_id = $1 and id = $2`, [s.districtId, lucky]);
    expect(seat!.enrolled).toBe(3);
    const published = await call(w.app, principal, 'GET', `/api/after-school/windows/${windowId}/draw`);
    expect(published.body.seed).toBe('2026秋-实验小学-公证');
    expect(published.body.courses.find((c: { courseId: string }) => c.courseId === lucky)).toMatchObject({ order: recomputed, seated: 3 });
    expect((await call(w.app, principal, 'POST', `/api/after-school/windows/${windowId}/draw`, {})).status).toBe(409);
    const roster = (await call(w.app, principal, 'GET', `/api/after-school/courses/${lucky}/roster`)).body;
    expect(roster.waitlisted.map((e: { waitPosition: number }) => e.waitPosition)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('opting out of the whole service', () => {
  it('refuses a date in the past', async () => {
    const r = await call(w.app, parent, 'POST', `/api/after-school/children/${sibling}/opt-out`, { from: '2026-11-01', reason: '家里有人接' });
    expect(r.status).toBe(400);
    expect(r.body.details.fields[0].field).toBe('from');
  });

  it('ends the agreement and every place from the date; the seat goes to the next waiter', async () => {
    const before = await served();
    const r = await call(w.app, parent, 'POST', `/api/after-school/children/${sibling}/opt-out`, { from: '2026-12-01', reason: '家里有人接' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ withdrawn: 1, optOutFrom: '2026-12-01' });
    const v = (await view(sibling)).body;
    expect(v.agreement).toMatchObject({ signed: false, optedOut: true, optOutFrom: '2026-12-01' });
    expect(v.courses.every((c: { status: string | null }) => c.status === null)).toBe(true);
    const [e] = await q<{ ended_from: string }>(`select ended_from::text from after_school_enrolments where district_id = $1 and student_id = $2 and course_id = $3`, [s.districtId, sibling, courses.single]);
    expect(e!.ended_from).toBe('2026-12-01');
    expect(await served()).toBe(before - 1);
    expect((await call(w.app, parent, 'POST', `/api/after-school/children/${sibling}/opt-out`, { from: '2026-12-01', reason: '再次' })).status).toBe(422);
    const audit = await q(`select action from audit_log where district_id = $1 and action like 'after-school.%' order by at`, [s.districtId]).catch(() => q(`select action from audit_log where district_id = $1 and action like 'after-school.%'`, [s.districtId]));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['after-school.agreement.sign', 'after-school.enrol.choose', 'after-school.enrol.withdraw', 'after-school.window.draw', 'after-school.agreement.opt-out']));
  });
});
