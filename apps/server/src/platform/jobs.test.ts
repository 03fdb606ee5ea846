import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../test/harness';
import { serverJobs } from '../app';
import { NO_CHANNELS } from './channels';
import { invalidate, onInvalidate } from './invalidation';
import { cronOf, jobKind, MAX_ATTEMPTS, recordTickFailure, runRecorded, startInProcess } from './jobs';

/** A log that keeps its error lines: the object, the error's message, the line's text. */
function fakeLog() {
  const lines: { o: Record<string, unknown>; err: string; msg: string }[] = [];
  const log = { error: (o: object, msg: string) => lines.push({ o: o as Record<string, unknown>, err: String((o as { err?: Error }).err?.message), msg }), warn: () => {}, debug: () => {} };
  return { log, lines };
}

// an error's text can quote any district's data (a constraint's values, a school's name)
const LEAKY = '唯一约束冲突：(district_id, name)=(其他区, 某某学校) 已存在';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

describe('background jobs', () => {
  it('turn intervals into cron patterns (hourly jobs at a minute of their own) and refuse intervals cron cannot say', () => {
    expect(cronOf({ name: 'a', everyMs: 60_000 })).toBe('* * * * *');
    expect(cronOf({ name: 'a', everyMs: 5 * 60_000 })).toBe('*/5 * * * *');
    expect(cronOf({ name: 'a', everyMs: 15 * 60_000 })).toBe('*/15 * * * *');
    expect(cronOf({ name: 'training.rectificationOverdue', everyMs: 3_600_000 })).toMatch(/^\d{1,2} \* \* \* \*$/);
    expect(cronOf({ name: 'a', everyMs: 3_600_000 })).not.toBe(cronOf({ name: 'b', everyMs: 3_600_000 }));
    expect(cronOf({ name: 'a', everyMs: 6 * 3_600_000 })).toMatch(/^\d{1,2} \*\/6 \* \* \*$/);
    expect(() => cronOf({ name: 'odd', everyMs: 7 * 60_000 })).toThrow(/no cron form/);
    // every job of the server has a form: a tick (several seconds, on each server) or a cron pattern
    for (const job of serverJobs({ auditRetentionDays: 180 })) if (jobKind(job) === 'scheduled') expect(() => cronOf(job)).not.toThrow();
  });

  it('record each run with its due time, result or error; the system administrator reads them without the errors, nobody else reads them', async () => {
    const db = w.db.database.db;
    const deps = { db, channels: NO_CHANNELS, now: w.clock.now };
    const due = new Date('2026-12-01T10:00:00Z');
    const ok = await runRecorded({ name: 'test.ok', everyMs: 60_000, run: async () => 7 }, deps, due, 1);
    expect(ok.err).toBeNull();
    const failed = await runRecorded({ name: 'test.failing', everyMs: 60_000, run: () => Promise.reject(new Error(LEAKY)) }, deps, due, 2);
    expect((failed.err as Error).message).toBe(LEAKY);
    const runs = await w.db.database.query<{ id: string; job: string; status: string; attempt: number; result: number | null; error: string | null }>(
      `select id, job, status, attempt, result, error from job_runs where job like 'test.%' order by job`,
    );
    // the error stays in the table, for the operator
    expect(runs).toEqual([
      { id: failed.runId, job: 'test.failing', status: 'failed', attempt: 2, result: null, error: LEAKY },
      { id: ok.runId, job: 'test.ok', status: 'done', attempt: 1, result: 7, error: null },
    ]);

    const system = await w.login('demo-system');
    const r = await call(w.app, system, 'GET', '/api/system/jobs');
    expect(r.status).toBe(200);
    expect(r.body.engine).toBe(process.env.TEST_DATABASE_URL ? 'graphile-worker' : 'in-process');
    const names = r.body.jobs.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['audit.chain', 'platform.housekeeping', 'training.auto-confirm', 'homework.eveningReminder']));
    expect(r.body.jobs.find((j: { name: string }) => j.name === 'audit.chain').kind).toBe('tick');
    // every district's system administrator reads this page: a failure is named by its run's id, its error is not there
    expect(r.body.failures[0]).toEqual({ runId: failed.runId, job: 'test.failing', dueAt: due.toISOString(), attempt: 2, server: expect.any(String), startedAt: expect.any(String) });
    expect(JSON.stringify(r.body)).not.toContain('某某学校');
    expect(JSON.stringify(r.body)).not.toContain('其他区');
    for (const username of ['demo-district', 'demo-security', 'demo-auditor', 'demo-principal', 'demo-parent', 'other-admin']) {
      const refused = await call(w.app, await w.login(username), 'GET', '/api/system/jobs');
      expect(refused.status, username).toBe(403);
    }
  });
});

describe('the in-process runner (PGlite)', () => {
  it('retries a failed run of one due time with backoff until it succeeds, and gives up after the last attempt', async () => {
    const db = w.db.database.db;
    let flaky = 0;
    const { log, lines } = fakeLog();
    const stop = startInProcess(
      [
        { name: 'test.flaky', everyMs: 60_000, run: async () => (++flaky <= 2 ? Promise.reject(new Error(`第 ${flaky} 次失败`)) : flaky) },
        { name: 'test.broken', everyMs: 60_000, run: () => Promise.reject(new Error(`始终失败：${LEAKY}`)) },
      ],
      { db, channels: NO_CHANNELS, now: w.clock.now },
      log,
      // a due time every 150 ms, retries 20 ms apart: the first due time's attempts are read below
      { everyMs: () => 150, backoffMs: () => 20 },
    );
    const first = async (job: string) =>
      w.db.database.query<{ id: string; attempt: number; status: string; error: string | null }>(
        `select id, attempt, status, error from job_runs where job = $1 and due_at = (select min(due_at) from job_runs where job = $1) order by attempt`,
        [job],
      );
    for (let i = 0; i < 100 && ((await first('test.broken')).length < MAX_ATTEMPTS || (await first('test.flaky')).length < 3); i++) await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect((await first('test.flaky')).map((r) => `${r.attempt} ${r.status}`)).toEqual(['1 failed', '2 failed', '3 done']);
    const broken = await first('test.broken');
    expect(broken.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(broken.every((r) => r.status === 'failed' && r.error === `始终失败：${LEAKY}`)).toBe(true);
    // each failure's log line names its row: the operator finds the error the page leaves out by the page's run id
    const failedLines = lines.filter((l) => l.msg === 'scheduled job failed');
    expect(failedLines.find((l) => l.err === '第 1 次失败')?.o).toMatchObject({ job: 'test.flaky', attempt: 1, runId: (await first('test.flaky'))[0]!.id });
    for (const run of broken) expect(failedLines.find((l) => l.o.runId === run.id)?.o).toMatchObject({ job: 'test.broken', attempt: run.attempt });
    expect(failedLines.find((l) => l.o.runId === broken[0]!.id)?.err).toBe(`始终失败：${LEAKY}`);

    const page = await call(w.app, await w.login('demo-system'), 'GET', '/api/system/jobs');
    expect(page.body.failures.map((f: { runId: string }) => f.runId)).toEqual(expect.arrayContaining(broken.map((r) => r.id)));
    expect(JSON.stringify(page.body)).not.toContain('某某学校');
  });

  it('records a failed tick and logs it with the row’s id', async () => {
    const { log, lines } = fakeLog();
    await recordTickFailure({ db: w.db.database.db, channels: NO_CHANNELS, now: w.clock.now }, log, 'test.tick', new Error(LEAKY));
    const [row] = await w.db.database.query<{ id: string; status: string; error: string }>(`select id, status, error from job_runs where job = 'test.tick'`);
    expect(row).toMatchObject({ status: 'failed', error: LEAKY });
    expect(lines).toEqual([{ o: expect.objectContaining({ job: 'test.tick', runId: row!.id }), err: LEAKY, msg: 'scheduled job failed' }]);
  });
});

describe('cache invalidation', () => {
  it('drops a topic’s key in this process at once (other processes: on commit, through LISTEN/NOTIFY)', async () => {
    const dropped: (string | null)[] = [];
    const off = onInvalidate('policy', (key) => dropped.push(key));
    await w.db.database.db.transaction(async (tx) => {
      await invalidate(tx, 'policy', 'district-1');
    });
    await invalidate(w.db.database.db, 'calendar', null);
    off();
    await invalidate(w.db.database.db, 'policy', 'district-2');
    expect(dropped).toEqual(['district-1']);
  });
});
