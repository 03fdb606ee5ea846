/** Minors' personal data sealed at rest: raw rows hold no plaintext, reads open them, rotation, conversion, export audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, TEST_DATA_KEY, type World } from '../../../test/harness';
import { DataKeyError, installKeyring, keyring, keyringOf, newDataKeyText, SEALED_PREFIX } from '../../platform/crypto';
import { resealAll } from '../../platform/sealed-columns';
import { makeIdNumber } from '@shuangjian/policy';
import { MODULES } from '../../app';

let w: World;
let principal: string;
let classTeacher: string;
let schoolId: string;
let pupil: { id: string; class_id: string };
const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);
const sealed = () => MODULES.flatMap((m) => m.sealed ?? []);

beforeAll(async () => {
  w = await createWorld({ homeSchool: true });
  principal = await w.login('demo-principal');
  classTeacher = await w.login('demo-classteacher');
  schoolId = (await call(w.app, principal, 'GET', '/api/schools')).body[0].id;
  const me = (await call(w.app, classTeacher, 'GET', '/api/me')).body;
  const classId = me.classes.find((c: { roles: string[] }) => c.roles.includes('class_teacher')).id;
  pupil = (
    await q<{ id: string; class_id: string }>(
    `select s.id, s.class_id from students s left join student_sensitive ss on ss.student_id = s.id where s.class_id = $1 and ss.student_id is null order by s.student_no limit 1`,
      [classId],
    )
  )[0]!;
});
afterAll(async () => {
  installKeyring(keyringOf(TEST_DATA_KEY));
  await w.close();
});

describe('sealed at rest', () => {
  it('a pupil’s flags and note are stored sealed and read back opened', async () => {
    const res = await call(w.app, classTeacher, 'PUT', `/api/students/${pupil.id}/sensitive`, {
      leftBehind: true, singleParent: false, hardship: true, disability: false, learningDifficulty: false, note: '父母在外务工，由祖母照看',
    });
    expect(res.status).toBe(200);
    expect(res.body.sensitive).toMatchObject({ leftBehind: true, hardship: true, note: '父母在外务工，由祖母照看' });
    const [raw] = await q<Record<string, unknown>>(`select * from student_sensitive where student_id = $1`, [pupil.id]);
    expect(raw!.special).toBe(true);
    expect(String(raw!.data).startsWith(`${SEALED_PREFIX}${keyring().current.id}:`)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('祖母');
    expect(JSON.stringify(raw)).not.toContain('leftBehind');
    expect(Object.keys(raw!).sort()).toEqual(['data', 'district_id', 'special', 'student_id', 'updated_at']);
    const read = await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`);
    expect(read.body.sensitive).toMatchObject({ leftBehind: true, singleParent: false, hardship: true, note: '父母在外务工，由祖母照看' });
  });

  it('a guardian’s phone is stored sealed with a blind index; adding the same phone again finds the guardian by it', async () => {
    const phone = '13600001234';
    expect((await call(w.app, principal, 'POST', `/api/students/${pupil.id}/guardians`, { name: '周敏', phone, relation: '母亲' })).status).toBe(200);
    const rows = await q<{ phone: string; phone_hash: string }>(`select phone, phone_hash from guardians where name = '周敏'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.phone).not.toContain(phone);
    expect(rows[0]!.phone.startsWith(SEALED_PREFIX)).toBe(true);
    expect(rows[0]!.phone_hash).toMatch(/^[\w-]{43}$/);
    expect((await q(`select 1 from guardians where phone like $1 or phone_hash like $1`, [`%${phone}%`])).length).toBe(0);
    const detail = await call(w.app, principal, 'GET', `/api/students/${pupil.id}`);
    expect(detail.body.guardians.find((g: { name: string }) => g.name === '周敏').phone).toBe(phone);
    // a second pupil linked to the same phone reuses the guardian (matched on the blind index), a different name is refused
    const [other] = await q<{ id: string }>(`select id from students where class_id = $1 and id <> $2 order by student_no limit 1`, [pupil.class_id, pupil.id]);
    expect((await call(w.app, principal, 'POST', `/api/students/${other!.id}/guardians`, { name: '周敏', phone, relation: '母亲' })).status).toBe(200);
    expect(await q(`select id from guardians where name = '周敏'`)).toHaveLength(1);
    const clash = await call(w.app, principal, 'POST', `/api/students/${other!.id}/guardians`, { name: '别人', phone, relation: '父亲' });
    expect(clash.status).toBe(400);
    expect(clash.body.message).toContain('周敏');
  });

  it('special students’ care plans and records are sealed; reading the file is audited', async () => {
    const [special] = await q<{ id: string }>(
      `select s.id from students s join student_sensitive ss on ss.student_id = s.id join classes c on c.id = s.class_id
       where ss.special and c.school_id = $1 order by s.student_no limit 1`,
      [schoolId],
    );
    const plan = await call(w.app, principal, 'PUT', `/api/home-school/special/${special!.id}/plan`, {
      goals: '情绪稳定，按时完成作业', measures: '每周谈心一次', responsible: '班主任',
      standInId: (await call(w.app, principal, 'GET', `/api/home-school/special/${special!.id}`)).body.staff[0].id,
    });
    expect(plan.status).toBe(200);
    const care = await call(w.app, principal, 'POST', `/api/home-school/special/${special!.id}/records`, { kind: 'talk', date: new Date(w.clock.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10), content: '谈心：最近想念妈妈', followUp: '下周再谈' });
    expect(care.status).toBe(200);
    expect(care.body.goals).toBe('情绪稳定，按时完成作业');
    expect(care.body.records.some((r: { content: string }) => r.content === '谈心：最近想念妈妈')).toBe(true);
    const [file] = await q<Record<string, string>>(`select goals, measures, responsible from hs_special_files where student_id = $1`, [special!.id]);
    for (const v of Object.values(file!)) expect(v.startsWith(SEALED_PREFIX)).toBe(true);
    const records = await q<{ content: string; follow_up: string | null }>(`select content, follow_up from hs_care_records where student_id = $1`, [special!.id]);
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain('想念妈妈');
    const reads = await q<{ n: number }>(`select count(*)::int as n from audit_log where action = 'home-school.special.read' and entity_id = $1`, [special!.id]);
    expect(reads[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('the roster export of a school is audited with its row count', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/roster/students/export?schoolId=${schoolId}`, headers: { cookie: principal } });
    expect(res.statusCode).toBe(200);
    const [n] = await q<{ n: number }>(`select count(*)::int as n from students where school_id = $1 and status = 'active'`, [schoolId]);
    const [row] = await q<{ after: { entity: string; rows: number }; entity_id: string }>(
      `select after, entity_id from audit_log where action = 'roster.export' order by at desc limit 1`,
    );
    expect(row).toMatchObject({ entity_id: schoolId, after: { entity: 'students', rows: n!.n } });
  });
});

describe('keys', () => {
  it('plaintext left by an older version is sealed by the start’s conversion, once', async () => {
    const [g] = await q<{ id: string }>(`select id from guardians where name = '周敏'`);
    await q(`update guardians set phone = '13600001234', phone_hash = null where id = $1`, [g!.id]);
    const [s] = await q<{ student_id: string }>(`select student_id from student_sensitive where student_id = $1`, [pupil.id]);
    await q(`update student_sensitive set data = $2 where student_id = $1`, [s!.student_id, JSON.stringify({ leftBehind: true, singleParent: false, hardship: false, disability: false, learningDifficulty: false, note: '旧数据' })]);
    const [born] = await q<{ birth: string }>(`select birth_date::text as birth from students where id = $1`, [pupil.id]);
    const idNumber = makeIdNumber('140105', born!.birth, 911);
    await q(`update students set id_number = $2, id_number_hash = null, address = '小店区旧地址1号' where id = $1`, [pupil.id, idNumber]);
    const written = await resealAll(w.db.database.db, sealed(), 'plaintext');
    expect(written).toMatchObject({ guardians: 1, student_sensitive: 1, students: 1 });
    expect(await resealAll(w.db.database.db, sealed(), 'plaintext')).toMatchObject({ guardians: 0, student_sensitive: 0, students: 0 });
    const [pupilRow] = await q<{ id_number: string; id_number_hash: string; address: string }>(`select id_number, id_number_hash, address from students where id = $1`, [pupil.id]);
    expect(pupilRow!.id_number.startsWith(SEALED_PREFIX) && pupilRow!.address.startsWith(SEALED_PREFIX)).toBe(true);
    expect(pupilRow!.id_number_hash).toBeTruthy();
    expect((await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`)).body).toMatchObject({ idNumber, address: '小店区旧地址1号' });
    const [after] = await q<{ phone: string; phone_hash: string }>(`select phone, phone_hash from guardians where id = $1`, [g!.id]);
    expect(after!.phone.startsWith(SEALED_PREFIX)).toBe(true);
    expect(after!.phone_hash).toBeTruthy();
    expect((await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`)).body.sensitive.note).toBe('旧数据');
  });

  it('rotation re-seals every row with the new key, and reads go on; without the old key nothing unrotated opens', async () => {
    const oldId = keyring().current.id;
    const next = newDataKeyText();
    installKeyring(keyringOf(next, [TEST_DATA_KEY]));
    const newId = keyring().current.id;
    // before the rotation: old rows open with the previous key
    expect((await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`)).body.sensitive.note).toBe('旧数据');
    const written = await resealAll(w.db.database.db, sealed(), 'rotate', 100);
    expect(written.guardians).toBeGreaterThan(100);
    expect(written.student_sensitive).toBeGreaterThan(0);
    for (const [table, column] of [['guardians', 'phone'], ['student_sensitive', 'data'], ['students', 'id_number'], ['students', 'address'], ['hs_special_files', 'goals'], ['hs_care_records', 'content']] as const) {
      const ids = await q<{ id: string; n: number }>(`select split_part(${column}, ':', 2) as id, count(*)::int as n from ${table} where ${column} is not null group by 1`);
      expect(ids.map((r) => r.id)).toEqual([newId]);
    }
    expect(await resealAll(w.db.database.db, sealed(), 'rotate')).toMatchObject({ guardians: 0, student_sensitive: 0, students: 0, hs_special_files: 0, hs_care_records: 0 });
    // the new key alone reads everything, phones are found by their new blind index
    installKeyring(keyringOf(next));
    const detail = await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`);
    expect(detail.body.sensitive.note).toBe('旧数据');
    const [other] = await q<{ id: string }>(`select id from students where class_id = $1 and id not in (select student_id from guardian_links gl join guardians g on g.id = gl.guardian_id where g.name = '周敏') limit 1`, [pupil.class_id]);
    expect((await call(w.app, principal, 'POST', `/api/students/${other!.id}/guardians`, { name: '周敏', phone: '13600001234', relation: '母亲' })).status).toBe(200);
    expect(await q(`select id from guardians where name = '周敏'`)).toHaveLength(1);
    // the old key alone: a clear refusal, never another pupil's data or garbage
    installKeyring(keyringOf(TEST_DATA_KEY));
    expect(keyring().current.id).toBe(oldId);
    const [row] = await q<{ data: string }>(`select data from student_sensitive where student_id = $1`, [pupil.id]);
    const { openSensitive } = await import('./sealed');
    expect(() => openSensitive(row!.data)).toThrow(DataKeyError);
    expect((await call(w.app, classTeacher, 'GET', `/api/students/${pupil.id}`)).status).toBe(503);
    installKeyring(keyringOf(next));
  });
});
