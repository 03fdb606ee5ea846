import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let principal: string;
let schoolId: string;
beforeAll(async () => {
  w = await createWorld();
  principal = await w.login('demo-principal');
  schoolId = (await call(w.app, principal, 'GET', '/api/schools')).body[0].id;
});
afterAll(() => w.close());

function multipart(file: Buffer, name = 'roster.xlsx') {
  const boundary = '----sjtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(entity: string, file: Buffer, cookie = principal, dryRun = false) {
  const { payload, headers } = multipart(file);
  const res = await w.app.inject({
    method: 'POST',
    url: `/api/roster/${entity}/import?schoolId=${schoolId}${dryRun ? '&dryRun=1' : ''}`,
    payload,
    headers: { ...headers, cookie },
  });
  return { status: res.statusCode, body: res.json() };
}

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STUDENT_HEADER = ['学号', '姓名', '性别', '出生日期', '年级', '班级名称', '监护人1姓名', '监护人1手机', '监护人1关系', '监护人2姓名', '监护人2手机', '监护人2关系'];
/** The template's and the export's columns; the imports below use the older sheet without 身份证号 and 家庭住址 (both optional). */
const TEMPLATE_HEADER = ['学号', '姓名', '性别', '出生日期', '身份证号', '年级', '班级名称', '家庭住址', ...STUDENT_HEADER.slice(6)];

/** Whether the LibreOffice import ran: it adds two guardians (13355550101/0102) to 四年级(8)班. */
let libreOfficeRan = false;

describe('templates and export', () => {
  it('downloads a template with the headers and an instructions sheet', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/roster/students/template?schoolId=${schoolId}`, headers: { cookie: principal } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(TEMPLATE_HEADER);
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
  });

  it('exports the students of the school with their guardians', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/roster/students/export?schoolId=${schoolId}`, headers: { cookie: principal } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(721);
    expect(ws.getRow(2).getCell(10).value).toMatch(/^1\d{10}$/);
  });

  it('refuses a teacher', async () => {
    const res = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/roster/students/export?schoolId=${schoolId}`);
    expect(res.status).toBe(403);
  });
});

describe('import', () => {
  it('reports every bad row with its column and commits nothing', async () => {
    const file = await sheet([
      STUDENT_HEADER,
      ['SY0199000001', '甲同学', '男', '2016-05-12', 3, '三年级(2)班', '甲父', '13344445555', '父亲'],
      ['SY0199000002', '', '未知', '2016-13-01', 3, '三年级(2)班', '乙父', '123', '叔叔'],
      ['SY0199000003', '丙同学', '女', '2016-01-01', 3, '三年级(9)班'],
      ['SY0199000001', '丁同学', '男', '2016-01-01', 3, '三年级(1)班'],
      ['SY0199000005', '戊同学', '男', '2016-01-01', 3, '三年级(1)班', '不同名字', '13344445555', '父亲'],
    ]);
    const res = await upload('students', file);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    const errors = res.body.details.errors as { row: number; column: string; message: string }[];
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(expect.arrayContaining(['姓名', '性别', '出生日期', '监护人1手机', '监护人1关系']));
    expect(at(4)).toEqual(['班级名称']);
    expect(at(5)).toEqual(['学号']);
    expect(at(6)).toEqual(['监护人1手机']);
    expect(errors.find((e) => e.row === 5)!.message).toContain('第 2 行');
    const search = await call(w.app, principal, 'GET', '/api/students?q=SY01990000');
    expect(search.body.total).toBe(0);
  });

  it('imports classes, then students with guardians, in one transaction each', async () => {
    const classes = await sheet([['年级', '班级名称', '入学年份'], [4, '四年级(8)班', 2023], ['四年级', '四年级(9)班', 2023]]);
    const c = await upload('classes', classes);
    expect(c).toMatchObject({ status: 200, body: { created: 2, updated: 0 } });
    const students = await sheet([
      STUDENT_HEADER,
      ['SY0123080001', '王一', '男', '2016/5/12', 4, '四年级(8)班', '王父', '13355550001', '父亲', '李母', '13355550002', '母亲'],
      ['SY0123080002', '王二', '女', '20160612', 4, '四年级(8)班', '王父', '13355550001', '父亲'],
      ['SY0123090001', '赵三', '男', '2016-07-01', 4, '四年级(9)班'],
    ]);
    const dry = await upload('students', students, principal, true);
    expect(dry.body).toMatchObject({ created: 3 });
    expect((await call(w.app, principal, 'GET', '/api/students?q=SY012308')).body.total).toBe(0);
    const res = await upload('students', students);
    expect(res.body).toMatchObject({ rows: 3, created: 3, updated: 0 });
    const list = await call(w.app, principal, 'GET', '/api/students?q=SY012308');
    expect(list.body.total).toBe(2);
    const first = await call(w.app, principal, 'GET', `/api/students/${list.body.items[0].id}`);
    expect(first.body.birthDate).toBe('2016-05-12');
    expect(first.body.guardians.map((g: { name: string }) => g.name).sort()).toEqual(['李母', '王父']);
    // siblings share one guardian record
    const second = await call(w.app, principal, 'GET', `/api/students/${list.body.items[1].id}`);
    expect(second.body.guardians[0].id).toBe(first.body.guardians.find((g: { name: string }) => g.name === '王父').id);
    // importing again updates, never duplicates
    const again = await upload('students', students);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
  });

  it('imports staff with initial passwords that must be changed', async () => {
    const file = await sheet([
      ['用户名', '姓名', '手机', '岗位', '年级', '班级名称', '学科'],
      ['sy01-imp1', '导入老师', '13377770001', '任课教师', 4, '四年级(8)班', '数学'],
      ['sy01-imp1', '导入老师', '13377770001', '班主任', 4, '四年级(8)班', ''],
      ['sy01-imp2', '导入组长', '', '年级组长', 4, '', ''],
      ['sy01-bad', '坏行', '', '局长', '', '', ''],
    ]);
    const bad = await upload('staff', file);
    expect(bad.status).toBe(422);
    expect(bad.body.details.errors).toEqual([{ row: 5, column: '岗位', message: expect.stringContaining('任课教师') }]);
    const good = await upload('staff', await sheet([
      ['用户名', '姓名', '手机', '岗位', '年级', '班级名称', '学科'],
      ['sy01-imp1', '导入老师', '13377770001', '任课教师', 4, '四年级(8)班', '数学'],
      ['sy01-imp1', '导入老师', '13377770001', '班主任', 4, '四年级(8)班', ''],
      ['sy01-imp2', '导入组长', '', '年级组长', 4, '', ''],
    ]));
    expect(good.status).toBe(200);
    expect(good.body.created).toBe(2);
    expect(good.body.credentials).toHaveLength(2);
    const cred = good.body.credentials.find((c: { username: string }) => c.username === 'sy01-imp1');
    const login = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sy01-imp1', password: cred.initialPassword } });
    expect(login.json()).toEqual({ mustChangePassword: true, secondFactor: 'none' });
  });

  it('refuses a file that is not a spreadsheet, or lacks columns', async () => {
    const notXlsx = await upload('students', Buffer.from('hello'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.message).toContain('xlsx');
    const noCols = await upload('students', await sheet([['学号', '姓名'], ['1', '2']]));
    expect(noCols.status).toBe(400);
    expect(noCols.body.message).toContain('性别');
  });

  // Needs LibreOffice (apt-get install libreoffice-calc-nogui); CI installs it and sets REQUIRE_LIBREOFFICE=1 so it always runs there.
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
  it.skipIf(!soffice && !process.env.REQUIRE_LIBREOFFICE)('imports a file written by a real spreadsheet program (LibreOffice)', async () => {
    expect(soffice, 'LibreOffice (apt-get install libreoffice-calc-nogui) must be installed').toBeTruthy();
    const dir = mkdtempSync(join(tmpdir(), 'sj-lo-'));
    const csv = [
      STUDENT_HEADER.join(','),
      'SY0123080101,钱小一,男,2016-03-03,4,四年级(8)班,钱父,13355550101,父亲,,,',
      'SY0123080102,钱小二,女,2016-04-04,4,四年级(8)班,钱父,13355550101,父亲,孙母,13355550102,母亲',
    ].join('\n');
    writeFileSync(join(dir, 'roster.csv'), csv);
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:44,34,76,1,1/2/1/2/1/2/1/2/1/2/1/2/1/2/1/2/1/2/1/2/1/2/1/2', '--convert-to', 'xlsx', '--outdir', dir, join(dir, 'roster.csv')],
      { stdio: 'pipe', timeout: 60_000 },
    );
    const res = await upload('students', readFileSync(join(dir, 'roster.xlsx')));
    expect(res).toMatchObject({ status: 200, body: { created: 2 } });
    libreOfficeRan = true;
    const list = await call(w.app, principal, 'GET', '/api/students?q=SY01230801');
    expect(list.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['钱小一', '钱小二']);
  }, 90_000);
});

describe('guardian accounts per class', () => {
  it('opens parent accounts for every guardian of a class who has none', async () => {
    const classes = (await call(w.app, principal, 'GET', '/api/classes?grade=4')).body;
    const cls = classes.find((c: { name: string }) => c.name === '四年级(9)班');
    const r = await call(w.app, principal, 'POST', `/api/classes/${cls.id}/guardian-accounts`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]); // 赵三 has no guardian on file
    const c8 = classes.find((c: { name: string }) => c.name === '四年级(8)班');
    const r8 = await call(w.app, principal, 'POST', `/api/classes/${c8.id}/guardian-accounts`);
    expect(r8.body.map((c: { username: string }) => c.username).sort()).toEqual(['13355550001', '13355550002', ...(libreOfficeRan ? ['13355550101', '13355550102'] : [])]);
    expect((await call(w.app, principal, 'POST', `/api/classes/${c8.id}/guardian-accounts`)).body).toEqual([]);
  });
});
