/**
 * The homework views against raw rows: the district's weeks and schools (paging, sorting, zones), the workbook's
 * content, the reporting rate, the officers' drill-down to a class and a day (read-only, within their reach), and the
 * homes of the district office and academic affairs. The demo district on 2026-11-26 (a Thursday) and a second one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let schools: { id: string; name: string; zoneId: string; zone: string }[];
let sy01: { id: string; name: string; zoneId: string; zone: string }; // 示范区实验小学, 城东
let demoClass: { id: string }; // 实验小学 三年级(2)班
let westClass: { id: string; schoolId: string }; // a class of 城西第二小学
const WEEK = ['2026-11-16', '2026-11-22'] as const;

type Raw = { reporters: number; within: number; students: number; class_days: number; reported_days: number; overloaded_days: number; bedtime: number };

/** Figures straight from the families' reports, the published lists and the roster, for classes of `schoolIds` (all when null). */
async function raw(from: string, to: string, schoolIds: string[] | null = null): Promise<Raw> {
  const [r] = await w.db.database.query<Raw>(
    `with days as (
       select distinct on (p.class_id, p.date) p.class_id, p.date, p.school_id, p.limit_minutes from homework_published p
       join districts d on d.id = p.district_id and d.code = 'demo'
       where p.date between $1 and $2 and ($3::uuid[] is null or p.school_id = any($3::uuid[])) order by p.class_id, p.date, p.version desc),
     judged as (
       select days.class_id, days.date, count(sd.*)::int as reporters, count(*) filter (where sd.within_limit)::int as within,
         count(*) filter (where sd.stopped_at_bedtime)::int as bedtime,
         count(*) filter (where sd.stopped_at_bedtime or sd.minutes > days.limit_minutes)::int as over
       from days left join homework_student_days sd on sd.class_id = days.class_id and sd.date = days.date
       group by days.class_id, days.date)
     select coalesce(sum(j.reporters), 0)::int as reporters, coalesce(sum(j.within), 0)::int as within, coalesce(sum(j.bedtime), 0)::int as bedtime,
       count(*)::int as class_days, count(*) filter (where j.reporters > 0)::int as reported_days,
       count(*) filter (where j.reporters > 0 and j.over::real / j.reporters > 0.1 + 1e-9)::int as overloaded_days,
       coalesce(sum((select count(*) from students s where s.class_id = j.class_id and s.status = 'active')), 0)::int as students
     from judged j`,
    [from, to, schoolIds],
  );
  return r!;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

beforeAll(async () => {
  w = await createWorld({ homework: true });
  schools = await w.db.database.query(
    `select s.id, s.name, s.zone_id as "zoneId", z.name as zone from schools s join zones z on z.id = s.zone_id
     join districts d on d.id = s.district_id and d.code = 'demo' order by s.code`,
  );
  sy01 = schools.find((s) => s.name === '示范区实验小学')!;
  const me = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
  demoClass = { id: me.children[0].classId };
  const west = schools.find((s) => s.name === '城西第二小学')!;
  const [c] = await w.db.database.query<{ id: string }>(`select id from classes where school_id = $1 order by grade, name limit 1`, [west.id]);
  westClass = { id: c!.id, schoolId: west.id };
}, 120_000);
afterAll(() => w.close());

describe('the district dashboard', () => {
  it('opens on the weeks with published homework (at most eight, up to the latest), the running week marked partial', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/district/weekly');
    expect(r.status).toBe(200);
    expect(r.body.lastDataWeek).toBe('2026-11-23');
    // the demo's homework begins on Thursday 2026-10-29: no empty weeks before it
    expect(r.body).toMatchObject({ from: '2026-10-26', to: '2026-11-29', today: '2026-11-26', schools: 4, silentSchools: 0 });
    expect(r.body.weeks.map((x: { weekStart: string }) => x.weekStart)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(r.body.weeks.every((x: { classDays: number }) => x.classDays > 0)).toBe(true);
    const partial = r.body.weeks.filter((x: { partial: boolean }) => x.partial).map((x: { weekStart: string }) => x.weekStart);
    expect(partial).toEqual(['2026-11-23']);
    expect(r.body.zones.map((z: { name: string }) => z.name).sort()).toEqual(['城东街道教育中心', '城西学区'].sort());
    // small: the district's weeks only, no school rows
    expect(r.raw.body.length).toBeLessThan(8_000);
  });

  it('counts each week from the raw reports, rosters and published lists, the reporting rate beside completion', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', `/api/homework/district/weekly?from=${WEEK[0]}&to=${WEEK[1]}`);
    const week = r.body.weeks[0];
    const x = await raw(...WEEK);
    expect(x.reporters).toBeGreaterThan(500);
    expect(week).toMatchObject({
      weekStart: WEEK[0],
      partial: false,
      classDays: x.class_days,
      reportedDays: x.reported_days,
      overloadedDays: x.overloaded_days,
      students: x.students,
      reporters: x.reporters,
      withinLimit: x.within,
      bedtimeStops: x.bedtime,
      withinLimitRate: rate(x.within, x.reporters),
      overLimitRate: rate(x.overloaded_days, x.reported_days),
      reportingRate: rate(x.reporters, x.students),
    });
    // about half the families report in the demo
    expect(week.reportingRate).toBeGreaterThan(0.4);
    expect(week.reportingRate).toBeLessThan(0.6);
    expect(r.body.total).toMatchObject({ reporters: x.reporters, students: x.students });
  });

  it('a range cutting a week counts only its own days and marks that week partial', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/district/weekly?from=2026-11-11&to=2026-11-18');
    expect(r.body.weeks.map((x: { weekStart: string; partial: boolean }) => [x.weekStart, x.partial])).toEqual([
      ['2026-11-09', true],
      ['2026-11-16', true],
    ]);
    const [a, b] = [await raw('2026-11-11', '2026-11-15'), await raw('2026-11-16', '2026-11-18')];
    expect(r.body.weeks[0]).toMatchObject({ classDays: a.class_days, reporters: a.reporters, withinLimit: a.within, students: a.students });
    expect(r.body.weeks[1]).toMatchObject({ classDays: b.class_days, reporters: b.reporters, withinLimit: b.within, students: b.students });
  });

  it('pages, sorts and filters the schools in the database, each school’s figures as the raw rows give them', async () => {
    const admin = await w.login('demo-district');
    const page1 = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&pageSize=3&sort=within&order=asc`);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(page1.body.rows).toHaveLength(3);
    const page2 = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&pageSize=3&page=2&sort=within&order=asc`);
    expect(page2.body.rows).toHaveLength(1);
    const all = [...page1.body.rows, ...page2.body.rows];
    expect(new Set(all.map((s: { schoolId: string }) => s.schoolId)).size).toBe(4);
    const rates = all.map((s: { withinLimitRate: number }) => s.withinLimitRate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    for (const s of all) {
      const x = await raw(...WEEK, [s.schoolId]);
      expect(s, s.schoolName).toMatchObject({ reporters: x.reporters, withinLimit: x.within, students: x.students, classDays: x.class_days, reportingRate: rate(x.reporters, x.students) });
      expect(s.weeks).toHaveLength(1);
      expect(s.weeks[0]).toMatchObject({ weekStart: WEEK[0], reporters: x.reporters });
    }
    const east = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&zoneId=${sy01.zoneId}&sort=zone`);
    expect(east.body.rows.map((s: { schoolName: string }) => s.schoolName).sort()).toEqual(schools.filter((s) => s.zoneId === sy01.zoneId).map((s) => s.name).sort());
    const named = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&q=${encodeURIComponent('实验')}`);
    expect(named.body.rows.map((s: { schoolName: string }) => s.schoolName)).toEqual(['示范区实验小学']);
    const beyond = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&pageSize=3&page=5`);
    expect(beyond.body).toMatchObject({ total: 4, rows: [] });
  });

  it('refuses bad paging and sorting with a named field', async () => {
    const admin = await w.login('demo-district');
    for (const q of ['pageSize=1000', 'sort=rank', 'order=up', 'page=0', 'zoneId=abc']) {
      const r = await call(w.app, admin, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}&${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe('VALIDATION');
    }
    expect((await call(w.app, admin, 'GET', '/api/homework/district/weekly?from=2026-11-16')).status).toBe(400);
  });

  it('exports every school with its weeks and every class of the range, the classes adding up to their schools', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/district/export?from=2026-11-09&to=2026-11-22');
    expect(r.status).toBe(200);
    expect(r.body.schools).toHaveLength(4);
    const [count] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from classes c join districts d on d.id = c.district_id and d.code = 'demo'`);
    expect(r.body.classes).toHaveLength(count!.n);
    for (const s of r.body.schools) {
      const classes = r.body.classes.filter((c: { schoolId: string }) => c.schoolId === s.schoolId);
      expect(classes.reduce((sum: number, c: { reporters: number }) => sum + c.reporters, 0)).toBe(s.reporters);
      expect(classes.reduce((sum: number, c: { students: number }) => sum + c.students, 0)).toBe(s.students);
      expect(s.weeks.map((x: { weekStart: string }) => x.weekStart)).toEqual(['2026-11-09', '2026-11-16']);
    }
    expect(r.body.total.reporters).toBe((await raw('2026-11-09', '2026-11-22')).reporters);
  });

  it('is the zone’s only to a zone inspector, and no one’s outside the district office and inspectors', async () => {
    const zone = await w.login('zone-inspector');
    const weekly = await call(w.app, zone, 'GET', `/api/homework/district/weekly?from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(weekly.body.schools).toBe(2);
    const west = schools.filter((s) => s.zone === '城西学区').map((s) => s.id);
    expect(weekly.body.weeks[0].reporters).toBe((await raw(...WEEK, west)).reporters);
    const page = await call(w.app, zone, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(page.body.rows.map((s: { schoolName: string }) => s.schoolName).sort()).toEqual(['城西九年一贯制学校', '城西第二小学'].sort());
    const exported = await call(w.app, zone, 'GET', `/api/homework/district/export?from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(new Set(exported.body.classes.map((c: { schoolId: string }) => c.schoolId))).toEqual(new Set(west));
    for (const user of ['demo-principal', 'demo-teacher', 'demo-parent']) {
      const cookie = await w.login(user);
      for (const url of ['/api/homework/district/weekly', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}`, '/api/homework/home/district'])
        expect((await call(w.app, cookie, 'GET', url)).status, `${user} ${url}`).toBe(403);
    }
  });
});

describe('drill-down from the dashboard to a class and its day', () => {
  it('the district office opens a school’s classes, a class’s calendar and a day’s items, read-only', async () => {
    const admin = await w.login('demo-district');
    const classes = await call(w.app, admin, 'GET', `/api/homework/district/classes?schoolId=${sy01.id}&from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(classes.status).toBe(200);
    expect(classes.body).toHaveLength(18);
    const row = classes.body.find((c: { classId: string }) => c.classId === demoClass.id);
    const x = await w.db.database.query<{ reporters: number }>(`select count(*)::int as reporters from homework_student_days where class_id = $1 and date between $2 and $3`, [demoClass.id, ...WEEK]);
    expect(row.reporters).toBe(x[0]!.reporters);
    expect(row.reportingRate).toBe(rate(row.reporters, row.students));

    const cal = await call(w.app, admin, 'GET', `/api/homework/classes/${demoClass.id}/calendar?from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(cal.status).toBe(200);
    expect(cal.body).toMatchObject({ className: '三年级(2)班', schoolId: sy01.id, schoolName: '示范区实验小学', grade: 3 });
    const day = cal.body.days.find((d: { published: boolean }) => d.published);
    expect(day.students).toBe(40);
    const dayView = await call(w.app, admin, 'GET', `/api/homework/days/${demoClass.id}/${day.date}`);
    expect(dayView.status).toBe(200);
    expect(dayView.body.items.length).toBeGreaterThan(0);
    const notice = await call(w.app, admin, 'GET', `/api/homework/notice/${demoClass.id}/${day.date}`);
    expect(notice.status).toBe(200);
    // reading is not acting: the day cannot be submitted, approved or returned by the district office
    for (const act of ['submit', 'approve', 'return']) {
      const r = await call(w.app, admin, 'POST', `/api/homework/days/${demoClass.id}/2026-11-26/${act}`, act === 'return' ? { reason: '请核对' } : {});
      expect(r.status, act).toBe(403);
    }
  });

  it('a zone inspector reaches the classes of the zone’s schools and no other', async () => {
    const zone = await w.login('zone-inspector');
    expect((await call(w.app, zone, 'GET', `/api/homework/district/classes?schoolId=${westClass.schoolId}&from=${WEEK[0]}&to=${WEEK[1]}`)).status).toBe(200);
    expect((await call(w.app, zone, 'GET', `/api/homework/classes/${westClass.id}/calendar?from=${WEEK[0]}&to=${WEEK[1]}`)).status).toBe(200);
    expect((await call(w.app, zone, 'GET', `/api/homework/days/${westClass.id}/2026-11-18`)).status).toBe(200);
    // 示范区实验小学 is in 城东: the same answer as for a class that does not exist
    const outside = [
      `/api/homework/district/classes?schoolId=${sy01.id}&from=${WEEK[0]}&to=${WEEK[1]}`,
      `/api/homework/classes/${demoClass.id}/calendar?from=${WEEK[0]}&to=${WEEK[1]}`,
      `/api/homework/days/${demoClass.id}/2026-11-18`,
      `/api/homework/school/overview?schoolId=${sy01.id}&date=2026-11-18`,
    ];
    for (const url of outside) expect((await call(w.app, zone, 'GET', url)).status, url).toBe(404);
  });

  it('another district’s officer reaches nothing of this one', async () => {
    const [other] = await w.db.database.query<{ username: string }>(
      `select u.username from users u join role_assignments r on r.user_id = u.id and r.role = 'district_admin' join districts d on d.id = u.district_id and d.code <> 'demo' limit 1`,
    );
    const cookie = await w.login(other!.username);
    expect((await call(w.app, cookie, 'GET', `/api/homework/classes/${demoClass.id}/calendar?from=${WEEK[0]}&to=${WEEK[1]}`)).status).toBe(404);
    expect((await call(w.app, cookie, 'GET', `/api/homework/district/classes?schoolId=${sy01.id}&from=${WEEK[0]}&to=${WEEK[1]}`)).status).toBe(404);
    const page = await call(w.app, cookie, 'GET', `/api/homework/district/schools?from=${WEEK[0]}&to=${WEEK[1]}`);
    expect(page.body.rows.some((s: { schoolId: string }) => s.schoolId === sy01.id)).toBe(false);
  });
});

describe('homes', () => {
  it('the district office sees this week so far beside last week, and what needs attention worst first', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/home/district');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ today: '2026-11-26', basis: '2026-11-23' });
    const [thisWeek, lastWeek] = [await raw('2026-11-23', '2026-11-26'), await raw(...WEEK)];
    expect(r.body.week).toMatchObject({ weekStart: '2026-11-23', partial: true, reporters: thisWeek.reporters, withinLimit: thisWeek.within, students: thisWeek.students });
    expect(r.body.lastWeek).toMatchObject({ weekStart: WEEK[0], partial: false, reporters: lastWeek.reporters, reportingRate: rate(lastWeek.reporters, lastWeek.students) });
    const target = r.body.target as number;
    for (const list of [r.body.schools, r.body.classes] as { reasons: string[]; overLimitRate: number | null; withinLimitRate: number | null }[][]) {
      for (const x of list) {
        expect(x.reasons.length).toBeGreaterThan(0);
        expect(x.reasons.includes('overloaded')).toBe(x.overLimitRate !== null && x.overLimitRate > 1 - target + 1e-9);
        expect(x.reasons.includes('belowTarget')).toBe(x.withinLimitRate !== null && x.withinLimitRate < target);
      }
      const over = list.map((x) => x.overLimitRate ?? 0);
      expect(over).toEqual([...over].sort((a, b) => b - a));
    }
    expect(r.body.classes.length).toBeGreaterThan(0);
    // a class listed is what its own calendar says
    const c = r.body.classes[0];
    const cal = await call(w.app, await w.login('demo-district'), 'GET', `/api/homework/classes/${c.classId}/calendar?from=2026-11-23&to=2026-11-26`);
    const days = cal.body.days as { reporters: number; withinLimit: number; overloaded: boolean }[];
    expect(c.reporters).toBe(days.reduce((s, d) => s + d.reporters, 0));
    expect(c.overloadedDays).toBe(days.filter((d) => d.overloaded).length);
    // a zone inspector's home holds the zone's schools and classes only
    const zone = await call(w.app, await w.login('zone-inspector'), 'GET', '/api/homework/home/district');
    const west = new Set(schools.filter((x) => x.zone === '城西学区').map((x) => x.id));
    expect(zone.body.week.reporters).toBe((await raw('2026-11-23', '2026-11-26', [...west])).reporters);
    expect(zone.body.schools.every((x: { schoolId: string }) => west.has(x.schoolId))).toBe(true);
    expect(zone.body.classes.every((x: { schoolId: string }) => west.has(x.schoolId))).toBe(true);
  });

  it('academic affairs sees today’s publication progress and what waits for approval, as the day rows give them', async () => {
    const principal = await w.login('demo-principal');
    const r = await call(w.app, principal, 'GET', '/api/homework/home/school?date=2026-11-25');
    expect(r.status).toBe(200);
    expect(r.body.schools).toHaveLength(1);
    const s = r.body.schools[0];
    const [x] = await w.db.database.query<{ published: number; pending: number }>(
      `select count(*) filter (where published_version > 0)::int as published, count(*) filter (where status = 'pending_approval')::int as pending
       from homework_days where school_id = $1 and date = '2026-11-25'`,
      [sy01.id],
    );
    expect(s).toMatchObject({ schoolId: sy01.id, classes: 18, published: x!.published, pendingApproval: x!.pending, dayKind: 'school_day' });
    expect(s.published).toBe(18);
    const week = await raw('2026-11-23', '2026-11-25', [sy01.id]);
    expect(s.week).toMatchObject({ reporters: week.reporters, students: week.students, withinLimit: week.within });
    // today: nothing published yet in the demo school, 三年级(2)班 waits in the chain
    const today = (await call(w.app, principal, 'GET', '/api/homework/home/school')).body.schools[0];
    expect(today).toMatchObject({ date: '2026-11-26', published: 0 });
    // a teacher approves for no school
    expect((await call(w.app, await w.login('demo-teacher'), 'GET', '/api/homework/home/school')).body.schools).toEqual([]);
  });
});
