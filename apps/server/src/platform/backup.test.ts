/**
 * Restoring reads the file's first line whatever the database's pace: a `begin` slow to answer (a loaded PostgreSQL
 * server) while the file is already read must not lose the header (apps/server/test/backup.test.ts runs the commands
 * end to end).
 */
import { Readable, Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness';
import { loadBackup, type Session, writeBackup } from './backup';

const dbs: TestDb[] = [];
const ends: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const end of ends) await end();
  for (const d of dbs) await d.drop();
});

/** One connection (a transaction's statements share it): the owner's on PostgreSQL, the embedded database on PGlite. */
async function sessionOf(t: TestDb): Promise<Session> {
  if (!t.ownerUrl) return { query: (text, params) => t.database.query(text, params) };
  const client = new pg.Client({ connectionString: t.ownerUrl });
  await client.connect();
  ends.push(() => client.end());
  return { query: async (text, params) => (await client.query(text, params)).rows };
}

it('keeps the first line when the transaction starts slowly', async () => {
  const source = await createTestDb();
  dbs.push(source);
  await source.database.query(`insert into districts (name, code) values ('慢区', 'slow')`);
  const chunks: Buffer[] = [];
  const gzip = createGzip();
  const done = new Promise<void>((ok, fail) =>
    gzip.pipe(new Writable({ write: (c: Buffer, _e, next) => (chunks.push(c), next()), final: (next) => (ok(), next()) })).on('error', fail),
  );
  await writeBackup(await sessionOf(source), 'pglite', gzip);
  gzip.end();
  await done;

  const target = await createTestDb();
  dbs.push(target);
  const s = await sessionOf(target);
  // the file is read while `begin` is on its way
  const slow: Session = { query: async (text, params) => (text === 'begin' && (await new Promise((ok) => setTimeout(ok, 300))), s.query(text, params)) };
  const rows = await loadBackup(slow, Readable.from([Buffer.concat(chunks)]));
  expect(rows.districts).toBe(1);
  expect(await target.database.query(`select code from districts`)).toEqual([{ code: 'slow' }]);
});
