/**
 * Families' side: the bedtime stop (作业熔断) needs an unfinished item, the time homework ended is kept as a late night
 * (judged by the bedtime in force on that date), the class teacher's panel of who reported, and the rules parents read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '.';
import { call, createWorld, type World } from '../../../test/harness';

const TODAY = '2026-11-26';
let w: World;
let child: { id: string; classId: string; grade: number };
let cls: { id: string };
let parent: string;

type Item = { itemId: string; minutes: number; type: string; place: string; layer: string };
const counted = (i: Item) => i.type === 'written' && i.place === 'home' && i.layer !== 'extension';

/** The latest day before today with a published list that has at least `n` counted items. */
async function publishedDay(n = 1): Promise<{ date: string; items: Item[] }> {
  for (let back = 1; back <= 7; back++) {
    const date = `2026-11-${String(26 - back).padStart(2, '0')}`;
    const day = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).body;
    if (day.list && day.list.items.filter(counted).length >= n) return { date, items: day.list.items };
  }
  throw new Error('no published day with counted items in the last week');
}

const report = (date: string, items: { itemId: string; done: boolean; minutes: number | null }[], extra: Record<string, unknown> = {}) =>
  call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date, items, stoppedAtBedtime: false, ...extra });

beforeAll(async () => {
  w = await createWorld({ homework: true });
  parent = await w.login('demo-parent');
  const me = (await call(w.app, parent, 'GET', '/api/me')).body;
  child = me.children[0];
  cls = { id: child.classId };
}, 120_000);
afterAll(() => w.close());

describe('作业熔断: a bedtime stop needs something left unfinished', () => {
  it('is refused, naming the field, when every counted item is done', async () => {
    const { date, items } = await publishedDay();
    const all = items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes }));
    const r = await report(date, all, { stoppedAtBedtime: true });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.message).toContain('到就寝时间停下');
    expect(r.body.details.fields[0].field).toBe('stoppedAtBedtime');
    // nothing was saved
    const day = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).body;
    expect(day.feedback?.stoppedAtBedtime ?? false).toBe(false);
  });

  it('is refused when only a non-counted item is left unfinished', async () => {
    const { date, items } = await publishedDay();
    const other = items.find((i) => !counted(i));
    if (!other) return; // the day has only counted items: the case above covers it
    const r = await report(
      date,
      items.map((i) => ({ itemId: i.itemId, done: i !== other, minutes: i.minutes })),
      { stoppedAtBedtime: true },
    );
    expect(r.status).toBe(400);
    expect(r.body.details.fields[0].field).toBe('stoppedAtBedtime');
  });

  it('is accepted with a counted item unfinished: compliant for the child, over-load for the class', async () => {
    const { date, items } = await publishedDay();
    const first = items.find(counted)!;
    const r = await report(
      date,
      items.map((i) => ({ itemId: i.itemId, done: i !== first, minutes: i.minutes })),
      { stoppedAtBedtime: true },
    );
    expect(r.status).toBe(200);
    expect(r.body.feedback).toMatchObject({ stoppedAtBedtime: true, withinLimit: true, endedAt: null, lateMinutes: 0 });
  });
});

describe('when homework ended', () => {
  it('an end after the grade’s bedtime is kept as a late night, and does not change the judgement', async () => {
    const { date, items } = await publishedDay();
    const all = items.map((i) => ({ itemId: i.itemId, done: true, minutes: 1 }));
    const r = await report(date, all, { endedAt: '22:30' });
    expect(r.status).toBe(200);
    expect(r.body.bedtime).toBe('21:20');
    expect(r.body.feedback).toMatchObject({ withinLimit: true, endedAt: '22:30', lateMinutes: 70 });
    // the small hours belong to the evening before: 03:00 is 340 minutes past 21:20
    const small = await report(date, all, { endedAt: '03:00' });
    expect(small.body.feedback).toMatchObject({ endedAt: '03:00', lateMinutes: 340, withinLimit: true });
    const onTime = await report(date, all, { endedAt: '20:05' });
    expect(onTime.body.feedback).toMatchObject({ endedAt: '20:05', lateMinutes: 0 });
    await report(date, all, { endedAt: '22:30' });
    // the class-day rollup counts it once flushed, and the class calendar answers it
    await w.runJob('homework.rollups');
    const cal = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/homework/classes/${cls.id}/calendar?from=${date}&to=${date}`);
    expect(cal.status).toBe(200);
    const [late] = await w.db.database.query<{ lateNights: number }>(
      `select count(*)::int as "lateNights" from homework_student_days where class_id = $1 and date = $2 and late_minutes > 0`,
      [cls.id, date],
    );
    expect(late!.lateNights).toBeGreaterThanOrEqual(1);
    expect(cal.body.days[0].lateNights).toBe(late!.lateNights);
    // the audit entry keeps the time and the bedtime it was measured against
    const audit = await w.db.database.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where action = 'homework.feedback' and entity_id = $1 order by at desc limit 1`,
      [child.id],
    );
    expect(audit[0]!.after).toMatchObject({ endedAt: '22:30', lateMinutes: 70, rules: { bedtime: '21:20', rule: 'homework.bedtime' } });
  });

  it('refuses a time not yet come, and a time that is not HH:MM', async () => {
    const { items } = await publishedDay();
    const future = await report(TODAY, [], { endedAt: '20:00' });
    expect(future.status).toBe(400);
    expect(future.body.details.fields[0].field).toBe('endedAt');
    const { date } = await publishedDay();
    const all = items.map((i) => ({ itemId: i.itemId, done: true, minutes: 1 }));
    const bad = await report(date, all, { endedAt: '25:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('endedAt');
  });
});

describe('the class teacher sees who reported', () => {
  it('lists every child of the class, not reported first, with masked guardian phones', async () => {
    const { date } = await publishedDay();
    const teacher = await w.login('demo-classteacher');
    const r = await call(w.app, teacher, 'GET', `/api/homework/days/${cls.id}/${date}/reports`);
    expect(r.status).toBe(200);
    const body = r.body;
    expect(body.rows).toHaveLength(body.students);
    expect(body.students).toBe(40);
    expect(body.publishedVersion).toBeGreaterThanOrEqual(1);
    expect(body.reporters).toBe(body.rows.filter((x: { reported: boolean }) => x.reported).length);
    // matches the database and the class-day rollup
    const [count] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from homework_student_days where class_id = $1 and date = $2`, [cls.id, date]);
    const n = count!.n;
    expect(body.reporters).toBe(n);
    await w.runJob('homework.rollups');
    const cal = (await call(w.app, teacher, 'GET', `/api/homework/classes/${cls.id}/calendar?from=${date}&to=${date}`)).body;
    expect(cal.days[0]).toMatchObject({ reporters: n, lateNights: body.lateNights, bedtimeStops: body.bedtimeStops });
    // not reported first
    const firstReported = body.rows.findIndex((x: { reported: boolean }) => x.reported);
    expect(body.rows.slice(firstReported).every((x: { reported: boolean }) => x.reported)).toBe(true);
    const mine = body.rows.find((x: { studentId: string }) => x.studentId === child.id);
    expect(mine).toMatchObject({ reported: true, endedAt: '22:30', lateMinutes: 70 });
    for (const row of body.rows) {
      expect(row.guardians.length).toBeGreaterThan(0);
      for (const g of row.guardians) expect(g.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
  });

  it('is out of reach of a parent and of another district (404), and read without guardians by an inspector', async () => {
    const { date } = await publishedDay();
    expect((await call(w.app, parent, 'GET', `/api/homework/days/${cls.id}/${date}/reports`)).status).toBe(404);
    expect((await call(w.app, await w.login('other-teacher'), 'GET', `/api/homework/days/${cls.id}/${date}/reports`)).status).toBe(404);
    // a district officer reads it, without guardians' phones (no guardian.read for inspectors)
    const inspector = await call(w.app, await w.login('demo-inspector'), 'GET', `/api/homework/days/${cls.id}/${date}/reports`);
    expect(inspector.status).toBe(200);
    expect(inspector.body.rows[0].guardians).toBeNull();
  });

  it('the rebuilt rollups count late nights exactly as the reports did', async () => {
    const { date } = await publishedDay();
    await w.runJob('homework.rollups');
    const q = `select reporters, bedtime_stops, late_nights, within_limit, over_limit from homework_class_day_stats where class_id = $1 and date = $2`;
    const [before] = await w.db.database.query(q, [cls.id, date]);
    await rebuildRollups(w.db.database.db, (await call(w.app, parent, 'GET', '/api/me')).body.district.id, { overrun: { factor: 1.5, minReports: 3 }, completionTarget: 0.9 });
    const [after] = await w.db.database.query(q, [cls.id, date]);
    expect(after).toEqual(before);
  });
});

describe('a second child, in grade 1 (no written homework at home)', () => {
  it('a bedtime stop is refused for a day with nothing counted, and the rules say no written homework', async () => {
    const principal = await w.login('demo-principal');
    const guardian = (await call(w.app, principal, 'GET', `/api/students/${child.id}`)).body.guardians.find((g: { hasAccount: boolean }) => g.hasAccount);
    const classes = (await call(w.app, principal, 'GET', '/api/classes')).body as { id: string; grade: number; schoolId: string }[];
    const grade1 = classes.find((c) => c.grade === 1)!;
    const kid = (await call(w.app, principal, 'GET', `/api/students?classId=${grade1.id}&pageSize=1`)).body.items[0];
    const linked = await call(w.app, principal, 'POST', `/api/students/${kid.id}/guardians`, { name: guardian.name, phone: guardian.phone, relation: '父亲' });
    expect(linked.status).toBe(200);
    // a new session reads the new child's grant
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-parent', password: 'Demo#2026' } });
    const parent = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = (await call(w.app, parent, 'GET', '/api/me')).body;
    expect(me.children.map((c: { id: string }) => c.id)).toContain(kid.id);

    const rules = (await call(w.app, parent, 'GET', `/api/homework/child/rules?studentId=${kid.id}`)).body;
    expect(rules).toMatchObject({ grade: 1, noWrittenAtHome: true, limits: { school_day: 0 }, bedtime: '21:20' });

    let day: { date: string; list: { items: Item[] } } | null = null;
    for (let back = 1; back <= 7 && !day; back++) {
      const date = `2026-11-${String(26 - back).padStart(2, '0')}`;
      const d = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${kid.id}&date=${date}`)).body;
      if (d.list?.items.length) day = d;
    }
    expect(day, 'a published grade-1 day in the last week').toBeTruthy();
    expect(day!.list.items.some(counted)).toBe(false);
    const r = await call(w.app, parent, 'PUT', '/api/homework/feedback', {
      studentId: kid.id,
      date: day!.date,
      items: day!.list.items.map((i) => ({ itemId: i.itemId, done: false, minutes: 10 })),
      stoppedAtBedtime: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('当天没有计入上限的书面作业');
    const link = linked.body.guardians.find((g: { phone: string }) => g.phone === guardian.phone);
    expect((await call(w.app, principal, 'DELETE', `/api/students/${kid.id}/guardians/${link.id}`)).status).toBe(200);
  });
});

describe('作业制度公示: the rules parents read', () => {
  it('answers the district’s rules for the child’s grade, and only to those who may see the child', async () => {
    const r = await call(w.app, parent, 'GET', `/api/homework/child/rules?studentId=${child.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      studentId: child.id,
      grade: 3,
      date: TODAY,
      limits: { school_day: 60, weekend: 60, holiday: 60, vacation: 60 },
      noWrittenAtHome: false,
      bedtime: '21:20',
      completionTarget: 0.9,
      versions: null,
      changedOn: null,
    });
    expect(r.body.forbidden).toContain('家长批改');
    expect((await call(w.app, await w.login('other-parent'), 'GET', `/api/homework/child/rules?studentId=${child.id}`)).status).toBe(404);
  });

  it('each date is judged by its own bedtime: a change applies from its effective date, and the rules show it', async () => {
    const admin = await w.login('demo-district');
    const set = await call(w.app, admin, 'POST', '/api/policies/homework.bedtime', { value: { primary: '21:00', junior: '22:00' }, effectiveFrom: '2026-11-27', reason: '区教育局睡眠管理通知' });
    expect(set.status).toBe(200);
    // two days on, a report for a day before the change is measured against the old bedtime
    w.clock.advance(2 * 86_400_000);
    parent = await w.login('demo-parent');
    const p = parent;
    const { date, items } = await publishedDay();
    const r = await call(w.app, p, 'PUT', '/api/homework/feedback', {
      studentId: child.id,
      date,
      items: items.map((i) => ({ itemId: i.itemId, done: true, minutes: 1 })),
      endedAt: '21:10',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ bedtime: '21:20', feedback: { endedAt: '21:10', lateMinutes: 0 } });
    const rules = (await call(w.app, p, 'GET', `/api/homework/child/rules?studentId=${child.id}`)).body;
    expect(rules).toMatchObject({ bedtime: '21:00', changedOn: '2026-11-27' });
    expect(rules.versions).toContain('homework.bedtime@');
  });
});

describe('a second look at the day comes from memory; every change through the platform shows at once', () => {
  it('a kept day answers until the family’s report or a rename of the class drops it, and is still refused to others', async () => {
    const { date, items } = await publishedDay();
    const read = async () => (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).body;
    const before = await read();
    const name = before.list.className as string;
    // changed behind the platform's back (no service, nothing dropped): the kept day still answers as it was
    await w.db.database.query(`update classes set name = $1 where id = $2`, [`${name}※`, cls.id]);
    expect((await read()).list.className).toBe(name);
    // the reader's grants are checked on every answer, kept or not
    expect((await call(w.app, await w.login('other-teacher'), 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).status).toBe(404);
    expect([403, 404]).toContain((await call(w.app, await w.login('demo-institution'), 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).status);
    // the family's report drops the child's day: the next read is the database's
    const saved = await report(date, items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes })));
    expect(saved.status).toBe(200);
    const after = await read();
    expect(after.list.className).toBe(`${name}※`);
    expect(after.feedback).toMatchObject({ stoppedAtBedtime: false, reportedAt: saved.body.feedback.reportedAt });
    // a rename through the platform drops every kept day at once
    const admin = await w.login('demo-district');
    const klass = (await call(w.app, admin, 'GET', `/api/classes/${cls.id}`)).body;
    const renamed = await call(w.app, admin, 'PUT', `/api/classes/${cls.id}`, { grade: klass.grade, name, entryYear: klass.entryYear });
    expect(renamed.status).toBe(200);
    expect((await read()).list.className).toBe(name);
  });
});
