/** 考试管理 API: filings checked against the exam limits (refusals cited and kept as violations), edits, levels, the family view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
type Ids = Record<'accepted' | 'child' | 'chinese' | 'class33' | 'class41' | 'cx02' | 'district' | 'final' | 'math' | 'otherChild' | 'semester' | 'sy01' | 'unit', string>;
const ids = {} as Ids;
const q = async <T = Record<string, string>>(sqlText: string, params: unknown[] = []) => w.db.database.query<T>(sqlText, params);
const one = async (sqlText: string, params: unknown[] = []) => (await q<{ id: string }>(sqlText, params))[0]!.id;

const filing = (over: Record<string, unknown> = {}) => ({
  schoolId: ids.sy01,
  semesterId: ids.semester,
  name: '二年级语文素养测评',
  grades: [2],
  subjectIds: [ids.chinese],
  type: 'unit',
  form: 'non_paper',
  date: '2026-12-09',
  note: '游园闯关',
  ...over,
});

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  ids.district = await one(`select id from districts where code = 'demo'`);
  const d = ids.district;
  ids.sy01 = await one(`select id from schools where district_id = $1 and code = 'SY01'`, [d]);
  ids.cx02 = await one(`select id from schools where district_id = $1 and code = 'CX02'`, [d]);
  ids.semester = await one(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [d]);
  ids.chinese = await one(`select id from subjects where district_id = $1 and code = 'chinese'`, [d]);
  ids.math = await one(`select id from subjects where district_id = $1 and code = 'math'`, [d]);
  ids.unit = await one(`select id from exam_filings where district_id = $1 and school_id = $2 and type = 'unit'`, [d, ids.sy01]);
  ids.final = await one(`select id from exam_filings where district_id = $1 and school_id = $2 and type = 'final' and form = 'paper'`, [d, ids.sy01]);
  ids.class33 = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 3 order by name offset 2 limit 1`, [d, ids.sy01]);
  ids.class41 = await one(`select id from classes where district_id = $1 and school_id = $2 and grade = 4 order by name limit 1`, [d, ids.sy01]);
  ids.child = await one(`select id from students where district_id = $1 and name = '张小明'`, [d]);
  ids.otherChild = await one(`select id from students where district_id = $1 and school_id = $2 and id <> $3 limit 1`, [d, ids.sy01, ids.child]);
}, 400_000); // the first file of a run seeds the shared world
afterAll(async () => w?.close());

const figure = async (indicator: string, schoolId: string) =>
  (await q<{ num: number; den: number }>(`select num::int, den::int from indicator_rollups where district_id = $1 and indicator = $2 and period = $3 and scope_id = $4`, [ids.district, indicator, `semester:${ids.semester}`, schoolId]))[0] ?? { num: 0, den: 0 };

describe('filing an exam', () => {
  it('refuses a paper exam in grade 2, citing the rule, key and version, and keeps the attempt as a violation', async () => {
    const principal = await w.login('demo-principal');
    const before = await figure('exams.filings.refused', ids.sy01);
    const res = await call(w.app, principal, 'POST', '/api/exams/filings', filing({ name: '二年级语文期末笔试', form: 'paper', type: 'final' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RULE_VIOLATION');
    expect(res.body.message).toContain('2年级不得进行纸笔考试');
    const [f] = res.body.details.findings;
    expect(f.rule).toBe('no_paper_grades');
    expect(f.citation).toMatchObject({ key: 'exams.limits', version: 0, versionId: null });
    expect(f.citation.text).toContain('不进行纸笔考试');
    const after = await figure('exams.filings.refused', ids.sy01);
    expect(after).toEqual({ num: before.num + 1, den: before.den + 1 });
    // kept: the district sees it among the violations; audited; the district is told
    const list = await call(w.app, await w.login('demo-district'), 'GET', `/api/exams/filings?status=refused&schoolId=${ids.sy01}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(res.body.details.filingId);
    const kept = list.body.items.find((i: { id: string }) => i.id === res.body.details.filingId);
    expect(kept.findings[0].citation.key).toBe('exams.limits');
    expect((await q(`select action from audit_log where entity_id = $1`, [res.body.details.filingId])).map((r) => r.action)).toContain('exams.filing.refused');
    expect((await q(`select count(*)::int as n from notifications where kind = 'exams.violation' and title like '%二年级语文期末笔试%'`))[0]!.n).toBeGreaterThan(0);
  });

  it('accepts a non-paper assessment in grade 2 and lists it', async () => {
    const principal = await w.login('demo-principal');
    const before = await figure('exams.filings.accepted', ids.sy01);
    const res = await call(w.app, principal, 'POST', '/api/exams/filings', filing());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', schoolName: '示范区实验小学', grades: [2], editable: true, findings: [] });
    ids.accepted = res.body.id;
    expect(await figure('exams.filings.accepted', ids.sy01)).toEqual({ num: before.num + 1, den: before.den + 1 });
    const list = await call(w.app, principal, 'GET', `/api/exams/filings?semesterId=${ids.semester}&status=accepted`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(ids.accepted);
  });

  it.each([
    ['a second final for grade 3', { type: 'final', form: 'paper', grades: [3] }, 'finals_per_semester', 'exams.limits'],
    ['a mid-term in grade 5', { type: 'midterm', form: 'paper', grades: [5] }, 'midterm_grades', 'exams.limits'],
    ['a weekly test', { type: 'weekly', form: 'non_paper', grades: [4] }, 'no_weekly_monthly', 'national'],
    ['a cross-school exam', { type: 'joint', form: 'paper', grades: [4] }, 'no_cross_school', 'exams.limits'],
    ['a school filing the district sample', { type: 'district_sample', form: 'paper', grades: [6] }, 'district_sample_filer', 'exams.limits'],
  ])('refuses %s', async (_label, over, rule, key) => {
    const res = await call(w.app, await w.login('demo-principal'), 'POST', '/api/exams/filings', filing({ name: '违规测试', ...over }));
    expect(res.status).toBe(422);
    expect(res.body.details.findings.map((f: { rule: string }) => f.rule)).toEqual([rule]);
    expect(res.body.details.findings[0].citation.key).toBe(key);
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const principal = await w.login('demo-principal');
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ date: '2026-11-20' }))).body.details.fields[0].field).toBe('date');
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ date: '2027-03-01' }))).status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ grades: [8] }))).body.details.fields[0].field).toBe('grades');
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ subjectIds: [ids.sy01] }))).status).toBe(404);
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ type: 'quiz' }))).status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/exams/filings', filing({ schoolId: ids.cx02 }))).status).toBe(404);
  });

  it('lets only the filers file', async () => {
    expect((await call(w.app, await w.login('demo-teacher'), 'POST', '/api/exams/filings', filing())).status).toBe(403);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/exams/filings')).status).toBe(403);
  });
});

describe('changing and cancelling before the date', () => {
  it('re-checks a change: an allowed one is saved, a refused one is kept as a violation and leaves the filing as it was', async () => {
    const principal = await w.login('demo-principal');
    const ok = await call(w.app, principal, 'PUT', `/api/exams/filings/${ids.accepted}`, filing({ date: '2026-12-10', name: '二年级语文游园闯关' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ date: '2026-12-10', name: '二年级语文游园闯关' });
    const bad = await call(w.app, principal, 'PUT', `/api/exams/filings/${ids.accepted}`, filing({ form: 'paper' }));
    expect(bad.status).toBe(422);
    const kept = (await call(w.app, principal, 'GET', `/api/exams/filings/${bad.body.details.filingId}`)).body;
    expect(kept).toMatchObject({ status: 'refused', amendsId: ids.accepted });
    expect((await call(w.app, principal, 'GET', `/api/exams/filings/${ids.accepted}`)).body).toMatchObject({ form: 'non_paper', status: 'accepted' });
  });

  it('another school gets 404, a held exam cannot change, a cancelled one no longer counts', async () => {
    const district = await w.login('demo-district');
    const cx02Admin = (await q<{ username: string }>(`select u.username from users u join role_assignments r on r.user_id = u.id where r.district_id = $1 and r.school_id = $2 and r.role = 'school_admin'`, [ids.district, ids.cx02]))[0]!.username;
    const foreign = await w.login(cx02Admin);
    expect((await call(w.app, foreign, 'POST', `/api/exams/filings/${ids.accepted}/cancel`)).status).toBe(404);
    expect((await call(w.app, foreign, 'GET', `/api/exams/filings/${ids.accepted}`)).status).toBe(404);
    const principal = await w.login('demo-principal');
    expect((await call(w.app, principal, 'PUT', `/api/exams/filings/${ids.unit}`, filing({ grades: [3], date: '2026-12-01' }))).status).toBe(409);
    const before = await figure('exams.filings.accepted', ids.sy01);
    const res = await call(w.app, principal, 'POST', `/api/exams/filings/${ids.accepted}/cancel`);
    expect(res.body).toMatchObject({ status: 'cancelled', editable: false });
    expect(await figure('exams.filings.accepted', ids.sy01)).toEqual({ num: before.num - 1, den: before.den - 1 });
    expect((await call(w.app, principal, 'POST', `/api/exams/filings/${ids.accepted}/cancel`)).status).toBe(409);
    expect((await call(w.app, district, 'GET', `/api/exams/filings/${ids.accepted}`)).body.status).toBe('cancelled');
  });
});

describe('levels (等级制)', () => {
  it('the subject teacher records a class in one request; a mark becomes a level at once', async () => {
    const teacher = await w.login('demo-teacher');
    const sheet = (await call(w.app, teacher, 'GET', `/api/exams/filings/${ids.unit}/results?classId=${ids.class33}&subjectId=${ids.math}`)).body;
    expect(sheet.canRecord).toBe(true);
    expect(sheet.counts.missing).toBe(sheet.pupils.length);
    const [a, b, c, ...rest] = sheet.pupils as { studentId: string }[];
    const res = await call(w.app, teacher, 'PUT', `/api/exams/filings/${ids.unit}/results`, {
      classId: ids.class33,
      subjectId: ids.math,
      entries: [
        { studentId: a!.studentId, level: 'good' },
        { studentId: b!.studentId, score: 95 },
        { studentId: c!.studentId, score: 50, fullMarks: 120 },
        ...rest.map((p) => ({ studentId: p.studentId, level: 'pass' })),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.pupils.slice(0, 3).map((p: { level: string }) => p.level)).toEqual(['good', 'excellent', 'not_yet']);
    expect(res.body.counts).toMatchObject({ good: 1, excellent: 1, not_yet: 1, pass: rest.length, missing: 0 });
    const fig = (await q<{ num: number; den: number }>(`select num::int, den::int from indicator_rollups where indicator = 'exams.results.recorded' and scope_id = $1 and period = $2`, [ids.class33, `semester:${ids.semester}`]))[0]!;
    expect(fig.den).toBeGreaterThan(0);
    expect(fig.num).toBe(fig.den); // chinese was already recorded by the demo, math now too
  });

  it('refuses another subject, a class of another grade, an exam not yet held, a pupil of another class, a mark over full marks', async () => {
    const teacher = await w.login('demo-teacher');
    const put = (examId: string, body: Record<string, unknown>) => call(w.app, teacher, 'PUT', `/api/exams/filings/${examId}/results`, body);
    const pupil = (await q<{ id: string }>(`select id from students where district_id = $1 and class_id = $2 limit 1`, [ids.district, ids.class33]))[0]!.id;
    expect((await put(ids.unit, { classId: ids.class33, subjectId: ids.chinese, entries: [{ studentId: pupil, level: 'good' }] })).status).toBe(403);
    expect((await put(ids.unit, { classId: ids.class41, subjectId: ids.math, entries: [{ studentId: pupil, level: 'good' }] })).status).toBe(404);
    expect((await put(ids.final, { classId: ids.class33, subjectId: ids.math, entries: [{ studentId: pupil, level: 'good' }] })).status).toBe(409);
    expect((await put(ids.unit, { classId: ids.class33, subjectId: ids.math, entries: [{ studentId: ids.child, level: 'good' }] })).status).toBe(400);
    expect((await put(ids.unit, { classId: ids.class33, subjectId: ids.math, entries: [{ studentId: pupil, score: 101 }] })).status).toBe(400);
    expect((await put(ids.unit, { classId: ids.class33, subjectId: ids.math, entries: [{ studentId: pupil, level: 'good', score: 80 }] })).status).toBe(400);
  });

  it('the summary gives counts per level only', async () => {
    const res = await call(w.app, await w.login('demo-principal'), 'GET', `/api/exams/filings/${ids.unit}/summary`);
    expect(res.status).toBe(200);
    const row = res.body.rows.find((r: { classId: string; subjectId: string }) => r.classId === ids.class33 && r.subjectId === ids.math);
    expect(row.counts.missing).toBe(0);
    expect(Object.keys(row.counts).sort()).toEqual(['excellent', 'good', 'missing', 'not_yet', 'pass']);
  });

  it('a parent sees their own child levels only', async () => {
    const parent = await w.login('demo-parent');
    const res = await call(w.app, parent, 'GET', `/api/exams/family/levels?studentId=${ids.child}`);
    expect(res.status).toBe(200);
    expect(res.body.studentName).toBe('张小明');
    const unit = res.body.exams.find((e: { examId: string }) => e.examId === ids.unit);
    expect(unit.levels.map((l: { subjectName: string }) => l.subjectName)).toEqual(['语文', '数学']);
    expect((await call(w.app, parent, 'GET', `/api/exams/family/levels?studentId=${ids.otherChild}`)).status).toBe(404);
    expect((await call(w.app, parent, 'GET', `/api/exams/filings/${ids.unit}/results?classId=${ids.class33}&subjectId=${ids.math}`)).status).toBe(403);
    expect((await call(w.app, await w.login('demo-teacher'), 'GET', `/api/exams/family/levels?studentId=${ids.child}`)).status).toBe(403);
  });
});

describe('the district', () => {
  it('files its sample test within the yearly number, and a refusal cites the version in force', async () => {
    const district = await w.login('demo-district');
    const second = await call(w.app, district, 'POST', '/api/exams/filings', filing({ schoolId: null, type: 'district_sample', form: 'paper', grades: [7], name: '区级抽测（七年级）' }));
    expect(second.status).toBe(422);
    expect(second.body.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['district_sample_per_year']);
    const limits = { noPaperGrades: [1, 2], finalsPerSemester: 1, midtermGrades: [7, 8, 9], midtermsPerSemester: 1, crossSchoolAllowed: false, districtSamplePerYear: 2, districtSampleGrades: [6, 7] };
    expect((await call(w.app, district, 'POST', '/api/policies/exams.limits', { value: limits, effectiveFrom: '2026-11-26', reason: '增加一次七年级抽测' })).status).toBe(200);
    const ok = await call(w.app, district, 'POST', '/api/exams/filings', filing({ schoolId: null, type: 'district_sample', form: 'paper', grades: [7], name: '区级抽测（七年级）' }));
    expect(ok.status).toBe(200);
    expect(ok.body.schoolName).toBe('区县');
    const two = await call(w.app, district, 'POST', '/api/exams/filings', filing({ schoolId: null, type: 'district_sample', form: 'paper', grades: [6, 7], name: '区级抽测' }));
    expect(two.body.details.findings[0].citation).toMatchObject({ key: 'exams.limits', version: 1, effectiveFrom: '2026-11-26' });
    // the district's filing is no school's to change
    expect((await call(w.app, await w.login('demo-principal'), 'POST', `/api/exams/filings/${ok.body.id}/cancel`)).status).toBe(403);
    expect((await call(w.app, district, 'GET', '/api/exams/rules')).body.rules.find((r: { rule: string }) => r.rule === 'district_sample_per_year').citation.version).toBe(1);
  });

  it('a district-wide final is a cross-school exam', async () => {
    const res = await call(w.app, await w.login('demo-district'), 'POST', '/api/exams/filings', filing({ schoolId: null, type: 'final', form: 'paper', grades: [5] }));
    expect(res.body.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['no_cross_school']);
  });
});
