/**
 * On PostgreSQL the server serves as a role that owns nothing: it cannot switch off the audit log's trigger, replay
 * rows past it, or change an append-only record, even if an attacker gets it to run any SQL.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed';
import { createTestDb, type TestDb } from './harness';

const onPostgres = !!process.env.TEST_DATABASE_URL;
let t: TestDb;

describe.runIf(onPostgres)('the serving role on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.database.db, { homework: true, afterSchool: true, training: true, managements: true, today: '2026-11-26' });
  });
  afterAll(() => t.drop());
  const q = (sql: string) => t.database.query(sql);

  it('is not the owner of the tables and not a superuser', async () => {
    const [me] = await q(`select current_user as me, (select rolsuper from pg_roles where rolname = current_user) as su,
      (select tableowner from pg_tables where tablename = 'audit_log') as owner`);
    expect(me!.su).toBe(false);
    expect(me!.owner).not.toBe(me!.me);
  });

  it('cannot disable a trigger, replay past it, or alter or truncate a table', async () => {
    await expect(q(`alter table audit_log disable trigger all`)).rejects.toThrow(/must be owner/);
    await expect(q(`alter table audit_log disable trigger audit_log_no_update`)).rejects.toThrow(/must be owner/);
    await expect(q(`set session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(q(`truncate audit_log`)).rejects.toThrow(/permission denied/);
    await expect(q(`alter table users add column x int`)).rejects.toThrow(/must be owner/);
    await expect(q(`create table sneaky (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('cannot change or delete an append-only row: audit log, published homework lists, the custody ledger', async () => {
    await expect(q(`update training_transfers set amount_fen = 1`)).rejects.toThrow(/permission denied/);
    await expect(q(`delete from training_transfers`)).rejects.toThrow(/permission denied/);
    await expect(q(`update audit_log set action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(q(`delete from audit_log`)).rejects.toThrow(/permission denied/);
    await expect(q(`update homework_published set written = 0`)).rejects.toThrow(/permission denied/);
    await expect(q(`delete from homework_published`)).rejects.toThrow(/permission denied/);
    const [n] = await q(`select count(*)::int as n from homework_published`);
    expect(n!.n).toBeGreaterThan(0);
  });

  it('leaves the owner stopped by the append-only triggers too', async () => {
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`delete from homework_published`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('still reads and writes what serving needs', async () => {
    await q(`insert into audit_log (district_id, actor_name, actor_roles, action, entity) select id, '测试', '{}', 'test.write', 'test' from districts limit 1`);
    await q(`update users set last_login_at = now() where username = 'demo-teacher'`);
    const [row] = await q(`select count(*)::int as n from class_directory`);
    expect(row!.n).toBeGreaterThan(0);
  });
});

describe.skipIf(onPostgres)('on PGlite (one embedded user)', () => {
  it('keeps append-only tables append-only by their triggers', async () => {
    t = await createTestDb();
    try {
      await seedDemo(t.database.db, { homework: false });
      await expect(t.database.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await t.drop();
    }
  });
});
