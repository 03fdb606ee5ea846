import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

const TODAY = '2026-11-26';
let w: World;
let cls: { id: string; name: string }; // 实验小学 三年级(2)班
let otherClass: { id: string }; // 三年级(1)班, also taught by demo-teacher
let child: { id: string };
let math: string;
let chinese: string;
let schoolId: string;

beforeAll(async () => {
  w = await createWorld({ homework: true });
  const me = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
  child = me.children[0];
  cls = { id: me.children[0].classId, name: me.children[0].className };
  schoolId = me.children[0].schoolId;
  const subjects = (await call(w.app, await w.login('demo-teacher'), 'GET', '/api/subjects')).body as { id: string; code: string }[];
  math = subjects.find((s) => s.code === 'math')!.id;
  chinese = subjects.find((s) => s.code === 'chinese')!.id;
  const teacherMe = (await call(w.app, await w.login('demo-teacher'), 'GET', '/api/me')).body;
  otherClass = teacherMe.classes.find((c: { id: string; name: string }) => c.id !== cls.id && c.name.includes('三年级(1)班'));
}, 120_000);
afterAll(() => w.close());

/** The district's mandatory review steps from today on (a later version of the same day replaces an earlier one). */
async function mandatory(steps: string[]) {
  const r = await call(w.app, await w.login('demo-district'), 'POST', '/api/policies/homework.mandatorySteps', { value: steps, effectiveFrom: TODAY, reason: '测试：学校自定审核环节' });
  expect(r.status).toBe(200);
}

const entry = (over: Record<string, unknown> = {}) => ({
  date: TODAY,
  content: '完成练习册第 18 页 1–6 题',
  type: 'written',
  layer: 'basic',
  place: 'home',
  minutes: 30,
  ...over,
});

describe('the review chain, from setting to the parent', () => {
  let itemId: string;

  it('the load check shows the class total with the draft, over the grade-3 limit', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/load-check', {
      classIds: [cls.id],
      dates: [TODAY],
      draft: { subjectId: math, type: 'written', layer: 'basic', place: 'home', minutes: 30, content: '练习' },
    });
    expect(r.status).toBe(200);
    const e = r.body.entries[0];
    expect(e.check).toMatchObject({ rule: 'homework.dayLimits', limit: 60, written: 70, over: true });
    expect(e.adds).toBe(30);
    expect(e.items.map((i: { subjectName: string }) => i.subjectName).sort()).toEqual(['科学', '英语', '语文']);
    expect(r.body.blocked).toBe(true);
  });

  it('a teacher sets homework (over the limit: allowed into review, never published as is)', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: math, entries: [entry()] });
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ status: 'pending_check', minutes: 30, subjectName: '数学', className: '三年级(2)班' });
    itemId = r.body.items[0].id;
  });

  it('the math subject leader sees it to check and approves; the chinese teacher cannot', async () => {
    const leader = await w.login('demo-subjectleader');
    const todo = await call(w.app, leader, 'GET', '/api/homework/todo');
    expect(todo.body.toCheck.map((i: { id: string }) => i.id)).toContain(itemId);
    const refused = await call(w.app, await w.login('demo-classteacher'), 'POST', '/api/homework/check', { itemIds: [itemId], decision: 'approve' });
    expect(refused.status).toBe(403);
    const ok = await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: [itemId], decision: 'approve' });
    expect(ok.status).toBe(200);
  });

  it('the class teacher cannot submit while 科学 waits for its content check; the grade leader checks it', async () => {
    const ct = await w.login('demo-classteacher');
    const todo = await call(w.app, ct, 'GET', '/api/homework/todo');
    expect(todo.body.toCoordinate).toEqual([expect.objectContaining({ classId: cls.id, date: TODAY, written: 70, limit: 60, violations: 1, pending: 1 })]);
    const waiting = await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, {});
    expect(waiting.status).toBe(409);
    expect(waiting.body.message).toContain('科学作业还在等待学科组长审核');
    // 年级组长 checks every subject of the grade (年级组统一内容)
    const gradeLeader = await w.login('demo-gradeleader');
    const science = (await call(w.app, gradeLeader, 'GET', '/api/homework/todo')).body.toCheck.find((i: { subjectName: string }) => i.subjectName === '科学');
    expect((await call(w.app, gradeLeader, 'POST', '/api/homework/check', { itemIds: [science.id], decision: 'approve' })).status).toBe(200);
  });

  it('the class teacher cannot submit an over-limit day, shortens the item, the teacher is told, then submits', async () => {
    const ct = await w.login('demo-classteacher');
    const blocked = await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, {});
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('RULE_VIOLATION');
    expect(blocked.body.message).toContain('超过');
    expect(blocked.body.details).toMatchObject({ check: { written: 70, limit: 60 }, policyVersion: null });
    const shortened = await call(w.app, ct, 'POST', `/api/homework/items/${itemId}/adjust`, { action: 'shorten', minutes: 20, reason: '今日语文作业较多，数学减量' });
    expect(shortened.body).toMatchObject({ minutes: 20, originalMinutes: 30, adjustNote: '今日语文作业较多，数学减量' });
    const note = await call(w.app, await w.login('demo-teacher'), 'GET', '/api/notifications');
    expect(note.body.items[0].title).toContain('时长由 30 分钟调整为 20 分钟');
    expect(note.body.unread).toBeGreaterThan(0);
    const submitted = await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pending_approval', check: { written: 60, over: false } });
  });

  it('nothing is visible to parents before academic affairs approves', async () => {
    const r = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/child/day?studentId=${child.id}&date=${TODAY}`);
    expect(r.body.list).toBeNull();
  });

  it('academic affairs approves: the list is published as version 1', async () => {
    const principal = await w.login('demo-principal');
    const todo = await call(w.app, principal, 'GET', '/api/homework/todo');
    expect(todo.body.toApprove).toEqual([expect.objectContaining({ classId: cls.id, date: TODAY, written: 60, correction: false })]);
    const r = await call(w.app, principal, 'POST', `/api/homework/days/${cls.id}/${TODAY}/approve`, {});
    expect(r.body).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(r.body.history).toHaveLength(1);
  });

  it('the parent sees the published list (科学 is non-written and not counted) and reports time', async () => {
    const parent = await w.login('demo-parent');
    const day = await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${TODAY}`);
    expect(day.body.list).toMatchObject({ version: 1, written: 60, limit: 60, other: 15, className: '三年级(2)班' });
    const subjects = day.body.list.items.map((i: { subjectName: string }) => i.subjectName).sort();
    expect(subjects).toEqual(['数学', '科学', '英语', '语文']);
    expect(day.body.bedtime).toBe('21:20');
    const items = day.body.list.items.map((i: { itemId: string; minutes: number }) => ({ itemId: i.itemId, done: true, minutes: i.minutes + 5 }));
    const saved = await call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: TODAY, items, stoppedAtBedtime: false });
    expect(saved.status).toBe(200);
    expect(saved.body.feedback).toMatchObject({ minutes: 75, withinLimit: false });
    const stopped = await call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: TODAY, items: items.slice(0, 2), stoppedAtBedtime: true });
    expect(stopped.body.feedback).toMatchObject({ stoppedAtBedtime: true, withinLimit: true });
  });

  it('the class rollup counts the report once the rollups are flushed: compliant child, over-loaded class', async () => {
    const before = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/homework/classes/${cls.id}/calendar?from=${TODAY}&to=${TODAY}`);
    expect(before.body.days[0]).toMatchObject({ published: true, reporters: 0 });
    await w.runJob('homework.rollups');
    const cal = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/homework/classes/${cls.id}/calendar?from=${TODAY}&to=${TODAY}`);
    expect(cal.body.days[0]).toMatchObject({ plannedWritten: 60, published: true, reporters: 1, withinLimit: 1, bedtimeStops: 1, overLimit: 1, overloaded: true });
  });

  it('a later change reopens the day and publishes version 2 with the correction reason', async () => {
    const parentDay = async () => (await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/child/day?studentId=${child.id}&date=${TODAY}`)).body;
    // the parent's day is read (and kept) before the correction
    expect((await parentDay()).list.version).toBe(1);
    const teacher = await w.login('demo-teacher');
    const item = (await call(w.app, teacher, 'GET', `/api/homework/items/${itemId}`)).body;
    const edited = await call(w.app, teacher, 'PATCH', `/api/homework/items/${itemId}`, { content: '完成练习册第 18 页 1–4 题', version: item.version });
    expect(edited.body.status).toBe('pending_check');
    const stale = await call(w.app, teacher, 'PATCH', `/api/homework/items/${itemId}`, { content: '旧版本', version: item.version });
    expect(stale.status).toBe(409);
    await call(w.app, await w.login('demo-subjectleader'), 'POST', '/api/homework/check', { itemIds: [itemId], decision: 'approve' });
    const ct = await w.login('demo-classteacher');
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, {})).body.message).toContain('更正原因');
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, { note: '数学题量调整为 1–4 题' })).status).toBe(200);
    const published = await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls.id}/${TODAY}/approve`, {});
    expect(published.body.publishedVersion).toBe(2);
    const v1 = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/notice/${cls.id}/${TODAY}?version=1`);
    const v2 = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/notice/${cls.id}/${TODAY}`);
    expect(v1.body.items.find((i: { subjectName: string }) => i.subjectName === '数学').content).toContain('1–6');
    expect(v2.body).toMatchObject({ version: 2, reason: '数学题量调整为 1–4 题' });
    expect(v2.body.items.find((i: { subjectName: string }) => i.subjectName === '数学').content).toContain('1–4');
    // the family's page shows the correction at once, with the report kept
    const corrected = await parentDay();
    expect(corrected.list).toMatchObject({ version: 2, reason: '数学题量调整为 1–4 题' });
    expect(corrected.feedback).toMatchObject({ stoppedAtBedtime: true });
  });

  it('published lists are records: the database refuses to change them', async () => {
    await expect(w.db.database.query(`update homework_published set reason = 'x'`)).rejects.toThrow(/append-only|permission denied/);
    await expect(w.db.database.query(`delete from homework_published`)).rejects.toThrow(/append-only|permission denied/);
  });

  it('every step is in the audit log', async () => {
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${itemId}&pageSize=50`);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['homework.create', 'homework.check.approve', 'homework.adjust.shorten', 'homework.update']));
    const day = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${cls.id}/${TODAY}&pageSize=50`);
    expect(day.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['homework.day.submit', 'homework.publish', 'homework.publish.correction']),
    );
  });
});

describe('rules and refusals', () => {
  it('refuses a subject the teacher does not teach, a class they do not see, and bad input', async () => {
    const teacher = await w.login('demo-teacher');
    const notMine = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: chinese, entries: [entry()] });
    expect(notMine.status).toBe(403);
    const grade4 = (await call(w.app, await w.login('demo-principal'), 'GET', '/api/classes?grade=4')).body[0];
    const unseen = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [grade4.id], subjectId: math, entries: [entry()] });
    expect(unseen.status).toBe(404);
    const bad = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: math, entries: [entry({ minutes: 0, content: '' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['entries.0.minutes', 'entries.0.content']));
    const past = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: math, entries: [entry({ date: '2026-11-20' })] });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('过去');
  });

  it('a class teacher of another class cannot coordinate this one; a parent of another child sees nothing', async () => {
    const item = (await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/items', { classIds: [otherClass.id], subjectId: math, entries: [entry({ date: '2026-11-27' })] })).body.items[0];
    const ct = await w.login('demo-classteacher');
    expect((await call(w.app, ct, 'POST', `/api/homework/items/${item.id}/adjust`, { action: 'drop', reason: '不是我班的' })).status).toBe(404);
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${otherClass.id}/2026-11-27/submit`, {})).status).toBe(404);
    expect((await call(w.app, await w.login('other-parent'), 'GET', `/api/homework/child/day?studentId=${child.id}&date=${TODAY}`)).status).toBe(404);
    const otherParent = await w.login('other-parent');
    expect((await call(w.app, otherParent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: TODAY, items: [], stoppedAtBedtime: false })).status).toBe(404);
  });

  it('a parent cannot report on an item that is not on the published list, nor on a future day', async () => {
    const parent = await w.login('demo-parent');
    const r = await call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: TODAY, items: [{ itemId: crypto.randomUUID(), done: true, minutes: 5 }] });
    expect(r.status).toBe(400);
    const future = await call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: '2026-11-28', items: [] });
    expect(future.status).toBe(400);
  });

  it('forbidden content and written homework at home in grade 1–2 can never be published', async () => {
    const check = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/load-check', {
      classIds: [cls.id],
      dates: ['2026-11-30'],
      draft: { type: 'written', layer: 'basic', place: 'home', minutes: 10, content: '订正后请家长签字、批改' },
    });
    expect(check.body.entries[0].check.violations).toEqual([expect.objectContaining({ rule: 'homework.forbiddenContent', phrase: '家长签字批改' })]);
    // grade 1: a first-grade teacher in 实验小学
    const admin = await w.login('demo-district');
    const grade1 = (await call(w.app, admin, 'GET', `/api/classes?schoolId=${schoolId}&grade=1`)).body[0];
    const staff = (await call(w.app, admin, 'GET', `/api/staff?schoolId=${schoolId}&role=teacher&pageSize=200`)).body.items;
    const teacher = staff.find((s: { assignments: { classId: string; subjectName: string }[] }) =>
      s.assignments.some((a) => a.classId === grade1.id && a.subjectName === '数学'),
    );
    const cookie = await w.login(teacher.username);
    const r = await call(w.app, cookie, 'POST', '/api/homework/items', { classIds: [grade1.id], subjectId: math, entries: [entry({ date: '2026-11-30', minutes: 10 })] });
    expect(r.status).toBe(200);
    const leader = await w.login('demo-subjectleader');
    await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: [r.body.items[0].id], decision: 'approve' });
    const day = await call(w.app, await w.login('demo-principal'), 'GET', `/api/homework/days/${grade1.id}/2026-11-30`);
    expect(day.body.check.violations).toEqual([expect.objectContaining({ rule: 'homework.noWrittenAtHome' })]);
  });

  it('with every review step switched off, a submitted item is published at once when it passes the rules', async () => {
    await mandatory([]);
    const principal = await w.login('demo-principal');
    const settings = await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: false, classCoordination: false, schoolApproval: false });
    expect(settings.status).toBe(200);
    expect((await call(w.app, await w.login('demo-teacher'), 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: true, classCoordination: true, schoolApproval: true })).status).toBe(403);
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/items', { classIds: [otherClass.id], subjectId: math, entries: [entry({ date: '2026-12-01', minutes: 25 })] });
    expect(r.body.items[0].status).toBe('ready');
    const notice = await call(w.app, principal, 'GET', `/api/homework/notice/${otherClass.id}/2026-12-01`);
    expect(notice.body).toMatchObject({ version: 1, written: 25 });
    await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: true, classCoordination: true, schoolApproval: true });
  });

  it('a weekly plan sets one item per day; an idempotency key keeps a double-click to one', async () => {
    const teacher = await w.login('demo-teacher');
    const body = {
      classIds: [otherClass.id],
      subjectId: math,
      planKind: 'weekly',
      entries: ['2026-12-07', '2026-12-08', '2026-12-09'].map((date) => entry({ date, minutes: 15 })),
    };
    const send = () => w.app.inject({ method: 'POST', url: '/api/homework/items', payload: body, headers: { cookie: teacher, 'idempotency-key': 'weekly-plan-0001' } });
    const [a, b] = [await send(), await send()];
    expect(a.json().items).toHaveLength(3);
    expect(b.json().items.map((i: { id: string }) => i.id)).toEqual(a.json().items.map((i: { id: string }) => i.id));
    const listed = await call(w.app, teacher, 'GET', `/api/homework/items?classId=${otherClass.id}&from=2026-12-07&to=2026-12-09&mine=1`);
    expect(listed.body).toHaveLength(3);
  });
});

describe('measures', () => {
  it('the district dashboard equals a direct count of the families\' reports', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/district/weekly?from=2026-11-16&to=2026-11-22');
    expect(r.status).toBe(200);
    const [raw] = await w.db.database.query<{ reporters: number; within: number }>(
      `select count(*)::int as reporters, count(*) filter (where within_limit)::int as within
       from homework_student_days where date between '2026-11-16' and '2026-11-22'`,
    );
    const week = r.body.weeks[0];
    expect(week.reporters).toBe(raw!.reporters);
    expect(week.withinLimit).toBe(raw!.within);
    expect(week.withinLimitRate).toBeCloseTo(raw!.within / raw!.reporters, 2);
    expect(r.body.schools).toBe(4);
    const page = await call(w.app, await w.login('demo-district'), 'GET', '/api/homework/district/schools?from=2026-11-16&to=2026-11-22');
    const drill = await call(w.app, await w.login('demo-district'), 'GET', `/api/homework/district/classes?schoolId=${schoolId}&from=2026-11-16&to=2026-11-22`);
    const sumReporters = drill.body.reduce((s: number, c: { reporters: number }) => s + c.reporters, 0);
    expect(sumReporters).toBe(page.body.rows.find((x: { schoolId: string }) => x.schoolId === schoolId).reporters);
  });

  it('is refused to a school admin and answered per zone to a zone inspector', async () => {
    expect((await call(w.app, await w.login('demo-principal'), 'GET', '/api/homework/district/weekly?from=2026-11-16&to=2026-11-22')).status).toBe(403);
    const zone = await call(w.app, await w.login('zone-inspector'), 'GET', '/api/homework/district/schools?from=2026-11-16&to=2026-11-22');
    expect(new Set(zone.body.rows.map((r: { schoolName: string }) => r.schoolName))).toEqual(new Set(['城西第二小学', '城西九年一贯制学校']));
  });

  it('the school overview compares estimates with actual time by teacher, as the reports give them', async () => {
    const r = await call(w.app, await w.login('demo-principal'), 'GET', `/api/homework/school/overview?schoolId=${schoolId}&date=2026-11-25`);
    expect(r.status).toBe(200);
    expect(r.body.teachers.length).toBeGreaterThan(5);
    expect(r.body.today.length).toBe(18);
    // each teacher's mean of (median reported minutes ÷ estimate) over the items with reports, computed from raw rows
    const raw = await w.db.database.query<{ teacher_id: string; items: number; reported: number; mean_ratio: number | null }>(
      `select i.teacher_id, count(*)::int as items, count(f.median)::int as reported,
              round((avg(f.median::real / i.minutes) filter (where f.median is not null))::numeric, 2)::float8 as mean_ratio
       from homework_items i
       left join lateral (select percentile_disc(0.5) within group (order by minutes) as median from homework_feedback f
                          where f.district_id = i.district_id and f.item_id = i.id and f.done and f.minutes is not null) f on true
       where i.school_id = $1 and i.status = 'ready' and i.minutes > 0 and i.date between '2026-10-29' and '2026-11-25'
       group by i.teacher_id`,
      [schoolId],
    );
    const withRatio = r.body.teachers.filter((t: { meanRatio: number | null }) => t.meanRatio !== null);
    expect(withRatio.length).toBeGreaterThan(5);
    for (const t of r.body.teachers as { teacherId: string; items: number; reportedItems: number; meanRatio: number | null }[]) {
      const expected = raw.find((x) => x.teacher_id === t.teacherId)!;
      expect(t.items, t.teacherId).toBe(expected.items);
      expect(t.reportedItems).toBe(expected.reported);
      if (expected.mean_ratio === null) expect(t.meanRatio).toBeNull();
      else expect(t.meanRatio).toBeCloseTo(expected.mean_ratio, 2);
    }
  });

  it("the teacher's week lists their items with the median of the reported minutes", async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'GET', '/api/homework/teacher/week?weekStart=2026-11-16');
    expect(r.body.items.length).toBeGreaterThan(5);
    const reported = (r.body.stats as { itemId: string; reports: number; medianMinutes: number | null; estimate: number }[]).filter((s) => s.reports > 0);
    expect(reported.length).toBeGreaterThan(3);
    for (const s of reported) {
      const minutes = (
        await w.db.database.query<{ minutes: number }>(
          `select minutes from homework_feedback where item_id = $1 and done and minutes is not null order by minutes`,
          [s.itemId],
        )
      ).map((x) => x.minutes);
      expect(s.reports).toBe(minutes.length);
      // the lower median, as percentile_disc(0.5) takes it
      expect(s.medianMinutes).toBe(minutes[Math.ceil(minutes.length / 2) - 1]);
    }
  });
});

describe('library and error notebook', () => {
  it('finds designs by Chinese text, saves an item as a design, and keeps curation to the right people', async () => {
    const teacher = await w.login('demo-teacher');
    const found = await call(w.app, teacher, 'GET', `/api/homework/designs?q=${encodeURIComponent('购物')}`);
    expect(found.body.items.map((d: { title: string }) => d.title)).toEqual(['超市购物小账本']);
    const both = await call(w.app, teacher, 'GET', `/api/homework/designs?q=${encodeURIComponent('倍数 画图')}`);
    expect(both.body.items.map((d: { title: string }) => d.title)).toEqual(['倍数关系画一画']);
    const excellent = await call(w.app, teacher, 'GET', '/api/homework/designs?excellent=1');
    expect(excellent.body.total).toBe(5);
    const item = (await call(w.app, teacher, 'GET', `/api/homework/items?classId=${cls.id}&from=2026-11-20&to=2026-11-25&mine=1`)).body[0];
    const saved = await call(w.app, teacher, 'POST', '/api/homework/designs/from-item', { itemId: item.id, title: '我的练习设计', unit: '第五单元' });
    expect(saved.body).toMatchObject({ title: '我的练习设计', canEdit: true, canCurate: false, excellent: false });
    expect((await call(w.app, teacher, 'POST', `/api/homework/designs/${saved.body.id}/excellent`, { excellent: true })).status).toBe(403);
    const marked = await call(w.app, await w.login('demo-subjectleader'), 'POST', `/api/homework/designs/${saved.body.id}/excellent`, { excellent: true });
    expect(marked.body.excellent).toBe(true);
    const cx02 = await w.login('cx02-t001');
    expect((await call(w.app, cx02, 'POST', `/api/homework/designs/${saved.body.id}/excellent`, { excellent: false })).status).toBe(403);
  });

  it('a parent notes a mistake from a published item; the class teacher sees the most frequent ones', async () => {
    const parent = await w.login('demo-parent');
    const day = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=2026-11-25`)).body;
    const itemId = day.list.items[0].itemId;
    const r = await call(w.app, parent, 'POST', '/api/homework/mistakes', { studentId: child.id, itemId, question: '第 3 题：进位加法', note: '明天再练' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ itemId, date: '2026-11-25', resolved: false });
    const list = await call(w.app, parent, 'GET', `/api/homework/mistakes?studentId=${child.id}`);
    expect(list.body.some((m: { id: string }) => m.id === r.body.id)).toBe(true);
    const frequent = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/homework/mistakes/frequent?classId=${cls.id}&from=2026-11-01&to=2026-11-30`);
    expect(frequent.body[0]).toMatchObject({ question: '练习册第 3 题：进位加法算错', students: 3 });
    expect((await call(w.app, parent, 'GET', `/api/homework/mistakes/frequent?classId=${cls.id}&from=2026-11-01&to=2026-11-30`)).status).toBe(403);
  });
});

describe('attachments', () => {
  const upload = (cookie: string, name: string, data: Buffer) =>
    w.app.inject({
      method: 'POST',
      url: '/api/homework/attachments',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=att' },
      payload: Buffer.concat([
        Buffer.from(`--att\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from('\r\n--att--\r\n'),
      ]),
    });

  it('accepts allowed files up to 10 MB and refuses others', async () => {
    const teacher = await w.login('demo-teacher');
    expect((await upload(teacher, '练习.exe', Buffer.from('x'))).statusCode).toBe(415);
    expect((await upload(teacher, 'big.pdf', Buffer.alloc(10 * 1024 * 1024 + 10))).statusCode).toBe(413);
    const ok = await upload(teacher, '口算练习.pdf', Buffer.from('%PDF-1.4 demo'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '口算练习.pdf', mime: 'application/pdf' });
  });

  it('a parent downloads the attachment of a published item of their class, another parent cannot', async () => {
    await mandatory([]);
    const principal = await w.login('demo-principal');
    await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: false, classCoordination: false, schoolApproval: false });
    const teacher = await w.login('demo-teacher');
    const file = (await upload(teacher, '附件.pdf', Buffer.from('%PDF-1.4 attach'))).json();
    const created = await call(w.app, teacher, 'POST', '/api/homework/items', {
      classIds: [cls.id],
      subjectId: math,
      entries: [entry({ date: '2026-12-02', minutes: 10, type: 'reading', attachmentIds: [file.id] })],
    });
    expect(created.body.items[0].attachments[0].id).toBe(file.id);
    const parent = await w.login('demo-parent');
    const res = await w.app.inject({ method: 'GET', url: `/api/homework/attachments/${file.id}`, headers: { cookie: parent } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('%PDF-1.4 attach');
    expect((await w.app.inject({ method: 'GET', url: `/api/homework/attachments/${file.id}`, headers: { cookie: await w.login('other-parent') } })).statusCode).toBe(404);
    await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: true, classCoordination: true, schoolApproval: true });
  });
});

describe('policy as data', () => {
  it('a new limit applies from its effective date and every check cites the version', async () => {
    const admin = await w.login('demo-district');
    const current = (await call(w.app, admin, 'GET', '/api/policies')).body.find((p: { key: string }) => p.key === 'homework.dayLimits');
    const value = structuredClone(current.default);
    value.school_day['3'] = 50;
    const past = await call(w.app, admin, 'POST', '/api/policies/homework.dayLimits', { value, effectiveFrom: '2026-11-01', reason: '回溯' });
    expect(past.status).toBe(400);
    const bad = await call(w.app, admin, 'POST', '/api/policies/homework.dayLimits', { value: { school_day: {} }, effectiveFrom: '2026-12-14' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('value');
    const set = await call(w.app, admin, 'POST', '/api/policies/homework.dayLimits', { value, effectiveFrom: '2026-12-14', reason: '区教育局 2026 年第 12 号文' });
    expect(set.status).toBe(200);
    expect(set.body.versions[0]).toMatchObject({ effectiveFrom: '2026-12-14', reason: '区教育局 2026 年第 12 号文' });
    const teacher = await w.login('demo-teacher');
    const before = await call(w.app, teacher, 'POST', '/api/homework/load-check', { classIds: [cls.id], dates: ['2026-12-11'] });
    const after = await call(w.app, teacher, 'POST', '/api/homework/load-check', { classIds: [cls.id], dates: ['2026-12-14'] });
    expect(before.body.entries[0].check.limit).toBe(60);
    expect(before.body.entries[0].policyVersion ?? '').not.toContain('homework.dayLimits@');
    expect(after.body.entries[0].check.limit).toBe(50);
    expect(after.body.entries[0].policyVersion).toContain('homework.dayLimits@');
    expect((await call(w.app, await w.login('demo-principal'), 'POST', '/api/policies/homework.dayLimits', { value, effectiveFrom: '2026-12-20' })).status).toBe(403);
  });

  it('an old record is judged by the rule of its own date: the earlier version still applies to it and is the one cited', async () => {
    const admin = await w.login('demo-district');
    const limits = (await call(w.app, admin, 'GET', '/api/policies')).body.find((p: { key: string }) => p.key === 'homework.dayLimits');
    const v50 = limits.versions.find((v: { effectiveFrom: string }) => v.effectiveFrom === '2026-12-14');
    const value = structuredClone(v50.value);
    value.school_day['3'] = 45;
    const set = await call(w.app, admin, 'POST', '/api/policies/homework.dayLimits', { value, effectiveFrom: '2026-12-21', reason: '区教育局 2026 年第 13 号文' });
    expect(set.status).toBe(200);
    const v45 = set.body.versions[0];
    expect(v45.effectiveFrom).toBe('2026-12-21');

    // the teacher's homework of 48 minutes for Wednesday 16 December, set before the second change takes effect
    const teacher = await w.login('demo-teacher');
    const created = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: math, entries: [entry({ date: '2026-12-16', minutes: 48 })] });
    expect(created.status).toBe(200);
    expect(created.body.checks[0]).toMatchObject({ date: '2026-12-16', check: { limit: 50, written: 48, over: false }, policyVersion: expect.stringContaining(`homework.dayLimits@${v50.id}`) });
    // judged again today, with the 45-minute rule on the books: its own date's rule (50) and version, never the newer one
    const again = await call(w.app, teacher, 'POST', '/api/homework/load-check', { classIds: [cls.id], dates: ['2026-12-16', '2026-12-22'], draft: { subjectId: math, type: 'written', layer: 'basic', place: 'home', minutes: 48, content: '练习' } });
    const [old, next] = again.body.entries;
    expect(old).toMatchObject({ date: '2026-12-16', check: { limit: 50, over: true } });
    expect(old.policyVersion).toContain(`homework.dayLimits@${v50.id}`);
    expect(old.policyVersion).not.toContain(v45.id);
    // the same 48 minutes on Tuesday 22 December breaks the new rule, and the new version is cited
    expect(next).toMatchObject({ date: '2026-12-22', check: { limit: 45, written: 48, over: true } });
    expect(next.policyVersion).toContain(`homework.dayLimits@${v45.id}`);
    expect(next.check.violations[0].message).toContain('每日 45 分钟的上限');
  });
});
