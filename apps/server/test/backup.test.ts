/**
 * npm run backup → npm run restore into a fresh database: every table's rows, the money (training custody ledger,
 * after-school charges and payments) and the audit log come back the same. The commands run as real processes: on
 * PGlite the backup asks a running server (lock held) over its socket; on PostgreSQL (TEST_DATABASE_URL) the backup
 * is restored on PostgreSQL and on PGlite, and the PGlite copy backed up again and restored on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAll, verifyAll } from '../src/platform/audit-chain';
import { serveBackupSocket, tableCounts } from '../src/platform/backup';
import { type Database, openDatabase } from '../src/platform/db';
import { acquireDataDirLock } from '../src/platform/lock';
import { createTestDb, createWorld, type World } from './harness';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'sj-backup-'));
const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Runs `npm run <script>` as the lead would (the same entry), with only the database named by `env`. */
function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const clean = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'DATA_DIR']) delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args], { cwd: root, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return new Promise((done) => child.once('exit', (code) => done({ code, out })));
}

/** What must survive: the money, and the audit log row by row. */
async function figures(database: Database) {
  const money = await database.query<{ figure: string; value: string }>(`
    select 'transfers ' || kind as figure, sum(amount_fen)::text || ' / ' || count(*) as value from training_transfers group by kind
    union all select 'accounts debits / credits', sum(debits_posted)::text || ' / ' || sum(credits_posted)::text from training_accounts
    union all select 'orders', count(*)::text || ' / ' || coalesce(sum(price_fen), 0)::text from training_orders
    union all select 'refunds', count(*)::text from training_refunds
    union all select 'after-school charges', count(*)::text || ' / ' || coalesce(sum(amount_fen), 0)::text from after_school_charges
    union all select 'after-school payments', count(*)::text || ' / ' || coalesce(sum(amount_fen), 0)::text || ' / ' || coalesce(sum(applied_fen), 0)::text from after_school_payments
    union all select 'after-school allocations', count(*)::text || ' / ' || coalesce(sum(amount_fen), 0)::text from after_school_payment_allocations
    order by 1`);
  const [audit] = await database.query<{ n: string; digest: string }>(
    `select count(*)::text as n, md5(coalesce(string_agg(id::text || '|' || action || '|' || entity || '|' || coalesce(entity_id, '') || '|' || coalesce(actor_id::text, ''), ',' order by district_id, id), '')) as digest from audit_log`,
  );
  return { money, audit };
}

/** Chains the source's audit log (as the server's job does) and answers each district's verified head. */
async function chainHeads(database: Database) {
  await chainAll(database.db);
  return heads(database);
}

/** Each district's audit chain, verified: its head, and any fault. */
async function heads(database: Database) {
  const verified = await verifyAll(database.db, new Date());
  for (const v of verified) expect(v.faults, `audit chain of ${v.districtName}`).toEqual([]);
  return Object.fromEntries(verified.map((v) => [v.districtName, `${v.headSeq} ${v.headHash}`]));
}

type Expected = { counts: Record<string, number>; figures: Awaited<ReturnType<typeof figures>>; chain: Record<string, string> };

async function compare(restored: Database, expected: Expected, what: string) {
  expect(await tableCounts(restored)).toEqual(expected.counts);
  expect(await figures(restored)).toEqual(expected.figures);
  expect(await heads(restored)).toEqual(expected.chain);
  const rows = Object.values(expected.counts).reduce((a, b) => a + b, 0);
  const chained = Object.values(expected.chain).reduce((a, h) => a + Number(h.split(' ')[0]), 0);
  console.log(
    `backup → restore (${what}): ${Object.keys(expected.counts).length} tables and ${rows} rows equal, ${expected.figures.money.length} money figures equal, ` +
      `audit chain intact and equal (${chained} rows in ${Object.keys(expected.chain).length} districts)`,
  );
  // a transfer moves its amount from one account to another: all debits equal all credits
  const [ledger] = await restored.query<{ debits: string; credits: string; transfers: string }>(
    'select (select sum(debits_posted) from training_accounts)::text as debits, (select sum(credits_posted) from training_accounts)::text as credits, (select sum(amount_fen) from training_transfers)::text as transfers',
  );
  expect(ledger!.debits).toBe(ledger!.credits);
  expect(ledger!.debits).toBe(ledger!.transfers);
}

describe('backup and restore', () => {
  let world: World;
  let expected: Expected;

  beforeAll(async () => {
    world = await createWorld({ homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
    cleanups.push(() => world.close());
  }, 240_000);

  it.runIf(!process.env.TEST_DATABASE_URL)('PGlite: backs up a running server through its socket, restores into an empty folder, refuses a non-empty one', async () => {
    // the running server: the seeded database on a data folder, its lock held, answering on its backup socket
    const served = join(work, 'served');
    const database = await openDatabase(join(served, 'pglite'), { loadDataDir: await world.db.database.dump!() });
    cleanups.push(() => database.close());
    const release = await acquireDataDirLock(join(served, 'pglite'), 'server');
    cleanups.push(release);
    const stop = await serveBackupSocket(database, join(served, 'pglite'), (err) => {
      throw err;
    });
    cleanups.push(stop);
    const chain = await chainHeads(database);
    expected = { counts: await tableCounts(database), figures: await figures(database), chain };
    expect(expected.counts.training_transfers).toBeGreaterThan(0);
    expect(expected.counts.after_school_charges).toBeGreaterThan(0);
    expect(expected.counts.audit_log).toBeGreaterThan(0);

    const file = join(work, 'pglite.jsonl.gz');
    const backup = await run('backup', ['--out', file], { DATA_DIR: served });
    expect(backup.out).toContain('from the running server');
    expect(backup.code).toBe(0);

    const target = join(work, 'restored');
    const restore = await run('restore', ['--in', file], { DATA_DIR: target });
    expect(restore.code, restore.out).toBe(0);
    const restored = await openDatabase(join(target, 'pglite'));
    try {
      await compare(restored, expected, 'PGlite server → PGlite');
    } finally {
      await restored.close();
    }

    const again = await run('restore', ['--in', file], { DATA_DIR: target });
    expect(again.code).toBe(1);
    expect(again.out).toContain('目标数据库不是空的');
  }, 300_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)('PostgreSQL: backs up while serving, restores on PostgreSQL and on PGlite, and PGlite back to PostgreSQL', async () => {
    const source = world.db;
    const chain = await chainHeads(source.database);
    expected = { counts: await tableCounts(source.database), figures: await figures(source.database), chain };
    expect(expected.counts.training_transfers).toBeGreaterThan(0);
    const file = join(work, 'postgres.jsonl.gz');
    const backup = await run('backup', ['--out', file], { DATABASE_URL: source.url!, DATABASE_OWNER_URL: source.ownerUrl! });
    expect(backup.code, backup.out).toBe(0);

    // PostgreSQL → a fresh PostgreSQL database (migrated and empty, as a new deployment is)
    const fresh = await createTestDb();
    cleanups.push(() => fresh.drop());
    const restore = await run('restore', ['--in', file], { DATABASE_URL: fresh.url!, DATABASE_OWNER_URL: fresh.ownerUrl! });
    expect(restore.code, restore.out).toBe(0);
    await compare(fresh.database, expected, 'PostgreSQL → PostgreSQL');
    const refused = await run('restore', ['--in', file], { DATABASE_URL: fresh.url!, DATABASE_OWNER_URL: fresh.ownerUrl! });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('目标数据库不是空的');

    // PostgreSQL → PGlite (a folder never opened before)
    const folder = join(work, 'from-postgres');
    const toFolder = await run('restore', ['--in', file], { DATA_DIR: folder });
    expect(toFolder.code, toFolder.out).toBe(0);
    const embedded = await openDatabase(join(folder, 'pglite'));
    try {
      await compare(embedded, expected, 'PostgreSQL → PGlite');
    } finally {
      await embedded.close();
    }

    // PGlite (no server running: read from the folder) → PostgreSQL
    const second = join(work, 'from-pglite.jsonl.gz');
    const fromPglite = await run('backup', ['--out', second], { DATA_DIR: folder });
    expect(fromPglite.out).toContain('server stopped');
    expect(fromPglite.code, fromPglite.out).toBe(0);
    const back = await createTestDb();
    cleanups.push(() => back.drop());
    const backRestore = await run('restore', ['--in', second], { DATABASE_URL: back.url!, DATABASE_OWNER_URL: back.ownerUrl! });
    expect(backRestore.code, backRestore.out).toBe(0);
    await compare(back.database, expected, 'PGlite → PostgreSQL');
  }, 300_000);
});
