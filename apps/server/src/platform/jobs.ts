/**
 * Background jobs on every server. Two kinds, by how often they run:
 * - ticks (every few seconds: the audit chain, the homework rollup flush) drain a queue table under an advisory lock,
 *   so each server runs them on its own timer and every queued row is still handled once (platform/scheduler.ts);
 * - scheduled jobs (every minute or slower: auto-confirmation of lessons, reminders, monthly reports, rollup rebuilds,
 *   housekeeping) run once per due time across all servers. On PostgreSQL graphile-worker schedules them: its cron
 *   claims each due time in one row (`known_crontabs`) so exactly one server queues it, a worker takes the queued job
 *   with SKIP LOCKED, and a failure is retried with exponential backoff (e^attempt seconds) up to MAX_ATTEMPTS.
 *   On PGlite (one process) the same jobs run in-process with the same retries.
 * Every run of a scheduled job, and every failed tick, is written to `job_runs`: the operator's page reads it. A
 * failure's log line names its row (`runId`): the page shows the id, not the error, whose text may quote any district's
 * data; the error is in the log and in `job_runs.error`.
 */
import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import { Logger, parseCronItems, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import type { Database } from './db';
import { type JobDeps, type ScheduledJob, startScheduler } from './scheduler';
import { jobRuns } from './schema';

/** Attempts of one due run before it is left failed (the next due time runs anyway). */
export const MAX_ATTEMPTS = 5;
/** Jobs more frequent than this are ticks. */
const TICK_BELOW_MS = 60_000;
const SERVER = `${hostname()}:${process.pid}`;
const TASK = 'sj.job';

export type JobKind = 'tick' | 'scheduled';
export const jobKind = (job: Pick<ScheduledJob, 'everyMs'>): JobKind => (job.everyMs < TICK_BELOW_MS ? 'tick' : 'scheduled');

interface Log {
  error(o: object, m: string): void;
  warn(o: object, m: string): void;
  debug(o: object, m: string): void;
}

export interface JobRunner {
  engine: 'graphile-worker' | 'in-process';
  stop(): Promise<void>;
}

/** A cron pattern for an interval: every n minutes (n dividing 60) or every n hours (n dividing 24), at a minute of its own. */
export function cronOf(job: Pick<ScheduledJob, 'name' | 'everyMs'>): string {
  const minutes = job.everyMs / 60_000;
  // hourly and slower jobs start at a minute picked from their name, so they don't all start at :00
  const offset = [...job.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 60, 7);
  if (Number.isInteger(minutes) && minutes < 60 && 60 % minutes === 0) return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours <= 24 && 24 % hours === 0) return hours === 1 ? `${offset} * * * *` : `${offset} */${hours} * * *`;
  throw new Error(`job ${job.name}: an interval of ${job.everyMs} ms has no cron form (whole minutes dividing an hour, or hours dividing a day)`);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/** One recorded run: its row in job_runs and, when it failed, the error (null when it succeeded). */
export interface RecordedRun {
  runId: string;
  err: unknown;
}

/** Runs one due run of a job, recorded in job_runs; the error, if any, is returned for the caller's log and retry. */
export async function runRecorded(job: ScheduledJob, deps: JobDeps, dueAt: Date, attempt: number): Promise<RecordedRun> {
  const [row] = await deps.db.insert(jobRuns).values({ job: job.name, dueAt, attempt, server: SERVER, startedAt: new Date(), status: 'running' }).returning({ id: jobRuns.id });
  try {
    const result = await job.run(deps);
    await deps.db
      .update(jobRuns)
      .set({ status: 'done', finishedAt: new Date(), result: typeof result === 'number' ? result : null })
      .where(eq(jobRuns.id, row!.id));
    return { runId: row!.id, err: null };
  } catch (err) {
    await deps.db.update(jobRuns).set({ status: 'failed', finishedAt: new Date(), error: message(err) }).where(eq(jobRuns.id, row!.id));
    return { runId: row!.id, err: err ?? new Error('failed') };
  }
}

/**
 * A failed tick leaves a row (its successes would flood the table: a tick runs every few seconds on every server) and
 * a log line naming it; when the row cannot be written the line is logged all the same, without an id.
 */
export async function recordTickFailure(deps: JobDeps, log: Log, name: string, err: unknown): Promise<void> {
  const at = new Date();
  let runId: string | undefined;
  try {
    const [row] = await deps.db
      .insert(jobRuns)
      .values({ job: name, dueAt: at, attempt: 1, server: SERVER, startedAt: at, finishedAt: at, status: 'failed', error: message(err) })
      .returning({ id: jobRuns.id });
    runId = row!.id;
  } catch (recordErr) {
    log.error({ err: recordErr, job: name }, 'job run not recorded');
  }
  log.error({ err, job: name, runId }, 'scheduled job failed');
}

export async function startJobs(
  jobs: readonly ScheduledJob[],
  deps: JobDeps,
  options: { database: Database; databaseUrl: string; ownerUrl: string | null; log: Log },
): Promise<JobRunner> {
  const { log } = options;
  const stopTicks = startScheduler(
    jobs.filter((j) => jobKind(j) === 'tick'),
    deps,
    (name, err) => recordTickFailure(deps, log, name, err),
  );
  const scheduled = jobs.filter((j) => jobKind(j) === 'scheduled');
  const shared = options.database.kind === 'postgresql';
  const runner = shared ? await startWorker(scheduled, deps, options) : startInProcess(scheduled, deps, log);
  return {
    engine: shared ? 'graphile-worker' : 'in-process',
    async stop() {
      await stopTicks();
      await runner();
    },
  };
}

/** When the in-process runner runs a job and how long it waits before a retry (a test shortens both). */
export interface InProcessTiming {
  everyMs(job: ScheduledJob): number;
  backoffMs(attempt: number): number;
}
const REAL_TIMING: InProcessTiming = { everyMs: (job) => job.everyMs, backoffMs: (n) => Math.exp(Math.min(n, 10)) * 1000 };

/** PGlite: each job on its own timer in this (the only) process, retried with backoff like the worker does. */
export function startInProcess(jobs: readonly ScheduledJob[], deps: JobDeps, log: Log, timing: InProcessTiming = REAL_TIMING): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const attempt = (job: ScheduledJob, dueAt: Date, n: number) => {
    const p = runRecorded(job, deps, dueAt, n).then(({ runId, err }) => {
      if (!err) return;
      log.error({ err, job: job.name, attempt: n, runId }, 'scheduled job failed');
      if (n >= MAX_ATTEMPTS || stopped) return;
      const retry = setTimeout(() => {
        timers.delete(retry);
        attempt(job, dueAt, n + 1);
      }, timing.backoffMs(n));
      retry.unref();
      timers.add(retry);
    });
    running.add(p);
    void p.catch((err: unknown) => log.error({ err, job: job.name }, 'job run not recorded')).finally(() => running.delete(p));
  };
  for (const job of jobs) {
    const every = timing.everyMs(job);
    // each tick's own due time (counted, not read off the clock: a late timer never repeats or skips one)
    const t0 = Date.now();
    let ticks = 0;
    const timer = setInterval(() => attempt(job, new Date(t0 + ++ticks * every), 1), every);
    timer.unref();
    timers.add(timer);
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.all(running);
  };
}

/** PostgreSQL: graphile-worker's cron and queue (schema graphile_worker), one runner per server. */
async function startWorker(
  jobs: readonly ScheduledJob[],
  deps: JobDeps,
  options: { databaseUrl: string; ownerUrl: string | null; log: Log },
): Promise<() => Promise<void>> {
  const { log } = options;
  const logger = new Logger(() => (level, msg, meta) => {
    if (level === 'error' || level === 'warning') log.warn({ worker: meta }, msg);
    else log.debug({ worker: meta }, msg);
  });
  if (options.ownerUrl) await migrateAsOwner(options.ownerUrl, options.databaseUrl, logger);
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const task: Task = async (payload, helpers) => {
    const { job: name, _cron } = payload as { job: string; _cron?: { ts: string } };
    const job = byName.get(name);
    // a job another version of the server scheduled and this one no longer has: nothing to do
    if (!job) return;
    const { runId, err } = await runRecorded(job, deps, new Date(_cron?.ts ?? Date.now()), helpers.job.attempts);
    if (err) {
      log.error({ err, job: name, attempt: helpers.job.attempts, runId }, 'scheduled job failed');
      throw err;
    }
  };
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: { [TASK]: task },
    parsedCronItems: parseCronItems(
      jobs.map((j) => ({ task: TASK, match: cronOf(j), identifier: j.name, payload: { job: j.name }, options: { backfillPeriod: 0, maxAttempts: MAX_ATTEMPTS } })),
    ),
  });
  return () => runner.stop();
}

/**
 * With DATABASE_OWNER_URL the server serves as a role that owns nothing: the worker's schema is installed by the owner,
 * which then lets the serving role use it (rows and functions, nothing else).
 */
async function migrateAsOwner(ownerUrl: string, servingUrl: string, logger: Logger) {
  const role = `"${decodeURIComponent(new URL(servingUrl).username).replace(/"/g, '""')}"`;
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    // servers starting together: one installs and grants at a time (concurrent GRANTs on one object fail with
    // "tuple concurrently updated")
    await owner.query(`select pg_advisory_lock(hashtext('shuangjian.worker-schema'))`);
    await runMigrations({ connectionString: ownerUrl, logger });
    await owner.query(`GRANT USAGE ON SCHEMA graphile_worker TO ${role}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${role}`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${role}`);
    await owner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${role}`);
    // the worker's tables keep row-level security on (no row visible to any role but their owner): the serving role
    // gets a policy of its own on each, for every row
    const { rows } = await owner.query<{ name: string }>(
      `select quote_ident(relname) as name from pg_class where relnamespace = 'graphile_worker'::regnamespace and relkind = 'r' and relrowsecurity`,
    );
    for (const { name } of rows) {
      await owner.query(`DROP POLICY IF EXISTS sj_serving ON graphile_worker.${name}`);
      await owner.query(`CREATE POLICY sj_serving ON graphile_worker.${name} TO ${role} USING (true) WITH CHECK (true)`);
    }
  } finally {
    await owner.query(`select pg_advisory_unlock(hashtext('shuangjian.worker-schema'))`).catch(() => {});
    await owner.end();
  }
}
