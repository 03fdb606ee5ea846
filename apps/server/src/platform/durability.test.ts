/**
 * A commit acknowledged is a commit on the disk: PGlite on a folder fsyncs the WAL before a write's answer, and a
 * production server refuses PostgreSQL settings that could take an acknowledged commit back.
 */
import { spawn } from 'node:child_process';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../test/harness';
import { checkDurability, durabilityProblems, openDatabase } from './db';

const root = resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'sj-durable-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('PGlite on a folder', () => {
  it('runs with fsync on and syncs the WAL to the disk before a commit is answered', async () => {
    const database = await openDatabase(join(work, 'pglite'));
    try {
      const [settings] = await database.query<{ fsync: string; method: string; commit: string }>(
        "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method, current_setting('synchronous_commit') as commit",
      );
      expect(settings).toEqual({ fsync: 'on', method: 'fsync', commit: 'on' });
      await database.query('create table durable_probe (n int)');
      const sync = vi.spyOn(fs, 'fsyncSync');
      try {
        let synced = 0;
        for (let i = 0; i < 5; i++) {
          await database.query('insert into durable_probe values ($1)', [i]);
          // counted when the statement's promise resolves: the sync happened before the answer, once per commit at least
          expect(sync.mock.calls.length).toBeGreaterThan(synced);
          synced = sync.mock.calls.length;
        }
        // a read commits nothing and syncs nothing
        await database.query('select count(*) from durable_probe');
        expect(sync.mock.calls.length).toBe(synced);
      } finally {
        sync.mockRestore();
      }
      expect(await checkDurability(database)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('reopens with every acknowledged row', async () => {
    const database = await openDatabase(join(work, 'pglite'));
    try {
      expect(await database.query('select n from durable_probe order by n')).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe('PostgreSQL settings', () => {
  it('names fsync off and synchronous_commit off, and nothing else', () => {
    expect(durabilityProblems({ fsync: 'on', synchronous_commit: 'on' })).toEqual([]);
    for (const level of ['local', 'remote_write', 'remote_apply']) expect(durabilityProblems({ fsync: 'on', synchronous_commit: level })).toEqual([]);
    expect(durabilityProblems({ fsync: 'off', synchronous_commit: 'on' })).toEqual([expect.stringContaining('fsync=off')]);
    expect(durabilityProblems({ fsync: 'on', synchronous_commit: 'off' })).toEqual([expect.stringContaining('synchronous_commit=off')]);
    expect(durabilityProblems({ fsync: 'off', synchronous_commit: 'off' })).toHaveLength(2);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('a production server refuses to start on synchronous_commit=off, and says why', async () => {
    const db = await createTestDb();
    try {
      const owner = new pg.Client({ connectionString: db.ownerUrl });
      await owner.connect();
      await owner.query(`alter database "${new URL(db.ownerUrl!).pathname.slice(1)}" set synchronous_commit = off`);
      await owner.end();
      const fresh = await openDatabase(db.url!, { poolSize: 1, ownerUrl: db.ownerUrl });
      try {
        expect(await checkDurability(fresh)).toEqual([expect.stringContaining('synchronous_commit=off')]);
      } finally {
        await fresh.close();
      }
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url!, DATABASE_OWNER_URL: db.ownerUrl!, DEMO: '0', PORT: '0', DATA_KEY: 'ab'.repeat(32) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      child.stderr.on('data', (d) => (out += String(d)));
      const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
      expect(out).toContain('synchronous_commit=off');
      expect(out).toContain('拒绝启动');
      expect(code).toBe(1);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
