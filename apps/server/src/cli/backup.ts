/**
 * `npm run backup [-- --out <file>]`: a consistent, portable backup of the database while the server runs (PGlite or
 * PostgreSQL; format and guarantees in platform/backup.ts). Written to `<file>.partial`, synced, then renamed: a file
 * under its final name is always whole.
 */
import { createWriteStream, existsSync, mkdirSync, openSync, closeSync, fsyncSync, renameSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fetchDataDirFromServer, type Session, writeBackup } from '../platform/backup';
import { configFromEnv } from '../platform/config';
import { isPostgresUrl, openPglite } from '../platform/db';
import { acquireDataDirLock, DataDirLockedError } from '../platform/lock';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

const pgliteSession = (client: PGlite): Session => ({ query: async (text, params) => (await client.query(text, params)).rows as never });

function stamp(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

async function main() {
  const config = configFromEnv();
  const out = resolve(values.out ?? resolve('backups', `shuangjian-${stamp()}.jsonl.gz`));
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const file = createWriteStream(partial);
  const gzip = createGzip();
  gzip.pipe(file);
  let rows: Record<string, number>;
  let how: string;
  if (isPostgresUrl(config.databaseUrl)) {
    // the owner reads drizzle's migration table too; the serving role may only see the public schema
    const client = new pg.Client({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl });
    await client.connect();
    try {
      rows = await writeBackup({ query: async (text, params) => (await client.query(text, params)).rows }, 'postgresql', gzip);
    } finally {
      await client.end();
    }
    how = 'PostgreSQL, one REPEATABLE READ snapshot';
  } else {
    const dataDir = config.databaseUrl;
    if (!existsSync(dataDir)) throw new Error(`数据目录 ${dataDir} 不存在：请检查 DATA_DIR / DATABASE_URL`);
    let release: (() => void) | null = null;
    try {
      release = await acquireDataDirLock(dataDir, 'command');
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
    }
    let client: PGlite;
    if (release) {
      client = await openPglite(dataDir);
      how = 'PGlite, server stopped: read from the data folder';
    } else {
      const copy = await fetchDataDirFromServer(dataDir);
      if (!copy) throw new Error(`数据目录 ${dataDir} 被占用，但没有服务器在 ${dataDir}.backup.sock 上应答：请确认运行的是本版本的服务器`);
      client = await openPglite('memory://', copy);
      how = 'PGlite, from the running server (its data folder copied in one step)';
    }
    try {
      rows = await writeBackup(pgliteSession(client), 'pglite', gzip);
    } finally {
      await client.close();
      release?.();
    }
  }
  gzip.end();
  await finished(file);
  const fd = openSync(partial, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, out);
  const dirFd = openSync(dirname(out), 'r');
  fsyncSync(dirFd);
  closeSync(dirFd);
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(`backup written: ${out} (${(statSync(out).size / 1024 / 1024).toFixed(1)} MB, ${Object.keys(rows).length} tables, ${total} rows; ${how})`);
  console.log('Sealed fields (students\' flags, guardians\' phones) need the data key to be read after a restore: keep DATA_KEY / the key file apart from the backup.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
