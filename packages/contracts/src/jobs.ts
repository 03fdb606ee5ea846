/** Background jobs as the system administrator sees them (后台任务): each job's schedule, last runs and failures. */
import { z } from 'zod';

export const JobKind = z.enum(['tick', 'scheduled']);
export const JobRunStatus = z.enum(['running', 'done', 'failed']);

/**
 * A failed run, without its error: the text may quote any district's data, and every district's system administrator
 * reads this list. The error is in the server's log under `runId` (and in job_runs.error, for the operator).
 */
export const JobFailure = z.object({
  /** job_runs.id, the `runId` of the server's log line. */
  runId: z.uuid(),
  job: z.string(),
  dueAt: z.string(),
  attempt: z.number().int(),
  server: z.string(),
  startedAt: z.string(),
});

export const JobSummary = z.object({
  name: z.string(),
  kind: JobKind,
  everyMs: z.number().int(),
  lastRun: z.object({ startedAt: z.string(), status: JobRunStatus, server: z.string(), durationMs: z.number().int().nullable() }).nullable(),
  lastSuccessAt: z.string().nullable(),
  runs24h: z.number().int(),
  failures24h: z.number().int(),
});

export const JobsOverview = z.object({
  /** graphile-worker on PostgreSQL (due runs shared by every server); in-process on PGlite. */
  engine: z.enum(['graphile-worker', 'in-process']),
  jobs: z.array(JobSummary),
  /** The latest failed runs, newest first (at most 50). */
  failures: z.array(JobFailure),
  /** Failed runs waiting for their next attempt (graphile-worker only; null in-process). */
  retrying: z.number().int().nullable(),
});
export type JobsOverview = z.infer<typeof JobsOverview>;
