/**
 * A burst of writes while the server is killed with SIGKILL again and again (≥ 20 times at random moments): homework
 * set by a teacher, families' homework reports, after-school course choices, training orders, lessons recorded,
 * lesson confirmations (money released from custody) and refund requests, each with an Idempotency-Key. Every request
 * left unanswered by a kill is sent again with its key to the restarted server until it is answered. Then: every
 * acknowledged write is present exactly once, the custody ledger balances (each transfer sums to zero, no account
 * that must not go negative does, one transfer per purpose), no course is oversold, the audit log has the writes and its
 * hash chain verifies. Each worker's writes are spread over the kills (its j-th of n writes waits for j/n of them).
 * PGlite on a data folder, or PostgreSQL when TEST_DATABASE_URL is set. Real processes (fixtures/serve.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../src/platform/audit-chain';
import { type Database, openDatabase } from '../src/platform/db';
import { type ServedProcess, startServe } from './fixtures/serve-process';
import { createTestDb } from './harness';

/** ≥ 20 kills a run; BURST_KILLS sets another number (a quicker look while changing the test). */
const KILLS = Number(process.env.BURST_KILLS ?? 20);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

type Server = ServedProcess;

const start = (env: Record<string, string>) => startServe({ ...env, SERVE_DEMO: 'burst', DATA_KEY: 'cd'.repeat(32) }, cleanups);

/** The server of the moment: requests wait for it while it restarts. */
class Cluster {
  private current: Server | null = null;
  private waiting: ((s: Server) => void)[] = [];
  kills = 0;
  constructor(private env: Record<string, string>) {}
  async up() {
    this.current = await start(this.env);
    for (const w of this.waiting.splice(0)) w(this.current);
  }
  server(): Promise<Server> {
    return this.current ? Promise.resolve(this.current) : new Promise((ok) => this.waiting.push(ok));
  }
  async kill() {
    const s = this.current!;
    this.current = null;
    s.child.kill('SIGKILL');
    await s.exited;
    this.kills++;
  }
  async stop() {
    const s = this.current!;
    this.current = null;
    s.child.kill('SIGTERM');
    await s.exited;
  }
}

interface Outcome {
  what: string;
  /** family reports: the day and the round (0, then 1) */
  date?: string;
  round?: number;
  status: number;
  body: any;
  tries: number;
}

const figures = { requests: 0, retried: 0, acknowledged: 0, refused: 0, lives: new Set<number>(), lastLife: 0 };

/** One write, sent until answered: a connection cut by a kill is retried with the same key on the next server. */
async function write(cluster: Cluster, cookie: string, what: string, method: string, path: string, body: unknown): Promise<Outcome> {
  const key = `burst-${randomBytes(8).toString('hex')}`;
  figures.requests++;
  figures.lives.add(cluster.kills);
  figures.lastLife = Math.max(figures.lastLife, cluster.kills);
  for (let tries = 1; ; tries++) {
    const s = await cluster.server();
    try {
      const res = await fetch(`${s.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', cookie, 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (tries > 1) figures.retried++;
      if (res.status === 200) figures.acknowledged++;
      else figures.refused++;
      expect(res.status, `${what}: ${text}`).toBeLessThan(500);
      return { what, status: res.status, body: text ? JSON.parse(text) : null, tries };
    } catch (err) {
      if ((err as Error).name === 'AssertionError') throw err;
      await sleep(30);
    }
  }
}

/** A read, answered by whichever server is up. */
async function read(cluster: Cluster, cookie: string, path: string): Promise<any> {
  for (;;) {
    const s = await cluster.server();
    try {
      const res = await fetch(`${s.base}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
      expect(res.status, path).toBe(200);
      return await res.json();
    } catch (err) {
      if ((err as Error).name === 'AssertionError') throw err;
      await sleep(30);
    }
  }
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo#2026' }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Today and yesterday in the district's time zone. */
function shanghaiDay(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('a burst of writes under repeated SIGKILL', () => {
  it('keeps every acknowledged write exactly once and every money invariant', async () => {
    let env: Record<string, string>;
    let database: () => Promise<Database>;
    if (process.env.TEST_DATABASE_URL) {
      const db = await createTestDb();
      cleanups.push(() => db.drop());
      env = { DATABASE_URL: db.url!, DATABASE_OWNER_URL: db.ownerUrl! };
      database = async () => db.database;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'sj-burst-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATABASE_URL: '', DATA_DIR: dir };
      database = async () => {
        const d = await openDatabase(join(dir, 'pglite'));
        cleanups.push(() => d.close());
        return d;
      };
    }
    const began = Date.now();
    const cluster = new Cluster(env);
    await cluster.up();
    const first = await cluster.server();
    const [parent, teacher, institution] = [await signIn(first.base, 'demo-parent'), await signIn(first.base, 'demo-teacher'), await signIn(first.base, 'demo-institution')];

    // what the demo accounts may write to, read before the first kill
    const me = await read(cluster, parent, '/api/me');
    const child = me.children[0] as { id: string; classId: string };
    const teacherMe = await read(cluster, teacher, '/api/me');
    const subjects = (await read(cluster, teacher, '/api/subjects')) as { id: string; code: string }[];
    const math = subjects.find((s) => s.code === 'math')!.id;
    const classId = (teacherMe.classes as { id: string }[])[0]!.id;
    const contract = await read(cluster, parent, '/api/training/contract');
    const forSale = (await read(cluster, parent, `/api/training/family/packages?studentId=${child.id}`)).packages as { packageId: string; institutionId: string; courseId: string; lessonMinutes: number; institutionName: string }[];
    const pkg = forSale.find((p) => p.institutionName === '启明文化艺术培训学校') ?? forSale[0]!;
    const before = (await read(cluster, parent, `/api/training/family/orders?studentId=${child.id}`)).orders as { id: string; status: string; consumptions: { id: string; status: string }[] }[];
    const enrol = await read(cluster, parent, `/api/after-school/children/${child.id}/enrol`);
    if (enrol.agreement.text && !enrol.agreement.signed)
      expect((await write(cluster, parent, 'agreement', 'POST', `/api/after-school/children/${child.id}/agreement`, { textHash: enrol.agreement.textHash })).status).toBe(200);
    const days: { date: string; items: { itemId: string; minutes: number }[] }[] = [];
    for (let back = 1; back <= 10 && days.length < 4; back++) {
      const date = shanghaiDay(-back);
      const day = await read(cluster, parent, `/api/homework/child/day?studentId=${child.id}&date=${date}`);
      if (day.list?.items?.length) days.push({ date, items: day.list.items });
    }

    // the killer: a server lives a random 0.2–1.5 s, then SIGKILL, until KILLS kills and every write is answered
    let done = false;
    const killer = (async () => {
      while (cluster.kills < KILLS) {
        await sleep(between(200, 1500));
        await cluster.kill();
        await cluster.up();
      }
      while (!done) await sleep(50);
    })();

    const outcomes: Outcome[] = [];
    const record = async (o: Promise<Outcome>) => {
      const r = await o;
      outcomes.push(r);
      return r;
    };
    /** The j-th of a worker's n writes waits until j/n of the kills have happened, then a random moment more. */
    const pace = async (j: number, n: number) => {
      const due = Math.floor((j * KILLS) / Math.max(n, 1));
      while (cluster.kills < due) await sleep(50);
      await sleep(between(0, 400));
    };
    const today = shanghaiDay();
    const lessonDay = shanghaiDay(-1);

    const workers: Promise<unknown>[] = [
      // the teacher sets homework, item by item
      (async () => {
        for (let i = 0; i < 10; i++) {
          await pace(i, 10);
          await record(write(cluster, teacher, 'homework item', 'POST', '/api/homework/items', {
            classIds: [classId],
            subjectId: math,
            entries: [{ date: today, content: `断电演练 第 ${i + 1} 题`, type: 'oral', layer: 'basic', place: 'home', minutes: 5 }],
            submit: false,
          }));
        }
      })(),
      // the family reports the last published days, twice each (the second report replaces the first)
      (async () => {
        for (const round of [0, 1])
          for (const [k, d] of days.entries()) {
            await pace(round * days.length + k, 2 * days.length);
            const o = await write(cluster, parent, 'family report', 'PUT', '/api/homework/feedback', {
              studentId: child.id,
              date: d.date,
              items: d.items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes + round })),
              stoppedAtBedtime: false,
              endedAt: null,
            });
            outcomes.push({ ...o, date: d.date, round });
          }
      })(),
      // after-school course choices
      (async () => {
        const open = (enrol.courses as { id?: string; courseId?: string; status: string | null }[]).filter((x) => !x.status).slice(0, 4);
        for (const [j, c] of open.entries()) {
          await pace(j, open.length);
          await record(write(cluster, parent, 'after-school choice', 'POST', `/api/after-school/children/${child.id}/choices`, { courseId: c.courseId ?? c.id }));
        }
      })(),
      // the demo's lessons waiting for the family: confirmed, each releasing one lesson's price
      (async () => {
        const pending = before.flatMap((o) => o.consumptions).filter((c) => c.status === 'pending');
        for (const [j, c] of pending.entries()) {
          await pace(j, pending.length);
          await record(write(cluster, parent, 'lesson confirmation', 'POST', `/api/training/consumptions/${c.id}/confirm`, {}));
        }
      })(),
      // orders bought, a lesson recorded for each and confirmed, then the rest refunded
      ...[0, 1, 2, 3].map(async (n) => {
        // the four chains start a quarter of the kills apart; each takes its four steps over the next half
        const step = (j: number) => pace(n * 2 + j, 14);
        await step(0);
        const order = await record(write(cluster, parent, 'training order', 'POST', '/api/training/orders', { packageId: pkg.packageId, studentId: child.id, acceptContract: true, contractHash: contract.sha256 }));
        if (order.status !== 200) return;
        await step(1);
        const startMin = 9 * 60 + n * 90;
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const lesson = await record(
          write(cluster, institution, 'lesson recorded', 'POST', '/api/training/lessons', {
            institutionId: pkg.institutionId,
            courseId: pkg.courseId,
            date: lessonDay,
            startTime: hhmm(startMin),
            endTime: hhmm(startMin + pkg.lessonMinutes),
            teacherName: '周墨',
            orderIds: [order.body.id],
          }),
        );
        await step(2);
        const consumption = lesson.status === 200 ? (lesson.body.attendees as { consumptionId?: string }[])[0]?.consumptionId : undefined;
        if (consumption) await record(write(cluster, parent, 'lesson confirmation', 'POST', `/api/training/consumptions/${consumption}/confirm`, {}));
        await step(3);
        await record(write(cluster, parent, 'refund request', 'POST', `/api/training/orders/${order.body.id}/refund`, { reason: '孩子时间冲突，申请退还未消课时费用' }));
      }),
    ];
    await Promise.all(workers);
    done = true;
    await killer;

    // every write answered: read back through the last server, then stop it cleanly
    const acked = (what: string) => outcomes.filter((o) => o.what === what && o.status === 200);
    const orders = (await read(cluster, parent, `/api/training/family/orders?studentId=${child.id}`)).orders as {
      id: string;
      consumptions: { id: string; status: string }[];
      refunds: { id: string }[];
    }[];
    for (const o of acked('training order')) expect(orders.filter((x) => x.id === o.body.id)).toHaveLength(1);
    expect(orders.length - before.length).toBe(acked('training order').length);
    const consumptions = orders.flatMap((o) => o.consumptions);
    for (const c of acked('lesson confirmation')) expect(consumptions.find((x) => x.id === c.body.id)?.status).toBe('confirmed');
    for (const r of acked('refund request')) expect(orders.find((o) => o.id === r.body.orderId)!.refunds.filter((x) => x.id === r.body.id)).toHaveLength(1);
    const enrolled = await read(cluster, parent, `/api/after-school/children/${child.id}/enrol`);
    for (const c of acked('after-school choice')) expect((enrolled.courses as { id?: string; courseId?: string; status: string | null }[]).find((x) => (x.courseId ?? x.id) === c.body.courseId)?.status).toBe(c.body.status);
    await cluster.stop();

    const db = await database();
    const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => db.query<T>(text, params);
    // homework: each acknowledged item once, and no item the burst did not acknowledge
    const itemIds = acked('homework item').flatMap((o) => (o.body.items as { id: string }[]).map((i) => i.id));
    const items = await q<{ id: string }>(`select id from homework_items where content::text like '%断电演练%'`);
    expect(items.map((i) => i.id).sort()).toEqual([...itemIds].sort());
    // family reports: one row per child, day and item, holding the last acknowledged report
    const dupFeedback = await q(`select student_id, date, item_id from homework_feedback group by 1, 2, 3 having count(*) > 1`);
    expect(dupFeedback).toEqual([]);
    for (const d of days) {
      const reports = acked('family report').filter((o) => o.date === d.date);
      if (!reports.length) continue;
      // the reports of a day were sent one after the other: the last acknowledged one is what the database holds
      const last = reports[reports.length - 1]!;
      const held = await q<{ item_id: string; minutes: number }>(`select item_id::text, minutes from homework_feedback where student_id = $1 and date = $2`, [child.id, d.date]);
      expect(new Map(held.map((h) => [h.item_id, Number(h.minutes)]))).toEqual(new Map(d.items.map((i) => [i.itemId, i.minutes + last.round!])));
    }
    // seats never oversold, one live place per child and course
    const oversold = await q(
      `select c.id from after_school_courses c where c.capacity < (select count(*) from after_school_enrolments e where e.district_id = c.district_id and e.course_id = c.id and e.status = 'enrolled')`,
    );
    expect(oversold).toEqual([]);
    // the custody ledger: transfers sum to zero overall, no account that must stay non-negative went below zero,
    // one transfer per purpose (a retried confirmation or refund moved no money twice)
    const [ledger] = await q<{ balance: string; overdrawn: string; debits: string; transfers: string }>(
      `select coalesce(sum(credits_posted - debits_posted), 0)::text as balance,
              count(*) filter (where non_negative = 1 and debits_posted > credits_posted)::text as overdrawn,
              coalesce(sum(debits_posted), 0)::text as debits,
              (select coalesce(sum(amount_fen), 0) from training_transfers)::text as transfers
       from training_accounts`,
    );
    expect(ledger).toMatchObject({ balance: '0', overdrawn: '0' });
    expect(ledger!.debits).toBe(ledger!.transfers);
    const twice = await q(`select order_id, kind, source_id from training_transfers where source_id is not null group by 1, 2, 3 having count(*) > 1`);
    expect(twice).toEqual([]);
    const confirmed = acked('lesson confirmation').map((o) => o.body.id as string);
    if (confirmed.length) {
      const moved = await q<{ source_id: string; n: string }>(`select source_id::text, count(*)::text as n from training_transfers where source_id::text = any($1::text[]) group by 1`, [`{${confirmed.join(',')}}`]);
      expect(moved.map((m) => m.n)).toEqual(confirmed.map(() => '1'));
    }
    // after-school money: no payment applied beyond its amount
    const [asMoney] = await q<{ bad: string }>(`select count(*)::text as bad from after_school_payments where applied_fen > amount_fen or applied_fen < 0`);
    expect(asMoney!.bad).toBe('0');
    // the audit log holds each acknowledged order, refund and homework item
    const audited = [...acked('training order').map((o) => o.body.id), ...acked('refund request').map((o) => o.body.id), ...itemIds] as string[];
    const auditRows = await q<{ entity_id: string }>(`select distinct entity_id from audit_log where entity_id = any($1::text[])`, [`{${audited.join(',')}}`]);
    expect(auditRows.map((r) => r.entity_id).sort()).toEqual([...new Set(audited)].sort());
    // the audit hash chain, as `npm run audit:verify` checks it: what was left unchained is chained, then every
    // district's chain recomputed with no altered, inserted or missing row
    const chain = await verifyAll(db.db, new Date());
    expect(chain.length).toBeGreaterThan(0);
    for (const v of chain) expect(v.faults, `audit chain of ${v.districtName}`).toEqual([]);
    const chained = chain.reduce((n, v) => n + v.liveRows + v.archivedRows - v.unchained, 0);

    console.log(
      `crash burst (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${cluster.kills} kills, ${figures.requests} requests, ${figures.retried} retried, ` +
        `${figures.acknowledged} acknowledged, ${figures.refused} refused with a 4xx; writes sent during ${figures.lives.size} of ${cluster.kills + 1} server lives, the last after kill ${figures.lastLife}; ` +
        `audit chain intact over ${chained} rows; ${((Date.now() - began) / 1000).toFixed(0)} s — ` +
        [...outcomes.reduce((m, o) => m.set(`${o.what} ${o.status}`, (m.get(`${o.what} ${o.status}`) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${k}: ${n}`).join(', '),
    );
    expect(cluster.kills).toBeGreaterThanOrEqual(KILLS);
    expect(KILLS).toBeGreaterThan(0);
    // the writes went on through the run, not only over its first kills
    expect(figures.lastLife).toBeGreaterThanOrEqual(Math.floor(KILLS / 2));
    expect(acked('training order').length).toBeGreaterThan(0);
    expect(acked('homework item').length).toBeGreaterThan(0);
    expect(acked('family report').length + acked('lesson confirmation').length).toBeGreaterThan(0);
  }, 900_000);
});
