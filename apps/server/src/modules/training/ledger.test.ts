/**
 * The ledger's primitives against a real database: a posting moves both totals once; the same key again moves
 * nothing (and a different transfer under it is refused); a non-negative account cannot be overdrawn (the transaction
 * rolls back whole); accounts are made once even by racing callers; transfers cannot be changed or deleted.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/harness';
import { AppError } from '../../platform/errors';
import { accountFor, balanceOf, post } from './ledger';

let w: World;
let d: string;
let inst: string;
const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);
const db = () => w.db.database.db;

beforeAll(async () => {
  w = await createWorld({ training: true });
  const [row] = await q<{ districtId: string; id: string }>(`select district_id as "districtId", id from institutions where name = '启明文化艺术培训学校'`);
  d = row!.districtId;
  inst = row!.id;
}, 180_000);
afterAll(() => w.close());

describe('the custody ledger', () => {
  it('makes an account once, also when callers race', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => db().transaction((tx) => accountFor(tx, d, { kind: 'deposit', institutionId: inst }))));
    expect(new Set(ids).size).toBe(1);
    const again = await db().transaction((tx) => accountFor(tx, d, { kind: 'deposit', institutionId: inst }));
    expect(again).toBe(ids[0]);
  });

  it('posts once per key; a retry moves nothing; another transfer under the key is refused', async () => {
    const [funding, deposit] = await db().transaction(async (tx) => [await accountFor(tx, d, { kind: 'institution_funding' }), await accountFor(tx, d, { kind: 'deposit', institutionId: inst })]);
    const before = await balanceOf(db(), d, deposit!);
    const input = { districtId: d, key: 'ledger-test:1', kind: 'deposit' as const, debitAccountId: funding!, creditAccountId: deposit!, amountFen: 5000, institutionId: inst };
    const first = await db().transaction((tx) => post(tx, input));
    expect(first.replayed).toBe(false);
    const second = await db().transaction((tx) => post(tx, input));
    expect(second).toMatchObject({ replayed: true, transfer: { id: first.transfer.id } });
    expect(await balanceOf(db(), d, deposit!)).toBe(before + 5000);
    const mismatch = await db()
      .transaction((tx) => post(tx, { ...input, amountFen: 6000 }))
      .catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(AppError);
    expect((mismatch as AppError).code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await balanceOf(db(), d, deposit!)).toBe(before + 5000);
  });

  it('refuses to overdraw a non-negative account and rolls the whole transaction back', async () => {
    const [funding, deposit] = await db().transaction(async (tx) => [await accountFor(tx, d, { kind: 'institution_funding' }), await accountFor(tx, d, { kind: 'deposit', institutionId: inst })]);
    const held = await balanceOf(db(), d, deposit!);
    const err = await db()
      .transaction(async (tx) => {
        await post(tx, { districtId: d, key: 'ledger-test:in', kind: 'deposit', debitAccountId: funding!, creditAccountId: deposit!, amountFen: 100 });
        await post(tx, { districtId: d, key: 'ledger-test:out', kind: 'deposit_release', debitAccountId: deposit!, creditAccountId: funding!, amountFen: held + 101 });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    expect(await balanceOf(db(), d, deposit!)).toBe(held);
    expect(await q(`select 1 from training_transfers where idempotency_key in ('ledger-test:in', 'ledger-test:out')`)).toHaveLength(0);
  });

  it('refuses a zero or negative amount and an unknown account', async () => {
    const funding = await db().transaction((tx) => accountFor(tx, d, { kind: 'institution_funding' }));
    await expect(db().transaction((tx) => post(tx, { districtId: d, key: 'ledger-test:zero', kind: 'deposit', debitAccountId: funding, creditAccountId: funding, amountFen: 0 }))).rejects.toThrow(/正整数/);
    await expect(
      db().transaction((tx) => post(tx, { districtId: d, key: 'ledger-test:ghost', kind: 'deposit', debitAccountId: funding, creditAccountId: '00000000-0000-4000-8000-000000000000', amountFen: 1 })),
    ).rejects.toThrow();
  });

  it('keeps every transfer: UPDATE and DELETE are refused by the trigger', async () => {
    await expect(q(`update training_transfers set amount_fen = amount_fen + 1`)).rejects.toThrow(/append-only|permission denied/);
    await expect(q(`delete from training_transfers`)).rejects.toThrow(/append-only|permission denied/);
    const [n] = await q<{ n: number }>(`select count(*)::int as n from training_transfers where idempotency_key = 'ledger-test:1'`);
    expect(n!.n).toBe(1);
  });

  it('holds Σ balances = 0 and totals = sums of transfers across the district', async () => {
    const rows = await db().execute(sql`select a.id, a.debits_posted::float8 as dr, a.credits_posted::float8 as cr,
        coalesce((select sum(amount_fen) from training_transfers t where t.district_id = a.district_id and t.debit_account_id = a.id), 0)::float8 as tdr,
        coalesce((select sum(amount_fen) from training_transfers t where t.district_id = a.district_id and t.credit_account_id = a.id), 0)::float8 as tcr
      from training_accounts a where a.district_id = ${d}`);
    const list = (rows as unknown as { rows: { dr: number; cr: number; tdr: number; tcr: number }[] }).rows;
    for (const r of list) expect([r.dr, r.cr]).toEqual([r.tdr, r.tcr]);
    expect(list.reduce((s, r) => s + r.cr - r.dr, 0)).toBe(0);
  });
});
