/**
 * Jobs a module runs on a timer inside the server (the homework evening reminder, say): each every `everyMs`, never
 * two runs of one job at once in a process. A job must be safe to run on several servers at once (its writes decide
 * who does the work, e.g. by a unique key), and to run late after a restart.
 */
import type { Channels } from './channels';
import type { Db } from './db';
import { districts } from './schema';

export interface JobDeps {
  db: Db;
  channels: Channels;
  now: () => Date;
}

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(deps: JobDeps): Promise<unknown>;
}

/** A failed run is handed to `onError`; a promise it returns (the failure being recorded) is awaited like the run. */
export function startScheduler(jobs: readonly ScheduledJob[], deps: JobDeps, onError: (job: string, err: unknown) => unknown): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (running.has(job.name)) return;
      running.set(
        job.name,
        job
          .run(deps)
          .catch((err: unknown) => onError(job.name, err))
          .finally(() => running.delete(job.name)),
      );
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    timers.forEach(clearInterval);
    await Promise.all(running.values());
  };
}

/** A district as a job sees it. */
export interface JobDistrict {
  id: string;
  timezone: string;
}

/** A job that runs `each` for every district in turn; its result is the sum of theirs. */
export function perDistrictJob(name: string, everyMs: number, each: (deps: JobDeps, district: JobDistrict) => Promise<number>): ScheduledJob {
  return {
    name,
    everyMs,
    async run(deps) {
      const all = await deps.db.select({ id: districts.id, timezone: districts.timezone }).from(districts);
      let n = 0;
      for (const d of all) n += await each(deps, d);
      return n;
    },
  };
}
