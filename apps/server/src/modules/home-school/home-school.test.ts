import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { NO_SENSITIVE, openSensitive, sealSensitive } from '../org';

let w: World;
let teacher: string; // demo-teacher, 数学 in 三年级(1)(2)(3)班
let classTeacher: string; // demo-classteacher, 三年级(2)班
let principal: string;
let district: string;
let parent: string;
let inspector: string;
let gradeLeader: string; // designated 关爱专干 at 实验小学 in the demo
let child: { id: string; classId: string };
let special: { id: string; name: string; class_id: string; school_id: string };
let otherSchoolAdmin: string;

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const figure = async (indicator: string, classId: string) =>
  (await q<{ num: number }>(`select num::int from indicator_rollups where indicator = $1 and class_id = $2 and period like 'semester:%'`, [indicator, classId]))[0]?.num ?? 0;

beforeAll(async () => {
  w = await createWorld({ homeSchool: true });
  [teacher, classTeacher, principal, district, parent, inspector, gradeLeader] = (await Promise.all(
    ['demo-teacher', 'demo-classteacher', 'demo-principal', 'demo-district', 'demo-parent', 'demo-inspector', 'demo-gradeleader'].map((u) => w.login(u)),
  )) as [string, string, string, string, string, string, string];
  child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
  special = (
    await q<{ id: string; name: string; class_id: string; school_id: string }>(
      `select s.id, s.name, s.class_id, s.school_id from students s join student_sensitive ss on ss.student_id = s.id
       join hs_special_files f on f.student_id = s.id where s.class_id = $1 and ss.special limit 1`,
      [child.classId],
    )
  )[0];
  // another school's administrator: an account made for the test
  const other = (await q<{ id: string; district_id: string }>(`select s.id, s.district_id from schools s join districts d on d.id = s.district_id where d.demo and s.code = 'CX02'`))[0];
  const hash = (await q<{ password_hash: string }>(`select password_hash from users where username = 'demo-principal'`))[0].password_hash;
  const [u] = await q<{ id: string }>(`insert into users (district_id, username, name, password_hash, must_change_password) values ($1, 'hs-other-admin', '外校管理员', $2, false) returning id`, [other.district_id, hash]);
  await q(`insert into role_assignments (district_id, user_id, role, school_id, zone_id) select $1, $2, 'school_admin', id, zone_id from schools where id = $3`, [other.district_id, u.id, other.id]);
  await w.exemptFromSecondFactor('hs-other-admin');
  otherSchoolAdmin = await w.login('hs-other-admin');
}, 240_000);
afterAll(() => w.close());

describe('home visits', () => {
  it('a teacher records a visit to a pupil of a class they teach; the figures move and the rule is cited', async () => {
    const before = await figure('home-school.visits.count', child.classId);
    const res = await call(w.app, teacher, 'POST', '/api/home-school/visits', {
      classId: child.classId,
      studentId: child.id,
      mode: 'home',
      date: '2026-11-25',
      metRelation: 'father',
      metName: '张伟',
      topics: ['study', 'sleep'],
      followUp: '下周电话回访',
      followUpDue: '2026-12-02',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'home', asClassTeacher: false, studentName: '张小明', teacherName: '李强' });
    expect(await figure('home-school.visits.count', child.classId)).toBe(before + 1);
    const done = await call(w.app, teacher, 'POST', `/api/home-school/visits/${res.body.id}/follow-up-done`);
    expect(done.status).toBe(200);
    expect(done.body.followUpDoneAt).not.toBeNull();
    const progress = await call(w.app, teacher, 'GET', '/api/home-school/progress/me');
    expect(progress.status).toBe(200);
    expect(progress.body.rule).toMatchObject({ rule: 'home-school.visits', weeklyMin: 1, semesterHomeMin: 1, specialMin: 3 });
    expect(progress.body.weekDone).toBe(true);
    expect(progress.body.due.some((d: { studentId: string }) => d.studentId === child.id)).toBe(false);
  });

  it('refuses a visit in the future (422, the rule cited) and a pupil of a class not taught (404)', async () => {
    const base = { classId: child.classId, studentId: child.id, mode: 'phone', metRelation: 'mother', metName: '李梅', topics: ['homework'] };
    const future = await call(w.app, teacher, 'POST', '/api/home-school/visits', { ...base, date: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.body.message).toContain('home-school.visits');
    const other = (await q<{ id: string; class_id: string }>(`select s.id, s.class_id from students s join classes c on c.id = s.class_id where c.grade = 5 limit 1`))[0];
    const res = await call(w.app, teacher, 'POST', '/api/home-school/visits', { ...base, classId: other.class_id, studentId: other.id, date: '2026-11-25' });
    expect(res.status).toBe(404);
    expect((await call(w.app, parent, 'POST', '/api/home-school/visits', { ...base, date: '2026-11-25' })).status).toBe(403);
  });

  it('records a visit once under an Idempotency-Key: its reads run one after another in the request’s one transaction', async () => {
    // the service reads the class, the pupil, the rule and the semester together (atOnce): inside the idempotent
    // request's transaction one after another (on PostgreSQL the test setup fails a statement sent while another runs)
    const before = await figure('home-school.visits.count', child.classId);
    const send = () =>
      w.app.inject({
        method: 'POST',
        url: '/api/home-school/visits',
        headers: { cookie: teacher, 'idempotency-key': 'hs-visit-retry-0001' },
        payload: { classId: child.classId, studentId: child.id, mode: 'video', date: '2026-11-24', metRelation: 'mother', metName: '李梅', topics: ['sleep'] },
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ mode: 'video', studentName: '张小明' });
    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
    expect(await figure('home-school.visits.count', child.classId)).toBe(before + 1);
  });

  it('the weekly reminder tells teachers without a visit this week, once', async () => {
    const first = await w.runJob('home-school.visitReminder');
    expect(first).toBeGreaterThan(0);
    expect(await w.runJob('home-school.visitReminder')).toBe(0);
  });
});

describe('special students: only the class teacher, care staff, the school and the district', () => {
  it('the class teacher reads the file (audited) and adds a care record', async () => {
    expect(special).toBeTruthy();
    const res = await call(w.app, classTeacher, 'GET', `/api/home-school/special/${special.id}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe(special.name);
    const audits = await q<{ n: number }>(`select count(*)::int as n from audit_log where action = 'home-school.special.read' and entity_id = $1`, [special.id]);
    expect(audits[0].n).toBeGreaterThan(0);
    const rec = await call(w.app, classTeacher, 'POST', `/api/home-school/special/${special.id}/records`, { kind: 'talk', date: '2026-11-26', content: '课间谈心，情绪稳定' });
    expect(rec.status).toBe(200);
    expect(rec.body.records[0]).toMatchObject({ kind: 'talk', content: '课间谈心，情绪稳定' });
    for (const who of [principal, district, gradeLeader]) expect((await call(w.app, who, 'GET', `/api/home-school/special/${special.id}`)).status).toBe(200);
    // the stand-in parent comes with the phone to reach them, and the file states the semester's visit minimum
    const standIn = res.body.staff[0];
    await q(`update users set phone = '13900001234' where id = $1`, [standIn.id]);
    const plan = await call(w.app, classTeacher, 'PUT', `/api/home-school/special/${special.id}/plan`, { goals: '稳定情绪', standInId: standIn.id });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ standInId: standIn.id, standInName: standIn.name, standInPhone: '13900001234', specialMin: 3 });
  });

  it('a subject teacher, a parent, an inspector, another school and another district get nothing', async () => {
    const foreign = await w.login('other-admin').catch(() => null);
    for (const who of [teacher, parent, inspector, otherSchoolAdmin, ...(foreign ? [foreign] : [])]) {
      const file = await call(w.app, who, 'GET', `/api/home-school/special/${special.id}`);
      expect([403, 404]).toContain(file.status);
      expect(JSON.stringify(file.body)).not.toContain('务工');
      const list = await call(w.app, who, 'GET', '/api/home-school/special');
      if (list.status === 200) expect(JSON.stringify(list.body)).not.toContain(special.id); // another school's own register
      else expect([403, 404]).toContain(list.status);
      expect((await call(w.app, who, 'POST', `/api/home-school/special/${special.id}/records`, { kind: 'talk', date: '2026-11-26', content: 'x' })).status).toBeGreaterThanOrEqual(403);
    }
  });

  it('the subject teacher’s progress shows 重点关注 with a masked name and no flags', async () => {
    const progress = await call(w.app, teacher, 'GET', '/api/home-school/progress/me');
    const text = JSON.stringify(progress.body);
    expect(text).not.toContain(special.name);
    expect(text).not.toMatch(/leftBehind|learningDifficulty|务工/);
    const cls = await call(w.app, teacher, 'GET', `/api/home-school/progress/classes/${special.class_id}`);
    const row = cls.body.rows.find((r: { studentId: string }) => r.studentId === special.id);
    expect(row.focus).toBe(true);
    expect(row.name).not.toBe(special.name);
    expect(row.name).toContain('*');
    const ct = await call(w.app, classTeacher, 'GET', `/api/home-school/progress/classes/${special.class_id}`);
    expect(ct.body.rows.find((r: { studentId: string }) => r.studentId === special.id).name).toBe(special.name);
  });

  it('a left-behind child’s plan needs a stand-in parent of the school', async () => {
    // the flags are sealed at rest: the test opens them as the server does
    const [lb] = (
      await q<{ id: string; data: string }>(
        `select s.id, ss.data from students s join student_sensitive ss on ss.student_id = s.id
         join classes c on c.id = s.class_id where ss.special and c.school_id = (select school_id from classes where id = $1)`,
        [child.classId],
      )
    ).filter((r) => openSensitive(r.data).leftBehind);
    expect(lb).toBeTruthy();
    const res = await call(w.app, principal, 'PUT', `/api/home-school/special/${lb!.id}/plan`, { goals: '按时完成作业', standInId: null });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('代理家长');
  });

  it('the district dashboard shows special students as counts only', async () => {
    const res = await call(w.app, district, 'GET', '/api/home-school/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.total.specialFiles.den).toBeGreaterThan(0);
    expect(res.body.total.visitCoverage.num).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(special.name);
    expect((await call(w.app, teacher, 'GET', '/api/home-school/dashboard')).status).toBe(403);
    const xlsx = await call(w.app, district, 'GET', '/api/home-school/dashboard/export');
    expect(xlsx.status).toBe(200);
  });

  it('the dashboard’s bases are the roster’s counts, refreshed by the background job when a pupil is flagged', async () => {
    const school = async () => (await call(w.app, district, 'GET', '/api/home-school/dashboard')).body.schools.find((s: { schoolId: string }) => s.schoolId === special.school_id);
    const pupils = (await q<{ n: number }>(`select count(*)::int as n from students where school_id = $1 and status = 'active'`, [special.school_id]))[0].n;
    const before = await school();
    expect(before.figures.visitCoverage.den).toBe(pupils);
    // a pupil flagged 困难 in the roster counts once the job has run
    const [pupil] = await q<{ id: string }>(
      `select s.id from students s left join student_sensitive ss on ss.student_id = s.id where s.school_id = $1 and s.status = 'active'
         and (ss.student_id is null or not ss.special) limit 1`,
      [special.school_id],
    );
    const flagged = sealSensitive({ ...NO_SENSITIVE, hardship: true });
    await q(`insert into student_sensitive (district_id, student_id, special, data) select district_id, id, $2, $3 from students where id = $1
             on conflict (district_id, student_id) do update set special = excluded.special, data = excluded.data`, [pupil.id, flagged.special, flagged.data]);
    expect((await school()).figures.specialFiles.den).toBe(before.figures.specialFiles.den);
    await w.runJob('home-school.bases');
    expect((await school()).figures.specialFiles.den).toBe(before.figures.specialFiles.den + 1);
  });
});

describe('the register of special students: pages, filters, the audit of a page read', () => {
  type Row = { id: string; name: string; class_id: string; school_id: string; data: string; has_file: boolean };
  type Item = { studentId: string; name: string; classId: string; schoolName: string; flags: Record<string, boolean>; hasFile: boolean };
  /** Every active special pupil of the demo district, as the database holds them (the flags opened as the server does). */
  const pupils = async () =>
    (
      await q<Row>(
        `select s.id, s.name, s.class_id, s.school_id, ss.data, (f.student_id is not null) as has_file
         from students s join student_sensitive ss on ss.district_id = s.district_id and ss.student_id = s.id
         left join hs_special_files f on f.district_id = s.district_id and f.student_id = s.id
         where ss.special and s.status = 'active' and s.district_id = (select district_id from schools where id = $1)`,
        [special.school_id],
      )
    ).map((r) => ({ ...r, flags: openSensitive(r.data) }));
  const list = async (who: string, query = '') => {
    const res = await call(w.app, who, 'GET', `/api/home-school/special${query ? `?${query}` : ''}`);
    expect(res.status, query).toBe(200);
    return res.body as { items: Item[]; total: number; belowMin: number; specialMin: number; classes: { id: string; schoolId: string }[] };
  };

  it('pages the whole district in a stable order: page 2 is the next rows, the total counts them all', async () => {
    const all = await pupils();
    const first = await list(district, 'pageSize=5');
    const second = await list(district, 'pageSize=5&page=2');
    const ten = await list(district, 'pageSize=10');
    expect(first.total).toBe(all.length);
    expect(second.total).toBe(all.length);
    expect(first.items).toHaveLength(5);
    expect(second.items.map((i) => i.studentId)).toEqual(ten.items.slice(5).map((i) => i.studentId));
    expect(first.items.map((i) => i.studentId)).toEqual(ten.items.slice(0, 5).map((i) => i.studentId));
    expect(new Set([...first.items, ...second.items].map((i) => i.studentId)).size).toBe(10);
    const beyond = await list(district, `pageSize=5&page=${Math.ceil(all.length / 5) + 1}`);
    expect(beyond).toMatchObject({ items: [], total: all.length });
    // every page carries the counts of the whole match and the classes to filter by
    expect(beyond.belowMin).toBe(first.belowMin);
    expect(first.belowMin).toBeGreaterThan(0);
    expect(new Set(first.classes.map((c) => c.id))).toEqual(new Set(all.map((p) => p.class_id)));
  });

  it('filters by school, class, need, file and name on the server', async () => {
    const all = await pupils();
    const bySchool = await list(district, `schoolId=${special.school_id}&pageSize=500`);
    expect(bySchool.total).toBe(all.filter((p) => p.school_id === special.school_id).length);
    expect(bySchool.items.map((i) => i.studentId).sort()).toEqual(all.filter((p) => p.school_id === special.school_id).map((p) => p.id).sort());
    const byClass = await list(district, `classId=${special.class_id}`);
    expect(byClass.total).toBe(all.filter((p) => p.class_id === special.class_id).length);
    expect(byClass.items.every((i) => i.classId === special.class_id)).toBe(true);
    const leftBehind = await list(district, 'flag=leftBehind&pageSize=500');
    expect(leftBehind.total).toBe(all.filter((p) => p.flags.leftBehind).length);
    expect(leftBehind.total).toBeGreaterThan(0);
    expect(leftBehind.items.every((i) => i.flags.leftBehind)).toBe(true);
    const opened = await list(district, 'hasFile=true&pageSize=500');
    const notYet = await list(district, 'hasFile=false&pageSize=500');
    expect(opened.total).toBe(all.filter((p) => p.has_file).length);
    expect(notYet.total).toBe(all.length - opened.total);
    expect(opened.items.every((i) => i.hasFile) && notYet.items.every((i) => !i.hasFile)).toBe(true);
    const named = await list(district, `q=${encodeURIComponent(special.name)}`);
    expect(named.total).toBe(all.filter((p) => p.name.includes(special.name)).length);
    expect(named.items.map((i) => i.studentId)).toContain(special.id);
    expect((await list(district, `q=${encodeURIComponent('%')}`)).total).toBe(all.filter((p) => p.name.includes('%')).length);
    // the filters combine
    const both = await list(district, `classId=${special.class_id}&hasFile=true`);
    expect(both.total).toBe(all.filter((p) => p.class_id === special.class_id && p.has_file).length);
  });

  it('the school staff see their own: the class teacher their class, care staff and the school their school', async () => {
    const all = await pupils();
    const ct = await list(classTeacher);
    expect(ct.total).toBe(all.filter((p) => p.class_id === special.class_id).length);
    expect(ct.classes.map((c) => c.id)).toEqual([special.class_id]);
    const school = await list(principal, 'pageSize=500');
    expect(school.total).toBe(all.filter((p) => p.school_id === special.school_id).length);
    expect(new Set(school.classes.map((c) => c.schoolId))).toEqual(new Set([special.school_id]));
    // the school's care staff (a grade leader here) read the school's register within the classes the roster lets them see
    const care = await list(gradeLeader, 'pageSize=500');
    expect(care.total).toBeGreaterThan(0);
    expect(care.items.every((i) => school.items.some((s) => s.studentId === i.studentId))).toBe(true);
    expect(new Set(care.items.map((i) => i.classId))).toEqual(new Set(care.classes.map((c) => c.id)));
  });

  it('a filter never widens: another school, another district and a subject teacher are refused as before', async () => {
    const [otherSchool] = await q<{ id: string }>(`select id from schools where district_id = (select district_id from schools where id = $1) and id <> $1 limit 1`, [special.school_id]);
    // the class teacher asking for another school, the other school's administrator for this school or class: nothing
    expect(await list(classTeacher, `schoolId=${otherSchool.id}`)).toMatchObject({ items: [], total: 0 });
    expect(await list(otherSchoolAdmin, `schoolId=${special.school_id}`)).toMatchObject({ items: [], total: 0 });
    expect(await list(otherSchoolAdmin, `classId=${special.class_id}`)).toMatchObject({ items: [], total: 0 });
    await w.exemptFromSecondFactor('other-admin');
    const foreign = await w.login('other-admin');
    for (const query of ['', `schoolId=${special.school_id}`, `classId=${special.class_id}`, `q=${encodeURIComponent(special.name)}`]) {
      const res = await list(foreign, query);
      expect(res.total, query).toBe(0);
      expect(JSON.stringify(res)).not.toContain(special.id);
    }
    for (const who of [teacher, parent, inspector]) {
      const res = await call(w.app, who, 'GET', `/api/home-school/special?schoolId=${special.school_id}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(special.id);
    }
  });

  it('writes one audit entry per page read, naming the filters, the page and the pupils shown, not the need asked for', async () => {
    const entries = async () => (await q<{ n: number }>(`select count(*)::int as n from audit_log where action = 'home-school.special.list'`))[0].n;
    const before = await entries();
    const page = await list(district, `schoolId=${special.school_id}&flag=leftBehind&hasFile=true&page=1&pageSize=3`);
    expect(await entries()).toBe(before + 1);
    const [entry] = await q<{ entity: string; after: Record<string, unknown>; actor_roles: string[] }>(
      `select entity, after, actor_roles from audit_log where action = 'home-school.special.list' order by id desc limit 1`,
    );
    expect(entry.entity).toBe('hs_special_file');
    expect(entry.after).toMatchObject({ schoolId: special.school_id, classId: null, sensitive: '***', hasFile: 'true', q: null, page: 1, pageSize: 3, total: page.total, count: page.items.length });
    expect(entry.after.studentIds).toEqual(page.items.map((i) => i.studentId));
    expect(JSON.stringify(entry.after)).not.toContain('leftBehind');
    // a refused read writes nothing
    await call(w.app, teacher, 'GET', '/api/home-school/special');
    expect(await entries()).toBe(before + 1);
  });

  it('refuses bad paging and filters with 400 naming the field', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=x', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=501', 'pageSize'],
      ['flag=orphan', 'flag'],
      ['hasFile=yes', 'hasFile'],
      ['schoolId=abc', 'schoolId'],
      ['classId=abc', 'classId'],
      [`q=${'张'.repeat(51)}`, 'q'],
    ] as const) {
      const res = await call(w.app, district, 'GET', `/api/home-school/special?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(JSON.stringify(res.body), query).toContain(field);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('meetings and lectures', () => {
  it('the demo’s lectures count their sign-ups: the held one has at least as many signed up as attended', async () => {
    const res = await call(w.app, district, 'GET', '/api/home-school/lectures');
    expect(res.status).toBe(200);
    const held = res.body.items.filter((l: { attended: number }) => l.attended > 0);
    expect(held.length).toBeGreaterThan(0);
    for (const l of held) expect(l.signedUp).toBeGreaterThanOrEqual(l.attended);
  });

  it('a parent sees the coming meeting and lecture, signs up and cancels; a full lecture refuses', async () => {
    const up = await call(w.app, parent, 'GET', '/api/home-school/family');
    expect(up.status).toBe(200);
    expect(up.body.meetings.length).toBeGreaterThan(0);
    const school = up.body.lectures.find((l: { level: string; signedUpMe: boolean }) => l.level === 'school');
    expect(school.signedUpMe).toBe(false);
    const signed = await call(w.app, parent, 'POST', `/api/home-school/lectures/${school.id}/signup`, { studentId: child.id });
    expect(signed.status).toBe(200);
    expect(signed.body.lectures.find((l: { id: string }) => l.id === school.id)).toMatchObject({ signedUpMe: true, signedUp: 1 });
    expect((await call(w.app, parent, 'POST', `/api/home-school/lectures/${school.id}/signup`, { studentId: child.id })).status).toBe(409);
    expect((await call(w.app, parent, 'DELETE', `/api/home-school/lectures/${school.id}/signup`)).status).toBe(200);
    await q(`update hs_lectures set capacity = 1, signed_up = 1 where id = $1`, [school.id]);
    const full = await call(w.app, parent, 'POST', `/api/home-school/lectures/${school.id}/signup`, { studentId: child.id });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain('已满');
  });

  it('the class teacher holds a meeting with attendance; the class figure moves', async () => {
    const before = await figure('home-school.meetings.held', child.classId);
    const m = await call(w.app, classTeacher, 'POST', '/api/home-school/meetings', { classId: child.classId, title: '临时家长会', date: '2026-11-26', place: '教室' });
    expect(m.status).toBe(200);
    const held = await call(w.app, classTeacher, 'POST', `/api/home-school/meetings/${m.body.id}/held`, { minutes: '通报近期情况', attended: [child.id] });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', attended: 1 });
    expect(await figure('home-school.meetings.held', child.classId)).toBe(before + 1);
    expect((await call(w.app, teacher, 'POST', '/api/home-school/meetings', { classId: child.classId, title: 'x', date: '2026-11-26' })).status).toBe(403);
  });
});
