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
    expect(mine.body.items).toHaveLength(18);
    expect(new Set(mine.body.items.map((i: { schoolName: string }) => i.schoolName))).toEqual(new Set(['示范区实验小学']));
    const below = await call(w.app, principal, 'GET', '/api/five-managements/sleep/classes?week=2026-11-16&below=true');
    expect(below.body.items.length).toBeGreaterThan(0);
    for (const i of below.body.items) expect(i.meetsBp).toBeLessThan(8000);
    const all = await call(w.app, district, 'GET', '/api/five-managements/sleep/classes?week=2026-11-16');
    expect(new Set(all.body.items.map((i: { schoolName: string }) => i.schoolName)).size).toBe(4);
    expect((await call(w.app, principal, 'GET', `/api/five-managements/sleep/classes?schoolId=${all.body.items.find((i: { schoolName: string }) => i.schoolName === '城西第二小学').schoolId}`)).body.items).toEqual([]);
  });
});
