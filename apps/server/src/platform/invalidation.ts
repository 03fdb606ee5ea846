/**
 * Cache invalidation across server processes. Each process keeps short-lived caches (sessions with their grants,
 * policy versions, calendar days, public timetables); a change drops the entry here at once and, on PostgreSQL with
 * several servers, in every other process through PostgreSQL's LISTEN/NOTIFY.
 *
 * Why LISTEN/NOTIFY and not Redis pub/sub: a notification sent inside the transaction of the change is delivered on
 * commit and never if it rolls back, so no server drops (and reloads) a cache for a change that did not happen, and none
 * misses one that did. It needs nothing the servers don't already share; Redis is optional (rate limits only).
 * A listener that loses its connection may have missed notifications: it drops every cache when it reconnects.
 *
 * A change's own process drops its entry twice: at once, and again when its own notification comes back after the
 * commit. Between the two, a read on another connection of the pool still sees the row as it was before the
 * transaction and may have put it back in the cache; the second drop removes it.
 */
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Queryable } from './db';

export type CacheTopic =
  | 'session.user'
  | 'session.token'
  | 'policy'
  | 'calendar'
  | 'timetable.public'
  /** A child's day as the parent's list reads it; key `student:<district>/<student>/<date>` or `class:<district>/<class>/<date>`. */
  | 'homework.childDay'
  /** Pupils, classes, schools or zones changed (names, places, membership): every cache of directory rows. */
  | 'directory';
type Handler = (key: string | null) => void;

const CHANNEL = 'sj_invalidate';
/** This process: its own notifications come back to it after the commit (dropped again, not counted as received). */
const SELF = randomUUID();
const handlers = new Map<CacheTopic, Set<Handler>>();
/** Set while a listener runs: only then do changes notify other processes (PGlite is one process). */
let broadcasting = false;

/** Registers a cache's drop for a topic; `key` null drops everything of the topic. Returns the unsubscribe. */
export function onInvalidate(topic: CacheTopic, handler: Handler): () => void {
  let set = handlers.get(topic);
  if (!set) handlers.set(topic, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

function dropLocal(topic: CacheTopic | null, key: string | null) {
  for (const [t, set] of handlers) if (topic === null || t === topic) for (const h of set) h(topic === null ? null : key);
}

/**
 * Drops `topic`/`key` here now and, when other servers listen, in them when `q` commits (pass the change's transaction
 * when there is one; outside a transaction the notification goes at once).
 */
export async function invalidate(q: Queryable, topic: CacheTopic, key: string | null): Promise<void> {
  dropLocal(topic, key);
  if (broadcasting) await q.execute(notice(topic, key));
}

/** Pupils, classes, schools or zones changed (in `q`'s transaction): every cache of directory rows goes. */
export const directoryChanged = (q: Queryable) => invalidate(q, 'directory', null);

const notice = (topic: CacheTopic, key: string | null) => sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ from: SELF, topic, key })})`;

/**
 * For a write made of one statement (a data-modifying WITH, no transaction): a one-row relation that has other servers
 * drop `topic`/`key` when the statement commits (`select pg_notify(...)`), or a plain row when none listens. Read it
 * in a part of the statement that runs (PostgreSQL skips a WITH part nothing reads), and call dropHere once the
 * statement has run.
 */
export function notifyingRow(topic: CacheTopic, key: string): SQL {
  return broadcasting ? notice(topic, key) : sql`select 1`;
}

/** Drops `topic`/`key` in this process only (the other half of notifyingRow). */
export const dropHere = (topic: CacheTopic, key: string | null) => dropLocal(topic, key);

export interface InvalidationListener {
  close(): Promise<void>;
  /** Notifications received from other processes (the two-server test reads it). */
  received(): number;
}

/** Listens on PostgreSQL for other servers' changes; reconnects with backoff, dropping every cache each time. */
export async function listenForInvalidation(url: string, log: { warn(o: object, m: string): void }): Promise<InvalidationListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let count = 0;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (delayMs: number): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const { from, topic, key } = JSON.parse(msg.payload) as { from: string; topic: CacheTopic; key: string | null };
      // this process's own change, now committed: dropped again (see the top of this file), not counted as received
      if (from !== SELF) count++;
      dropLocal(topic, key);
    });
    const retryLater = (err: unknown, what: string) => {
      log.warn({ err }, `cache invalidation listener ${what}`);
      retry = setTimeout(() => void connect(Math.min(delayMs * 2, 10_000)), delayMs);
      retry.unref();
    };
    const again = (err: unknown) => {
      if (closed || client !== c) return;
      client = null;
      retryLater(err, 'lost its connection; reconnecting');
    };
    c.on('error', again);
    c.on('end', () => again(new Error('connection ended')));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      // whatever changed while nobody listened is unknown: start from empty caches
      dropLocal(null, null);
    } catch (err) {
      await c.end().catch(() => {});
      if (!closed) retryLater(err, 'cannot connect; retrying');
    }
  };
  broadcasting = true;
  await connect(250);
  return {
    received: () => count,
    async close() {
      closed = true;
      broadcasting = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
