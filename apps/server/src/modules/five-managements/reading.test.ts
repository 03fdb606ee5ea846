/**
 * 读物管理 through the API: the district keeps both lists (typed or imported from Excel, a bad file refused whole,
 * re-importing never duplicating), staff of every school read them and check a book; a school files what it brings
 * in (single or imported), each filing checked: a negative-list hit flagged with a self-check finding naming the entry
 * and its reason, a 教辅 not on the recommended list warned; readingFlagged kept on filing, edit and delete; removing
 * the entry later rewrites nothing; and the refusals (another school, another district, a teacher, a parent, bad input).
 */
import { FIVE_INDICATORS } from '@shuangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../platform/excel';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
let semesterId: string;
let school: string;
let otherSchool: string;
let district: string;
let principal: string;
let teacher: string;
let parent: string;
let otherAdmin: string;
let otherTeacher: string;
const base = '/api/five-managements/reading';

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const flaggedFigure = async () =>
  (
    await q<{ num: number; den: number }>(`select num::int as num, den::int as den from indicator_rollups where district_id = $1 and indicator = $2 and period = $3 and school_id = $4 and class_id is null`, [
      d,
      FIVE_INDICATORS.readingFlagged,
      `semester:${semesterId}`,
      school,
    ])
  )[0] ?? { num: 0, den: 0 };
const findingsOf = (filingId: string) => q<{ id: string; title: string; status: string }>(`select id, title, status from five_selfcheck_rectifications where district_id = $1 and source_area = 'reading' and source_ref_id = $2`, [d, filingId]);

function multipart(name: string, file: Buffer) {
  const boundary = '----reading' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(url: string, file: Buffer, cookie: string) {
  const { payload, headers } = multipart('清单.xlsx', file);
  const res = await w.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie } });
  return { status: res.statusCode, body: res.json() };
}
const LIST_HEADERS = ['书名', '作者', '出版社', 'ISBN', '类别', '适用年级', '列入原因', '列入日期'];
const listFile = (rows: string[][]) =>
  buildWorkbook({ name: '清单', columns: LIST_HEADERS.map((h, i) => ({ header: h, key: `c${i}` })), rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) });
const FILING_HEADERS = ['书名', 'ISBN', '出版社', '类别', '年级', '册数', '来源'];
const filingFile = (rows: string[][]) =>
  buildWorkbook({ name: '登记', columns: FILING_HEADERS.map((h, i) => ({ header: h, key: `c${i}` })), rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) });

const book = (over: Record<string, unknown> = {}) => ({ schoolId: school, title: '测试读物', publisher: '测试出版社', kind: 'extracurricular', grades: [3], copies: 30, source: 'library', ...over });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [district, principal, teacher, parent, otherAdmin, otherTeacher] = (await Promise.all(
    ['demo-district', 'demo-principal', 'demo-teacher', 'demo-parent', 'other-admin', 'other-teacher'].map((u) => w.login(u)),
  )) as [string, string, string, string, string, string];
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: semesterId }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [d])) as [{ id: string }];
  [{ id: school }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string }];
  [{ id: otherSchool }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code = 'CX02'`, [d])) as [{ id: string }];
});
afterAll(() => w?.close());

describe('the district lists', () => {
  it('the demo has both lists; staff read them, a parent and another district do not', async () => {
    const r = await call(w.app, teacher, 'GET', `${base}/lists?list=negative`);
    expect(r.status).toBe(200);
    expect(r.body.counts.recommended).toBeGreaterThanOrEqual(30);
    expect(r.body.counts.negative).toBeGreaterThanOrEqual(10);
    expect(r.body.items.every((e: { list: string; reason: string }) => e.list === 'negative' && e.reason)).toBe(true);
    expect((await call(w.app, parent, 'GET', `${base}/lists`)).status).toBe(403);
    const other = await call(w.app, otherTeacher, 'GET', `${base}/lists`);
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    const search = await call(w.app, teacher, 'GET', `${base}/lists?q=${encodeURIComponent('小王子')}`);
    expect(search.body.items.map((e: { title: string }) => e.title)).toContain('小王子');
  });

  it('the district adds an entry; a duplicate, the other list, a missing reason, a bad ISBN and a teacher are refused', async () => {
    const entry = { list: 'negative', title: '《测试禁书甲》', publisher: '测试文化有限公司', isbn: '7-5327-4236-9', kind: 'extracurricular', gradeFrom: 1, gradeTo: 9, reason: '测试原因' };
    const r = await call(w.app, district, 'POST', `${base}/lists`, entry);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ list: 'negative', isbn: '9787532742363', addedOn: '2026-11-26' });
    const dup = await call(w.app, district, 'POST', `${base}/lists`, { ...entry, title: '别的名字', isbn: '978-7-5327-4236-3' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('负面清单中已有这本书');
    const other = await call(w.app, district, 'POST', `${base}/lists`, { ...entry, list: 'recommended' });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain('已在负面清单中');
    const noReason = await call(w.app, district, 'POST', `${base}/lists`, { ...entry, isbn: null, title: '测试禁书乙', reason: '' });
    expect(noReason.status).toBe(400);
    const badIsbn = await call(w.app, district, 'POST', `${base}/lists`, { ...entry, isbn: '978-7-5327-4236-4' });
    expect(badIsbn.status).toBe(400);
    expect(JSON.stringify(badIsbn.body)).toContain('校验位');
    const grades = await call(w.app, district, 'POST', `${base}/lists`, { ...entry, isbn: null, title: '测试禁书丙', gradeFrom: 6, gradeTo: 3 });
    expect(grades.status).toBe(400);
    expect((await call(w.app, teacher, 'POST', `${base}/lists`, { ...entry, title: '教师添加' })).status).toBe(403);
    expect((await call(w.app, principal, 'POST', `${base}/lists`, { ...entry, title: '校长添加' })).status).toBe(403);
    // another district's admin cannot touch this entry: the same 404 as an unknown id
    expect((await call(w.app, otherAdmin, 'DELETE', `${base}/lists/${r.body.id}`)).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'PUT', `${base}/lists/${r.body.id}`, entry)).status).toBe(404);
    const edited = await call(w.app, district, 'PUT', `${base}/lists/${r.body.id}`, { ...entry, reason: '测试原因（修订）' });
    expect(edited.body.reason).toBe('测试原因（修订）');
  });

  it('imports a negative list: a bad file is refused whole naming each row and column; re-importing does not duplicate', async () => {
    const before = (await call(w.app, district, 'GET', `${base}/lists?list=negative`)).body.counts.negative;
    const bad = await listFile([
      ['测试导入书一', '', '导入出版社', '978-7-5327-4236-0', '课外读物', '1-9', '原因一', ''],
      ['测试导入书二', '', '导入出版社', '', '漫画', '1-9', '原因二', ''],
      ['测试导入书三', '', '导入出版社', '', '教辅材料', '3-12', '', '2026-13-01'],
      ['测试导入书四', '', '导入出版社', '', '教辅', '3', '原因四', '2026-09-01'],
    ]);
    const refused = await upload(`${base}/lists/import?list=negative`, bad, district);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_INVALID');
    const errs = refused.body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errs).toEqual(expect.arrayContaining(['2:ISBN', '3:类别', '4:适用年级', '4:列入原因', '4:列入日期']));
    expect(errs.some((e: string) => e.startsWith('5:'))).toBe(false);
    expect((await call(w.app, district, 'GET', `${base}/lists?list=negative`)).body.counts.negative).toBe(before);

    const good = await listFile([
      ['《测试导入书一》', '某作者', '导入出版社', '978-7-02-000220-7', '课外读物', '1-9', '原因一', '2026-09-01'],
      ['测试导入书四', '', '导入出版社有限公司', '', '教辅', '3', '原因四', '2026-09-01'],
    ]);
    const first = await upload(`${base}/lists/import?list=negative`, good, district);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 2, added: 2, updated: 0, unchanged: 0 });
    const again = await upload(`${base}/lists/import?list=negative`, good, district);
    expect(again.body).toMatchObject({ rows: 2, added: 0, updated: 0, unchanged: 2 });
    const changed = await listFile([
      ['测试导入书一', '某作者', '导入出版社', '7-02-000220-X', '课外读物', '1-9', '原因一（更新）', '2026-09-01'],
      ['测试导入书四', '', '导入出版社有限公司', '', '教辅材料', '3', '原因四', '2026-09-01'],
    ]);
    expect((await upload(`${base}/lists/import?list=negative`, changed, district)).body).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await call(w.app, district, 'GET', `${base}/lists?list=negative`)).body.counts.negative).toBe(before + 2);

    // the same book on the recommended list: a row error, nothing written
    const cross = await upload(`${base}/lists/import?list=recommended`, await listFile([['测试导入书四', '', '导入出版社', '', '教辅材料', '3', '', '']]), district);
    expect(cross.status).toBe(422);
    expect(cross.body.details.errors[0]).toMatchObject({ row: 2, column: '书名' });
    expect((await upload(`${base}/lists/import?list=negative`, good, principal)).status).toBe(403);
    const template = await w.app.inject({ method: 'GET', url: `${base}/lists/template?list=negative`, headers: { cookie: district } });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });

  it('a teacher checks a book before buying it, nothing recorded', async () => {
    const r = await call(w.app, teacher, 'POST', `${base}/check`, { title: ' 恐怖 校园 怪谈 ', isbn: '7-5099-3318-8', kind: 'extracurricular' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'flagged', negative: { title: '恐怖校园怪谈', by: 'isbn' } });
    const ok = await call(w.app, teacher, 'POST', `${base}/check`, { title: '《小王子》', publisher: '人民文学出版社', kind: 'extracurricular' });
    expect(ok.body).toMatchObject({ status: 'ok', recommended: { title: '小王子' } });
  });
});

describe('a school files what it brings in', () => {
  it('a negative-list book is flagged, names the entry and reason, opens a self-check item and moves the figure', async () => {
    const before = await flaggedFigure();
    const r = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '测试导入书一', isbn: '9787020002207', publisher: null, source: 'donation' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'flagged', schoolName: '示范区实验小学', semesterId, check: { negative: { title: '测试导入书一', reason: '原因一（更新）', by: 'isbn' } } });
    expect(r.body.findingId).toBeTruthy();
    const [finding] = await findingsOf(r.body.id);
    expect(finding!.title).toContain('《测试导入书一》');
    expect(finding!.title).toContain('原因一（更新）');
    expect(await flaggedFigure()).toEqual({ num: before.num + 1, den: before.den + 1 });

    // removing the entry from the list later rewrites neither the filing nor the finding
    const [entry] = await q<{ id: string }>(`select id from five_reading_entries where district_id = $1 and title = '测试导入书一'`, [d]);
    expect((await call(w.app, district, 'DELETE', `${base}/lists/${entry!.id}`)).status).toBe(200);
    const listed = await call(w.app, principal, 'GET', `${base}/filings?status=flagged`);
    expect(listed.body.items.find((f: { id: string }) => f.id === r.body.id).check.negative.reason).toBe('原因一（更新）');
    expect((await findingsOf(r.body.id))[0]).toMatchObject({ id: finding!.id, title: finding!.title });

    // edit: a clean title clears the flag (the finding stays with the self-check); delete takes the filing back
    const clean = await call(w.app, principal, 'PUT', `${base}/filings/${r.body.id}`, { title: '测试读物（更正）', isbn: null, publisher: '测试出版社', kind: 'extracurricular', grades: [3], copies: 30, source: 'donation' });
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ status: 'ok', findingId: finding!.id });
    expect(await flaggedFigure()).toEqual({ num: before.num, den: before.den + 1 });
    expect((await findingsOf(r.body.id)).length).toBe(1);
    expect((await call(w.app, principal, 'DELETE', `${base}/filings/${r.body.id}`)).status).toBe(200);
    expect(await flaggedFigure()).toEqual(before);
  });

  it('an edit onto the negative list flags and raises; deleting a flagged filing takes both figures back', async () => {
    const before = await flaggedFigure();
    const r = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '测试清白读物' }));
    expect(r.body.status).toBe('ok');
    const flagged = await call(w.app, principal, 'PUT', `${base}/filings/${r.body.id}`, { title: '暗黑童话：血色城堡', isbn: null, publisher: null, kind: 'extracurricular', grades: [3, 4], copies: 5, source: 'class_corner' });
    expect(flagged.body).toMatchObject({ status: 'flagged', check: { negative: { title: '暗黑童话：血色城堡', reason: '含血腥暴力描写' } } });
    expect(flagged.body.findingId).toBeTruthy();
    expect(await flaggedFigure()).toEqual({ num: before.num + 1, den: before.den + 1 });
    await call(w.app, principal, 'DELETE', `${base}/filings/${r.body.id}`);
    expect(await flaggedFigure()).toEqual(before);
  });

  it('a 教辅 not on the recommended list gets a warning to review (规范教辅使用), not a finding', async () => {
    const r = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '测试口算题卡', kind: 'supplementary', source: 'subscription' }));
    expect(r.body).toMatchObject({ status: 'warning', findingId: null, check: { rule: { key: 'five-managements.reading.supplementary' } } });
    expect(r.body.check.rule.text).toContain('规范教辅使用');
    expect(await findingsOf(r.body.id)).toEqual([]);
    const listed = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '语文同步练习册(三年级上册)', publisher: '人民教育出版社', kind: 'supplementary', source: 'class_corner' }));
    expect(listed.body).toMatchObject({ status: 'ok', check: { recommended: { title: '语文同步练习册（三年级上册）' } } });
  });

  it('refuses the same book twice, grades the school lacks, bad input, another school and other roles', async () => {
    const first = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '测试重复读物' }));
    expect(first.status).toBe(200);
    const dup = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '《测试重复读物》' }));
    expect(dup.status).toBe(409);
    expect((await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '《测试重复读物》', source: 'donation' }))).status).toBe(200);
    const grade = await call(w.app, principal, 'POST', `${base}/filings`, book({ title: '测试初中读物', grades: [8] }));
    expect(grade.status).toBe(400);
    expect(grade.body.message).toContain('没有 8 年级');
    expect((await call(w.app, principal, 'POST', `${base}/filings`, book({ copies: 0 }))).status).toBe(400);
    expect((await call(w.app, principal, 'POST', `${base}/filings`, book({ isbn: '12345' }))).status).toBe(400);
    expect((await call(w.app, principal, 'POST', `${base}/filings`, book({ schoolId: otherSchool }))).status).toBe(404);
    expect((await call(w.app, teacher, 'POST', `${base}/filings`, book({ title: '教师登记' }))).status).toBe(403);
    expect((await call(w.app, parent, 'POST', `${base}/filings`, book({ title: '家长登记' }))).status).toBe(403);
    expect((await call(w.app, otherAdmin, 'DELETE', `${base}/filings/${first.body.id}`)).status).toBe(403);
    expect((await call(w.app, teacher, 'DELETE', `${base}/filings/${first.body.id}`)).status).toBe(403);
    const [otherFiling] = await q<{ id: string }>(`select id from five_reading_filings where district_id = $1 and school_id = $2 limit 1`, [d, otherSchool]);
    expect((await call(w.app, principal, 'PUT', `${base}/filings/${otherFiling!.id}`, { title: 'x', kind: 'other', grades: [1], copies: 1, source: 'library' })).status).toBe(404);
    expect((await call(w.app, principal, 'DELETE', `${base}/filings/${otherFiling!.id}`)).status).toBe(404);
  });

  it('the school sees its own filings; staff too; the district sees every school with a summary', async () => {
    const own = await call(w.app, principal, 'GET', `${base}/filings?pageSize=500`);
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((f: { schoolId: string }) => f.schoolId))).toEqual(new Set([school]));
    expect(own.body.items[0].status).toBe('flagged'); // what needs acting on comes first
    expect(own.body.counts.flagged).toBeGreaterThanOrEqual(1);
    const staff = await call(w.app, teacher, 'GET', `${base}/filings?pageSize=500`);
    expect(staff.body.total).toBe(own.body.total);
    const peek = await call(w.app, principal, 'GET', `${base}/filings?schoolId=${otherSchool}`);
    expect(peek.body.total).toBe(0);
    const all = await call(w.app, district, 'GET', `${base}/filings?status=flagged&pageSize=500`);
    expect(new Set(all.body.items.map((f: { schoolName: string }) => f.schoolName)).size).toBeGreaterThanOrEqual(2);
    const summary = await call(w.app, district, 'GET', `${base}/summary`);
    expect(summary.body.schools).toHaveLength(4);
    expect(summary.body.schools.find((s: { schoolId: string }) => s.schoolId === school)).toMatchObject({ filings: own.body.counts.total, flagged: own.body.counts.flagged });
    const mine = await call(w.app, principal, 'GET', `${base}/summary`);
    expect(mine.body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([school]);
    expect((await call(w.app, parent, 'GET', `${base}/filings`)).status).toBe(403);
    expect((await call(w.app, otherAdmin, 'GET', `${base}/filings`)).body.total).toBe(0);
  });
});

describe('a school imports its filings', () => {
  it('a bad file is refused whole; a good one filed and checked; re-importing skips what is filed', async () => {
    const before = await flaggedFigure();
    const bad = await filingFile([
      ['测试导入读物甲', '', '测试出版社', '课外读物', '3-5', '40', '图书室'],
      ['', '', '', '课外读物', '3', '10', '图书室'],
      ['测试导入读物乙', '9787532742364', '', '杂书', '8', '-1', '路边'],
    ]);
    const refused = await upload(`${base}/filings/import?schoolId=${school}`, bad, principal);
    expect(refused.status).toBe(422);
    const errs = refused.body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errs).toEqual(expect.arrayContaining(['3:书名', '4:ISBN', '4:类别', '4:年级', '4:册数', '4:来源']));
    expect(await flaggedFigure()).toEqual(before);

    const good = await filingFile([
      ['测试导入读物甲', '', '测试出版社', '课外读物', '3-5', '40', '图书室'],
      ['霸道校草爱上我', '', '青橙文化传媒有限公司', '课外读物', '5,6', '3', '班级图书角'],
      ['测试导入练习', '', '测试出版社', '教辅材料', '4', '120', '征订'],
    ]);
    const r = await upload(`${base}/filings/import?schoolId=${school}`, good, principal);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 3, filed: 3, duplicates: 0, warnings: 1 });
    expect(r.body.flagged).toHaveLength(1);
    expect(r.body.flagged[0].check.negative).toMatchObject({ title: '霸道校草爱上我', reason: '内容低俗，宣扬早恋' });
    expect(await findingsOf(r.body.flagged[0].id)).toHaveLength(1);
    expect(await flaggedFigure()).toEqual({ num: before.num + 1, den: before.den + 3 });
    const again = await upload(`${base}/filings/import?schoolId=${school}`, good, principal);
    expect(again.body).toMatchObject({ rows: 3, filed: 0, duplicates: 3 });
    expect(await flaggedFigure()).toEqual({ num: before.num + 1, den: before.den + 3 });

    expect((await upload(`${base}/filings/import?schoolId=${otherSchool}`, good, principal)).status).toBe(404);
    expect((await upload(`${base}/filings/import?schoolId=${school}`, good, teacher)).status).toBe(403);
    expect((await upload(`${base}/filings/import?schoolId=${school}`, Buffer.from('not a workbook'), principal)).status).toBe(400);
    const template = await w.app.inject({ method: 'GET', url: `${base}/filings/template`, headers: { cookie: principal } });
    expect(template.statusCode).toBe(200);
  });
});
