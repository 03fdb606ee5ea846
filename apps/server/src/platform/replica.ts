/**
 * The read replica (DATABASE_REPLICA_URL): dashboards and exports read from a streaming PostgreSQL replica while it keeps
 * up with the primary; writes, and reads that must see them, stay on the primary.
 *
 * The lag rule: every check (1 s) samples the primary's WAL position with its time, then the replica's replayed
 * position. The replica is fresh when it has replayed a position the primary had at most `maxLagMs` ago: it then holds
 * every commit the primary had acknowledged by then. Measured in time (not bytes) because a person reading a dashboard
 * minds how old a figure is, and a burst of bulk writes is many bytes in little time. The rule is judged to within one
 * check's interval, and errs on the stale side.
 */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db } from './db';

export type ReplicaState = 'fresh' | 'behind' | 'down';

export interface ReplicaStatus {
  configured: boolean;
  /** Reads go to the replica: it is reachable, replaying, and was at most maxLagMs behind at the last check. */
  fresh: boolean;
  state: ReplicaState | null;
  /** How old the replica's data was at the last check (an upper bound: to within one check's interval). */
  lagMs: number | null;
  /** WAL the replica had still to replay at the last check. */
  lagBytes: number | null;
  checkedAt: Date | null;
  lastError: string | null;
}

export interface Replica {
  /** The database a read-only query should use: the replica while fresh, else the primary. */
  readDb(): Db;
  status(): ReplicaStatus;
  close(): Promise<void>;
}

/** What the monitor logs on a change of state (pino's shape: details first). */
export interface ReplicaLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** No replica configured: every read on the primary, nothing running. */
export function primaryOnly(primary: Pick<Database, 'db'>): Replica {
  const status: ReplicaStatus = { configured: false, fresh: false, state: null, lagMs: null, lagBytes: null, checkedAt: null, lastError: null };
  return { readDb: () => primary.db, status: () => ({ ...status }), close: async () => {} };
}

/** An LSN as PostgreSQL prints it ('16/B374D848'), as a number of bytes. */
export function parseLsn(text: string): bigint {
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text);
  if (!m) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

/**
 * The primary's recent WAL positions with the time each was read, and the judgement of a replayed position against
 * them. Pure: the monitor feeds it, the tests drive it with made-up times.
 */
export class LagTracker {
  private samples: { at: number; lsn: bigint }[] = [];

  constructor(private readonly maxLagMs: number) {}

  sample(at: number, lsn: bigint): void {
    this.samples.push({ at, lsn });
    // samples inside the window decide freshness; one older sample still gives a lag figure for a replica far behind
    while (this.samples.length > 1 && this.samples[1]!.at < at - this.maxLagMs) this.samples.shift();
  }

  judge(at: number, replayed: bigint): { fresh: boolean; lagMs: number; lagBytes: number } {
    const latest = this.samples[this.samples.length - 1];
    if (!latest) return { fresh: false, lagMs: 0, lagBytes: 0 };
    const lagBytes = Number(latest.lsn > replayed ? latest.lsn - replayed : 0n);
    if (replayed >= latest.lsn) return { fresh: true, lagMs: 0, lagBytes };
    // the newest position the replica has: it holds what the primary had then, perhaps a little more
    const held = this.samples.findLast((s) => s.lsn <= replayed);
    const lagMs = at - (held ?? this.samples[0]!).at;
    return { fresh: !!held && lagMs <= this.maxLagMs, lagMs, lagBytes };
  }
}

/** The primary's serving pool has no query timeout of its own (a long export must not be cut short). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export interface ReplicaOptions {
  maxLagMs: number;
  /** Between two checks; 1 s in production, shorter in tests. */
  intervalMs?: number;
  poolSize?: number;
  log?: ReplicaLog;
}

/**
 * Opens the replica (no migrations: it replays the primary's) and starts the lag monitor. An unreachable replica does
 * not stop the start: reads stay on the primary until it answers and catches up.
 */
export async function openReplica(url: string, primary: Pick<Database, 'db' | 'query'>, options: ReplicaOptions): Promise<Replica> {
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = Math.max(2000, intervalMs);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // the checks have a connection of their own, with timeouts: a replica that hangs is judged down within seconds, and
  // busy dashboards (or a long export, which must not be cut short) never hold a check up
  const monitor = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  for (const p of [pool, monitor])
    p.on('error', () => {
      // idle-client errors (the replica restarting) surface on the next check or query; keep the process alive
    });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const tracker = new LagTracker(options.maxLagMs);
  const current: ReplicaStatus = { configured: true, fresh: false, state: null, lagMs: null, lagBytes: null, checkedAt: null, lastError: null };

  const settle = (next: Omit<ReplicaStatus, 'configured' | 'checkedAt'>) => {
    const before = current.state;
    Object.assign(current, next, { checkedAt: new Date() });
    if (before === current.state) return; // one line per change of state, never one per check or request
    const details = { replica: { state: current.state, lagMs: current.lagMs, lagBytes: current.lagBytes, error: current.lastError } };
    if (current.state === 'fresh') options.log?.info(details, 'read replica is fresh: dashboards and exports read from it');
    else options.log?.warn(details, `read replica is ${current.state === 'down' ? 'unreachable' : 'behind'}: dashboards and exports read from the primary`);
  };

  const check = async () => {
    let primaryLsn: string;
    try {
      // the primary first: the replica then has had the time between the two reads to catch up
      primaryLsn = (await withTimeout(primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'), timeoutMs))[0]!.lsn;
    } catch (err) {
      return settle({ fresh: false, state: 'down', lagMs: null, lagBytes: null, lastError: `primary: ${(err as Error).message}` });
    }
    tracker.sample(Date.now(), parseLsn(primaryLsn));
    let row: { recovering: boolean; replayed: string | null };
    try {
      row = (await monitor.query<{ recovering: boolean; replayed: string | null }>('select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as replayed')).rows[0]!;
    } catch (err) {
      return settle({ fresh: false, state: 'down', lagMs: null, lagBytes: null, lastError: (err as Error).message });
    }
    // promoted, or pointed at another primary: its data no longer follows ours
    if (!row.recovering || !row.replayed)
      return settle({ fresh: false, state: 'down', lagMs: null, lagBytes: null, lastError: 'not a replica in recovery (pg_is_in_recovery() is false)' });
    const { fresh, lagMs, lagBytes } = tracker.judge(Date.now(), parseLsn(row.replayed));
    settle({ fresh, state: fresh ? 'fresh' : 'behind', lagMs, lagBytes, lastError: null });
  };

  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // a slow check is still out: never pile them up
    running = check().finally(() => {
      running = null;
    });
  };
  await check();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  // a verdict older than a few checks (the monitor stuck on a hung connection) no longer vouches for the replica
  const stillValid = () => current.fresh && current.checkedAt !== null && Date.now() - current.checkedAt.getTime() <= 3 * intervalMs + timeoutMs;
  return {
    readDb: () => (stillValid() ? db : primary.db),
    status: () => ({ ...current, fresh: stillValid() }),
    close: async () => {
      clearInterval(timer);
      await running;
      await Promise.all([pool.end(), monitor.end()]);
    },
  };
}
