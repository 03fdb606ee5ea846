/** Periodic clean-up of platform tables that only grow: day-old idempotency keys, long-expired sessions, old outbox rows and job runs, day-old failures of unknown sign-in names. */
import { lt } from 'drizzle-orm';
import { phantomLockouts } from './auth/schema';
import type { Db } from './db';
import { purgeOutbox } from './outbox';
import type { ScheduledJob } from './scheduler';
import { idempotencyKeys, jobRuns, sessions } from './schema';

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
  const runs = await db
    .delete(jobRuns)
    .where(lt(jobRuns.startedAt, new Date(now.getTime() - 30 * 24 * HOUR)))
    .returning({ id: jobRuns.id });
  // a name's failures are forgotten a day after the last one (a lock lasts minutes)
  const phantoms = await db
    .delete(phantomLockouts)
    .where(lt(phantomLockouts.updatedAt, new Date(now.getTime() - 24 * HOUR)))
    .returning({ nameHash: phantomLockouts.nameHash });
  return { idempotencyKeys: keys.length, sessions: ended.length, jobRuns: runs.length, phantomLockouts: phantoms.length };
}

/** Hourly, once across all servers. */
export const housekeepingJob = (): ScheduledJob => ({
  name: 'platform.housekeeping',
  everyMs: HOUR,
  run: async ({ db, now }) => {
    const n = await purgeExpired(db, now());
    return n.idempotencyKeys + n.sessions + n.jobRuns + n.phantomLockouts;
  },
});
