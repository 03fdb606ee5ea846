/**
 * Daily running of 课后服务: the teacher's day, attendance in one request (and its re-take, the rollup, absent
 * children's families told), a cancelled session, families' leave, pick-up sign-out, patrols, the monthly
 * assessment and flexible hours, with their refusals. Courses and seats are inserted straight into the core tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

const TODAY = '2026-11-26'; // Thursday; the test clock's date in Asia/Shanghai
let w: World;
let d: string;
let school: string;
let otherSchool: string;
let semester: string;
const user: Record<string, string> = {};
let child: { id: string; classId: string }; // 张小明, demo-parent's child
let classmates: { id: string; class_id: string }[];
let fourthGrader: { id: string; class_id: string };
let courseA: string; // demo-teacher's, 16:00–17:40 every school day
let courseB: string; // same school, another teacher
let courseC: string; // another school

const q = async <T = Record<string, string>>(sql: string, params: unknown[] = []) => w.db.database.query<T>(sql, params);
const login = (name: string) => w.login(name);

async function course(schoolId: string, name: string, teacherIds: string[], times: [string, string] = ['16:00', '17:40'], weekdays = [1, 2, 3, 4, 5]) {
  const [row] = await q<{ id: string }>(
    `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, room, staffing, teacher_ids)
     values ($1, $2, $3, $4, 'sports', '{3,4}', 40, $5, $6, $7, '操场', 'teacher', $8) returning id`,
    [d, schoolId, semester, name, `{${weekdays.join(',')}}`, times[0], times[1], `{${teacherIds.join(',')}}`],
  );
  return row!.id;
}

async function seat(courseId: string, s: { id: string; class_id: string }, schoolId = school, seatedAt = '2026-11-01T00:00:00Z') {
  await q(
    `insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, status, position, chosen_by, seated_at)
     values ($1, $2, $3, $4, $5, 'enrolled', extract(epoch from now())::bigint, $6, $7)`,
    [d, schoolId, s.class_id, s.id, courseId, user.principal, seatedAt],
  );
}

const stats = async () =>
  (
    await q<{ sessions_held: number; attendance_present: number; attendance_expected: number; patrols: number }>(
      `select sessions_held, attendance_present, attendance_expected, patrols from after_school_school_stats where district_id = $1 and school_id = $2 and semester_id = $3`,
      [d, school, semester],
    )
  )[0] ?? { sessions_held: 0, attendance_present: 0, attendance_expected: 0, patrols: 0 };

beforeAll(async () => {
  w = await createWorld({ afterSchool: true });
  [{ id: d }] = (await q(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: school }] = (await q(`select id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string }];
  [{ id: otherSchool }] = (await q(`select id from schools where district_id = $1 and code <> 'SY01' order by code limit 1`, [d])) as [{ id: string }];
  [{ id: semester }] = (await q(`select id from semesters where district_id = $1 and start_date = '2026-09-01'`, [d])) as [{ id: string }];
  for (const name of ['teacher', 'classteacher', 'principal', 'gradeleader', 'parent', 'district'])
    user[name] = (await q<{ id: string }>(`select id from users where username = $1`, [`demo-${name}`]))[0]!.id;
  const me = (await call(w.app, await login('demo-parent'), 'GET', '/api/me')).body;
  child = me.children[0];
  classmates = await q(`select id, class_id from students where district_id = $1 and class_id = $2 and id <> $3 order by student_no limit 5`, [d, child.classId, child.id]);
  [fourthGrader] = (await q(
    `select s.id, s.class_id from students s join classes c on c.district_id = s.district_id and c.id = s.class_id
     where s.district_id = $1 and s.school_id = $2 and c.grade = 4 order by s.student_no limit 1`,
    [d, school],
  )) as [{ id: string; class_id: string }];
  const otherTeacher = (await q<{ user_id: string }>(`select user_id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' and user_id <> $3 limit 1`, [d, school, user.teacher]))[0]!.user_id;
  const otherSchoolTeacher = (await q<{ user_id: string }>(`select user_id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' limit 1`, [d, otherSchool]))[0]!.user_id;
  courseA = await course(school, '日常测试·篮球', [user.teacher!]);
  courseB = await course(school, '日常测试·书法', [otherTeacher], ['16:00', '17:00']);
  courseC = await course(otherSchool, '日常测试·外校', [otherSchoolTeacher]);
  for (const s of [{ id: child.id, class_id: child.classId }, ...classmates, fourthGrader]) await seat(courseA, s);
  // seated only from December: not on November's rosters
  const [late] = await q<{ id: string; class_id: string }>(`select id, class_id from students where district_id = $1 and class_id = $2 order by student_no desc limit 1`, [d, child.classId]);
  await seat(courseB, late!, school, '2026-12-01T00:00:00Z');
  await seat(courseB, classmates[0]!);
  // the demo draws its families' leave days at random (by student id): these children start with none, so the
  // rosters below count what the tests do
  await q(`delete from after_school_leaves where district_id = $1 and student_id = any($2::uuid[])`, [
    d,
    [child.id, late!.id, ...classmates.map((c) => c.id), fourthGrader.id],
  ]);
}, 120_000);
afterAll(() => w.close());

describe('the demo', () => {
  it("has held sessions with ~95% present, five patrols a school day, pick-ups, and a course for demo-teacher today", async () => {
    const [held] = await q<{ n: number; present: number; expected: number }>(
      `select count(*)::int as n, sum(present)::int as present, sum(expected)::int as expected from after_school_sessions where district_id = $1 and school_id = $2 and date < $3`,
      [d, school, TODAY],
    );
    expect(held!.n).toBeGreaterThan(0);
    expect(held!.present / held!.expected).toBeGreaterThan(0.93);
    expect(held!.present / held!.expected).toBeLessThan(1);
    const perDay = await q<{ n: number }>(`select count(*)::int as n from after_school_patrols where district_id = $1 and school_id = $2 group by date`, [d, school]);
    expect(perDay.length).toBeGreaterThan(0);
    expect(perDay.every((r) => r.n === 5)).toBe(true);
    const [picked] = await q<{ n: number }>(`select count(*)::int as n from after_school_pickups where district_id = $1 and school_id = $2`, [d, school]);
    expect(picked!.n).toBeGreaterThan(0);
    const [rollup] = await q<{ ok: boolean }>(
      `select st.sessions_held = (select count(*) from after_school_sessions s where s.district_id = st.district_id and s.school_id = st.school_id and s.status = 'held') as ok
       from after_school_school_stats st where st.district_id = $1 and st.school_id = $2 and st.semester_id = $3`,
      [d, school, semester],
    );
    expect(rollup!.ok).toBe(true);
    const day = await call(w.app, await login('demo-teacher'), 'GET', '/api/after-school/daily/day');
    const demoCourses = day.body.courses.filter((c: { courseId: string; roster: unknown[] }) => c.courseId !== courseA && c.roster.length > 0);
    expect(demoCourses.length).toBeGreaterThan(0);
    expect(demoCourses.every((c: { session: unknown }) => c.session === null)).toBe(true);
  });
});

describe("the teacher's day", () => {
  it("lists the courses the teacher runs today with their rosters; the school's administrator sees every course", async () => {
    const mine = await call(w.app, await login('demo-teacher'), 'GET', '/api/after-school/daily/day');
    expect(mine.status).toBe(200);
    expect(mine.body.date).toBe(TODAY);
    const ids = mine.body.courses.map((c: { courseId: string }) => c.courseId);
    expect(ids).toContain(courseA);
    expect(ids).not.toContain(courseB);
    expect(ids).not.toContain(courseC);
    const a = mine.body.courses.find((c: { courseId: string }) => c.courseId === courseA);
    expect(a).toMatchObject({ startTime: '16:00', endTime: '17:40', mine: true, session: null, teacherNames: ['李强'] });
    expect(a.roster).toHaveLength(7);
    expect(a.roster.every((r: { status: null }) => r.status === null)).toBe(true);
    const admin = await call(w.app, await login('demo-principal'), 'GET', '/api/after-school/daily/day');
    const adminIds = admin.body.courses.map((c: { courseId: string }) => c.courseId);
    expect(adminIds).toEqual(expect.arrayContaining([courseA, courseB]));
    expect(adminIds).not.toContain(courseC);
    // a seat taken in December is not on a November roster
    expect(admin.body.courses.find((c: { courseId: string }) => c.courseId === courseB).roster).toHaveLength(1);
  });

  it('has no courses on a weekend, and refuses a malformed date', async () => {
    const teacher = await login('demo-teacher');
    const sat = await call(w.app, teacher, 'GET', '/api/after-school/daily/day?date=2026-11-28');
    expect(sat.status).toBe(200);
    expect(sat.body.courses).toEqual([]);
    expect((await call(w.app, teacher, 'GET', '/api/after-school/daily/day?date=2026-13-01')).status).toBe(400);
    expect((await call(w.app, await login('demo-parent'), 'GET', '/api/after-school/daily/day')).status).toBe(403);
  });
});

describe('attendance', () => {
  it('"all present" plus exceptions in one request; a re-take replaces the day and moves the rollup by the difference', async () => {
    const teacher = await login('demo-teacher');
    const before = await stats();
    const url = `/api/after-school/daily/courses/${courseA}/attendance`;
    const first = await call(w.app, teacher, 'POST', url, {
      date: TODAY,
      exceptions: [
        { studentId: classmates[0]!.id, status: 'absent', note: '未到' },
        { studentId: classmates[1]!.id, status: 'late' },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'held', minutes: 100, expected: 7, present: 6, takenByName: '李强' });
    const marks = await q<{ status: string; n: number }>(
      `select status, count(*)::int as n from after_school_attendance where district_id = $1 and session_id = $2 group by status order by status`,
      [d, first.body.id],
    );
    expect(marks).toEqual([
      { status: 'absent', n: 1 },
      { status: 'late', n: 1 },
      { status: 'present', n: 5 },
    ]);
    const [session] = await q<{ teacher_ids: string[] }>(`select teacher_ids from after_school_sessions where id = $1`, [first.body.id]);
    expect(session!.teacher_ids).toEqual([user.teacher]);
    let after = await stats();
    expect(after.sessions_held - before.sessions_held).toBe(1);
    expect(after.attendance_present - before.attendance_present).toBe(6);
    expect(after.attendance_expected - before.attendance_expected).toBe(7);
    // the absent child's family is told
    const told = await q(
      `select n.title from notifications n join guardians g on g.district_id = n.district_id and g.user_id = n.user_id
       join guardian_links l on l.district_id = g.district_id and l.guardian_id = g.id
       where n.kind = 'after-school.absent' and l.student_id = $1`,
      [classmates[0]!.id],
    );
    const hasAccount = await q(
      `select 1 from guardian_links l join guardians g on g.district_id = l.district_id and g.id = l.guardian_id where l.student_id = $1 and g.user_id is not null`,
      [classmates[0]!.id],
    );
    expect(told.length).toBe(hasAccount.length ? 1 : 0);

    const again = await call(w.app, teacher, 'POST', url, { date: TODAY, exceptions: [{ studentId: classmates[1]!.id, status: 'late' }] });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body).toMatchObject({ expected: 7, present: 7 });
    after = await stats();
    expect(after.sessions_held - before.sessions_held).toBe(1);
    expect(after.attendance_present - before.attendance_present).toBe(7);
    const day = await call(w.app, teacher, 'GET', '/api/after-school/daily/day');
    const a = day.body.courses.find((c: { courseId: string }) => c.courseId === courseA);
    expect(a.session).toMatchObject({ status: 'held', present: 7 });
    expect(a.roster.find((r: { studentId: string }) => r.studentId === classmates[1]!.id).status).toBe('late');
    const audits = await q(`select action from audit_log where entity_id = $1 order by at`, [first.body.id]);
    expect(audits.map((r) => r.action)).toEqual(['after-school.attendance.take', 'after-school.attendance.retake']);
  });

  it("refuses another school's course (404), a course the teacher does not run (403), a child off the roster, a day ahead or without the course", async () => {
    const teacher = await login('demo-teacher');
    const take = (id: string, body: unknown) => call(w.app, teacher, 'POST', `/api/after-school/daily/courses/${id}/attendance`, body);
    expect((await take(courseC, { date: TODAY })).status).toBe(404);
    expect((await call(w.app, await login('other-teacher'), 'POST', `/api/after-school/daily/courses/${courseA}/attendance`, { date: TODAY })).status).toBe(404);
    const notMine = await take(courseB, { date: TODAY });
    expect(notMine.status).toBe(403);
    const stranger = await take(courseA, { date: TODAY, exceptions: [{ studentId: courseC, status: 'absent' }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details.fields[0].field).toBe('exceptions.0.studentId');
    const twice = await take(courseA, { date: TODAY, exceptions: [{ studentId: child.id, status: 'absent' }, { studentId: child.id, status: 'late' }] });
    expect(twice.body.details.fields[0].field).toBe('exceptions.1.studentId');
    const ahead = await take(courseA, { date: '2026-11-27' });
    expect(ahead.status).toBe(422);
    expect(ahead.body.details.fields[0].field).toBe('date');
    expect((await take(courseA, { date: '2026-11-22' })).status).toBe(422); // a Sunday
    expect((await take(courseA, { date: '2026-11-10' })).status).toBe(422); // beyond the teacher's 7 days
    expect((await take(courseA, { date: TODAY, exceptions: [{ studentId: child.id, status: 'gone' }] })).status).toBe(400);
    expect((await take(courseA, { date: 'yesterday' })).status).toBe(400);
    expect((await take(courseA, { date: TODAY, exceptions: 'all' })).status).toBe(400);
    // the school's administrator may correct an older day
    expect((await call(w.app, await login('demo-principal'), 'POST', `/api/after-school/daily/courses/${courseB}/attendance`, { date: '2026-11-10' })).status).toBe(200);
  });

  it('a cancelled session (停课) takes the day out of the rollup and tells the families', async () => {
    const principal = await login('demo-principal');
    const before = await stats();
    const r = await call(w.app, principal, 'POST', `/api/after-school/daily/courses/${courseB}/cancel`, { date: '2026-11-10', reason: '学校停电' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'cancelled', minutes: 0, note: '学校停电' });
    const after = await stats();
    expect(after.sessions_held - before.sessions_held).toBe(-1);
    const [{ n }] = (await q<{ n: number }>(`select count(*)::int as n from after_school_attendance where session_id = $1`, [r.body.id])) as [{ n: number }];
    expect(n).toBe(0);
    // announced ahead for a future day too; a blank reason is refused
    expect((await call(w.app, principal, 'POST', `/api/after-school/daily/courses/${courseA}/cancel`, { date: '2026-11-30', reason: '区运动会' })).status).toBe(200);
    expect((await call(w.app, principal, 'POST', `/api/after-school/daily/courses/${courseA}/cancel`, { date: '2026-11-30', reason: '  ' })).status).toBe(400);
    expect((await call(w.app, await login('demo-teacher'), 'POST', `/api/after-school/daily/courses/${courseB}/cancel`, { date: TODAY, reason: '有事' })).status).toBe(403);
  });
});

describe('leave (请假)', () => {
  it('a parent asks leave for school days; the roster shows it and attendance marks it by itself', async () => {
    const parent = await login('demo-parent');
    const r = await call(w.app, parent, 'POST', '/api/after-school/daily/leaves', { studentId: child.id, fromDate: TODAY, toDate: TODAY, reason: '看牙医' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ studentName: '张小明', schoolDays: 1, cancellable: false, cancelledAt: null });
    const teacher = await login('demo-teacher');
    const day = await call(w.app, teacher, 'GET', '/api/after-school/daily/day');
    const me = day.body.courses.find((c: { courseId: string }) => c.courseId === courseA).roster.find((x: { studentId: string }) => x.studentId === child.id);
    expect(me).toMatchObject({ onLeave: true, leaveReason: '看牙医' });
    const take = await call(w.app, teacher, 'POST', `/api/after-school/daily/courses/${courseA}/attendance`, { date: TODAY, exceptions: [{ studentId: child.id, status: 'absent' }] });
    expect(take.body).toMatchObject({ expected: 6, present: 6 });
    const [mark] = await q(`select status from after_school_attendance where session_id = $1 and student_id = $2`, [take.body.id, child.id]);
    expect(mark!.status).toBe('leave');
    const told = await q(`select 1 from notifications where district_id = $1 and user_id = $2 and kind = 'after-school.leave'`, [d, user.classteacher]);
    expect(told.length).toBeGreaterThan(0);
    // started today: no longer cancellable
    expect((await call(w.app, parent, 'POST', `/api/after-school/daily/leaves/${r.body.id}/cancel`)).status).toBe(409);
  });

  it('is cancelled before its day; overlaps and days without school are refused', async () => {
    const parent = await login('demo-parent');
    const leave = (body: Record<string, unknown>) => call(w.app, parent, 'POST', '/api/after-school/daily/leaves', { studentId: child.id, reason: '家里有事', ...body });
    const r = await leave({ fromDate: '2026-11-27', toDate: '2026-12-01' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ schoolDays: 3, cancellable: true });
    expect((await leave({ fromDate: '2026-11-30', toDate: '2026-11-30' })).status).toBe(409);
    const weekend = await leave({ fromDate: '2026-11-28', toDate: '2026-11-30' });
    expect(weekend.status).toBe(422);
    expect(weekend.body.details.fields[0].field).toBe('fromDate');
    expect((await leave({ fromDate: '2026-11-25', toDate: '2026-11-25' })).status).toBe(422);
    expect((await leave({ fromDate: '2026-12-02', toDate: '2026-12-01' })).status).toBe(422);
    expect((await leave({ fromDate: '2026-12-02', toDate: '2027-03-01' })).status).toBe(422);
    expect((await leave({ fromDate: '2026-12-02', toDate: '2026-12-02', reason: '' })).status).toBe(400);
    const cancelled = await call(w.app, parent, 'POST', `/api/after-school/daily/leaves/${r.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect((await leave({ fromDate: '2026-11-30', toDate: '2026-11-30' })).status).toBe(200);
  });

  it("refuses another family's child and another family's leave with the same 404", async () => {
    const parent = await login('demo-parent');
    const other = await call(w.app, parent, 'POST', '/api/after-school/daily/leaves', { studentId: classmates[0]!.id, fromDate: '2026-12-02', toDate: '2026-12-02', reason: '病假' });
    expect(other.status).toBe(404);
    const otherDistrict = await call(w.app, await login('other-parent'), 'POST', '/api/after-school/daily/leaves', { studentId: child.id, fromDate: '2026-12-02', toDate: '2026-12-02', reason: '病假' });
    expect(otherDistrict.status).toBe(404);
    const [mine] = (await call(w.app, parent, 'GET', '/api/after-school/daily/leaves')).body.items;
    expect((await call(w.app, await login('other-parent'), 'POST', `/api/after-school/daily/leaves/${mine.id}/cancel`)).status).toBe(404);
    expect((await call(w.app, await login('demo-teacher'), 'POST', '/api/after-school/daily/leaves', { studentId: child.id, fromDate: '2026-12-02', toDate: '2026-12-02', reason: '病假' })).status).toBe(403);
  });

  it('the class teacher and the course teachers see it; another family does not', async () => {
    await q(
      `insert into after_school_leaves (district_id, school_id, class_id, student_id, from_date, to_date, reason, requested_by) values ($1, $2, $3, $4, '2026-12-03', '2026-12-03', '比赛', $5)`,
      [d, school, fourthGrader.class_id, fourthGrader.id, user.parent],
    );
    const ids = async (name: string) => (await call(w.app, await login(name), 'GET', '/api/after-school/daily/leaves?pageSize=500')).body.items.map((l: { studentId: string }) => l.studentId);
    expect(await ids('demo-classteacher')).toContain(child.id);
    // a class teacher of another class who runs none of the fourth grader's courses does not see it
    const [stranger] = await q<{ username: string }>(
      `select u.username from role_assignments a join users u on u.district_id = a.district_id and u.id = a.user_id
       where a.district_id = $1 and a.school_id = $2 and a.role = 'class_teacher' and a.class_id <> $3
         and not exists (select 1 from after_school_enrolments e join after_school_courses c on c.district_id = e.district_id and c.id = e.course_id
           where e.district_id = a.district_id and e.student_id = $4 and e.status = 'enrolled' and a.user_id = any(c.teacher_ids))
       order by u.username limit 1`,
      [d, school, fourthGrader.class_id, fourthGrader.id],
    );
    expect(await ids(stranger!.username)).not.toContain(fourthGrader.id);
    expect(await ids('demo-teacher')).toEqual(expect.arrayContaining([child.id, fourthGrader.id])); // a fourth grader in his course
    expect(await ids('demo-principal')).toEqual(expect.arrayContaining([child.id, fourthGrader.id]));
    expect(await ids('other-parent')).toEqual([]);
    expect((await ids('demo-parent')).every((id: string) => id === child.id)).toBe(true);
  });
});

describe('pick-up sign-out (接送)', () => {
  it("staff record who collected a child; the family sees it; the not yet collected are listed", async () => {
    const teacher = await login('demo-teacher');
    const before = await call(w.app, teacher, 'GET', '/api/after-school/daily/uncollected');
    expect(before.status).toBe(200);
    const waiting = before.body.children.map((c: { studentId: string }) => c.studentId);
    expect(waiting).toContain(fourthGrader.id);
    expect(waiting).not.toContain(child.id); // on leave today
    expect(before.body.children[0]).toMatchObject({ endTime: '17:40', ended: false });
    const r = await call(w.app, teacher, 'POST', '/api/after-school/daily/pickups', { studentId: fourthGrader.id, collectorName: '王大伟', relation: '爷爷' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ collectorName: '王大伟', relation: '爷爷', date: TODAY, recordedByName: '李强' });
    const after = await call(w.app, teacher, 'GET', '/api/after-school/daily/uncollected');
    expect(after.body.children.map((c: { studentId: string }) => c.studentId)).not.toContain(fourthGrader.id);
    // a correction replaces the day's sign-out
    const again = await call(w.app, teacher, 'POST', '/api/after-school/daily/pickups', { studentId: fourthGrader.id, collectorName: '王小红', relation: '妈妈' });
    expect(again.body.id).toBe(r.body.id);
    const own = await call(w.app, await login('demo-parent'), 'POST', '/api/after-school/daily/pickups', { studentId: child.id, collectorName: '张伟', relation: '爸爸' });
    expect(own.status).toBe(403);
    await call(w.app, await login('demo-classteacher'), 'POST', '/api/after-school/daily/pickups', { studentId: child.id, collectorName: '张伟', relation: '爸爸' });
    const seen = await call(w.app, await login('demo-parent'), 'GET', '/api/after-school/daily/pickups');
    expect(seen.body.items.map((p: { studentId: string }) => p.studentId)).toEqual([child.id]);
    expect(seen.body.total).toBe(1);
    expect((await call(w.app, await login('other-parent'), 'GET', '/api/after-school/daily/pickups')).body).toEqual({ items: [], total: 0 });
  });

  it("refuses another school's child, a day ahead and blank names", async () => {
    const teacher = await login('demo-teacher');
    const [foreign] = await q(`select id from students where district_id = $1 and school_id = $2 limit 1`, [d, otherSchool]);
    expect((await call(w.app, teacher, 'POST', '/api/after-school/daily/pickups', { studentId: foreign!.id, collectorName: '某人', relation: '父亲' })).status).toBe(404);
    expect((await call(w.app, teacher, 'POST', '/api/after-school/daily/pickups', { studentId: child.id, date: '2026-11-27', collectorName: '某人', relation: '父亲' })).status).toBe(422);
    const blank = await call(w.app, teacher, 'POST', '/api/after-school/daily/pickups', { studentId: child.id, collectorName: ' ', relation: '父亲' });
    expect(blank.status).toBe(400);
  });
});

describe('patrols (巡视) and the monthly assessment', () => {
  it("records patrols of a course or a place and shows the school's day", async () => {
    const before = await stats();
    const principal = await login('demo-principal');
    const one = await call(w.app, principal, 'POST', '/api/after-school/daily/patrols', { date: TODAY, courseId: courseA, findings: '秩序良好，学生积极', rating: 5, issues: [] });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ courseName: '日常测试·篮球', rating: 5, patrolledByName: '陈慧' });
    const two = await call(w.app, await login('demo-gradeleader'), 'POST', '/api/after-school/daily/patrols', {
      date: TODAY,
      place: '东门接送区',
      findings: '接送时段拥堵',
      rating: 3,
      issues: ['家长聚集在门口'],
    });
    expect(two.status).toBe(200);
    const day = await call(w.app, principal, 'GET', '/api/after-school/daily/patrols');
    expect(day.body.patrols.length).toBeGreaterThanOrEqual(2);
    expect(day.body.staff).toBeGreaterThanOrEqual(2);
    expect((await stats()).patrols - before.patrols).toBe(2);
    const district = await call(w.app, await login('demo-district'), 'GET', `/api/after-school/daily/patrols?schoolId=${school}`);
    expect(district.body.patrols.length).toBe(day.body.patrols.length);
  });

  it("refuses a teacher, another school's course, a bad rating and a patrol of nowhere", async () => {
    const principal = await login('demo-principal');
    const patrol = (body: Record<string, unknown>) => call(w.app, principal, 'POST', '/api/after-school/daily/patrols', { date: TODAY, findings: '正常', rating: 4, ...body });
    expect((await call(w.app, await login('demo-teacher'), 'POST', '/api/after-school/daily/patrols', { date: TODAY, place: '操场', findings: '正常', rating: 4 })).status).toBe(403);
    expect((await patrol({ courseId: courseC })).status).toBe(404);
    expect((await patrol({ place: '操场', rating: 6 })).status).toBe(400);
    const nowhere = await patrol({});
    expect(nowhere.status).toBe(400);
    expect((await patrol({ place: '操场', date: '2026-11-27' })).status).toBe(422);
    expect((await call(w.app, await login('demo-district'), 'GET', '/api/after-school/daily/patrols')).status).toBe(400); // which school?
  });

  it("scores a course for a month (one per course and month) into the school's figure", async () => {
    const principal = await login('demo-principal');
    const put = (body: Record<string, unknown>, who = principal) => call(w.app, who, 'PUT', '/api/after-school/daily/assessments', { courseId: courseA, month: '2026-11', ...body });
    const r = await put({ score: 88, comment: '组织有序' });
    expect(r.status).toBe(200);
    const a = r.body.courses.find((c: { courseId: string }) => c.courseId === courseA);
    expect(a).toMatchObject({ score: 88, comment: '组织有序', assessedByName: '陈慧', patrols: 1, patrolRating: 5 });
    expect(a.sessionsHeld).toBeGreaterThanOrEqual(1);
    expect((await put({ score: 92 })).status).toBe(200);
    await put({ courseId: courseB, score: 81 });
    const month = await call(w.app, principal, 'GET', '/api/after-school/daily/assessments?month=2026-11');
    expect(month.body.school).toEqual({ courses: 2, average: 86.5, level: 'good' });
    const [{ n }] = (await q<{ n: number }>(`select count(*)::int as n from after_school_assessments where course_id = $1`, [courseA])) as [{ n: number }];
    expect(n).toBe(1);
    expect((await put({ score: 90 }, await login('demo-gradeleader'))).status).toBe(403);
    expect((await put({ score: 0 })).status).toBe(400);
    expect((await put({ score: 90, month: '2026-13' })).status).toBe(400);
    expect((await put({ score: 90, month: '2026-12' })).status).toBe(422);
    expect((await put({ score: 90, courseId: courseC })).status).toBe(404);
  });
});

describe('flexible hours (弹性上下班)', () => {
  it("credits a teacher's minutes after 17:00 as a later start on the next school day", async () => {
    const mine = await call(w.app, await login('demo-teacher'), 'GET', '/api/after-school/daily/flex-hours?month=2026-11');
    expect(mine.status).toBe(200);
    expect(mine.body.rule).toEqual({ normalEnd: '17:00', minLateMinutes: 10, creditPercent: 100, maxCreditMinutesPerDay: 120 });
    expect(mine.body.teachers.map((t: { teacherId: string }) => t.teacherId)).toEqual([user.teacher]);
    const me = mine.body.teachers[0];
    const today = me.items.find((i: { date: string }) => i.date === TODAY);
    expect(today).toMatchObject({ endTime: '17:40', lateMinutes: 40, creditMinutes: 40, creditDate: '2026-11-27' });
    const principal = await login('demo-principal');
    expect((await call(w.app, principal, 'POST', `/api/after-school/daily/courses/${courseB}/attendance`, { date: TODAY })).status).toBe(200);
    const all = await call(w.app, principal, 'GET', '/api/after-school/daily/flex-hours?month=2026-11');
    expect(all.body.teachers.map((t: { teacherId: string }) => t.teacherId)).toContain(user.teacher);
    // courseB ends at 17:00: its teacher served today but earns nothing for it
    const [bTeacher] = (await q<{ id: string }>(`select teacher_ids[1] as id from after_school_courses where id = $1`, [courseB])) as [{ id: string }];
    const b = all.body.teachers.find((t: { teacherId: string }) => t.teacherId === bTeacher.id);
    expect(b.items.find((i: { date: string }) => i.date === TODAY)).toBeUndefined();
    expect(b.sessions).toBeGreaterThanOrEqual(1);
    expect((await call(w.app, await login('demo-parent'), 'GET', '/api/after-school/daily/flex-hours')).status).toBe(403);
    expect((await call(w.app, await login('demo-teacher'), 'GET', '/api/after-school/daily/flex-hours?month=2026-1')).status).toBe(400);
  });
});
