/**
 * The demo district loads in one transaction: a start that dies half-way (here: the database refuses the homework
 * history) leaves an empty database, and the next start loads everything.
 */
import { describe, expect, it } from 'vitest';
import { isEmpty, seedDemo } from '../src/demo/seed';
import { createTestDb } from './harness';

describe('the demo load', () => {
  it('is all or nothing', async () => {
    const t = await createTestDb();
    const owner = t.ownerUrl ? await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: t.ownerUrl })) : null;
    // the failure: a trigger on the homework history, installed by whoever owns the tables
    const ddl = async (sql: string) => (owner ? owner.query(sql) : t.database.query(sql));
    try {
      await owner?.connect();
      await ddl(`create function refuse_demo() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
      await ddl(`create trigger refuse_demo before insert on homework_published for each statement execute function refuse_demo()`);
      await expect(seedDemo(t.database.db, { homework: true, afterSchool: true, training: true, managements: true, today: '2026-11-26' })).rejects.toThrow(/homework_published/);
      expect(await isEmpty(t.database.db)).toBe(true);

      await ddl(`drop trigger refuse_demo on homework_published`);
      await seedDemo(t.database.db, { homework: true, afterSchool: true, training: true, managements: true, today: '2026-11-26' });
      const [row] = await t.database.query<{ districts: number; lists: number }>(
        `select (select count(*)::int from districts) as districts, (select count(*)::int from homework_published) as lists`,
      );
      expect(row).toMatchObject({ districts: 1 });
      expect(row!.lists).toBeGreaterThan(100);
    } finally {
      await owner?.end();
      await t.drop();
    }
  }, 120_000);
});
