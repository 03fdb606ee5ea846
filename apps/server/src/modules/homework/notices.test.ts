import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, testConfig, type World } from '../../../test/harness';
import { type Receiver, startReceiver } from '../../../test/receiver';
import { channelsFromConfig } from '../../platform/channels';
import { open } from '../../platform/crypto';
import { Dispatcher } from '../../platform/dispatcher';
import { bindChannel } from '../../platform/outbox';
import { eveningReminderJob, listSummary, sendEveningReminders } from './notices.service';

const TODAY = '2026-11-26';
const KEY = 'district-sms-gateway-key';
let w: World;
let gw: Receiver;
let cls: { id: string; name: string }; // 实验小学 三年级(2)班
let child: { id: string }; // 张小明, demo-parent's child
let districtId: string;
let math: string;
let itemId: string;

const config = () => ({
  ...testConfig,
  channels: { sms: { url: gw.url('/sms'), key: KEY, templates: { 'homework.published': 'SMS_PUBLISHED' } }, wechat: null, dingtalk: { url: gw.url('/dingtalk'), key: KEY, templates: {} } },
});
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params);
/** The outbox rows of a kind, each address opened (sealed at rest: never a phone in plaintext), in address order. */
const outboxOf = async (kind: string) => {
  const rows = await q<{ channel: string; address: string; text: string; params: Record<string, string>; user_id: string | null }>(`select * from outbox where kind = $1`, [kind]);
  expect(rows.every((r) => r.address.startsWith('enc1:'))).toBe(true);
  return rows.map((r) => ({ ...r, address: open(r.address) })).sort((a, b) => a.address.localeCompare(b.address));
};
const bell = async (username: string) => (await call(w.app, await w.login(username), 'GET', '/api/notifications')).body.items as { kind: string; title: string; body: string | null; link: string | null }[];
/** Guardians' phones of the active children of the class (what the SMS rows must reach). */
const classPhones = async () =>
  (
    await q<{ phone: string }>(
      `select distinct g.phone from guardians g join guardian_links l on l.district_id = g.district_id and l.guardian_id = g.id
       join students s on s.district_id = l.district_id and s.id = l.student_id where s.class_id = $1 and s.status = 'active'`,
      [cls.id],
    )
  )
    // sealed at rest: the numbers are what the key opens
    .map((r) => open(r.phone))
    .sort();
/** Local time in the demo district (Asia/Shanghai, UTC+8) on TODAY. */
const at = (hhmm: string) => {
  w.clock.current = new Date(`${TODAY}T${hhmm}:00+08:00`);
};
const jobDeps = () => ({ db: w.db.database.db, channels: channelsFromConfig(config()), now: w.clock.now });

beforeAll(async () => {
  gw = await startReceiver();
  w = await createWorld({ homework: true, config: config() });
  const me = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
  child = me.children[0];
  cls = { id: me.children[0].classId, name: me.children[0].className };
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0]!.id;
  const subjects = (await call(w.app, await w.login('demo-teacher'), 'GET', '/api/subjects')).body as { id: string; code: string }[];
  math = subjects.find((s) => s.code === 'math')!.id;
  const leader = (await q<{ id: string }>(`select id from users where username = 'demo-subjectleader'`))[0]!.id;
  await bindChannel(w.db.database.db, districtId, leader, 'dingtalk', 'dd-math-leader');
}, 180_000);
afterAll(async () => {
  await w.close();
  await gw.close();
});

describe('what families read of a list', () => {
  it('names the written minutes against the limit, the non-written ones, and says so when the grade has no written homework', () => {
    expect(listSummary({ items: 4, written: 60, limit: 60, other: 15, noWritten: false })).toBe('共 4 项，书面作业 60 分钟（上限 60 分钟），非书面 15 分钟');
    expect(listSummary({ items: 1, written: 30, limit: 90, other: 0, noWritten: false })).toBe('共 1 项，书面作业 30 分钟（上限 90 分钟）');
    expect(listSummary({ items: 2, written: 0, limit: 0, other: 20, noWritten: true })).toBe('共 2 项，无家庭书面作业，非书面 20 分钟');
    expect(listSummary({ items: 1, written: 0, limit: 60, other: 20, noWritten: false })).toBe('共 1 项，无书面作业，非书面 20 分钟');
  });
});

describe('the subject and grade leaders are told when items wait for them', () => {
  it('a teacher sets 数学: the math subject leader and the grade-3 leader see it in the bell, the leader on DingTalk', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/items', {
      classIds: [cls.id],
      subjectId: math,
      entries: [{ date: TODAY, content: '完成练习册第 18 页 1–6 题', type: 'written', layer: 'basic', place: 'home', minutes: 30 }],
    });
    expect(r.status).toBe(200);
    itemId = r.body.items[0].id;
    for (const who of ['demo-subjectleader', 'demo-gradeleader']) {
      const n = (await bell(who)).find((x) => x.kind === 'homework.to_check');
      expect(n).toMatchObject({ title: `数学作业待审核：${cls.name}（11月26日）`, link: '/homework/todo' });
      expect(n!.body).toContain('提交了 1 条作业');
    }
    // the class teacher and the principal are not asked to check content
    expect((await bell('demo-principal')).some((x) => x.kind === 'homework.to_check')).toBe(false);
    const ding = await outboxOf('homework.to_check');
    expect(ding).toEqual([expect.objectContaining({ channel: 'dingtalk', address: 'dd-math-leader' })]);
    expect(ding[0]!.text).toContain('待您审核内容');
  });

  it('editing an item already waiting does not tell them again; an item sent back and resubmitted does', async () => {
    const teacher = await w.login('demo-teacher');
    const item = (await call(w.app, teacher, 'GET', `/api/homework/items/${itemId}`)).body;
    expect((await call(w.app, teacher, 'PATCH', `/api/homework/items/${itemId}`, { minutes: 30, content: '完成练习册第 18 页 1–6 题。', version: item.version })).status).toBe(200);
    expect(await outboxOf('homework.to_check')).toHaveLength(1);
    const back = await call(w.app, await w.login('demo-subjectleader'), 'POST', '/api/homework/check', { itemIds: [itemId], decision: 'return', reason: '请注明题号范围' });
    expect(back.status).toBe(200);
    expect((await call(w.app, teacher, 'POST', '/api/homework/items/submit', { itemIds: [itemId] })).status).toBe(200);
    expect(await outboxOf('homework.to_check')).toHaveLength(2);
    expect((await bell('demo-gradeleader')).filter((x) => x.kind === 'homework.to_check')).toHaveLength(2);
  });
});

describe('families are told when the list is published', () => {
  it('the chain publishes the day: every guardian with an account sees it in the bell, every guardian phone gets one SMS', async () => {
    await call(w.app, await w.login('demo-subjectleader'), 'POST', '/api/homework/check', { itemIds: [itemId], decision: 'approve' });
    const gl = await w.login('demo-gradeleader');
    const science = (await call(w.app, gl, 'GET', '/api/homework/todo')).body.toCheck.find((i: { subjectName: string }) => i.subjectName === '科学');
    await call(w.app, gl, 'POST', '/api/homework/check', { itemIds: [science.id], decision: 'approve' });
    const ct = await w.login('demo-classteacher');
    await call(w.app, ct, 'POST', `/api/homework/items/${itemId}/adjust`, { action: 'shorten', minutes: 20, reason: '今日语文作业较多，数学减量' });
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/${TODAY}/submit`, {})).status).toBe(200);
    // submitted, not yet published: families hear nothing
    expect(await outboxOf('homework.published')).toHaveLength(0);
    const approved = await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls.id}/${TODAY}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'published', publishedVersion: 1 });

    const n = (await bell('demo-parent')).find((x) => x.kind === 'homework.published');
    expect(n).toMatchObject({ title: `${cls.name} 11月26日的作业清单已公示`, link: `/homework/child?date=${TODAY}` });
    expect(n!.body).toContain('书面作业 60 分钟（上限 60 分钟）');
    const sms = await outboxOf('homework.published');
    const phones = await classPhones();
    expect(phones.length).toBeGreaterThan(40);
    expect(sms.map((s) => s.address).sort()).toEqual(phones);
    expect(sms.every((s) => s.channel === 'sms')).toBe(true);
    expect(sms[0]!.text).toBe(`【双减平台】示范区实验小学${cls.name}11月26日的作业清单已公示：共 4 项，书面作业 60 分钟（上限 60 分钟），非书面 15 分钟。请登录平台查看，完成后填报用时。`);
    expect(sms[0]!.params).toMatchObject({ className: cls.name, date: '11月26日', items: '4', written: '60', limit: '60', other: '15', version: '1' });
    // the guardian with an account is named on their row
    const own = (await q<{ id: string; phone: string }>(`select u.id, g.phone from users u join guardians g on g.user_id = u.id where u.username = 'demo-parent'`))[0]!;
    expect(sms.find((s) => s.address === open(own.phone))!.user_id).toBe(own.id);
  });

  it('the dispatcher delivers them to the SMS gateway, signed, with the template of the kind', async () => {
    const d = new Dispatcher(w.db.database.db, channelsFromConfig(config()), { warn: () => {}, error: () => {} }, w.clock.now, config().outbox);
    while ((await d.tick()).sent > 0);
    const sms = gw.received.filter((r) => r.path === '/sms');
    expect(sms.map((r) => r.body.phone).sort()).toEqual(await classPhones());
    expect(sms[0]!.body).toMatchObject({ template: 'SMS_PUBLISHED', params: { className: cls.name } });
    expect(sms[0]!.headers['x-sj-signature']).toBe(createHmac('sha256', KEY).update(`${String(sms[0]!.headers['x-sj-timestamp'])}.${sms[0]!.raw}`).digest('hex'));
    expect(gw.received.filter((r) => r.path === '/dingtalk').map((r) => r.body.userid_list)).toEqual(['dd-math-leader', 'dd-math-leader']);
    expect((await q<{ n: number }>(`select count(*)::int as n from outbox where status <> 'sent'`))[0]!.n).toBe(0);
  });
});

describe("the class teacher's reminder", () => {
  const remind = async (username: string, date = TODAY, body: Record<string, unknown> = {}) =>
    call(w.app, await w.login(username), 'POST', `/api/homework/days/${cls.id}/${date}/remind`, body);

  it('is refused to everyone but the class teacher of the class', async () => {
    for (const who of ['demo-teacher', 'demo-principal', 'demo-parent', 'demo-subjectleader']) expect([403, 404]).toContain((await remind(who)).status);
    expect((await call(w.app, null, 'POST', `/api/homework/days/${cls.id}/${TODAY}/remind`, {})).status).toBe(401);
  });

  it('is refused for a day families cannot report, or without a published list', async () => {
    const future = await remind('demo-classteacher', '2026-11-27');
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('还没到这一天');
    expect((await remind('demo-classteacher', '2026-11-18')).status).toBe(400);
    const sunday = await remind('demo-classteacher', '2026-11-22');
    expect(sunday.status).toBe(409);
    expect(sunday.body.message).toContain('还没有公示的作业清单');
    const stranger = await remind('demo-classteacher', TODAY, { studentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toContain('不是本班学生');
  });

  it('reminds every family that has not reported, once a day; the parent sees it in the bell', async () => {
    const students = (await q<{ n: number }>(`select count(*)::int as n from students where class_id = $1 and status = 'active'`, [cls.id]))[0]!.n;
    const first = await remind('demo-classteacher');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ classId: cls.id, date: TODAY, notReported: students, reminded: students, alreadyReminded: 0 });
    const n = (await bell('demo-parent')).find((x) => x.kind === 'homework.report_reminder');
    expect(n).toMatchObject({ title: `请填报${cls.name} 11月26日的作业完成情况`, link: `/homework/child?date=${TODAY}` });
    expect(n!.body).toContain('班主任');
    expect(await outboxOf('homework.report_reminder')).toHaveLength((await classPhones()).length);
    const again = await remind('demo-classteacher');
    expect(again.body).toMatchObject({ notReported: students, reminded: 0, alreadyReminded: students });
    expect(await outboxOf('homework.report_reminder')).toHaveLength((await classPhones()).length);
    const audit = await q<{ action: string; after: { reminded: string[] } }>(`select action, after from audit_log where action = 'homework.remind' order by id`);
    expect(audit.map((a) => a.after.reminded.length)).toEqual([students, 0]);
  });

  it('a past day of the week: only the families that did not report, and only those named when some are', async () => {
    const date = '2026-11-25';
    const reported = (await q<{ n: number }>(`select count(*)::int as n from homework_student_days where class_id = $1 and date = $2`, [cls.id, date]))[0]!.n;
    const kids = await q<{ id: string }>(
      `select s.id from students s where s.class_id = $1 and s.status = 'active'
       and not exists (select 1 from homework_student_days d where d.student_id = s.id and d.date = $2) order by s.student_no limit 2`,
      [cls.id, date],
    );
    const some = await remind('demo-classteacher', date, { studentIds: kids.map((k) => k.id) });
    expect(some.body).toMatchObject({ notReported: 2, reminded: 2, alreadyReminded: 0 });
    const rest = await remind('demo-classteacher', date);
    const students = (await q<{ n: number }>(`select count(*)::int as n from students where class_id = $1 and status = 'active'`, [cls.id]))[0]!.n;
    expect(rest.body).toMatchObject({ notReported: students - reported, reminded: students - reported - 2, alreadyReminded: 2 });
  });
});

describe('the evening reminder', () => {
  it('waits for its time (20:30 district time by default), then reminds each family that has not reported, once', async () => {
    const parent = await w.login('demo-parent');
    const day = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${TODAY}`)).body;
    const items = day.list.items.map((i: { itemId: string; minutes: number }) => ({ itemId: i.itemId, done: true, minutes: i.minutes }));
    expect((await call(w.app, parent, 'PUT', '/api/homework/feedback', { studentId: child.id, date: TODAY, items, stoppedAtBedtime: false })).status).toBe(200);
    const before = (await outboxOf('homework.report_reminder')).length;
    const district = { id: districtId, timezone: 'Asia/Shanghai' };

    at('20:29');
    expect(await sendEveningReminders(jobDeps(), district)).toBeNull();
    at('20:30');
    const students = (await q<{ n: number }>(`select count(*)::int as n from students where class_id = $1 and status = 'active'`, [cls.id]))[0]!.n;
    // only this class published today; 张小明's family has reported
    expect(await sendEveningReminders(jobDeps(), district)).toBe(students - 1);
    const evening = await q<{ student_id: string }>(`select student_id from homework_reminders where kind = 'evening' and date = $1`, [TODAY]);
    expect(evening.map((r) => r.student_id)).not.toContain(child.id);
    expect((await outboxOf('homework.report_reminder')).length - before).toBe((await classPhones()).length - 2);
    expect((await bell('demo-parent')).filter((x) => x.kind === 'homework.report_reminder')).toHaveLength(1);
    const [entry] = await q<{ actor_name: string; after: { date: string; classes: { classId: string; reminded: number }[] } }>(
      `select actor_name, after from audit_log where action = 'homework.remind.evening'`,
    );
    expect(entry).toMatchObject({ actor_name: '系统（定时任务）', after: { date: TODAY, classes: [{ classId: cls.id, reminded: students - 1 }] } });
    // once per child and day, however often it runs
    at('21:00');
    expect(await sendEveningReminders(jobDeps(), district)).toBe(0);
  });

  it('the job runs every district whose time has come, and not again that day; a district can switch it off', async () => {
    await q(`delete from homework_reminders where kind = 'evening'`);
    const job = eveningReminderJob();
    at('20:00');
    await job.run(jobDeps());
    expect((await q(`select 1 from homework_reminders where kind = 'evening'`)).length).toBe(0);
    at('20:31');
    await job.run(jobDeps());
    const sent = (await q(`select 1 from homework_reminders where kind = 'evening'`)).length;
    expect(sent).toBeGreaterThan(0);
    await q(`delete from homework_reminders where kind = 'evening'`);
    await job.run(jobDeps());
    expect((await q(`select 1 from homework_reminders where kind = 'evening'`)).length).toBe(0);

    at('10:00');
    const off = await call(w.app, await w.login('demo-district'), 'POST', '/api/policies/homework.eveningReminder', {
      value: { enabled: false, time: '20:30', dayKinds: ['school_day'] },
      effectiveFrom: TODAY,
      reason: '本学区改由班主任提醒',
    });
    expect(off.status).toBe(200);
    at('20:45');
    expect(await sendEveningReminders(jobDeps(), { id: districtId, timezone: 'Asia/Shanghai' })).toBeNull();
    const bad = await call(w.app, await w.login('demo-district'), 'POST', '/api/policies/homework.eveningReminder', {
      value: { enabled: true, time: '8:30pm', dayKinds: [] },
      effectiveFrom: TODAY,
      reason: '格式错误',
    });
    expect(bad.status).toBe(400);
  });
});
