import ExcelJS from 'exceljs';
import { FIVE_INDICATORS, INDICATORS_MAX } from '@shuangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { semesterPeriod, setIndicators } from '../../platform/indicators';

let w: World;
let district: string;
let inspector: string; // demo-inspector: the whole district
let zoneInspector: string; // zone-inspector: 城西学区 (城西第二小学, 九年一贯制学校)
let principal: string; // demo-principal: 示范区实验小学 (SY01)
let otherSchoolAdmin: string; // an administrator of 城西第二小学 (CX02)
let foreign: string; // the other district's administrator
let d: string;
let semesterId: string;
const school: Record<string, string> = {};

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const base = '/api/supervision/assessments';

/** Signs everyone in (again after the test clock moved past the sessions' idle time). */
async function signIn() {
  [district, inspector, zoneInspector, principal, foreign] = (await Promise.all(['demo-district', 'demo-inspector', 'zone-inspector', 'demo-principal', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string, string];
  if (school.CX02) otherSchoolAdmin = await w.login('sv-cx02-admin');
}

beforeAll(async () => {
  w = await createWorld();
  await signIn();
  d = (await q<{ id: string }>(`select id from districts where code = 'demo'`))[0].id;
  for (const s of await q<{ id: string; code: string }>(`select id, code from schools where district_id = $1`, [d])) school[s.code] = s.id;
  semesterId = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date = '2026-09-01'`, [d]))[0].id;
  const hash = (await q<{ password_hash: string }>(`select password_hash from users where username = 'demo-principal'`))[0].password_hash;
  const [u] = await q<{ id: string }>(`insert into users (district_id, username, name, password_hash, must_change_password) values ($1, 'sv-cx02-admin', '城西二小管理员', $2, false) returning id`, [d, hash]);
  await q(`insert into role_assignments (district_id, user_id, role, school_id, zone_id) select $1, $2, 'school_admin', id, zone_id from schools where id = $3`, [d, u.id, school.CX02]);
  await w.exemptFromSecondFactor('sv-cx02-admin');
  otherSchoolAdmin = await w.login('sv-cx02-admin');
}, 240_000);
afterAll(() => w.close());

describe('the demo', () => {
  it("has last semester's assessment published with red and yellow lists and an award, and this semester's being scored", async () => {
    const list = await call(w.app, district, 'GET', base);
    expect(list.status).toBe(200);
    const [scoring, published] = [list.body.items.find((a: { status: string }) => a.status === 'scoring'), list.body.items.find((a: { status: string }) => a.status === 'published')];
    expect(scoring).toMatchObject({ semesterName: '2026-2027学年第一学期', indicatorCount: 9 });
    expect(published).toMatchObject({ semesterName: '2025-2026学年第二学期', indicatorCount: 9 });
    const lists = await call(w.app, district, 'GET', `${base}/${published.id}/lists`);
    expect(lists.status).toBe(200);
    expect(lists.body.red.map((s: { schoolName: string }) => s.schoolName)).toEqual(['示范区第一初级中学', '示范区实验小学']);
    expect(lists.body.red[0]).toMatchObject({ rank: 1, award: '“双减”工作先进学校（新优质学校）' });
    expect(lists.body.yellow.map((s: { schoolName: string }) => s.schoolName)).toEqual(['城西第二小学']);
    const preview = await call(w.app, inspector, 'GET', `${base}/${scoring.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.frozen).toBe(false);
    expect(preview.body.range).toEqual({ from: '2026-09-01', to: '2026-11-26' });
    const missing = Object.fromEntries(preview.body.schools.map((s: { schoolName: string; missing: number }) => [s.schoolName, s.missing]));
    expect(missing).toEqual({ 示范区实验小学: 0, 示范区第一初级中学: 0, 城西第二小学: 1, 城西九年一贯制学校: 2 });
    const own = await call(w.app, principal, 'GET', '/api/supervision/results');
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({ schoolCount: 4, result: { schoolName: '示范区实验小学', rank: 2, list: 'red' } });
    expect(Object.keys(own.body.items[0].result.detail)).toHaveLength(9);
  });
});

describe('an assessment from the sheet to the published lists', () => {
  let id: string;
  let inspection: string;
  const sheet = [
    { name: '课表开齐开足', weight: 2, kind: 'metric', metric: 'timetable.compliant', formula: 'pass', target: 1 },
    { name: '五项管理自查整改完成率', weight: 3, kind: 'metric', metric: 'five.selfcheckRectified', formula: 'rate' },
    { name: '实地督导', weight: 5, kind: 'inspector', guidance: '查阅台账，现场查看' },
  ];
  const input = { name: '秋季学期专项督导', semesterId: '', periodFrom: '2026-09-01', periodTo: '2026-11-30', closeDate: '2026-11-27', redMin: 90, yellowBelow: 85, blackBelow: 61 };

  it('creates a draft once under an Idempotency-Key, edits it, and refuses bad thresholds and dates naming the field', async () => {
    input.semesterId = semesterId;
    const headers = { cookie: district, 'idempotency-key': 'sv-create-0001' };
    const first = await w.app.inject({ method: 'POST', url: base, headers, payload: input });
    const again = await w.app.inject({ method: 'POST', url: base, headers, payload: input });
    expect(first.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    id = first.json().id;
    expect((await q<{ n: number }>(`select count(*)::int as n from supervision_assessments where name = $1`, [input.name]))[0].n).toBe(1);
    expect(first.json()).toMatchObject({ status: 'draft', semesterName: '2026-2027学年第一学期', indicators: [] });

    const edited = await call(w.app, district, 'PUT', `${base}/${id}`, { ...input, redMin: 92 });
    expect(edited.status).toBe(200);
    expect(edited.body.redMin).toBe(92);
    await call(w.app, district, 'PUT', `${base}/${id}`, input);

    const yellow = await call(w.app, district, 'PUT', `${base}/${id}`, { ...input, yellowBelow: 95 });
    expect(yellow.status).toBe(400);
    expect(yellow.body.message).toContain('黄牌线');
    const black = await call(w.app, district, 'POST', base, { ...input, blackBelow: 86 });
    expect(black.status).toBe(400);
    expect(black.body.message).toContain('黑榜线');
    const dates = await call(w.app, district, 'POST', base, { ...input, periodTo: '2026-08-01' });
    expect(dates.status).toBe(400);
    expect(dates.body.message).toContain('统计截止日期');
    const over = await call(w.app, district, 'POST', base, { ...input, redMin: 120 });
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('红榜线');
    const semester = await call(w.app, district, 'POST', base, { ...input, semesterId: school.SY01 });
    expect(semester.status).toBe(400);
    expect(semester.body.message).toContain('学期');
  });

  it('refuses a bad sheet naming the field, then takes the whole sheet with each indicator’s share', async () => {
    const put = (indicators: unknown[]) => call(w.app, district, 'PUT', `${base}/${id}/indicators`, { indicators });
    const zero = await put([{ ...sheet[0], weight: 0 }]);
    expect(zero.status).toBe(400);
    expect(zero.body.message).toContain('权重');
    const noTarget = await put([{ ...sheet[0], target: null }]);
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.message).toContain('目标值');
    const bigTarget = await put([{ ...sheet[0], target: 1.5 }]);
    expect(bigTarget.status).toBe(400);
    expect(bigTarget.body.message).toContain('目标值');
    const noMetric = await put([{ ...sheet[1], metric: null }]);
    expect(noMetric.status).toBe(400);
    expect(noMetric.body.message).toContain('数据项');
    const unknownMetric = await put([{ ...sheet[1], metric: 'homework.nonsense' }]);
    expect(unknownMetric.status).toBe(400);
    const twice = await put([sheet[2], sheet[2]]);
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('重名');
    const many = await put(Array.from({ length: INDICATORS_MAX + 1 }, (_, i) => ({ ...sheet[2], name: `指标${i}` })));
    expect(many.status).toBe(400);
    expect(many.body.message).toContain('指标');

    const ok = await put(sheet);
    expect(ok.status).toBe(200);
    expect(ok.body.indicators.map((i: { share: number }) => i.share)).toEqual([0.2, 0.3, 0.5]);
    inspection = ok.body.indicators[2].id;
    expect(ok.body.indicators[0]).toMatchObject({ kind: 'metric', metric: 'timetable.compliant', formula: 'pass', target: 1 });
  });

  it('is hidden from inspectors while a draft; opens for scoring once, then the sheet is frozen', async () => {
    expect((await call(w.app, inspector, 'GET', `${base}/${id}`)).status).toBe(404);
    const opened = await call(w.app, district, 'POST', `${base}/${id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('scoring');
    const again = await call(w.app, district, 'POST', `${base}/${id}/open`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('评分中');
    const edit = await call(w.app, district, 'PUT', `${base}/${id}/indicators`, { indicators: sheet });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/评分中.*不能修改指标/);
    expect((await call(w.app, district, 'DELETE', `${base}/${id}`)).status).toBe(409);
    expect((await call(w.app, district, 'POST', `${base}/${id}/publish`)).status).toBe(409);
    const told = await q<{ n: number }>(`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'demo-inspector' and n.link = $1`, [`/supervision/assessments/${id}`]);
    expect(told[0].n).toBe(1);
  });

  it('inspectors score the schools of their zone with evidence; the preview counts what is missing', async () => {
    const score = (cookie: string, code: string, value: number, extra: object = {}) =>
      call(w.app, cookie, 'PUT', `${base}/${id}/scores`, { indicatorId: inspection, schoolId: school[code], score: value, evidence: `${code} 现场督导记录`, ...extra });
    const outside = await score(zoneInspector, 'SY01', 80);
    expect(outside.status).toBe(403);
    expect(outside.body.message).toContain('学区');
    expect((await score(principal, 'SY01', 100)).status).toBe(403);
    expect((await score(foreign, 'SY01', 100)).status).toBe(404);
    const noEvidence = await score(inspector, 'SY01', 80, { evidence: '  ' });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.message).toContain('佐证说明');
    const tooHigh = await score(inspector, 'SY01', 101);
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.message).toContain('得分');
    const metricScored = await call(w.app, inspector, 'PUT', `${base}/${id}/scores`, { indicatorId: (await call(w.app, district, 'GET', `${base}/${id}`)).body.indicators[0].id, schoolId: school.SY01, score: 90, evidence: '—' });
    expect(metricScored.status).toBe(400);
    expect(metricScored.body.message).toContain('平台数据');

    const first = await score(inspector, 'SY01', 70);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ score: 70, scoredByName: '吴志刚', schoolName: '示范区实验小学' });
    expect((await score(inspector, 'SY01', 80)).body.score).toBe(80); // a later score replaces it
    expect((await score(inspector, 'CZ01', 95)).status).toBe(200);
    const upload = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/evidence',
      headers: { cookie: zoneInspector, 'content-type': 'multipart/form-data; boundary=sv' },
      payload: '--sv\r\nContent-Disposition: form-data; name="file"; filename="督导记录.txt"\r\nContent-Type: text/plain\r\n\r\n城西二小现场督导记录\r\n--sv--\r\n',
    });
    expect(upload.statusCode).toBe(200);
    const file = upload.json().id;
    const withFile = await score(zoneInspector, 'CX02', 90, { attachmentIds: [file] });
    expect(withFile.status).toBe(200);
    expect(withFile.body.attachmentIds).toEqual([file]);
    expect((await call(w.app, district, 'GET', `/api/supervision/evidence/${file}`)).status).toBe(200);
    expect((await call(w.app, principal, 'GET', `/api/supervision/evidence/${file}`)).status).toBe(404);

    const sheetOfZone = await call(w.app, zoneInspector, 'GET', `${base}/${id}/scores`);
    expect(sheetOfZone.status).toBe(200);
    expect(sheetOfZone.body.schools.map((s: { code: string }) => s.code).sort()).toEqual(['CX02', 'JN01']);
    expect(sheetOfZone.body.scores.map((s: { schoolName: string }) => s.schoolName)).toEqual(['城西第二小学']);
    expect(sheetOfZone.body.indicators.map((i: { name: string }) => i.name)).toEqual(['实地督导']);

    const preview = await call(w.app, district, 'GET', `${base}/${id}/preview`);
    expect(preview.status).toBe(200);
    const jn = preview.body.schools.find((s: { schoolId: string }) => s.schoolId === school.JN01);
    expect(jn).toMatchObject({ missing: 1 });
    expect(jn.detail[inspection]).toEqual({ num: null, den: null, rate: null, score: null });
    const audits = await q<{ n: number }>(`select count(*)::int as n from audit_log where action = 'supervision.score.put' and entity_id = $1`, [id]);
    expect(audits[0].n).toBe(4);
  });

  it('refuses to close before the close date, and while a school lacks an inspector score (naming the indicator)', async () => {
    const early = await call(w.app, district, 'POST', `${base}/${id}/close`);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('2026-11-27');
    w.clock.advance(2 * 86_400_000); // 2026-11-28
    await signIn();
    const missing = await call(w.app, district, 'POST', `${base}/${id}/close`);
    expect(missing.status).toBe(409);
    expect(missing.body.message).toContain('指标「实地督导」尚有 1 所学校未评分');
    expect((await call(w.app, zoneInspector, 'PUT', `${base}/${id}/scores`, { indicatorId: inspection, schoolId: school.JN01, score: 72, evidence: '九年一贯制学校现场督导' })).status).toBe(200);
  });

  it('closes: every school’s result frozen from the figures and the scores, by hand: totals, shared ranks, lists', async () => {
    // the figures of the semester as the rollups hold them: 课表 all compliant (pass → 100) or not (0); 自查整改 rate
    const period = semesterPeriod(semesterId);
    const fig = (code: string, indicator: string, num: number, den: number) => ({ districtId: d, indicator, period, schoolId: school[code]!, num, den });
    await setIndicators(w.db.database.db, [
      fig('SY01', 'timetable.compliant', 18, 18),
      fig('SY01', FIVE_INDICATORS.selfcheckRectified, 9, 12),
      fig('CX02', 'timetable.compliant', 11, 12),
      fig('CX02', FIVE_INDICATORS.selfcheckRectified, 6, 12),
      fig('CZ01', 'timetable.compliant', 9, 9),
      fig('CZ01', FIVE_INDICATORS.selfcheckRectified, 12, 12),
      // 九年一贯制学校: no timetable figure (0/0): left out, the other weights renormalised
      fig('JN01', FIVE_INDICATORS.selfcheckRectified, 10, 10),
    ]);
    const closed = await call(w.app, district, 'POST', `${base}/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const res = await call(w.app, district, 'GET', `${base}/${id}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ frozen: true, range: { from: '2026-09-01', to: '2026-11-27' } });
    const by = Object.fromEntries(res.body.schools.map((s: { schoolId: string }) => [s.schoolId, s]));
    // 0.2×100 + 0.3×100 + 0.5×95 = 97.5
    expect(by[school.CZ01!]).toMatchObject({ total: 97.5, rank: 1, list: 'red' });
    // 0.2×100 + 0.3×75 + 0.5×80 = 82.5
    expect(by[school.SY01!]).toMatchObject({ total: 82.5, rank: 2, list: 'yellow' });
    expect(by[school.SY01!].detail[inspection]).toEqual({ num: null, den: null, rate: null, score: 80 });
    // (3×100 + 5×72) / 8 = 82.5: a tie shares rank 2
    expect(by[school.JN01!]).toMatchObject({ total: 82.5, rank: 2, list: 'yellow' });
    expect(Object.values(by[school.JN01!].detail)).toContainEqual({ num: 0, den: 0, rate: null, score: null });
    // 0.2×0 + 0.3×50 + 0.5×90 = 60 < 61: 黑榜, rank 4 after the tie
    expect(by[school.CX02!]).toMatchObject({ total: 60, rank: 4, list: 'black' });
    const black = await call(w.app, district, 'GET', `${base}/${id}/results?list=black`);
    expect(black.body.schools.map((s: { schoolName: string }) => s.schoolName)).toEqual(['城西第二小学']);
    const lists = await call(w.app, district, 'GET', `${base}/${id}/lists`);
    expect(lists.body.yellow.map((s: { rank: number }) => s.rank)).toEqual([2, 2]);
  });

  it('keeps the snapshot: data changed after the close changes no result; scoring is over', async () => {
    const before = (await call(w.app, district, 'GET', `${base}/${id}/results`)).body.schools;
    await setIndicators(w.db.database.db, [{ districtId: d, indicator: FIVE_INDICATORS.selfcheckRectified, period: semesterPeriod(semesterId), schoolId: school.CZ01!, num: 0, den: 12 }]);
    const after = (await call(w.app, district, 'GET', `${base}/${id}/results`)).body.schools;
    expect(after).toEqual(before);
    const late = await call(w.app, inspector, 'PUT', `${base}/${id}/scores`, { indicatorId: inspection, schoolId: school.SY01, score: 99, evidence: '补评' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('已关账');
    expect((await call(w.app, district, 'GET', `${base}/${id}/preview`)).status).toBe(409);
  });

  it('sets an award while closed; a school sees nothing before publication, its own result after, never another school’s', async () => {
    const award = await call(w.app, district, 'PUT', `${base}/${id}/results/${school.CZ01}/award`, { award: '新优质学校' });
    expect(award.status).toBe(200);
    expect(award.body).toMatchObject({ schoolName: '示范区第一初级中学', award: '新优质学校', rank: 1 });
    expect((await call(w.app, principal, 'PUT', `${base}/${id}/results/${school.SY01}/award`, { award: '自封' })).status).toBe(403);

    const early = await call(w.app, principal, 'GET', `/api/supervision/results/${id}`);
    expect(early.status).toBe(404);
    expect(early.body.code).toBe('NOT_FOUND');
    const others = await call(w.app, principal, 'GET', `${base}/${id}/results`);
    expect(others.status).toBe(403);
    expect(others.body.code).toBe('FORBIDDEN');
    expect((await call(w.app, principal, 'GET', `${base}/${id}/lists`)).status).toBe(403);

    const published = await call(w.app, district, 'POST', `${base}/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await call(w.app, district, 'PUT', `${base}/${id}/results/${school.CZ01}/award`, { award: '改' })).status).toBe(409);

    const own = await call(w.app, principal, 'GET', `/api/supervision/results/${id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ schoolCount: 4, result: { schoolId: school.SY01, total: 82.5, rank: 2, list: 'yellow' } });
    expect(own.body.indicators.map((i: { share: number }) => i.share)).toEqual([0.2, 0.3, 0.5]);
    const cx = await call(w.app, otherSchoolAdmin, 'GET', '/api/supervision/results');
    expect(cx.body.items.every((i: { result: { schoolId: string } }) => i.result.schoolId === school.CX02)).toBe(true);
    expect(cx.body.items.find((i: { assessment: { id: string } }) => i.assessment.id === id).result).toMatchObject({ total: 60, list: 'black' });
    expect((await call(w.app, otherSchoolAdmin, 'GET', `${base}/${id}/results`)).status).toBe(403);
    expect((await call(w.app, foreign, 'GET', `/api/supervision/results/${id}`)).status).toBe(403);

    const told = await q<{ body: string }>(`select n.body from notifications n join users u on u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'supervision.result'`);
    expect(told[0].body).toContain('本校总分 82.5，全区第 2 名（共 4 所）；列入黄牌');
    const actions = (await q<{ action: string }>(`select action from audit_log where entity_id = $1 order by at`, [id])).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['supervision.assessment.create', 'supervision.assessment.update', 'supervision.assessment.indicators', 'supervision.assessment.open', 'supervision.assessment.close', 'supervision.result.award', 'supervision.assessment.publish']));
  });

  it('exports the results as a workbook', async () => {
    const res = await call(w.app, district, 'GET', `${base}/${id}/results.xlsx`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['测评结果', '测评细则', '得分明细']);
    const sheet = wb.getWorksheet('测评结果')!;
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining([1, '示范区第一初级中学', 97.5, '红榜', '新优质学校']));
  });
});

describe('refusals', () => {
  it('another district reads and changes nothing; a school administrator defines nothing', async () => {
    const demo = (await q<{ id: string }>(`select id from supervision_assessments where district_id = $1 and status = 'scoring' limit 1`, [d]))[0].id;
    for (const [method, url] of [
      ['GET', `${base}/${demo}`],
      ['GET', `${base}/${demo}/preview`],
      ['GET', `${base}/${demo}/scores`],
      ['POST', `${base}/${demo}/close`],
    ] as const) {
      const res = await call(w.app, foreign, method, url);
      expect(res.status, url).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await call(w.app, foreign, 'GET', base)).body.items.some((a: { id: string }) => a.id === demo)).toBe(false);
    expect((await call(w.app, principal, 'GET', base)).status).toBe(403);
    expect((await call(w.app, principal, 'POST', base, { ...{ name: '校内', periodFrom: '2026-09-01', periodTo: '2026-11-30', closeDate: '2026-12-01', redMin: 90, yellowBelow: 80, blackBelow: 60 } })).status).toBe(403);
    expect((await call(w.app, inspector, 'POST', `${base}/${demo}/close`)).status).toBe(403);
    expect((await call(w.app, district, 'DELETE', `${base}/${demo}`)).status).toBe(409);
  });

  it('deletes a draft', async () => {
    const made = await call(w.app, district, 'POST', base, { name: '待删除', periodFrom: '2026-09-01', periodTo: '2026-11-30', closeDate: '2026-12-01', redMin: 90, yellowBelow: 80, blackBelow: 60 });
    expect(made.status).toBe(200);
    expect((await call(w.app, district, 'POST', `${base}/${made.body.id}/open`)).status).toBe(409); // no indicator yet
    expect((await call(w.app, district, 'DELETE', `${base}/${made.body.id}`)).status).toBe(200);
    expect((await call(w.app, district, 'GET', `${base}/${made.body.id}`)).status).toBe(404);
  });
});
