import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, testConfig, type World } from '../../test/harness';
import { type Receiver, startReceiver } from '../../test/receiver';
import { channelsFromConfig, type Channels } from './channels';
import type { Config } from './config';
import { open } from './crypto';
import { Dispatcher, backoffMs } from './dispatcher';
import { notify } from './notify';
import { bindChannel, purgeOutbox } from './outbox';
import { notifications, outbox } from './schema';

const KEY = 'district-gateway-key-0001';
let w: World;
let gw: Receiver;
let config: Config;
let channels: Channels;
let districtId: string;
let parent: { id: string; phone: string }; // demo-parent
let staff: string; // demo-subjectleader
const logged: { level: 'warn' | 'error'; facts: Record<string, unknown>; msg: string }[] = [];
const log = {
  warn: (facts: object, msg: string) => logged.push({ level: 'warn', facts: facts as Record<string, unknown>, msg }),
  error: (facts: object, msg: string) => logged.push({ level: 'error', facts: facts as Record<string, unknown>, msg }),
};

beforeAll(async () => {
  gw = await startReceiver();
  config = {
    ...testConfig,
    publicUrl: 'https://sj.example.gov.cn',
    channels: {
      sms: { url: gw.url('/sms'), key: KEY, templates: { 'test.published': 'SMS_0001' } },
      wechat: { url: gw.url('/wechat'), key: KEY, templates: { 'test.published': 'WX-TPL-1' } },
      dingtalk: { url: gw.url('/dingtalk'), key: KEY, templates: {} },
    },
    outbox: { maxAttempts: 4, retryBaseMs: 30_000, retryCapMs: 120_000, pollMs: 1000, timeoutMs: 2000 },
  };
  w = await createWorld({ config });
  channels = channelsFromConfig(config);
  const q = w.db.database.query;
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0]!.id;
  const row = (await q<{ id: string; phone: string }>(`select u.id, g.phone from users u join guardians g on g.user_id = u.id where u.username = 'demo-parent'`))[0]!;
  // the roster keeps the phone sealed: the number is what the key opens
  parent = { id: row.id, phone: open(row.phone) };
  staff = (await q<{ id: string }>(`select id from users where username = 'demo-subjectleader'`))[0]!.id;
}, 120_000);
afterAll(async () => {
  await w.close();
  await gw.close();
});
beforeEach(async () => {
  gw.clear();
  gw.answer();
  logged.length = 0;
  await w.db.database.query(`delete from outbox`);
});

const dispatcher = (options: Partial<Config['outbox']> = {}) => new Dispatcher(w.db.database.db, channels, log, w.clock.now, { ...config.outbox, ...options });
const message = { kind: 'test.published', title: '三年级(2)班 11月26日的作业清单已公示', link: '/homework/child?date=2026-11-26' };
const outside = { text: '【双减平台】三年级(2)班11月26日的作业清单已公示', params: { className: '三年级(2)班', date: '11月26日' } };
const rows = () => w.db.database.db.select().from(outbox);

describe('the outbox is written with the change', () => {
  it('in the same transaction: seen inside it, gone with a rollback, and then nothing is sent', async () => {
    const db = w.db.database.db;
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, districtId, [{ userId: parent.id, phone: parent.phone }], { ...message, message: outside }, channels);
        const inside = await tx.select().from(outbox).where(eq(outbox.districtId, districtId));
        expect(inside).toHaveLength(1);
        expect(inside[0]).toMatchObject({ channel: 'sms', status: 'pending', template: 'SMS_0001' });
        // the phone is sealed at rest, as in the roster
        expect(inside[0]!.address).toMatch(/^enc1:/);
        expect(open(inside[0]!.address)).toBe(parent.phone);
        throw new Error('the change is refused after all');
      }),
    ).rejects.toThrow('refused after all');
    expect(await rows()).toHaveLength(0);
    expect(await dispatcher().tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(gw.received).toHaveLength(0);
  });

  it('without a message, or with every channel off, only the bell is written', async () => {
    const db = w.db.database.db;
    await db.transaction(async (tx) => {
      await notify(tx, districtId, [parent.id], message, channels);
      await notify(tx, districtId, [{ userId: parent.id, phone: parent.phone }], { ...message, message: outside }, channelsFromConfig(testConfig));
    });
    expect(await rows()).toHaveLength(0);
    const bell = await db.select().from(notifications).where(eq(notifications.userId, parent.id));
    expect(bell.filter((n) => n.kind === 'test.published').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the dispatcher sends what is due', () => {
  it('an SMS arrives once per phone with its template, text and a valid signature', async () => {
    await w.db.database.db.transaction((tx) =>
      notify(tx, districtId, [{ userId: null, phone: '13900001111' }, { userId: null, phone: '13900001111' }, { userId: null, phone: null }], { ...message, message: outside }, channels),
    );
    expect(await dispatcher().tick()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gw.received).toHaveLength(1);
    const [req] = gw.received;
    expect(req!.path).toBe('/sms');
    expect(req!.headers['content-type']).toBe('application/json');
    const ts = String(req!.headers['x-sj-timestamp']);
    expect(Number(ts)).toBe(Math.floor(w.clock.now().getTime() / 1000));
    expect(req!.headers['x-sj-signature']).toBe(createHmac('sha256', KEY).update(`${ts}.${req!.raw}`).digest('hex'));
    const [row] = await rows();
    expect(req!.headers['x-sj-delivery']).toBe(row!.id);
    expect(req!.body).toEqual({ id: row!.id, phone: '13900001111', template: 'SMS_0001', params: outside.params, text: outside.text });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
    // sent once: nothing is due any more
    expect(await dispatcher().tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('a bound WeChat replaces the SMS; a member of staff gets a DingTalk work notice (no phone, no SMS)', async () => {
    const db = w.db.database.db;
    await bindChannel(db, districtId, parent.id, 'wechat', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M');
    await bindChannel(db, districtId, staff, 'dingtalk', 'manager4220');
    try {
      await db.transaction(async (tx) => {
        await notify(tx, districtId, [{ userId: parent.id, phone: parent.phone }], { ...message, message: outside }, channels);
        await notify(tx, districtId, [staff], { ...message, kind: 'test.to_check', message: outside }, channels);
      });
      expect((await rows()).map((r) => r.channel).sort()).toEqual(['dingtalk', 'wechat']);
      expect(await dispatcher().tick()).toMatchObject({ sent: 2 });
      const wechat = gw.received.find((r) => r.path === '/wechat')!;
      expect(wechat.body).toMatchObject({
        touser: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
        template_id: 'WX-TPL-1',
        url: 'https://sj.example.gov.cn/homework/child?date=2026-11-26',
        data: { className: { value: '三年级(2)班' }, date: { value: '11月26日' } },
      });
      const ding = gw.received.find((r) => r.path === '/dingtalk')!;
      // no template configured for the kind: the kind itself names it
      expect(ding.body).toMatchObject({ userid_list: 'manager4220', template_id: 'test.to_check', data: outside.params, text: outside.text });
      for (const r of gw.received) expect(r.headers['x-sj-signature']).toBe(createHmac('sha256', KEY).update(`${String(r.headers['x-sj-timestamp'])}.${r.raw}`).digest('hex'));
    } finally {
      await w.db.database.query(`delete from user_channels`);
    }
  });

  it('a 500 is retried with a growing wait and delivered later; each failure is logged', async () => {
    gw.answer(500, 503);
    await w.db.database.db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '13900002222' }], { ...message, message: outside }, channels));
    const d = dispatcher();
    expect(await d.tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    expect(row!.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(30_000);
    // not due yet
    w.clock.advance(29_000);
    expect(await d.tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    w.clock.advance(1_000);
    expect(await d.tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    [row] = await rows();
    expect(row!.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(60_000);
    w.clock.advance(60_000);
    expect(await d.tick()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(gw.received).toHaveLength(3);
    expect(new Set(gw.received.map((r) => r.headers['x-sj-delivery'])).size).toBe(1);
    expect(logged.map((l) => [l.level, l.facts.attempt, l.facts.address])).toEqual([
      ['warn', 1, '139****2222'],
      ['warn', 2, '139****2222'],
    ]);
    expect(logged[0]!.facts.error).toContain('HTTP 500');
  });

  it('after the last attempt the row fails for good; a gateway refusal (4xx) fails at once', async () => {
    gw.answer(500, 500, 500, 500, 400);
    const db = w.db.database.db;
    await db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '13900003333' }], { ...message, message: outside }, channels));
    const d = dispatcher();
    for (let i = 0; i < 3; i++) {
      expect(await d.tick()).toMatchObject({ retrying: 1 });
      w.clock.advance(backoffMs(i + 1, config.outbox.retryBaseMs, config.outbox.retryCapMs));
    }
    expect(await d.tick()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 4 });
    expect(logged.at(-1)).toMatchObject({ level: 'error', msg: 'outbox delivery failed for good' });

    await w.db.database.query(`delete from outbox`);
    await db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '10086' }], { ...message, message: outside }, channels));
    expect(await d.tick()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 400') });
  });

  it('a gateway that does not answer in time is retried', async () => {
    gw.delay(500);
    try {
      await w.db.database.db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '13900004444' }], { ...message, message: outside }, channels));
      expect(await dispatcher({ timeoutMs: 100 }).tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect((await rows())[0]!.lastError).toMatch(/timeout/i);
    } finally {
      gw.delay(0);
    }
  });

  it('two dispatchers at once send each row exactly once', async () => {
    await w.db.database.db.transaction((tx) =>
      notify(tx, districtId, Array.from({ length: 30 }, (_, i) => ({ userId: null, phone: `1370000${String(i).padStart(4, '0')}` })), { ...message, message: outside }, channels),
    );
    const [a, b] = await Promise.all([dispatcher().tick(), dispatcher().tick()]);
    expect(a.sent + b.sent).toBe(30);
    expect(gw.received).toHaveLength(30);
    expect(new Set(gw.received.map((r) => r.body.phone)).size).toBe(30);
  });

  it('a row whose sender died is sent again when its lease ends', async () => {
    await w.db.database.db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '13900005555' }], { ...message, message: outside }, channels));
    // claimed by a sender that never came back
    await w.db.database.query(`update outbox set attempts = 1, next_attempt_at = $1`, [new Date(w.clock.now().getTime() + 300_000)]);
    expect(await dispatcher().tick()).toMatchObject({ sent: 0 });
    w.clock.advance(300_000);
    expect(await dispatcher().tick()).toMatchObject({ sent: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('started, it polls on its own; stopped, it waits for the tick under way', async () => {
    await w.db.database.db.transaction((tx) => notify(tx, districtId, [{ userId: null, phone: '13900006666' }], { ...message, message: outside }, channels));
    const d = dispatcher({ pollMs: 20 });
    d.start((err) => {
      throw err;
    });
    await expect.poll(() => gw.received.length, { timeout: 5000 }).toBe(1);
    await d.stop();
    expect((await rows())[0]!.status).toBe('sent');
  });
});

describe('housekeeping', () => {
  it('drops sent rows after a week and failed rows after 90 days', async () => {
    const q = w.db.database.query;
    const now = w.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    for (const [status, days] of [['sent', 8], ['sent', 6], ['failed', 30], ['failed', 91], ['pending', 100]] as const)
      await q(`insert into outbox (district_id, channel, address, kind, template, params, text, status, created_at) values ($1, 'sms', '13900007777', 'k', 'k', '{}', 't', $2, $3)`, [
        districtId,
        status,
        ago(days),
      ]);
    await purgeOutbox(w.db.database.db, now);
    expect((await rows()).map((r) => r.status).sort()).toEqual(['failed', 'pending', 'sent']);
  });
});
