import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let parent: string; // demo-parent, 张小明 (三年级(2)班, 示范区实验小学)
let classTeacher: string; // demo-classteacher, 三年级(2)班
let teacher: string; // demo-teacher (math in grade 3)
let principal: string;
let district: string;
let child: { id: string; classId: string };
let classmate: string;
let otherSchoolClass: string;
let foreignStudent: string;

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const figure = async (indicator: string, classId: string, period: string) =>
  (await q<{ num: number; den: number }>(`select num::int, den::int from indicator_rollups where indicator = $1 and class_id = $2 and period = $3`, [indicator, classId, period]))[0];
const report = (body: Record<string, unknown>, who = parent) => call(w.app, who, 'PUT', '/api/five-managements/sleep/family/reports', body);

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [parent, classTeacher, teacher, principal, district] = (await Promise.all(['demo-parent', 'demo-classteacher', 'demo-teacher', 'demo-principal', 'demo-district'].map((u) => w.login(u)))) as [string, string, string, string, string];
  child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
  classmate = (await q<{ id: string }>(`select id from students where class_id = $1 and id <> $2 order by student_no limit 1`, [child.classId, child.id]))[0].id;
  otherSchoolClass = (await q<{ id: string }>(`select c.id from classes c join schools s on s.id = c.school_id where s.code = 'CX02' limit 1`))[0].id;
  foreignStudent = (await q<{ id: string }>(`select s.id from students s join districts d on d.id = s.district_id where not d.demo limit 1`))[0].id;
}, 180_000);
afterAll(() => w.close());

describe('a family reports sleep', () => {
  it('shows the rule for the child’s stage and the demo’s nights', async () => {
    const res = await call(w.app, parent, 'GET', `/api/five-managements/sleep/family/${child.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      studentName: '张小明',
      grade: 3,
      rule: { rule: 'five-managements.sleep', stage: 'primary', minMinutes: 600, latestBedtime: '21:20', policyVersions: null },
      earliest: '2026-11-22',
      lastNight: '2026-11-25',
    });
    // the family's own last two nights are left for the family
    expect(res.body.nights.some((n: { date: string }) => n.date >= '2026-11-24')).toBe(false);
  });

  it('reports last night, judged and cited; the class figures move; an edit corrects them', async () => {
    const period = 'week:2026-11-23';
    const before = (await figure('five-managements.sleep.meets', child.classId, period)) ?? { num: 0, den: 0 };
    const bedBefore = (await figure('five-managements.sleep.bedtime', child.classId, period)) ?? { num: 0, den: 0 };
    const res = await report({ studentId: child.id, date: '2026-11-25', bedtime: '21:40', wakeTime: '07:00' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: '2026-11-25', minutes: 560, meetsMinimum: false, bedtimeOk: false, lateMinutes: 20, asUsual: false, editable: true });
    expect(res.body.rule).toMatchObject({ rule: 'five-managements.sleep', minMinutes: 600, latestBedtime: '21:20' });
    expect(await figure('five-managements.sleep.meets', child.classId, period)).toEqual({ num: before.num, den: before.den + 1 });
    expect(await figure('five-managements.sleep.bedtime', child.classId, period)).toEqual({ num: bedBefore.num, den: bedBefore.den + 1 });
    const fixed = await report({ studentId: child.id, date: '2026-11-25', bedtime: '21:00', wakeTime: '07:10' });
    expect(fixed.body).toMatchObject({ minutes: 610, meetsMinimum: true, bedtimeOk: true });
    expect(await figure('five-managements.sleep.meets', child.classId, period)).toEqual({ num: before.num + 1, den: before.den + 1 });
    expect(await figure('five-managements.sleep.bedtime', child.classId, period)).toEqual({ num: bedBefore.num + 1, den: bedBefore.den + 1 });
    const audit = await q<{ action: string }>(`select action from audit_log where entity_id = $1 and action like 'five-managements.sleep.%' order by at`, [child.id]);
    expect(audit.map((a) => a.action)).toEqual(['five-managements.sleep.report', 'five-managements.sleep.correct']);
  });

  it('"as usual": the last report, then the saved usual times', async () => {
    const res = await report({ studentId: child.id, date: '2026-11-24', asUsual: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bedtime: '21:00', wakeTime: '07:10', asUsual: true, meetsMinimum: true });
    expect((await call(w.app, parent, 'PUT', `/api/five-managements/sleep/family/${child.id}/usual`, { bedtime: '20:50', wakeTime: '07:00' })).body).toEqual({
      bedtime: '20:50',
      wakeTime: '07:00',
      source: 'saved',
    });
    expect((await report({ studentId: child.id, date: '2026-11-23', asUsual: true })).body).toMatchObject({ bedtime: '20:50', minutes: 610 });
    const page = await call(w.app, parent, 'GET', `/api/five-managements/sleep/family/${child.id}`);
    expect(page.body.usual).toEqual({ bedtime: '20:50', wakeTime: '07:00', source: 'saved' });
    expect(page.body.nights.slice(0, 3).map((n: { date: string }) => n.date)).toEqual(['2026-11-25', '2026-11-24', '2026-11-23']);
  });

  it('homework that ran past bedtime (作业熔断 record) counts against the night and shows on it', async () => {
    await q(
      `insert into homework_student_days (district_id, student_id, date, class_id, school_id, minutes, finished, within_limit, stopped_at_bedtime, ended_at, late_minutes, reported_by)
       select s.district_id, s.id, '2026-11-22', s.class_id, s.school_id, 70, false, false, true, '21:45', 25, u.id from students s, users u where s.id = $1 and u.username = 'demo-parent'
       on conflict (district_id, student_id, date) do update set stopped_at_bedtime = true, ended_at = '21:45'`,
      [child.id],
    );
    const res = await report({ studentId: child.id, date: '2026-11-22', bedtime: '21:10', wakeTime: '07:20' });
    expect(res.body).toMatchObject({ meetsMinimum: true, bedtimeOk: false, lateMinutes: 25, homework: { stoppedAtBedtime: true, endedAt: '21:45', ranPastBedtime: true } });
  });

  it('refuses the future, a night not over, too old, a slip and bad input, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ studentId: child.id, date: '2026-11-27', bedtime: '21:00', wakeTime: '07:00' }, 'date'],
      [{ studentId: child.id, date: '2026-11-26', bedtime: '21:00', wakeTime: '07:00' }, 'date'],
      [{ studentId: child.id, date: '2026-11-21', bedtime: '21:00', wakeTime: '07:00' }, 'date'],
      [{ studentId: child.id, date: '2026-11-24', bedtime: '21:00', wakeTime: '22:00' }, 'wakeTime'],
      [{ studentId: child.id, date: '2026-11-25', bedtime: '25:00', wakeTime: '07:00' }, 'bedtime'],
      [{ studentId: child.id, date: '2026-11-25' }, 'bedtime'],
    ];
    for (const [body, field] of cases) {
      const res = await report(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
    const old = await report({ studentId: child.id, date: '2026-11-21', bedtime: '21:00', wakeTime: '07:00' });
    expect(old.body.details).toMatchObject({ rule: 'five-managements.sleep' });
  });

  it('another family’s child, a foreign child and staff are refused', async () => {
    expect((await report({ studentId: classmate, date: '2026-11-25', bedtime: '21:00', wakeTime: '07:00' })).status).toBe(404);
    expect((await report({ studentId: foreignStudent, date: '2026-11-25', bedtime: '21:00', wakeTime: '07:00' })).status).toBe(404);
    expect((await call(w.app, parent, 'GET', `/api/five-managements/sleep/family/${classmate}`)).status).toBe(404);
    expect((await report({ studentId: child.id, date: '2026-11-25', bedtime: '21:00', wakeTime: '07:00' }, classTeacher)).status).toBe(403);
  });
});

describe('classes’ weeks', () => {
  it('the class teacher sees the week with names; a subject teacher sees them masked', async () => {
    const res = await call(w.app, classTeacher, 'GET', `/api/five-managements/sleep/classes/${child.classId}/week?week=2026-11-18`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ weekStart: '2026-11-16', thresholdBp: 8000, rule: { stage: 'primary', minMinutes: 600 } });
    expect(res.body.figure.reports).toBeGreaterThan(100);
    expect(res.body.pupils.length + res.body.notReported.length).toBe(40);
    expect(res.body.pupils.some((p: { name: string }) => p.name === '张小明')).toBe(true);
    const masked = await call(w.app, teacher, 'GET', `/api/five-managements/sleep/classes/${child.classId}/week?week=2026-11-18`);
    expect(masked.status).toBe(200);
    expect(masked.body.pupils.every((p: { name: string }) => /^.\*+$/.test(p.name))).toBe(true);
    expect((await call(w.app, classTeacher, 'GET', `/api/five-managements/sleep/classes/${otherSchoolClass}/week`)).status).toBe(404);
    expect((await call(w.app, parent, 'GET', `/api/five-managements/sleep/classes/${child.classId}/week`)).status).toBe(403);
  });

  it('the school sees its classes, below the threshold flagged; the district all', async () => {
    const mine = await call(w.app, principal, 'GET', '/api/five-managements/sleep/classes?week=2026-11-16');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 18, page: 1, pageSize: 50 });
    expect(mine.body.items).toHaveLength(18);
    expect(new Set(mine.body.items.map((i: { schoolName: string }) => i.schoolName))).toEqual(new Set(['示范区实验小学']));
    const below = await call(w.app, principal, 'GET', '/api/five-managements/sleep/classes?week=2026-11-16&below=true');
    expect(below.body.items.length).toBeGreaterThan(0);
    for (const i of below.body.items) expect(i.meetsBp).toBeLessThan(8000);
    const all = await call(w.app, district, 'GET', '/api/five-managements/sleep/classes?week=2026-11-16&pageSize=500');
    expect(new Set(all.body.items.map((i: { schoolName: string }) => i.schoolName)).size).toBe(4);
    const cx02 = all.body.items.find((i: { schoolName: string }) => i.schoolName === '城西第二小学').schoolId;
    const refused = await call(w.app, principal, 'GET', `/api/five-managements/sleep/classes?schoolId=${cx02}`);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOT_FOUND');
  });
});

describe('the district’s list of classes, a page at a time', () => {
  type Item = { classId: string; schoolId: string; meetsBp: number | null; below: boolean; reports: number; meets: number };
  const list = (who: string, query: string) => call(w.app, who, 'GET', `/api/five-managements/sleep/classes?week=2026-11-16&${query}`);
  let classIds: string[];
  let rollup: Map<string, { num: number; den: number }>;

  beforeAll(async () => {
    classIds = (await q<{ id: string }>(`select c.id from classes c join districts d on d.id = c.district_id where d.demo`)).map((r) => r.id);
    const rows = await q<{ class_id: string; num: number; den: number }>(
      `select r.class_id, r.num::int, r.den::int from indicator_rollups r join districts d on d.id = r.district_id
        where d.demo and r.indicator = 'five-managements.sleep.meets' and r.period = 'week:2026-11-16' and r.class_id is not null`,
    );
    rollup = new Map(rows.map((r) => [r.class_id, { num: r.num, den: r.den }]));
  });

  it('page 1 counts every class of the district; page 2 holds the next ones; those needing attention come first', async () => {
    const first = await list(district, 'pageSize=20');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: classIds.length, page: 1, pageSize: 20, thresholdBp: 8000 });
    expect(first.body.items).toHaveLength(20);
    const second = await list(district, 'pageSize=20&page=2');
    expect(second.body).toMatchObject({ total: classIds.length, page: 2 });
    expect(second.body.items).toHaveLength(Math.min(20, classIds.length - 20));
    const whole = await list(district, 'pageSize=500');
    const ids = (r: { body: { items: Item[] } }) => r.body.items.map((i) => i.classId);
    expect(new Set(ids(whole))).toEqual(new Set(classIds));
    expect([...ids(first), ...ids(second)]).toEqual(ids(whole).slice(0, 40));
    // lowest share of nights long enough first, classes without reports last
    const shares = (whole.body.items as Item[]).map((i) => (i.reports ? i.meets / i.reports : Infinity));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect((whole.body.items as Item[])[0]!.below).toBe(true);
    // the figures are the rollup's
    for (const i of whole.body.items as Item[]) expect({ meets: i.meets, reports: i.reports }).toEqual({ meets: rollup.get(i.classId)?.num ?? 0, reports: rollup.get(i.classId)?.den ?? 0 });
    // past the last page: nothing, the total still told
    const past = await list(district, 'pageSize=500&page=9');
    expect(past.body).toMatchObject({ items: [], total: classIds.length, page: 9 });
  });

  it('below=true keeps exactly the classes under the threshold, checked against the rollup', async () => {
    const expected = [...rollup].filter(([, r]) => r.den > 0 && Math.round((r.num * 10000) / r.den) < 8000).map(([id]) => id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(classIds.length);
    const below = await list(district, 'below=true&pageSize=500');
    expect(below.body.total).toBe(expected.length);
    expect(new Set(below.body.items.map((i: Item) => i.classId))).toEqual(new Set(expected));
    for (const i of below.body.items as Item[]) expect(i.below).toBe(true);
    const paged = await list(district, 'below=true&pageSize=5&page=2');
    expect(paged.body.total).toBe(expected.length);
    expect(paged.body.items.map((i: Item) => i.classId)).toEqual(below.body.items.slice(5, 10).map((i: Item) => i.classId));
  });

  it('one school: its classes only; a school out of reach or of another district is refused', async () => {
    const [school] = await q<{ id: string; n: number }>(
      `select s.id, count(c.id)::int as n from schools s join classes c on c.school_id = s.id where s.code = 'CX02' group by s.id`,
    );
    const one = await list(district, `schoolId=${school.id}&pageSize=500`);
    expect(one.status).toBe(200);
    expect(one.body.total).toBe(school.n);
    expect(one.body.items.every((i: Item) => i.schoolId === school.id)).toBe(true);
    // the principal's own school with a filter that leaves nothing (a week without reports) is an empty page, not a refusal
    const [own] = await q<{ id: string }>(`select school_id as id from classes where id = $1`, [child.classId]);
    const none = await call(w.app, principal, 'GET', `/api/five-managements/sleep/classes?week=2025-01-06&schoolId=${own.id}&below=true`);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    expect((await list(principal, `schoolId=${school.id}`)).status).toBe(404);
    const [foreignSchool] = await q<{ id: string }>(`select s.id from schools s join districts d on d.id = s.district_id where not d.demo limit 1`);
    expect((await list(district, `schoolId=${foreignSchool.id}`)).status).toBe(404);
  });

  it('another district sees none of the demo district’s classes', async () => {
    const other = await w.login('other-admin');
    const res = await list(other, 'pageSize=500');
    if (res.status === 200) expect(res.body.items.filter((i: Item) => classIds.includes(i.classId))).toEqual([]);
    else expect(res.status).toBe(403);
    const demoSchool = (await list(district, 'pageSize=1')).body.items[0].schoolId;
    expect([403, 404]).toContain((await list(other, `schoolId=${demoSchool}`)).status);
  });

  it('bad paging is refused, naming the field', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=x', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=501', 'pageSize'],
      ['pageSize=2.5', 'pageSize'],
      ['below=yes', 'below'],
    ] as const) {
      const res = await list(district, query);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(res.body), query).toContain(field);
    }
  });
});
