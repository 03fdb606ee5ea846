/**
 * A write whose server dies between its commit and its answer: the client retries with the same Idempotency-Key on
 * the restarted server and gets the first answer; exactly one record exists. Real processes, killed with SIGKILL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from './fixtures/serve-process';
import { createTestDb, type TestDb } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const start = (env: Record<string, string>) => startServe(env, cleanups);

async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-district', password: 'Demo#2026' }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const write = (base: string, cookie: string) =>
  fetch(`${base}/api/zones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'idempotency-key': 'crash-between-commit-and-answer' },
    body: JSON.stringify({ name: '断电测试镇', kind: 'town' }),
  });

describe('a server killed between commit and answer', () => {
  it('answers the retry with the first answer, and the record exists once', async () => {
    let env: Record<string, string>;
    if (process.env.TEST_DATABASE_URL) {
      const db: TestDb = await createTestDb();
      cleanups.push(() => db.drop());
      env = { DATABASE_URL: db.url ?? '', DATABASE_OWNER_URL: db.ownerUrl ?? '' };
      expect(env.DATABASE_URL).toMatch(/^postgres/);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'sj-crash-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { DATABASE_URL: '', DATA_DIR: dir };
    }

    const doomed = await start({ ...env, CRASH_AFTER_COMMIT: '1' });
    const cookie = await signIn(doomed.base);
    await expect(write(doomed.base, cookie)).rejects.toThrow();
    expect(await doomed.exited).toBe('SIGKILL');

    const again = await start(env);
    const retry = await write(again.base, await signIn(again.base));
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const created = (await retry.json()) as { id: string; name: string };
    const zones = (await (await fetch(`${again.base}/api/zones`, { headers: { cookie: await signIn(again.base) } })).json()) as { id: string; name: string }[];
    expect(zones.filter((z) => z.name === '断电测试镇').map((z) => z.id)).toEqual([created.id]);
    again.child.kill('SIGTERM');
    await again.exited;
  }, 120_000);
});
