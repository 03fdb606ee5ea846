/**
 * The custody ledger (double entry, append-only, in the spirit of TigerBeetle): `post` appends one transfer and moves
 * both accounts' posted totals in the same statement, or — when the idempotency key is already used in the district —
 * returns the transfer that key made and moves nothing (a different transfer under that key is refused). An account
 * marked non-negative (an order, a deposit) cannot be overdrawn: the database's check refuses it and the caller's
 * transaction rolls back with a 409 '余额不足'. Balances read as credits − debits.
 *
 * Accounts are made on demand, one per (kind, institution, order) — the district's clearing accounts (parents,
 * refunds, institution_funding) with neither, an institution's released and deposit accounts, one account per order.
 */
import type { LedgerAccountKind, TransferKind } from '@shuangjian/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db';
import { AppError } from '../../platform/errors';

export interface PostInput {
  districtId: string;
  /** Unique per district: a retry with the same key finds the first transfer. */
  key: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amountFen: number;
  institutionId?: string | null;
  orderId?: string | null;
  sourceId?: string | null;
  note?: string | null;
  /** The user posting (null: the system, e.g. the auto-confirm job). */
  actor?: string | null;
  /** When (the request's clock); the database's clock when absent. */
  at?: Date;
}

export interface Transfer {
  id: string;
  idempotencyKey: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amountFen: number;
  institutionId: string | null;
  orderId: string | null;
  sourceId: string | null;
  createdAt: string;
}

export interface Posted {
  transfer: Transfer;
  /** True when the key had been used: nothing moved this time. */
  replayed: boolean;
}

const TRANSFER_COLUMNS = sql.raw(`id, idempotency_key as "idempotencyKey", kind, debit_account_id as "debitAccountId",
  credit_account_id as "creditAccountId", amount_fen::float8 as "amountFen", institution_id as "institutionId",
  order_id as "orderId", source_id as "sourceId", created_at as "createdAt"`);

/** Walks an error's causes for PostgreSQL's SQLSTATE and constraint (drizzle wraps the driver's error). */
export function pgErrorOf(err: unknown): { code: string; constraint?: string } | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, constraint: (e as { constraint?: string }).constraint };
  }
  return null;
}

export const insufficient = () => new AppError(409, 'CONFLICT', '余额不足：账户余额不能为负', { rule: 'training.ledger.non_negative' });

/** Turns the non-negative check's failure into the 409 a person reads; anything else passes through. */
export function mapLedgerError(err: unknown): never {
  const pg = pgErrorOf(err);
  if (pg?.code === '23514' && pg.constraint === 'training_accounts_non_negative_ck') throw insufficient();
  throw err;
}

/**
 * The SQL of one posting as a statement (usable as a CTE body's tail): inserts the transfer unless the key is used,
 * moves both totals only when it was inserted. Returns the inserted transfer's columns (none on a replay).
 */
export function postStatement(input: PostInput) {
  const d = input.districtId;
  return sql`with t as (
      insert into training_transfers (district_id, idempotency_key, kind, debit_account_id, credit_account_id, amount_fen,
        institution_id, order_id, source_id, note, created_by, created_at)
      values (${d}, ${input.key}, ${input.kind}, ${input.debitAccountId}, ${input.creditAccountId}, ${input.amountFen},
        ${input.institutionId ?? null}, ${input.orderId ?? null}, ${input.sourceId ?? null}, ${input.note ?? null}, ${input.actor ?? null},
        coalesce(${input.at ? input.at.toISOString() : null}::timestamptz, now()))
      on conflict (district_id, idempotency_key) do nothing
      returning *),
    dr as (update training_accounts a set debits_posted = a.debits_posted + t.amount_fen from t
      where a.district_id = ${d} and a.id = t.debit_account_id returning a.id),
    cr as (update training_accounts a set credits_posted = a.credits_posted + t.amount_fen from t
      where a.district_id = ${d} and a.id = t.credit_account_id returning a.id)
    select ${TRANSFER_COLUMNS}, (select count(*) from dr)::int + (select count(*) from cr)::int as moved from t`;
}

/** Posts one transfer (see the file's comment). Run inside the caller's transaction. */
export async function post(tx: Queryable, input: PostInput): Promise<Posted> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new AppError(422, 'VALIDATION', '转账金额应为正整数（分）');
  let rows: (Transfer & { moved: number })[];
  try {
    rows = await rowsOf<Transfer & { moved: number }>(tx, postStatement(input));
  } catch (err) {
    mapLedgerError(err);
  }
  const [inserted] = rows;
  if (inserted) {
    if (inserted.moved !== 2) throw new AppError(404, 'NOT_FOUND', '账户不存在');
    const { moved: _moved, ...transfer } = inserted;
    return { transfer, replayed: false };
  }
  const [prior] = await rowsOf<Transfer>(
    tx,
    sql`select ${TRANSFER_COLUMNS} from training_transfers where district_id = ${input.districtId} and idempotency_key = ${input.key}`,
  );
  if (!prior) throw new Error(`transfer ${input.key} neither inserted nor found`);
  if (prior.debitAccountId !== input.debitAccountId || prior.creditAccountId !== input.creditAccountId || prior.amountFen !== input.amountFen || prior.kind !== input.kind) {
    throw new AppError(422, 'IDEMPOTENCY_MISMATCH', '同一幂等键已用于不同的转账', { key: input.key });
  }
  return { transfer: prior, replayed: true };
}

export interface AccountOwner {
  kind: LedgerAccountKind;
  institutionId?: string | null;
  orderId?: string | null;
}

const NON_NEGATIVE: ReadonlySet<LedgerAccountKind> = new Set(['order', 'deposit']);

/** The account of an owner, made on demand (two callers at once get the same row). */
export async function accountFor(tx: Queryable, districtId: string, owner: AccountOwner): Promise<string> {
  const institutionId = owner.institutionId ?? null;
  const orderId = owner.orderId ?? null;
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`with ins as (
        insert into training_accounts (district_id, kind, institution_id, order_id, non_negative)
        values (${districtId}, ${owner.kind}, ${institutionId}, ${orderId}, ${NON_NEGATIVE.has(owner.kind) ? 1 : 0})
        on conflict (district_id, kind, institution_id, order_id) do nothing
        returning id)
      select id from ins
      union all
      select id from training_accounts where district_id = ${districtId} and kind = ${owner.kind}
        and institution_id is not distinct from ${institutionId}::uuid and order_id is not distinct from ${orderId}::uuid
      limit 1`,
  );
  if (row) return row.id;
  // the row another transaction inserted became visible only after our statement's snapshot: read it again
  const [again] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from training_accounts where district_id = ${districtId} and kind = ${owner.kind}
      and institution_id is not distinct from ${institutionId}::uuid and order_id is not distinct from ${orderId}::uuid`,
  );
  if (!again) throw new Error(`account ${owner.kind} not created`);
  return again.id;
}

export const clearingAccount = (tx: Queryable, districtId: string, kind: 'parents' | 'refunds' | 'institution_funding') => accountFor(tx, districtId, { kind });
export const releasedAccount = (tx: Queryable, districtId: string, institutionId: string) => accountFor(tx, districtId, { kind: 'released', institutionId });
export const depositAccount = (tx: Queryable, districtId: string, institutionId: string) => accountFor(tx, districtId, { kind: 'deposit', institutionId });

/** An account's balance: credits − debits (fen). */
export async function balanceOf(q: Queryable, districtId: string, accountId: string): Promise<number> {
  const [row] = await rowsOf<{ balance: number }>(
    q,
    sql`select (credits_posted - debits_posted)::float8 as balance from training_accounts where district_id = ${districtId} and id = ${accountId}`,
  );
  return row?.balance ?? 0;
}
