/**
 * Once per test run: a fresh folder for the PGlite data folders (the seeded ones and each test file's copy), and the
 * run's tag naming its PostgreSQL template and test databases (harness.ts) and its bundle of the served server; all
 * removed at the end.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bundleFolder } from './fixtures/bundles';

declare module 'vitest' {
  export interface ProvidedContext {
    testSnapshots: string;
    testRunTag: string;
  }
}

/** In memory where the machine has room for it (each PGlite data folder is about 150 MB: the seeded copies and one open per worker). */
function snapshotsParent(): string {
  if (!existsSync('/dev/shm')) return tmpdir();
  const { bavail, bsize } = statfsSync('/dev/shm');
  return bavail * bsize >= 4 * 2 ** 30 ? '/dev/shm' : tmpdir();
}

export function setup(project: TestProject) {
  const dir = mkdtempSync(join(snapshotsParent(), 'sj-test-snapshots-'));
  const tag = basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase().slice(-12);
  project.provide('testSnapshots', dir);
  project.provide('testRunTag', tag);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    // the run's bundle of the served server (fixtures/serve-process.ts)
    for (const f of existsSync(bundleFolder) ? readdirSync(bundleFolder) : []) if (f.startsWith(`serve-${tag}.`)) rmSync(join(bundleFolder, f), { force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      // the templates, and any test database a file did not drop (it failed before its drop, or was stopped)
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1 or datname like $2', [`sj_tpl_${tag}_%`, `sj_test_${tag}_%`]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
