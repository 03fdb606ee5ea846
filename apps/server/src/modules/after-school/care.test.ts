import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let principal: string; // demo-principal, 示范区实验小学 (also its finance officer)
let parent: string; // demo-parent, 张小明
let district: string;
let districtId: string;
let school: string;
let otherSchool: string;
let semesterId: string;
let child: { id: string; classId: string };
let classmates: { id: string }[];

/** Rows of a query; the first is typed as present (the tests ask for rows they know exist). */
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;

beforeAll(async () => {
  w = await createWorld();
  [district, principal, parent] = (await Promise.all(['demo-district', 'demo-principal', 'demo-parent'].map((u) => w.login(u)))) as [string, string, string];
  child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0].id;
  school = (await q<{ id: string }>(`select id from schools where district_id = $1 and name = '示范区实验小学'`, [districtId]))[0].id;
  otherSchool = (await q<{ id: string }>(`select id from schools where district_id = $1 and id <> $2 order by name limit 1`, [districtId, school]))[0].id;
  semesterId = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [districtId]))[0].id;
  classmates = await q(`select id from students where class_id = $1 and id <> $2 and status = 'active' order by student_no limit 4`, [child.classId, child.id]);
}, 180_000);
afterAll(() => w.close());

describe('午餐午托', () => {
  let offerId: string;
  const offer = (over: Record<string, unknown> = {}) => ({ schoolId: school, semesterId, kitchens: ['一号厨房', '二号厨房'], feeMode: 'daily', feeFen: 1200, ...over });

  it('the school sets up its offer; bad input and another school are refused', async () => {
    for (const bad of [offer({ kitchens: [] }), offer({ kitchens: ['一号厨房', '一号厨房'] }), offer({ feeFen: -1 }), offer({ feeFen: 12.5 }), offer({ feeMode: 'weekly' })]) {
      const res = await call(w.app, principal, 'PUT', '/api/after-school/lunch/offers', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call(w.app, principal, 'PUT', '/api/after-school/lunch/offers', offer({ schoolId: otherSchool }))).status).toBe(404);
    expect((await call(w.app, parent, 'PUT', '/api/after-school/lunch/offers', offer())).status).toBe(403);
    const res = await call(w.app, principal, 'PUT', '/api/after-school/lunch/offers', offer());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolName: '示范区实验小学', kitchens: ['一号厨房', '二号厨房'], feeFen: 1200, enrolled: 0 });
    offerId = res.body.id;
  });

  it('a family enrols its own child once; another family’s child answers 404', async () => {
    const url = `/api/after-school/lunch/offers/${offerId}/enrolments`;
    expect((await call(w.app, parent, 'POST', url, { studentId: child.id, kitchen: '三号厨房' })).status).toBe(400);
    const ok = await call(w.app, parent, 'POST', url, { studentId: child.id, kitchen: '一号厨房' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ studentId: child.id, kitchen: '一号厨房', startedOn: '2026-11-26', endedOn: null });
    expect((await call(w.app, parent, 'POST', url, { studentId: child.id, kitchen: '二号厨房' })).status).toBe(409);
    expect((await call(w.app, parent, 'POST', url, { studentId: classmates[0]!.id, kitchen: '一号厨房' })).status).toBe(404);
    // the school enrols others
    for (const [n, c] of classmates.slice(0, 3).entries())
      expect((await call(w.app, principal, 'POST', url, { studentId: c.id, kitchen: n === 2 ? '二号厨房' : '一号厨房' })).status).toBe(200);
    const list = await call(w.app, principal, 'GET', url);
    expect(list.body.items).toHaveLength(4);
    // a family reads no school lists
    expect((await call(w.app, parent, 'GET', url)).status).toBe(403);
    // the school of another school's child: refused
    const [{ id: foreignChild }] = await q<{ id: string }>(`select id from students where school_id = $1 and status = 'active' limit 1`, [otherSchool]);
    expect((await call(w.app, principal, 'POST', url, { studentId: foreignChild, kitchen: '一号厨房' })).status).toBe(404);
  });

  it('counts meals per kitchen, then takes the day: all present in one tap, then the exceptions', async () => {
    const before = await call(w.app, principal, 'GET', `/api/after-school/lunch/offers/${offerId}/day?date=2026-11-26`);
    expect(before.body).toMatchObject({ schoolDay: true, taken: false });
    expect(before.body.counts).toEqual([
      { kitchen: '一号厨房', enrolled: 3, meals: 3, leave: 0, absent: 0 },
      { kitchen: '二号厨房', enrolled: 1, meals: 1, leave: 0, absent: 0 },
    ]);
    const teacher = await w.login('demo-teacher');
    const url = `/api/after-school/lunch/offers/${offerId}/day`;
    expect((await call(w.app, teacher, 'PUT', url, { date: '2026-11-26', exceptions: [{ studentId: classmates[3]!.id, mark: 'leave' }] })).status).toBe(400);
    expect((await call(w.app, teacher, 'PUT', url, { date: '2026-11-27', exceptions: [] })).status).toBe(400);
    expect((await call(w.app, teacher, 'PUT', url, { date: '2026-11-28', exceptions: [] })).status).toBe(400);
    const taken = await call(w.app, teacher, 'PUT', url, { date: '2026-11-26', exceptions: [{ studentId: classmates[0]!.id, mark: 'leave' }] });
    expect(taken.status).toBe(200);
    expect(taken.body.taken).toBe(true);
    expect(taken.body.counts[0]).toEqual({ kitchen: '一号厨房', enrolled: 3, meals: 2, leave: 1, absent: 0 });
    expect(taken.body.children.filter((c: { mark: string }) => c.mark === 'present')).toHaveLength(3);
    expect((await call(w.app, parent, 'PUT', url, { date: '2026-11-26', exceptions: [] })).status).toBe(403);
  });

  it('the month’s fee: every enrolled school day due, leave refunded, to the fen', async () => {
    const res = await call(w.app, principal, 'GET', `/api/after-school/lunch/offers/${offerId}/month?month=2026-11`);
    expect(res.status).toBe(200);
    // 26, 27 and 30 November are the school days from the enrolment on
    const onLeave = res.body.rows.find((r: { studentId: string }) => r.studentId === classmates[0]!.id);
    expect(onLeave).toMatchObject({ enrolledDays: 3, leaveDays: 1, dueFen: 3600, refundFen: 1200, netFen: 2400 });
    expect(res.body.totals).toEqual({ dueFen: 14400, refundFen: 1200, netFen: 13200 });
    expect(res.body.rule).toBe('after-school.fees');
    expect((await call(w.app, principal, 'GET', `/api/after-school/lunch/offers/${offerId}/month?month=2026-13`)).status).toBe(400);
    expect((await call(w.app, await w.login('demo-teacher'), 'GET', `/api/after-school/lunch/offers/${offerId}/month?month=2026-11`)).status).toBe(403);
  });

  it('exports the month’s fees as a workbook: a row a child and the totals, in yuan', async () => {
    const url = `/api/after-school/lunch/offers/${offerId}/month/export?month=2026-11`;
    const file = await w.app.inject({ method: 'GET', url, headers: { cookie: principal } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('示范区实验小学-午餐午托2026-11费用.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('2026-11午餐费用');
    expect(ws.getRow(1).values).toEqual([undefined, '班级', '姓名', '上课日', '用餐日', '请假天数', '应收（元）', '退费（元）', '实收（元）']);
    expect(ws.rowCount).toBe(1 + 4 + 1);
    const onLeave = ws.getRows(2, 4)!.find((r) => r.getCell(4).value === 3 && r.getCell(5).value === 1)!;
    expect([6, 7, 8].map((c) => onLeave.getCell(c).value)).toEqual(['36.00', '12.00', '24.00']);
    expect([1, 6, 7, 8].map((c) => ws.getRow(6).getCell(c).value)).toEqual(['合计', '144.00', '12.00', '132.00']);
    // the same readers as the page: a teacher is refused, a bad month and an unknown offer too
    expect((await w.app.inject({ method: 'GET', url, headers: { cookie: await w.login('demo-teacher') } })).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'GET', url: url.replace('2026-11', '2026-13'), headers: { cookie: principal } })).statusCode).toBe(400);
    const unknown = url.replace(offerId, '00000000-0000-4000-8000-000000000000');
    expect((await w.app.inject({ method: 'GET', url: unknown, headers: { cookie: principal } })).statusCode).toBe(404);
  });

  it('the family sees its child’s lunch and can end it from a day on', async () => {
    const view = await call(w.app, parent, 'GET', `/api/after-school/care/family?studentId=${child.id}`);
    expect(view.status).toBe(200);
    expect(view.body.lunch).toMatchObject({ offer: { id: offerId, feeFen: 1200 }, enrolment: { kitchen: '一号厨房' } });
    expect((await call(w.app, parent, 'GET', `/api/after-school/care/family?studentId=${classmates[0]!.id}`)).status).toBe(404);
    const ended = await call(w.app, parent, 'POST', `/api/after-school/lunch/enrolments/${view.body.lunch.enrolment.id}/end`, { fromDate: '2026-12-01' });
    expect(ended.body.endedOn).toBe('2026-12-01');
    expect((await call(w.app, parent, 'POST', `/api/after-school/lunch/enrolments/${view.body.lunch.enrolment.id}/end`, { fromDate: '2026-12-01' })).status).toBe(409);
  });
});

describe('暑期托管', () => {
  let community: string;
  let sessionId: string;
  const site = (over: Record<string, unknown> = {}) => ({ schoolId: null, kind: 'community', name: '城东社区托管点', address: '城东街道文化站二楼', capacity: 2, feeMode: 'week', feeFen: 20000, ...over });

  it('the district sets up a community site, a school its own; a school cannot set up a community or another school’s site', async () => {
    const res = await call(w.app, district, 'POST', '/api/after-school/summer/sites?year=2027', site());
    expect(res.status).toBe(200);
    community = res.body.id;
    expect((await call(w.app, principal, 'POST', '/api/after-school/summer/sites?year=2027', site({ name: '学校自设社区点' }))).status).toBe(403);
    expect((await call(w.app, principal, 'POST', '/api/after-school/summer/sites?year=2027', site({ kind: 'school', schoolId: otherSchool, name: '他校托管点' }))).status).toBe(404);
    const own = await call(w.app, principal, 'POST', '/api/after-school/summer/sites?year=2027', site({ kind: 'school', schoolId: school, name: '实验小学托管点', capacity: 100 }));
    expect(own.status).toBe(200);
    expect((await call(w.app, district, 'POST', '/api/after-school/summer/sites?year=2027', site({ kind: 'school', name: '无校学校点' }))).status).toBe(400);
    expect((await call(w.app, district, 'POST', '/api/after-school/summer/sites?year=2027', site({ capacity: 0 }))).status).toBe(400);
    expect((await call(w.app, district, 'POST', '/api/after-school/summer/sites?year=2027', site())).status).toBe(409);
  });

  it('sessions lie inside the calendar’s summer vacation and hold no more than the site', async () => {
    const url = `/api/after-school/summer/sites/${community}/sessions`;
    expect((await call(w.app, district, 'POST', url, { name: '第一期', startDate: '2027-06-28', endDate: '2027-07-09' })).status).toBe(400);
    expect((await call(w.app, district, 'POST', url, { name: '第一期', startDate: '2027-07-09', endDate: '2027-07-05' })).status).toBe(400);
    expect((await call(w.app, district, 'POST', url, { name: '第一期', startDate: '2027-07-05', endDate: '2027-07-16', capacity: 3 })).status).toBe(400);
    expect((await call(w.app, principal, 'POST', url, { name: '第一期', startDate: '2027-07-05', endDate: '2027-07-16' })).status).toBe(403);
    const res = await call(w.app, district, 'POST', url, { name: '第一期', startDate: '2027-07-05', endDate: '2027-07-16' });
    expect(res.status).toBe(200);
    sessionId = res.body.sessions[0].id;
    expect(res.body.sessions[0]).toMatchObject({ capacity: 2, enrolled: 0 });
  });

  it('enrols to capacity and no further, with the week fee and a waiver; concurrent choices never oversell', async () => {
    const url = `/api/after-school/summer/sessions/${sessionId}/enrolments`;
    expect((await call(w.app, parent, 'POST', url, { studentId: child.id, waiverCode: 'low_income' })).status).toBe(400);
    expect((await call(w.app, parent, 'POST', url, { studentId: classmates[0]!.id })).status).toBe(404);
    const mine = await call(w.app, parent, 'POST', url, { studentId: child.id });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ grossFen: 40000, waivedFen: 0, dueFen: 40000, waiverCode: null });
    expect((await call(w.app, parent, 'POST', url, { studentId: child.id })).status).toBe(409);
    expect((await call(w.app, district, 'POST', url, { studentId: classmates[0]!.id, waiverCode: 'no_such' })).status).toBe(400);
    // the last seat, raced for by several at once: one gets it
    const race = await Promise.all(classmates.map((c) => call(w.app, district, 'POST', url, { studentId: c.id, waiverCode: 'low_income' })));
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(classmates.length - 1);
    expect(race.find((r) => r.status === 200)!.body).toMatchObject({ grossFen: 40000, waivedFen: 40000, dueFen: 0 });
    const [{ enrolled }] = await q<{ enrolled: number }>(`select enrolled from after_school_summer_sessions where id = $1`, [sessionId]);
    expect(enrolled).toBe(2);
    const [{ n }] = await q<{ n: number }>(`select count(*)::int n from after_school_summer_enrolments where session_id = $1 and status = 'enrolled'`, [sessionId]);
    expect(n).toBe(2);
  });

  it('a withdrawal gives the seat back', async () => {
    const view = await call(w.app, parent, 'GET', `/api/after-school/care/family?studentId=${child.id}`);
    expect(view.body.summer.sites.map((s: { name: string }) => s.name)).toContain('城东社区托管点');
    const seat = view.body.summer.enrolments.find((e: { sessionId: string }) => e.sessionId === sessionId);
    expect((await call(w.app, parent, 'POST', `/api/after-school/summer/enrolments/${seat.id}/withdraw`)).body.status).toBe('withdrawn');
    const [{ enrolled }] = await q<{ enrolled: number }>(`select enrolled from after_school_summer_sessions where id = $1`, [sessionId]);
    expect(enrolled).toBe(1);
    expect((await call(w.app, parent, 'POST', `/api/after-school/summer/enrolments/${seat.id}/withdraw`)).status).toBe(409);
    expect((await call(w.app, parent, 'POST', `/api/after-school/summer/sessions/${sessionId}/enrolments`, { studentId: child.id })).status).toBe(200);
  });

  it('the rota names staff; whoever is on duty takes the day’s attendance', async () => {
    const [{ id: teacherId }] = await q<{ id: string }>(`select id from users where username = 'demo-teacher'`);
    const [{ id: parentId }] = await q<{ id: string }>(`select id from users where username = 'demo-parent'`);
    const rota = `/api/after-school/summer/sites/${community}/rota`;
    expect((await call(w.app, district, 'PUT', rota, { date: '2027-07-06', userIds: [parentId] })).status).toBe(400);
    expect((await call(w.app, principal, 'PUT', rota, { date: '2027-07-06', userIds: [teacherId] })).status).toBe(403);
    const set = await call(w.app, district, 'PUT', rota, { date: '2027-07-06', userIds: [teacherId] });
    expect(set.body.items).toEqual([{ date: '2027-07-06', staff: [{ userId: teacherId, name: expect.any(String) }] }]);

    const day = `/api/after-school/summer/sessions/${sessionId}/day`;
    expect((await call(w.app, district, 'PUT', day, { date: '2027-07-06', exceptions: [] })).status).toBe(400); // not yet
    const saved = w.clock.current;
    w.clock.current = new Date('2027-07-06T03:00:00Z');
    try {
      const teacher = await w.login('demo-teacher');
      const other = await w.login('demo-classteacher');
      expect((await call(w.app, other, 'PUT', day, { date: '2027-07-06', exceptions: [] })).status).toBe(403);
      const taken = await call(w.app, teacher, 'PUT', day, { date: '2027-07-06', exceptions: [{ studentId: child.id, mark: 'leave' }] });
      expect(taken.status).toBe(200);
      expect(taken.body.children).toHaveLength(2);
      expect(taken.body.children.find((c: { studentId: string }) => c.studentId === child.id).mark).toBe('leave');
      // not on duty another day; and no day outside the session
      expect((await call(w.app, teacher, 'PUT', day, { date: '2027-07-05', exceptions: [] })).status).toBe(403);
      expect((await call(w.app, await w.login('demo-district'), 'PUT', day, { date: '2027-07-20', exceptions: [] })).status).toBe(400);
    } finally {
      w.clock.current = saved;
    }
  });
});
