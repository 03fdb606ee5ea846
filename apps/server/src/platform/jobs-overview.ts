/**
 * 后台任务: the system administrator's view of the background jobs (platform/jobs.ts) — each job's schedule, last run
 * and last success, the day's runs and failures, the latest failures and, on PostgreSQL, the failed runs waiting for a
 * retry. Jobs serve every district, so every district's system administrator sees the same list; no other role sees
 * it. A failure is shown by its run's id, never its error: the text may quote another district's data (a constraint's
 * values, a school's name). The error is in the server's log line carrying that id, and in job_runs.error.
 */
import type { JobsOverview } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { type Ctx, districtWide } from './access';
import { type DatabaseKind, pgArray, rowsOf } from './db';
import { forbidden } from './errors';
import { jobKind } from './jobs';
import type { ScheduledJob } from './scheduler';

const DAY_MS = 86_400_000;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function jobsOverview(ctx: Ctx, jobs: readonly ScheduledJob[], engine: DatabaseKind): Promise<JobsOverview> {
  if (!districtWide(ctx, 'system.settings')) throw forbidden();
  const since = new Date(ctx.now().getTime() - DAY_MS).toISOString();
  const names = jobs.map((j) => j.name);
  // one statement: each job's last run, last success and day's counts through the (job, started_at) index
  const rows = await rowsOf<{
    name: string;
    started_at: string | null;
    status: 'running' | 'done' | 'failed' | null;
    server: string | null;
    finished_at: string | null;
    last_success: string | null;
    runs: number;
    failures: number;
  }>(
    ctx.db,
    sql`select j.name, l.started_at, l.status, l.server, l.finished_at, s.finished_at as last_success, c.runs, c.failures
      from unnest(${pgArray(names)}::text[]) as j(name)
      left join lateral (select started_at, status, server, finished_at from job_runs where job = j.name order by started_at desc limit 1) l on true
      left join lateral (select finished_at from job_runs where job = j.name and status = 'done' order by started_at desc limit 1) s on true
      cross join lateral (select count(*)::int as runs, (count(*) filter (where status = 'failed'))::int as failures
        from job_runs where job = j.name and started_at > ${since}::timestamptz) c`,
  );
  const failures = await rowsOf<{ id: string; job: string; due_at: string; attempt: number; server: string; started_at: string }>(
    ctx.db,
    sql`select id, job, due_at, attempt, server, started_at from job_runs where status = 'failed' order by started_at desc limit 50`,
  );
  let retrying: number | null = null;
  if (engine === 'postgresql') {
    // the worker's schema exists once a server has run it (a statement naming a missing table fails even unreached)
    const [schema] = await rowsOf<{ present: boolean }>(ctx.db, sql`select to_regclass('graphile_worker.jobs') is not null as present`);
    if (schema?.present) {
      const [row] = await rowsOf<{ n: number }>(ctx.db, sql`select count(*)::int as n from graphile_worker.jobs where attempts > 0 and attempts < max_attempts and last_error is not null`);
      retrying = row?.n ?? 0;
    }
  }
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    engine: engine === 'postgresql' ? 'graphile-worker' : 'in-process',
    jobs: jobs.map((job) => {
      const r = byName.get(job.name);
      return {
        name: job.name,
        kind: jobKind(job),
        everyMs: job.everyMs,
        lastRun:
          r?.started_at && r.status && r.server
            ? { startedAt: iso(r.started_at)!, status: r.status, server: r.server, durationMs: r.finished_at ? new Date(r.finished_at).getTime() - new Date(r.started_at).getTime() : null }
            : null,
        lastSuccessAt: iso(r?.last_success ?? null),
        runs24h: r?.runs ?? 0,
        failures24h: r?.failures ?? 0,
      };
    }),
    failures: failures.map((f) => ({ runId: f.id, job: f.job, dueAt: iso(f.due_at)!, attempt: f.attempt, server: f.server, startedAt: iso(f.started_at)! })),
    retrying,
  };
}
