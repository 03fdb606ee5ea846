/**
 * The read replica: the lag rule on made-up times (always), and against a real primary and streaming replica when
 * TEST_PRIMARY_URL and TEST_REPLICA_URL are set (`.ci/replica-pair start <folder> <port> <port>` prints them).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { call, Clock, seedDemoInto, testConfig } from '../../test/harness';
import { type Database, openDatabase } from './db';
import { LagTracker, openReplica, parseLsn, primaryOnly, type Replica, type ReplicaLog } from './replica';

describe('the lag rule', () => {
  it('reads LSNs as byte positions', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(() => parseLsn('nonsense')).toThrow(/LSN/);
  });

  it('fresh while the replica has replayed a position the primary had at most maxLagMs ago', () => {
    const t = new LagTracker(300);
    t.sample(0, 100n);
    expect(t.judge(5, 100n)).toEqual({ fresh: true, lagMs: 0, lagBytes: 0 });
    t.sample(100, 200n);
    // behind the newest sample but holding what the primary had 100 ms ago
    expect(t.judge(105, 150n)).toEqual({ fresh: true, lagMs: 105, lagBytes: 50 });
    t.sample(400, 300n);
    // holding only what the primary had 400 ms ago (and a little more): stale
    expect(t.judge(405, 150n)).toEqual({ fresh: false, lagMs: 405, lagBytes: 150 });
    expect(t.judge(405, 200n)).toEqual({ fresh: false, lagMs: 305, lagBytes: 100 });
    expect(t.judge(405, 300n).fresh).toBe(true);
  });

  it('keeps the window and one sample before it; a replica behind all of them is stale', () => {
    const t = new LagTracker(300);
    for (let at = 0; at <= 2000; at += 100) t.sample(at, BigInt(at));
    expect(t.judge(2000, 1600n)).toMatchObject({ fresh: false, lagMs: 400 });
    const older = t.judge(2000, 5n);
    expect(older.fresh).toBe(false);
    expect(older.lagBytes).toBe(1995);
  });

  it('without a replica every read is the primary, and nothing runs', async () => {
    const primary = { db: {} as Database['db'] };
    const none = primaryOnly(primary);
    expect(none.readDb()).toBe(primary.db);
    expect(none.status()).toMatchObject({ configured: false, fresh: false });
    await none.close();
  });
});

const primaryUrl = process.env.TEST_PRIMARY_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
const inDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The log lines a replica writes, to count warnings per change of state. */
function recordingLog() {
  const lines: { level: 'warn' | 'info'; message: string }[] = [];
  const log: ReplicaLog = { warn: (_d, message) => void lines.push({ level: 'warn', message }), info: (_d, message) => void lines.push({ level: 'info', message }) };
  return { lines, log };
}

describe.skipIf(!primaryUrl || !replicaUrl)('a real primary and its streaming replica', () => {
  const name = `sj_replica_${randomBytes(5).toString('hex')}`;
  let primary: Database;
  let replicaAdmin: pg.Client;
  const opened: Replica[] = [];
  const open = async (maxLagMs: number, log?: ReplicaLog) => {
    const r = await openReplica(inDatabase(replicaUrl!, name), primary, { maxLagMs, intervalMs: 100, poolSize: 2, ...(log ? { log } : {}) });
    opened.push(r);
    return r;
  };
  const replayPaused = async (paused: boolean) => {
    await replicaAdmin.query(paused ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()');
    // a pause takes hold at the next WAL record: what matters is that no record is replayed after it
    if (!paused) await until('replay resumed', async () => (await replicaAdmin.query('select pg_get_wal_replay_pause_state() as s')).rows[0].s === 'not paused');
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    primary = await openDatabase(inDatabase(primaryUrl!, name), { poolSize: 4 });
    await primary.query('create table replica_probe (id int primary key, note text not null)');
    // the whole demo district with its training institutions: the dashboard test reads their rollup
    await seedDemoInto(primary.db, { training: true });
    replicaAdmin = new pg.Client({ connectionString: replicaUrl });
    await replicaAdmin.connect();
  });

  afterAll(async () => {
    await replicaAdmin?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await replicaAdmin?.end();
    for (const r of opened) await r.close();
    await primary?.close();
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('a write on the primary is seen on the replica', async () => {
    const r = await open(5000);
    await primary.query(`insert into replica_probe values (1, 'written on the primary')`);
    const onReplica = async () => ((await r.readDb().execute('select note from replica_probe where id = 1')) as unknown as { rows: { note: string }[] }).rows;
    await until('the row on the replica', async () => (await onReplica()).length === 1);
    expect(await onReplica()).toEqual([{ note: 'written on the primary' }]);
  });

  it('reads from the replica while fresh, from the primary once replay stops for longer than the lag limit, and back after', async () => {
    const { lines, log } = recordingLog();
    const r = await open(300, log);
    const recovering = async () => ((await r.readDb().execute('select pg_is_in_recovery() as r')) as unknown as { rows: { r: boolean }[] }).rows[0]!.r;
    await until('a fresh replica', () => r.status().fresh);
    expect(r.readDb()).not.toBe(primary.db);
    expect(await recovering()).toBe(true);
    expect(r.status()).toMatchObject({ configured: true, fresh: true, state: 'fresh', lagBytes: 0, lastError: null });

    // Behind is judged from the pause, not from the write: any WAL the primary writes after the pause (a checkpoint,
    // autovacuum, another database of the cluster) is unreplayed. The newest sample the replica still holds may be
    // one sampling interval older than the pause, so the earliest a 300 ms limit can be passed is 200 ms after it.
    const pausedAt = Date.now();
    await replayPaused(true);
    await primary.query(`insert into replica_probe values (2, 'while replay is paused')`);
    await until('the replica judged behind', () => !r.status().fresh, 5000);
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(300 - 100);
    expect(r.readDb()).toBe(primary.db);
    expect(await recovering()).toBe(false);
    expect(r.status()).toMatchObject({ fresh: false, state: 'behind' });
    expect(r.status().lagMs!).toBeGreaterThan(300);
    expect(r.status().lagBytes!).toBeGreaterThan(0);
    // still behind a while later: one warning for the change, none per check
    await new Promise((res) => setTimeout(res, 500));
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

    await replayPaused(false);
    await until('the replica fresh again', () => r.status().fresh, 5000);
    expect(r.readDb()).not.toBe(primary.db);
    expect(await recovering()).toBe(true);
    expect(lines.map((l) => l.level)).toEqual(['info', 'warn', 'info']);
  });

  it('a district dashboard answers from the replica while it keeps up, from the primary once it falls behind', async () => {
    // a lag limit far above one request's time: the replica's older figure is certain to be served first
    const r = await open(2000);
    await until('a fresh replica', () => r.status().fresh);
    const clock = new Clock();
    const app = await buildApp({ database: primary, replica: r, config: testConfig, now: clock.now });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-district', password: 'Demo#2026' } });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const held = async () => {
        const res = await call(app, cookie, 'GET', '/api/training/district');
        expect(res.status).toBe(200);
        return res.body.total.heldFen as number;
      };
      const before = await held();
      const health = await call(app, null, 'GET', '/api/health');
      expect(health.body).toMatchObject({ status: 'ok', database: 'postgresql', replica: { state: 'fresh', fresh: true } });

      await replayPaused(true);
      // the rollup row changes on the primary only: the replica keeps the older figure
      await primary.query('update training_institution_stats set held_fen = held_fen + 12345 where institution_id = (select institution_id from training_institution_stats order by institution_id limit 1)');
      expect(r.status().fresh).toBe(true);
      expect(await held()).toBe(before);
      await until('the replica judged behind', () => !r.status().fresh, 8000);
      expect(await held()).toBe(before + 12345);
      expect((await call(app, null, 'GET', '/api/health')).body.replica).toMatchObject({ state: 'behind', fresh: false });

      await replayPaused(false);
      await until('the replica fresh again', () => r.status().fresh, 8000);
      expect(await held()).toBe(before + 12345);
    } finally {
      await replayPaused(false);
      await app.close();
    }
  });
});
