/**
 * A pupil's 居民身份证号 and 家庭住址: sealed at rest, in full only for the class teacher, the school's administrator and
 * the pupil's parents (each full read audited), masked for everyone else, one number per pupil in a district, checked
 * on entry and in the roster import, masked in a district user's export, in full in the family's download.
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@shuangjian/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { SEALED_PREFIX } from '../../platform/crypto';

let w: World;
let principal: string;
let classTeacher: string;
let schoolId: string;
let pupil: { id: string; birth: string; student_no: string };
let other: { id: string; birth: string };
const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);
const ADDRESS = '小店区长治路128号和平苑3号楼2单元501室';
let ID: string;

beforeAll(async () => {
  w = await createWorld();
  principal = await w.login('demo-principal');
  classTeacher = await w.login('demo-classteacher');
  schoolId = (await call(w.app, principal, 'GET', '/api/schools')).body[0].id;
  const me = (await call(w.app, classTeacher, 'GET', '/api/me')).body;
  const classId = me.classes.find((c: { roles: string[] }) => c.roles.includes('class_teacher')).id;
  const rows = await q<{ id: string; birth: string; student_no: string }>(
    `select id, birth_date::text as birth, student_no from students where class_id = $1 and name <> '张小明' order by student_no limit 2`,
    [classId],
  );
  [pupil, other] = [rows[0]!, rows[1]!];
  ID = makeIdNumber('140105', pupil.birth, 901);
});
afterAll(() => w.close());

const detail = async (cookie: string, id = pupil.id) => (await call(w.app, cookie, 'GET', `/api/students/${id}`)).body;

describe('entered and stored sealed', () => {
  it('the school’s administrator enters both; the row holds neither in plaintext, the ID number’s x upper-cased', async () => {
    const res = await call(w.app, principal, 'PATCH', `/api/students/${pupil.id}`, { idNumber: ` ${ID.slice(0, 17)}${ID[17]!.toLowerCase()} `, address: ADDRESS });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ idNumber: ID, address: ADDRESS, identityMasked: false });
    const [raw] = await q<{ id_number: string; id_number_hash: string; address: string; row: string }>(
      `select id_number, id_number_hash, address, s::text as row from students s where id = $1`,
      [pupil.id],
    );
    expect(raw!.id_number.startsWith(SEALED_PREFIX)).toBe(true);
    expect(raw!.address.startsWith(SEALED_PREFIX)).toBe(true);
    expect(raw!.id_number_hash).toMatch(/^[\w-]{43}$/);
    for (const plain of [ID, ID.slice(6, 14), '长治路', '和平苑']) expect(raw!.row).not.toContain(plain);
    expect(await q(`select 1 from students where id_number like $1 or address like $2`, [`%${ID.slice(0, 10)}%`, '%长治路%'])).toHaveLength(0);
    // nor does the audit log of the change
    const audits = await q<{ t: string }>(`select after::text as t from audit_log where entity_id = $1 and action = 'student.update'`, [pupil.id]);
    expect(audits.length).toBeGreaterThan(0);
    for (const a of audits) expect(a.t).not.toContain(ID.slice(0, 10));
  });

  it('refuses a bad check digit, a birth date other than the pupil’s, and a duplicate in the district (409 naming the field)', async () => {
    const badCheck = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
    const bad = await call(w.app, principal, 'PATCH', `/api/students/${other.id}`, { idNumber: badCheck });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('身份证号');
    expect(bad.body.message).toContain('校验位');
    expect(bad.body.details.fields[0].field).toBe('idNumber');
    if (other.birth !== pupil.birth) {
      const mismatch = await call(w.app, principal, 'PATCH', `/api/students/${other.id}`, { idNumber: ID });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.message).toContain('出生日期');
    }
    const twice = await call(w.app, principal, 'PATCH', `/api/students/${other.id}`, { idNumber: ID, birthDate: pupil.birth });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONFLICT');
    expect(twice.body.message).toContain('身份证号');
    expect(twice.body.details.fields[0].field).toBe('idNumber');
    // a new pupil with the number is refused too, and nothing changed
    const created = await call(w.app, principal, 'POST', '/api/students', {
      classId: (await detail(principal)).classId, studentNo: 'ID0000001', name: '重号', gender: 'M', birthDate: pupil.birth, idNumber: ID,
    });
    expect(created.status).toBe(409);
    expect((await detail(principal, other.id)).birthDate).toBe(other.birth);
    // a short or lettered number: 400, never 500; an empty one clears
    for (const idNumber of ['1234', 'ABCDEFGHIJKLMNOPQR', '0'.repeat(19)]) expect((await call(w.app, principal, 'PATCH', `/api/students/${other.id}`, { idNumber })).status).toBe(400);
    const cleared = await call(w.app, principal, 'PATCH', `/api/students/${other.id}`, { idNumber: '', address: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ idNumber: null, address: null });
  });
});

describe('who sees them', () => {
  it('in full: the class teacher and the school’s administrator; masked: a subject teacher, the grade leader, the district; lists always masked', async () => {
    for (const cookie of [principal, classTeacher]) expect(await detail(cookie)).toMatchObject({ idNumber: ID, address: ADDRESS, identityMasked: false });
    const masked = { idNumber: `140105********${ID.slice(-4)}`, address: '小店区长治路****', identityMasked: true };
    for (const user of ['demo-teacher', 'demo-gradeleader', 'demo-district']) expect(await detail(await w.login(user))).toMatchObject(masked);
    const list = await call(w.app, principal, 'GET', `/api/students?q=${pupil.student_no}`);
    expect(list.body.items[0]).toMatchObject(masked);
  });

  it('a full read is on the audit log with the reader; a masked one is not', async () => {
    const reads = () => q<{ actor_id: string; after: { fields: string[] } }>(`select actor_id, after from audit_log where action = 'student.identity.read' and entity_id = $1 order by id`, [pupil.id]);
    const before = (await reads()).length;
    await detail(await w.login('demo-district'));
    expect(await reads()).toHaveLength(before);
    await detail(classTeacher);
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    const [teacher] = await q<{ id: string }>(`select id from users where username = 'demo-classteacher'`);
    expect(after.at(-1)).toMatchObject({ actor_id: teacher!.id, after: { fields: ['idNumber', 'address'] } });
  });

  it('a parent sees their own child’s in full, and finds both in the family’s download', async () => {
    const parent = await w.login('demo-parent');
    const child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
    const [c] = await q<{ birth: string }>(`select birth_date::text as birth from students where id = $1`, [child.id]);
    const childId = makeIdNumber('140105', c!.birth, 903);
    expect((await call(w.app, principal, 'PATCH', `/api/students/${child.id}`, { idNumber: childId, address: ADDRESS })).status).toBe(200);
    expect(await detail(parent, child.id)).toMatchObject({ idNumber: childId, address: ADDRESS, identityMasked: false });
    const file = (await w.app.inject({ method: 'GET', url: `/api/personal-data/children/${child.id}`, headers: { cookie: parent } })).json();
    expect(file.sections.profile[0]).toMatchObject({ idNumber: childId, address: ADDRESS });
  });
});

describe('roster', () => {
  const HEADER = ['学号', '姓名', '性别', '出生日期', '身份证号', '年级', '班级名称', '家庭住址'];
  async function upload(rows: (string | number)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    [HEADER, ...rows].forEach((r) => ws.addRow(r));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----sjid' + Math.random().toString(16).slice(2);
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    const res = await w.app.inject({
      method: 'POST',
      url: `/api/roster/students/import?schoolId=${schoolId}`,
      payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: principal },
    });
    return { status: res.statusCode, body: res.json() };
  }
  const cls = async () => {
    const d = await detail(principal);
    return [d.grade, d.className] as const;
  };

  it('refuses a bad check digit, a taken number and a repeated one, naming row and column, and imports nothing', async () => {
    const [grade, className] = await cls();
    const good = makeIdNumber('140105', '2016-05-12', 905);
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const res = await upload([
      ['ID0100001', '甲', '男', '2016-05-12', good, grade, className, '小店区平阳路1号'],
      ['ID0100002', '乙', '男', '2016-05-12', badCheck, grade, className],
      ['ID0100003', '丙', '男', pupil.birth, ID, grade, className],
      ['ID0100004', '丁', '男', '2016-05-12', good, grade, className],
      ['ID0100005', '戊', '男', '2016-05-13', good, grade, className],
    ]);
    expect(res.status).toBe(422);
    const errors = res.body.details.errors as { row: number; column: string; message: string }[];
    expect(errors).toEqual([
      { row: 3, column: '身份证号', message: expect.stringContaining('校验位') },
      { row: 4, column: '身份证号', message: `已登记为学号 ${pupil.student_no} 的学生` },
      { row: 5, column: '身份证号', message: expect.stringContaining('第 2 行') },
      { row: 6, column: '身份证号', message: expect.stringContaining('出生日期') },
    ]);
    expect(await q(`select 1 from students where student_no like 'ID01%'`)).toHaveLength(0);
  });

  it('imports both sealed; an export’s masked cells import back unchanged', async () => {
    const [grade, className] = await cls();
    const id = makeIdNumber('140105', '2016-05-12', 907);
    const res = await upload([['ID0200001', '己', '男', '2016-05-12', id, grade, className, '小店区平阳路2号']]);
    expect(res).toMatchObject({ status: 200, body: { created: 1 } });
    const [raw] = await q<{ id: string; row: string }>(`select id, s::text as row from students s where student_no = 'ID0200001'`);
    expect(raw!.row).not.toContain(id.slice(0, 10));
    expect(raw!.row).not.toContain('平阳路');
    expect(await detail(principal, raw!.id)).toMatchObject({ idNumber: id, address: '小店区平阳路2号' });
    const again = await upload([['ID0200001', '己', '男', '2016-05-12', `140105********${id.slice(-4)}`, grade, className, '小店区平****']]);
    expect(again).toMatchObject({ status: 200, body: { updated: 0 } });
    expect(await detail(principal, raw!.id)).toMatchObject({ idNumber: id, address: '小店区平阳路2号' });
  });

  it('the export carries them in full for the school’s administrator and masked for the district, and is audited', async () => {
    const sheetOf = async (cookie: string) => {
      const res = await w.app.inject({ method: 'GET', url: `/api/roster/students/export?schoolId=${schoolId}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as string[]).slice(1);
      const col = (name: string) => header.indexOf(name) + 1;
      const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
      return rows.map((r) => ({ no: String(r.getCell(col('学号')).value), id: r.getCell(col('身份证号')).value, address: r.getCell(col('家庭住址')).value }));
    };
    const full = (await sheetOf(principal)).find((r) => r.no === pupil.student_no)!;
    expect(full).toMatchObject({ id: ID, address: ADDRESS });
    const district = await sheetOf(await w.login('demo-district'));
    expect(district.find((r) => r.no === pupil.student_no)).toMatchObject({ id: `140105********${ID.slice(-4)}`, address: '小店区长治路****' });
    const ids = district.map((r) => r.id).filter((v): v is string => typeof v === 'string');
    expect(ids.length).toBeGreaterThan(district.length / 2); // the demo pupils carry numbers
    for (const v of ids) expect(v).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const [row] = await q<{ after: { rows: number; identity: string } }>(`select after from audit_log where action = 'roster.export' order by id desc limit 1`);
    expect(row!.after).toMatchObject({ rows: district.length, identity: 'masked' });
  });
});
