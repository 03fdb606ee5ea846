/**
 * The district's after-school view against raw rows: the rollup refresh counts what the tables hold (plans, courses,
 * enrolled children, sessions, serving teachers, headcounts), zones sum their schools, an inspector of one zone sees
 * only it, schools' staff and another district's officers are refused, the workbook carries every school.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
let semesterId: string;
let school: { id: string; zone_id: string };
let courseIds: string[];

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];

beforeAll(async () => {
  w = await createWorld();
  [{ id: d }] = await q<{ id: string }>(`select id from districts where code = 'demo'`) as [{ id: string }];
  [{ id: semesterId }] = (await q<{ id: string }>(
    `select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`,
    [d],
  )) as [{ id: string }];
  [school] = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and code = 'SY01'`, [d])) as [
    { id: string; zone_id: string },
  ];
  const teachers = await q<{ user_id: string }>(
    `select distinct user_id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' order by user_id limit 3`,
    [d, school.id],
  );
  await q(
    `insert into after_school_plans (district_id, school_id, semester_id, version, status, body) values ($1, $2, $3, 1, 'approved', '{}')`,
    [d, school.id, semesterId],
  );
  const courses = await q<{ id: string }>(
    `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, staffing, teacher_ids)
     values ($1, $2, $3, '作业辅导', 'homework', '{3}', 40, '{1,2,3,4,5}', '16:30', '17:30', 'teacher', $4::uuid[]),
            ($1, $2, $3, '足球', 'sports', '{3}', 20, '{2,4}', '17:30', '18:30', 'teacher', $5::uuid[])
     returning id`,
    [d, school.id, semesterId, [teachers[0]!.user_id], [teachers[1]!.user_id, teachers[0]!.user_id]],
  );
  courseIds = courses.map((c) => c.id);
  const kids = await q<{ id: string; class_id: string }>(
    `select s.id, s.class_id from students s join classes c on c.id = s.class_id where s.district_id = $1 and s.school_id = $2 and c.grade = 3 order by s.id limit 12`,
    [d, school.id],
  );
  let pos = 0;
  for (const [i, k] of kids.entries()) {
    const status = i < 10 ? 'enrolled' : 'waitlisted';
    for (const course of i % 2 ? courseIds : [courseIds[0]!]) {
      await q(
        `insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, status, position, chosen_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d, school.id, k.class_id, k.id, course, status, ++pos, teachers[0]!.user_id],
      );
    }
  }
  await q(`update after_school_courses set enrolled = (select count(*) from after_school_enrolments e where e.course_id = after_school_courses.id and e.status = 'enrolled')`);
  for (const [date, present] of [['2026-11-23', 9], ['2026-11-24', 10]] as const) {
    await q(
      `insert into after_school_sessions (district_id, school_id, course_id, date, status, minutes, teacher_ids, expected, present)
       values ($1, $2, $3, $4, 'held', 60, $5::uuid[], 10, $6)`,
      [d, school.id, courseIds[0], date, [teachers[2]!.user_id], present],
    );
  }
  await q(
    `insert into after_school_sessions (district_id, school_id, course_id, date, status, minutes, expected, present) values ($1, $2, $3, '2026-11-25', 'cancelled', 60, 0, 0)`,
    [d, school.id, courseIds[0]],
  );
});
afterAll(() => w.close());

describe('after-school district view', () => {
  it('counts what the tables hold, per school, zone and district', async () => {
    const cookie = await w.login('demo-district');
    const res = await call(w.app, cookie, 'GET', '/api/after-school/district');
    expect(res.status).toBe(200);
    expect(res.body.semester.id).toBe(semesterId);
    const [raw] = await q<{ students: number; teachers: number; schools: number }>(
      `select (select count(*)::int from students where district_id = $1 and school_id = $2 and status = 'active') as students,
              (select count(distinct user_id)::int from role_assignments where district_id = $1 and school_id = $2 and role in ('teacher', 'class_teacher')) as teachers,
              (select count(*)::int from schools where district_id = $1) as schools`,
      [d, school.id],
    );
    const row = res.body.schools.find((s: { schoolId: string }) => s.schoolId === school.id);
    expect(row).toMatchObject({
      planStatus: 'approved',
      students: raw!.students,
      studentsServed: 10,
      teachers: raw!.teachers,
      teachersServing: 3,
      courses: 2,
      providerCourses: 0,
      sessionsHeld: 2,
      attendancePresent: 19,
      attendanceExpected: 20,
    });
    expect(res.body.schools).toHaveLength(raw!.schools);
    expect(res.body.planStatus).toEqual({ approved: 1, none: raw!.schools - 1 });
    const zone = res.body.zones.find((z: { zoneId: string }) => z.zoneId === school.zone_id);
    const inZone = res.body.schools.filter((s: { zoneId: string }) => s.zoneId === school.zone_id);
    expect(zone.schools).toBe(inZone.length);
    expect(zone.students).toBe(inZone.reduce((n: number, s: { students: number }) => n + s.students, 0));
    expect(res.body.total.studentsServed).toBe(10);
  });

  it('follows new rows when the scheduled refresh runs', async () => {
    const cookie = await w.login('demo-district');
    await q(`update after_school_enrolments set status = 'withdrawn' where district_id = $1 and status = 'enrolled' and course_id = $2 and student_id in (
      select student_id from after_school_enrolments where course_id = $2 and status = 'enrolled' order by position limit 1)`, [d, courseIds[0]]);
    await w.runJob('after-school.stats');
    const res = await call(w.app, cookie, 'GET', `/api/after-school/district?semesterId=${semesterId}`);
    expect(res.body.schools.find((s: { schoolId: string }) => s.schoolId === school.id).studentsServed).toBe(9);
  });

  it('drills down to a school\'s courses', async () => {
    const cookie = await w.login('demo-district');
    const res = await call(w.app, cookie, 'GET', `/api/after-school/district/schools/${school.id}`);
    expect(res.status).toBe(200);
    const hw = res.body.courses.find((c: { name: string }) => c.name === '作业辅导');
    expect(hw).toMatchObject({ capacity: 40, waitlisted: 2, sessionsHeld: 2, attendancePresent: 19, attendanceExpected: 20 });
  });

  it('shows a zone inspector only the zone', async () => {
    const cookie = await w.login('zone-inspector');
    const res = await call(w.app, cookie, 'GET', '/api/after-school/district');
    expect(res.status).toBe(200);
    const zones = new Set(res.body.schools.map((s: { zoneId: string }) => s.zoneId));
    expect(zones.size).toBe(1);
    expect(zones.has(school.zone_id)).toBe(false);
    expect((await call(w.app, cookie, 'GET', `/api/after-school/district/schools/${school.id}`)).status).toBe(404);
  });

  it('refuses school staff and answers another district as unknown', async () => {
    expect((await call(w.app, await w.login('demo-principal'), 'GET', '/api/after-school/district')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/after-school/district/export')).status).toBe(403);
    const other = await w.login('other-admin');
    expect((await call(w.app, other, 'GET', `/api/after-school/district/schools/${school.id}`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', `/api/after-school/district?semesterId=${semesterId}`)).status).toBe(404);
  });

  it('exports every school as a workbook', async () => {
    const res = await call(w.app, await w.login('demo-district'), 'GET', '/api/after-school/district/export');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const [{ n }] = (await q<{ n: number }>(`select count(*)::int as n from schools where district_id = $1`, [d])) as [{ n: number }];
    expect(ws.rowCount).toBe(n + 1);
    const schoolRow = ws.getSheetValues().find((r) => Array.isArray(r) && r.includes('示范区实验小学')) as unknown[];
    expect(schoolRow).toContain('已备案');
  });
});
