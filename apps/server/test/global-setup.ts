/**
 * Once per test run: a fresh folder for the seeded PGlite databases' copies, and the run's tag naming its PostgreSQL
 * template databases (harness.ts); both removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testSnapshots: string;
    testRunTag: string;
  }
}

export function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'sj-test-snapshots-'));
  const tag = basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase().slice(-12);
  project.provide('testSnapshots', dir);
  project.provide('testRunTag', tag);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`sj_tpl_${tag}_%`]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
