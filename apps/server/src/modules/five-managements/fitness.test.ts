/**
 * 体质管理 through the API on the demo district (test clock: Thursday 2026-11-26): a teacher records a class's day on
 * the phone page (prefilled from the usual), a short 大课间 is named with its rule and version and moves the weekly
 * indicators, a correction takes back what the first record added; the refusals (a future day, last week, a weekend,
 * another school's class, a parent, bad input); the week view; the fitness test imported by the school from the
 * standard's layout (a bad file refused whole with every row named), pass rates per grade, a class's levels, and a
 * parent's view of their own child only.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
let sy01: string;
let cx02: string;
let class32: string;
let class11: string;
let cx02Class: string;
let teacher: string;
let principal: string;
let district: string;
let parent: string;
let otherPrincipal: string;
const base = '/api/five-managements/fitness';
const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const one = async (text: string, params: unknown[] = []) => (await q<{ id: string }>(text, params))[0]!.id;
const figure = async (indicator: string, classId: string) =>
  (await q<{ num: number; den: number }>(`select num::int as num, den::int as den from indicator_rollups where district_id = $1 and indicator = $2 and period = 'week:2026-11-23' and class_id = $3`, [d, indicator, classId]))[0];

function multipart(name: string, file: Buffer) {
  const boundary = '----fitness' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(file: Buffer, cookie = principal, schoolId = sy01) {
  const { payload, headers } = multipart('体测.xlsx', file);
  const res = await w.app.inject({ method: 'POST', url: `${base}/tests/import?schoolId=${schoolId}`, payload, headers: { ...headers, cookie } });
  return { status: res.statusCode, body: res.json() };
}

const HEADERS = ['年级编号', '班级名称', '学籍号', '姓名', '性别', '身高', '体重', '肺活量', '肺活量得分', '肺活量等级', '50米跑', '50米跑得分', '50米跑等级', '标准分', '附加分', '总分', '等级'];
async function workbook(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.addRow(HEADERS);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  d = await one(`select id from districts where code = 'demo'`);
  sy01 = await one(`select id from schools where district_id = $1 and code = 'SY01'`, [d]);
  cx02 = await one(`select id from schools where district_id = $1 and code = 'CX02'`, [d]);
  class32 = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 3 and name = '三年级(2)班'`, [d, sy01]);
  class11 = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 1 and name = '一年级(1)班'`, [d, sy01]);
  cx02Class = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 3 limit 1`, [d, cx02]);
  await signInAll();
});

/** Sessions of the demo accounts (again after the clock moved past their idle timeout). */
async function signInAll() {
  teacher = await w.login('demo-teacher');
  principal = await w.login('demo-principal');
  district = await w.login('demo-district');
  parent = await w.login('demo-parent');
  otherPrincipal = await w.login('cx02-t001');
}
afterAll(() => w.close());

describe('a class’s school day', () => {
  it('the phone page lists the teacher’s classes for today, prefilled from the usual', async () => {
    const res = await call(w.app, teacher, 'GET', `${base}/day`);
    expect(res.status).toBe(200);
    expect(res.body.date).toBe('2026-11-26');
    expect(res.body.editable).toBe(true);
    expect(res.body.rule).toMatchObject({ bigBreakMinMinutes: 30, eyeExercisesPerDay: 2, dailyActivityMinutes: 60, version: 0 });
    expect(res.body.classes.map((c: { className: string }) => c.className)).toEqual(['三年级(1)班', '三年级(2)班', '三年级(3)班']);
    const c = res.body.classes.find((x: { classId: string }) => x.classId === class32);
    expect(c.record).toBeNull();
    expect(c.peLessonsPerWeek).toBe(3);
    expect(c.usual.bigBreakMinutes).toBeGreaterThan(0);
  });

  it('a short 大课间 is recorded and named with its rule; the weekly indicators move with it', async () => {
    const before = await figure('five-managements.fitness.big-break', class32);
    const res = await call(w.app, teacher, 'PUT', `${base}/days`, { classId: class32, date: '2026-11-26', bigBreakMinutes: 20, peLesson: true, eyeExercises: 2, activityMinutes: 60 });
    expect(res.status).toBe(200);
    const miss = res.body.findings.filter((f: { ok: boolean }) => !f.ok);
    expect(miss).toHaveLength(1);
    expect(miss[0]).toMatchObject({ item: 'bigBreak', required: 30, actual: 20, key: 'five-managements.fitness', version: 0 });
    expect(miss[0].rule).toContain('不少于 30 分钟');
    const after = await figure('five-managements.fitness.big-break', class32);
    expect(after!.den).toBe((before?.den ?? 0) + 1);
    expect(after!.num).toBe(before?.num ?? 0);
    const told = await q(`select title from notifications n join users u on u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'five-managements.fitness.miss'`);
    expect(told.length).toBeGreaterThan(0);
    // corrected the same day: the record is replaced and the figure takes back what the first one added
    const fixed = await call(w.app, teacher, 'PUT', `${base}/days`, { classId: class32, date: '2026-11-26', bigBreakMinutes: 30, peLesson: true, eyeExercises: 2, activityMinutes: 65, note: '补录' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.id).toBe(res.body.id);
    expect(fixed.body.findings.every((f: { ok: boolean }) => f.ok)).toBe(true);
    const again = await figure('five-managements.fitness.big-break', class32);
    expect(again).toEqual({ num: (before?.num ?? 0) + 1, den: (before?.den ?? 0) + 1 });
    const page = await call(w.app, teacher, 'GET', `${base}/day`);
    expect(page.body.classes.find((x: { classId: string }) => x.classId === class32).record.note).toBe('补录');
  });

  it('the class teacher records a day earlier this week', async () => {
    const ct = await w.login('demo-classteacher');
    const res = await call(w.app, ct, 'PUT', `${base}/days`, { classId: class32, date: '2026-11-23', bigBreakMinutes: 30, peLesson: false, eyeExercises: 1, activityMinutes: 60 });
    expect(res.status).toBe(200);
    expect(res.body.findings.find((f: { item: string }) => f.item === 'eye')).toMatchObject({ ok: false, required: 2, actual: 1 });
  });

  it('refuses a future day, last week, a weekend, another school’s class, a parent and bad input', async () => {
    const body = { classId: class32, bigBreakMinutes: 30, peLesson: false, eyeExercises: 2, activityMinutes: 60 };
    const future = await call(w.app, teacher, 'PUT', `${base}/days`, { ...body, date: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.body.message).toContain('还没到');
    const lastWeek = await call(w.app, teacher, 'PUT', `${base}/days`, { ...body, date: '2026-11-20' });
    expect(lastWeek.status).toBe(422);
    expect(lastWeek.body.message).toContain('本周');
    w.clock.advance(2 * 86_400_000); // Saturday
    const onSaturday = await w.login('demo-principal');
    const saturday = await call(w.app, onSaturday, 'PUT', `${base}/days`, { ...body, date: '2026-11-28' });
    expect(saturday.status).toBe(422);
    expect(saturday.body.message).toContain('不是上学日');
    // the phone page on a Saturday opens on the week's last school day
    expect((await call(w.app, onSaturday, 'GET', `${base}/day`)).body.date).toBe('2026-11-27');
    w.clock.advance(-2 * 86_400_000 + 11 * 60_000); // back to Thursday, past the cached sessions
    await signInAll();
    expect((await call(w.app, teacher, 'PUT', `${base}/days`, { ...body, classId: cx02Class, date: '2026-11-26' })).status).toBe(404);
    expect((await call(w.app, teacher, 'PUT', `${base}/days`, { ...body, classId: class11, date: '2026-11-26' })).status).toBe(404);
    expect((await call(w.app, parent, 'PUT', `${base}/days`, { ...body, date: '2026-11-26' })).status).toBe(403);
    const bad = await call(w.app, teacher, 'PUT', `${base}/days`, { ...body, date: '2026-11-26', bigBreakMinutes: 500 });
    expect(bad.status).toBe(400);
  });

  it('the week shows which days miss what, and the PE lessons so far', async () => {
    const res = await call(w.app, teacher, 'GET', `${base}/week?classId=${class32}&date=2026-11-26`);
    expect(res.status).toBe(200);
    const c = res.body.classes[0];
    expect(res.body.weekStart).toBe('2026-11-23');
    expect(c.days.map((x: { date: string }) => x.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(c.days[0].misses).toEqual(['eye']);
    expect(c.days[4]).toMatchObject({ record: null, missing: false });
    expect(c.pe).toMatchObject({ required: 3, complete: false, timetabled: null });
    // the school sees all its classes; the district must pick a school; another school gets 404
    const school = await call(w.app, principal, 'GET', `${base}/week`);
    expect(school.status).toBe(200);
    expect(school.body.classes).toHaveLength(18);
    expect((await call(w.app, district, 'GET', `${base}/week`)).status).toBe(400);
    expect((await call(w.app, district, 'GET', `${base}/week?schoolId=${cx02}`)).body.classes).toHaveLength(12);
    expect((await call(w.app, otherPrincipal, 'GET', `${base}/week?schoolId=${sy01}`)).status).toBe(404);
    expect((await call(w.app, otherPrincipal, 'GET', `${base}/week?classId=${class32}`)).status).toBe(404);
  });
});

describe('the national student fitness test', () => {
  let grade1: { id: string; student_no: string; name: string }[];

  beforeAll(async () => {
    grade1 = await q(`select id, student_no, name from students where district_id = $1 and class_id = $2 order by student_no limit 4`, [d, class11]);
  });

  it('the template carries the standard’s columns and the school’s pupils', async () => {
    const res = await w.app.inject({ method: 'GET', url: `${base}/tests/template?schoolId=${sy01}`, headers: { cookie: principal } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).filter(Boolean);
    for (const h of ['年级编号', '学籍号', '肺活量得分', '50米×8往返跑等级', '1000米跑', '标准分', '附加分', '总分', '等级']) expect(header).toContain(h);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(700);
    expect((await w.app.inject({ method: 'GET', url: `${base}/tests/template?schoolId=${sy01}`, headers: { cookie: otherPrincipal } })).statusCode).toBe(404);
  });

  it('a file with unknown pupils, another school’s pupil and a level that does not match its total is refused whole', async () => {
    const other = (await q<{ student_no: string; name: string }>(`select student_no, name from students where district_id = $1 and school_id = $2 limit 1`, [d, cx02]))[0]!;
    const [a, b] = grade1;
    const file = await workbook([
      ['11', '一年级(1)班', a!.student_no, a!.name, '1', '120.5', '23.0', '1100', '80', '良好', '10.8', '76', '及格', '78.0', '0', '78.0', '及格'],
      ['11', '一年级(1)班', 'NOSUCH001', '无此人', '2', '', '', '', '', '', '', '', '', '70', '0', '70', '及格'],
      ['11', '一年级(1)班', other.student_no, other.name, '1', '', '', '', '', '', '', '', '', '70', '0', '70', '及格'],
      ['11', '一年级(1)班', b!.student_no, b!.name, '2', '', '', '', '', '', '', '', '', '89.5', '0', '89.5', '优秀'],
    ]);
    const before = await q(`select 1 from five_fitness_tests where district_id = $1 and class_id = $2`, [d, class11]);
    const res = await upload(file);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    const errors = res.body.details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '学籍号'],
      [4, '学籍号'],
      [5, '等级'],
    ]);
    expect(errors[2]!.message).toContain('应为「良好」');
    expect(await q(`select 1 from five_fitness_tests where district_id = $1 and class_id = $2`, [d, class11])).toHaveLength(before.length);
  });

  it('the school imports grade 1 and sees the pass rate per grade; families are told', async () => {
    const rows = grade1.map((p, i) => {
      const total = [92, 85, 70, 55][i]!;
      const level = ['优秀', '良好', '及格', '不及格'][i]!;
      return ['11', '一年级(1)班', p.student_no, p.name, i % 2 ? '2' : '1', '121.0', '22.5', '1000', '80', '良好', '11.0', '70', '及格', String(total), '0', String(total), level];
    });
    const res = await upload(await workbook(rows));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 4, imported: 4, replaced: 0 });
    const again = await upload(await workbook(rows));
    expect(again.body.replaced).toBe(4);
    const summary = await call(w.app, principal, 'GET', `${base}/tests/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.schools).toHaveLength(1);
    const g1 = summary.body.schools[0].grades.find((g: { grade: number }) => g.grade === 1);
    expect(g1).toEqual({ grade: 1, tested: 4, levels: { excellent: 1, good: 1, pass: 1, fail: 1 } });
    expect(summary.body.schools[0].grades.map((g: { grade: number }) => g.grade)).toEqual([1, 3, 4, 5, 6]);
    const pass = await q<{ num: number; den: number }>(`select num::int as num, den::int as den from indicator_rollups where district_id = $1 and indicator = 'five-managements.fitness.pass' and class_id = $2`, [d, class11]);
    expect(pass[0]).toEqual({ num: 3, den: 4 });
    // the district sees every school; a teacher of the school sees the school's figures too
    expect((await call(w.app, district, 'GET', `${base}/tests/summary`)).body.schools).toHaveLength(4);
    expect((await call(w.app, teacher, 'GET', `${base}/tests/summary`)).body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([sy01]);
  });

  it('refuses the import to a teacher and to another school; a class list is in 学籍号 order', async () => {
    const file = await workbook([]);
    expect((await upload(file, teacher)).status).toBe(403);
    expect((await upload(file, otherPrincipal)).status).toBe(404);
    const list = await call(w.app, principal, 'GET', `${base}/tests/results?classId=${class11}`);
    expect(list.status).toBe(200);
    const nos = list.body.pupils.map((p: { studentNo: string }) => p.studentNo);
    expect(nos).toEqual([...nos].sort());
    expect(list.body.pupils.filter((p: { tested: boolean }) => p.tested)).toHaveLength(4);
    expect((await call(w.app, teacher, 'GET', `${base}/tests/results?classId=${class11}`)).status).toBe(404);
    expect((await call(w.app, otherPrincipal, 'GET', `${base}/tests/results?classId=${class32}`)).status).toBe(404);
  });

  it('a parent sees their own child’s latest result with its level, and no one else’s', async () => {
    const child = await one(`select s.id from students s where s.district_id = $1 and s.name = '张小明'`, [d]);
    const res = await call(w.app, parent, 'GET', `${base}/tests/child?studentId=${child}`);
    expect(res.status).toBe(200);
    expect(res.body.studentName).toBe('张小明');
    expect(['excellent', 'good', 'pass', 'fail']).toContain(res.body.result.level);
    expect(res.body.result.items.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(res.body)).not.toMatch(/rank|average|percentile/i);
    const stranger = grade1[0]!.id;
    expect((await call(w.app, parent, 'GET', `${base}/tests/child?studentId=${stranger}`)).status).toBe(404);
    expect((await call(w.app, teacher, 'GET', `${base}/tests/child?studentId=${child}`)).status).toBe(403);
  });
});
