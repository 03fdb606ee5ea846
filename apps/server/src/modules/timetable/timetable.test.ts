/**
 * 课程与课表 through the API on the demo district (test clock: Thursday 2026-11-26): a school saves a timetable short of
 * PE and sees the rule, cannot publish it, fixes and publishes a new version that the public page shows; the Excel
 * import (whole or nothing, every error by sheet and cell); 巡课 by a teacher (own subject only) and an inspector, a
 * differing period becoming a 阴阳课表 finding that the school answers and the district closes; a parent's view; the
 * fitness seam; the district's figures and export; and the refusals (another school, another district, a teacher, a
 * parent, a weekend, a future day).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { demoWeek } from '../../demo/timetable';
import { timetabledPePeriods } from './index';

let w: World;
let d: string;
let sy01: string;
let semesterId: string;
let class11: string;
let class31: string;
let class32: string;
let cx02Short: string;
const base = '/api/timetable';
const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const one = async (text: string, params: unknown[] = []) => (await q<{ id: string }>(text, params))[0]!.id;
const as = async (user: string, method: string, url: string, payload?: unknown) => call(w.app, await w.login(user), method, url, payload);

function multipart(name: string, file: Buffer) {
  const boundary = '----timetable' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(file: Buffer, user = 'demo-principal') {
  const { payload, headers } = multipart('课表.xlsx', file);
  const res = await w.app.inject({ method: 'POST', url: `${base}/import?schoolId=${sy01}`, payload, headers: { ...headers, cookie: await w.login(user) } });
  return { status: res.statusCode, body: res.json() };
}
const NAMES: Record<string, string> = { chinese: '语文', math: '数学', english: '英语', morality: '道德与法治', science: '科学', pe: '体育', music: '音乐', art: '美术', labour: '劳动', it: '信息科技', practice: '综合实践', local: '校本' };
async function sheetOf(sheets: { name: string; cells: { day: number; period: number; subject: string; lab: boolean }[] }[], extra?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(['节次', '周一', '周二', '周三', '周四', '周五']);
    for (let p = 1; p <= 7; p++) {
      ws.addRow([`第${p}节`, ...[1, 2, 3, 4, 5].map((dd) => {
        const c = s.cells.find((x) => x.day === dd && x.period === p);
        return c ? `${NAMES[c.subject]}${c.lab ? '（实验）' : ''}` : '';
      })]);
    }
    extra?.(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  w = await createWorld({ timetable: true });
  d = await one(`select id from districts where code = 'demo'`);
  sy01 = await one(`select id from schools where district_id = $1 and code = 'SY01'`, [d]);
  semesterId = await one(`select id from semesters where district_id = $1 and start_date = '2026-09-01'`, [d]);
  const cls = (grade: number, name: string) => one(`select id from classes where district_id = $1 and school_id = $2 and grade = $3 and name = $4`, [d, sy01, grade, name]);
  class11 = await cls(1, '一年级(1)班');
  class31 = await cls(3, '三年级(1)班');
  class32 = await cls(3, '三年级(2)班');
  cx02Short = await one(`select c.id from classes c join schools s on s.district_id = c.district_id and s.id = c.school_id where c.district_id = $1 and s.code = 'CX02' and c.grade = 4 order by c.name limit 1`, [d]);
});
afterAll(() => w.close());

describe('a school’s timetables', () => {
  it('the demo: every class published but one 折扣课表 draft at 城西第二小学', async () => {
    const res = await as('demo-principal', 'GET', `${base}/classes`);
    expect(res.status).toBe(200);
    expect(res.body.semester.id).toBe(semesterId);
    expect(res.body.classes.every((c: { status: string; compliant: boolean }) => c.status === 'published' && c.compliant)).toBe(true);
    const cx = await as('demo-district', 'GET', `${base}/classes/${cx02Short}`);
    expect(cx.body.published).toBeNull();
    expect(cx.body.draft.check.compliant).toBe(false);
    expect(cx.body.draft.check.findings[0].message).toContain('体育与健康 每周应开 3 节，课表仅 2 节：折扣课表');
  });

  it('a draft short of PE is kept with its rule; publishing it is refused with 422; fixed, it is published as version 2', async () => {
    const short = demoWeek(1);
    const pe = short.findIndex((c) => c.subject === 'pe');
    short.splice(pe, 1);
    const saved = await as('demo-principal', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: short });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.check.compliant).toBe(false);
    const f = saved.body.draft.check.findings.find((x: { subject: string }) => x.subject === 'pe');
    expect(f).toMatchObject({ required: 4, actual: 3, key: 'timetable.plan', version: 0 });
    expect(f.message).toContain('体育与健康 每周应开 4 节，课表仅 3 节：折扣课表');
    expect(saved.body.unpublishedChanges).toBe(true);

    const refused = await as('demo-principal', 'POST', `${base}/classes/${class11}/publish`, { semesterId });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('RULE_VIOLATION');
    expect(refused.body.message).toContain('体育与健康 每周应开 4 节');

    const fixed = demoWeek(1).map((c) => (c.subject === 'local' ? { ...c, room: '操场' } : c));
    expect((await as('demo-principal', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: fixed })).body.draft.check.compliant).toBe(true);
    const pub = await as('demo-principal', 'POST', `${base}/classes/${class11}/publish`, { semesterId });
    expect(pub.status).toBe(200);
    expect(pub.body.published.version).toBe(2);
    expect(pub.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(pub.body.unpublishedChanges).toBe(false);
    // the same again is no new version
    expect((await as('demo-principal', 'POST', `${base}/classes/${class11}/publish`, { semesterId })).status).toBe(409);
    // published versions are append-only: the trigger on PGlite; on PostgreSQL the serving role has no grant to change them
    await expect(w.db.database.query(`update timetable_versions set version = 9 where class_id = $1`, [class11])).rejects.toThrow(/append-only|permission denied/);
    const audit = await q<{ n: number }>(`select count(*)::int as n from audit_log where action = 'timetable.publish' and entity_id in (select id::text from timetable_versions where class_id = $1)`, [class11]);
    expect(audit[0]!.n).toBe(1);

    const pub2 = await call(w.app, null, 'GET', `/api/public/timetable/schools/${sy01}`);
    expect(pub2.status).toBe(200);
    const c = pub2.body.classes.find((x: { classId: string }) => x.classId === class11);
    expect(c.version).toBe(2);
    expect(c.cells.some((x: { room: string | null }) => x.room === '操场')).toBe(true);
  });

  it('refuses a grid outside the grid setting, a slot twice and a lab flag on math', async () => {
    const bad = [{ day: 1, period: 8, subject: 'math' }];
    const r1 = await as('demo-principal', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: bad });
    expect(r1.status).toBe(400);
    expect(r1.body.message).toContain('每天最多 7 节');
    const r2 = await as('demo-principal', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: [{ day: 1, period: 1, subject: 'math' }, { day: 1, period: 1, subject: 'art' }] });
    expect(r2.body.message).toContain('同一节次填了两门课');
    const r3 = await as('demo-principal', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: [{ day: 1, period: 1, subject: 'math', lab: true }] });
    expect(r3.body.message).toContain('不是实验课科目');
  });

  it('a grade leader edits the grade’s classes only; teachers, parents, another school and another district cannot', async () => {
    const cells = demoWeek(3);
    expect((await as('demo-gradeleader', 'PUT', `${base}/classes/${class31}`, { semesterId, cells })).status).toBe(200);
    expect((await as('demo-gradeleader', 'PUT', `${base}/classes/${class11}`, { semesterId, cells: demoWeek(1) })).status).toBe(404);
    expect((await as('demo-teacher', 'PUT', `${base}/classes/${class31}`, { semesterId, cells })).status).toBe(403);
    expect((await as('demo-parent', 'GET', `${base}/classes/${class32}`)).status).toBe(403);
    expect((await as('cx02-t001', 'PUT', `${base}/classes/${class31}`, { semesterId, cells })).status).toBe(404);
    expect((await as('cx02-t001', 'POST', `${base}/classes/${class31}/publish`, { semesterId })).status).toBe(404);
    expect((await as('other-admin', 'GET', `${base}/classes/${class31}`)).status).toBe(404);
    expect((await as('other-admin', 'GET', `${base}/classes?schoolId=${sy01}`)).status).toBe(404);
  });
});

describe('the Excel import', () => {
  it('the template has a sheet per class and the instructions', async () => {
    const res = await w.app.inject({ method: 'GET', url: `${base}/template?schoolId=${sy01}`, headers: { cookie: await w.login('demo-principal') } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toContain('三年级(2)班');
    expect(wb.worksheets.at(-1)!.name).toBe('填写说明');
    expect(wb.getWorksheet('一年级(1)班')!.getRow(1).values).toEqual([undefined, '节次', '周一', '周二', '周三', '周四', '周五']);
  });

  it('refuses a file with errors whole, naming sheet and cell; stores a good one as drafts with their checks', async () => {
    const before = await q<{ cells: unknown }>(`select cells from timetable_drafts where class_id = $1`, [class32]);
    const bad = await sheetOf([{ name: '三年级(2)班', cells: demoWeek(3) }, { name: '九年级(9)班', cells: [] }], (ws) => {
      if (ws.name === '三年级(2)班') ws.getCell('C3').value = '奥数';
    });
    const r = await upload(bad);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('IMPORT_INVALID');
    expect(r.body.details.errors).toEqual(
      expect.arrayContaining([
        { sheet: '三年级(2)班', cell: 'C3', message: '「奥数」不是课程设置方案中的科目' },
        expect.objectContaining({ sheet: '九年级(9)班', cell: null }),
      ]),
    );
    expect(await q(`select cells from timetable_drafts where class_id = $1`, [class32])).toEqual(before);

    const noPe = demoWeek(3).map((c) => (c.subject === 'pe' ? { ...c, subject: 'chinese' } : c));
    const ok = await upload(await sheetOf([{ name: '三年级(2)班', cells: noPe }]));
    expect(ok.status).toBe(200);
    expect(ok.body.classes[0].check.compliant).toBe(false);
    expect(ok.body.classes[0].check.findings.find((f: { subject: string }) => f.subject === 'pe').message).toContain('体育与健康 每周应开 3 节，课表仅 0 节');
    const after = await as('demo-principal', 'GET', `${base}/classes/${class32}`);
    expect(after.body.draft.cells).toHaveLength(30);
    expect(after.body.draft.cells.filter((c: { lab: boolean }) => c.lab)).toHaveLength(1);
    // the published timetable stays as it was until the draft is fixed and published
    expect(after.body.published.version).toBe(1);
    expect((await upload(await sheetOf([{ name: '三年级(2)班', cells: noPe }]), 'demo-teacher')).status).toBe(403);
  });
});

describe('巡课 and 阴阳课表', () => {
  const thursday = '2026-11-26';
  let mathPeriod: number;
  let pePeriod: number;
  it('a teacher records a period of the own subject; another subject’s period is refused', async () => {
    const tt = await as('demo-teacher', 'GET', `${base}/classes/${class31}`);
    const cells = tt.body.published.cells as { day: number; period: number; subject: string }[];
    mathPeriod = cells.find((c) => c.day === 4 && c.subject === 'math')!.period;
    pePeriod = cells.find((c) => c.day === 4 && c.subject === 'pe')!.period;
    const ok = await as('demo-teacher', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: mathPeriod, subject: 'math' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ conforming: true, timetabled: 'math', findingId: null, timetableVersion: 1 });
    const other = await as('demo-teacher', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: pePeriod, subject: 'pe' });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('本人在该班任教科目');
    expect((await as('demo-teacher', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: mathPeriod, subject: 'math' })).status).toBe(409);
    expect((await as('demo-parent', 'POST', `${base}/patrols`, { classId: class32, date: thursday, period: 1, subject: 'math' })).status).toBe(403);
  });

  it('refuses a weekend, a future day, a period past the day and another district', async () => {
    const weekend = await as('demo-inspector', 'POST', `${base}/patrols`, { classId: class31, date: '2026-11-21', period: 1, subject: 'math' });
    expect(weekend.status).toBe(422);
    expect(weekend.body.message).toContain('不是上课日');
    expect((await as('demo-inspector', 'POST', `${base}/patrols`, { classId: class31, date: '2026-11-27', period: 1, subject: 'math' })).status).toBe(400);
    expect((await as('demo-inspector', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: 8, subject: 'math' })).status).toBe(400);
    expect((await as('other-admin', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: 1, subject: 'math' })).status).toBe(404);
  });

  it('an inspector finds math in a PE period: a 阴阳课表 finding the school answers and the district closes', async () => {
    const res = await as('demo-inspector', 'POST', `${base}/patrols`, { classId: class31, date: thursday, period: pePeriod, subject: 'math', note: '体育课被数学占用' });
    expect(res.status).toBe(200);
    expect(res.body.conforming).toBe(false);
    expect(res.body.findingId).toBeTruthy();
    const id = res.body.findingId;
    const list = await as('demo-district', 'GET', `${base}/findings?status=open`);
    const f = list.body.find((x: { id: string }) => x.id === id);
    expect(f.message).toContain('课表为 体育与健康，实际上 数学：阴阳课表');
    const notes = await q<{ n: number }>(`select count(*)::int as n from notifications where kind = 'timetable.finding' and user_id = (select id from users where username = 'demo-principal')`);
    expect(notes[0]!.n).toBe(1);

    expect((await as('demo-district', 'POST', `${base}/findings/${id}/decide`, { decision: 'close' })).status).toBe(409);
    expect((await as('cx02-t001', 'POST', `${base}/findings/${id}/answer`, { explanation: '说明' })).status).toBe(404);
    const ans = await as('demo-principal', 'POST', `${base}/findings/${id}/answer`, { explanation: '体育教师病假，临时调课，已于周五补上' });
    expect(ans.body.status).toBe('answered');
    expect((await as('demo-principal', 'POST', `${base}/findings/${id}/decide`, { decision: 'close' })).status).toBe(403);
    expect((await as('demo-district', 'POST', `${base}/findings/${id}/decide`, { decision: 'send_back' })).status).toBe(400);
    const closed = await as('demo-district', 'POST', `${base}/findings/${id}/decide`, { decision: 'close', reason: '已核实补课' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'answered', 'closed']);
  });

  it('the district’s figures come from the rollup; the export has three sheets; teachers and other districts see none', async () => {
    const dash = await as('demo-district', 'GET', `${base}/dashboard`);
    expect(dash.status).toBe(200);
    const sy = dash.body.schools.find((s: { schoolId: string }) => s.schoolId === sy01);
    expect(sy.published).toBe(sy.classes);
    expect(sy.compliant).toBe(sy.classes - 1); // 三年级(2)班's imported draft lacks PE
    expect(sy.shortfalls.pe).toBe(3);
    expect(sy.findingsClosed).toBe(1);
    expect(sy.findingsOpen).toBe(1); // the demo's open one
    expect(sy.patrols).toBeGreaterThanOrEqual(6);
    const cx = dash.body.schools.find((s: { schoolName: string }) => s.schoolName === '城西第二小学');
    expect(cx.published).toBe(cx.classes - 1);
    expect(cx.shortfalls.pe).toBe(1);
    expect(dash.body.total.classes).toBeGreaterThan(40);
    const file = await w.app.inject({ method: 'GET', url: `${base}/dashboard/export`, headers: { cookie: await w.login('demo-district') } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['各校概况', '课时缺口', '阴阳课表问题']);
    expect((await as('demo-teacher', 'GET', `${base}/dashboard`)).status).toBe(403);
    const other = await as('other-admin', 'GET', `${base}/dashboard`);
    expect(other.body.schools.some((s: { schoolId: string }) => s.schoolId === sy01)).toBe(false);
  });
});

describe('the plan as policy data', () => {
  it('a new version of timetable.plan (PE 5 in grade 1) is cited by the check from its effective date', async () => {
    const plan = (await as('demo-district', 'GET', '/api/policies')).body.find((p: { key: string }) => p.key === 'timetable.plan');
    const value = structuredClone(plan.current?.value ?? plan.default) as { grades: { grade: number; weeklyTotal: number; subjects: Record<string, number> }[] };
    const g1 = value.grades.find((g) => g.grade === 1)!;
    g1.subjects.pe = 5;
    g1.weeklyTotal = 27;
    const set = await as('demo-district', 'POST', '/api/policies/timetable.plan', { value, effectiveFrom: '2026-11-26', reason: '一二年级体育每周 5 节' });
    expect(set.status).toBe(200);
    const g1Class = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 1 and name = '一年级(2)班'`, [d, sy01]);
    const res = await as('demo-principal', 'GET', `${base}/classes/${g1Class}`);
    expect(res.body.rules).toMatchObject({ planVersion: 1, planEffectiveFrom: '2026-11-26' });
    expect(res.body.rules.subjects.pe).toBe(5);
    expect(res.body.draft.check.findings[0].message).toContain('体育与健康 每周应开 5 节，课表仅 4 节：折扣课表（开齐开足国家课程，课程设置方案（timetable.plan 第 1 版（2026-11-26 起）））');
    // another district is not touched
    const other = await as('other-admin', 'GET', '/api/policies');
    expect(other.body.find((p: { key: string }) => p.key === 'timetable.plan').versions).toHaveLength(0);
    // the district's figures follow the new plan once the job has re-checked the timetables saved before it
    const compliant = async () => (await as('demo-district', 'GET', `${base}/dashboard`)).body.schools.find((s: { schoolId: string }) => s.schoolId === sy01).compliant as number;
    const before = await compliant();
    const grade1 = (await q<{ n: number }>(`select count(*)::int as n from classes where district_id = $1 and school_id = $2 and grade = 1`, [d, sy01]))[0]!.n;
    expect(await w.runJob('timetable.planFigures')).toBeGreaterThan(0);
    expect(await compliant()).toBe(before - grade1);
    expect(await w.runJob('timetable.planFigures')).toBe(0); // nothing left: a second server's run does nothing
  });
});

describe('families and other modules', () => {
  it('a parent sees the child’s class timetable, and no other class', async () => {
    const res = await as('demo-parent', 'GET', `${base}/family`);
    expect(res.status).toBe(200);
    expect(res.body.weekday).toBe(4);
    expect(res.body.schoolDay).toBe(true);
    expect(res.body.children.length).toBeGreaterThan(0);
    const child = res.body.children[0];
    expect(child.published.cells.length).toBe(30);
    expect((await as('demo-teacher', 'GET', `${base}/family`)).status).toBe(403);
  });

  it('the fitness checks read the PE periods of the published timetable', async () => {
    const pe = await timetabledPePeriods(w.db.database.db, d, [class31, cx02Short], '2026-11-23');
    expect(pe.get(class31)).toBe(3);
    expect(pe.has(cx02Short)).toBe(false);
  });

  it('the public page needs no sign-in and answers 404 for an unknown school', async () => {
    expect((await call(w.app, null, 'GET', `/api/public/timetable/schools/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
