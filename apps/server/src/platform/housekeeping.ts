/** Periodic clean-up of platform tables that only grow: day-old idempotency keys, long-expired sessions, old outbox rows. */
import { lt } from 'drizzle-orm';
import type { Db } from './db';
import { purgeOutbox } from './outbox';
import { idempotencyKeys, sessions } from './schema';

const HOUR = 3_600_000;

/**
 * Idempotency keys are kept a day (a client retries within minutes); each was written with its answer in the write's
 * transaction, so none is ever left half-done. Sessions go a week after they ended.
 */
export async function purgeExpired(db: Db, now: Date) {
  const keys = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 24 * HOUR)))
    .returning({ key: idempotencyKeys.key });
  const ended = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, new Date(now.getTime() - 7 * 24 * HOUR)))
    .returning({ tokenHash: sessions.tokenHash });
  await purgeOutbox(db, now);
  return { idempotencyKeys: keys.length, sessions: ended.length };
}

/** Runs purgeExpired every `everyMs` (first run after a minute); returns the stop function. */
export function startHousekeeping(db: Db, onError: (err: unknown) => void, everyMs = HOUR): () => void {
  const run = () => void purgeExpired(db, new Date()).catch(onError);
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
