import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let parent: string;
let child: { id: string; name: string; classId: string };

beforeAll(async () => {
  w = await createWorld({ homeSchool: true, homework: true, afterSchool: true, managements: true });
  parent = await w.login('demo-parent');
  child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
});
afterAll(() => w.close());

const download = (cookie: string, id: string) => w.app.inject({ method: 'GET', url: `/api/personal-data/children/${id}`, headers: { cookie } });

it('names the file by the district’s date, not the server’s (01:30 in Shanghai is still the day before in UTC)', async () => {
  const at = w.clock.current;
  w.clock.current = new Date('2026-11-26T17:30:00Z');
  try {
    const res = await download(await w.login('demo-parent'), child.id);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`个人信息-2026-11-27.json`);
  } finally {
    w.clock.current = at;
  }
});

describe('a family downloads its child’s data (PIPL access right)', () => {
  it('holds the child’s record, class, guardians and every module’s rows about the child, and is audited', async () => {
    const res = await download(parent, child.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`个人信息-2026-11-26.json`);
    const file = res.json();
    expect(file.child).toMatchObject({ id: child.id, name: child.name });
    const s = file.sections;
    expect(s.profile[0].name).toBe(child.name);
    expect(s.guardians.length).toBeGreaterThan(0);
    // the parent's own phone in full, no other guardian's
    const phones = s.guardians.map((g: { phone: string }) => g.phone);
    expect(phones.some((p: string) => /^1\d{10}$/.test(p))).toBe(true);
    for (const key of ['homeworkReports', 'sleepReports', 'afterSchoolEnrolments', 'afterSchoolBills', 'growthRecords', 'homeVisits']) expect(s).toHaveProperty(key);
    const count = (key: string, table: string) =>
      w.db.database.query<{ n: number }>(`select count(*)::int as n from ${table} where student_id = $1`, [child.id]).then((r) => r[0]!.n).then((n) => expect(s[key]).toHaveLength(n));
    await count('homeworkReports', 'homework_student_days');
    await count('sleepReports', 'five_sleep_reports');
    await count('afterSchoolEnrolments', 'after_school_enrolments');
    await count('afterSchoolBills', 'after_school_bills');
    await count('growthRecords', 'growth_entries');
    await count('homeVisits', 'hs_visits');
    expect(s.homeworkReports.length + s.sleepReports.length).toBeGreaterThan(0);
    // a visit as a family reads it: when, how and about what, not the teacher's notes
    for (const v of s.homeVisits) expect(Object.keys(v).sort()).toEqual(['byClassTeacher', 'date', 'mode', 'topics']);
    expect(JSON.stringify(file)).not.toContain('districtId');
    const [audit] = await w.db.database.query<{ after: { rows: number } }>(
      `select after from audit_log where action = 'student.data_export' and entity_id = $1 order by at desc limit 1`,
      [child.id],
    );
    expect(audit!.after.rows).toBeGreaterThan(0);
  });

  it('is refused for any other child, to staff, and without signing in', async () => {
    const [other] = await w.db.database.query<{ id: string }>(`select id from students where class_id = $1 and id <> $2 limit 1`, [child.classId, child.id]);
    expect((await download(parent, other!.id)).statusCode).toBe(404);
    const [foreign] = await w.db.database.query<{ id: string }>(`select s.id from students s join districts d on d.id = s.district_id where not d.demo limit 1`);
    expect((await download(parent, foreign!.id)).statusCode).toBe(404);
    // the child's own class teacher sees the pupil, but the download is the family's
    expect((await download(await w.login('demo-classteacher'), child.id)).statusCode).toBe(404);
    expect((await w.app.inject({ method: 'GET', url: `/api/personal-data/children/${child.id}` })).statusCode).toBe(401);
    expect(
      (await w.db.database.query(`select 1 from audit_log where action = 'student.data_export' and entity_id = $1`, [other!.id])).length,
    ).toBe(0);
  });
});
