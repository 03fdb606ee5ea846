/**
 * The reference points of the benchmark: bare Fastify answering one indexed PostgreSQL query per request (a read),
 * one single-row transaction per request (a write: BEGIN, one upsert, COMMIT), and one bare ledger transaction (BEGIN, a
 * transfer inserted, two account totals updated, COMMIT).
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('create table if not exists bench_bare_writes (id uuid primary key, n int not null default 0, at timestamptz not null default now())');
// the bare ledger transaction: one transfer appended and both accounts' totals moved, in one transaction
await pool.query(`create table if not exists bench_bare_accounts (id int primary key, debits bigint not null default 0, credits bigint not null default 0,
  non_negative int not null default 0, check (non_negative = 0 or debits <= credits))`);
await pool.query(`create table if not exists bench_bare_transfers (id uuid primary key default gen_random_uuid(), key text not null unique,
  debit_id int not null, credit_id int not null, amount bigint not null, created_at timestamptz not null default now())`);
await pool.query(`insert into bench_bare_accounts (id, credits, non_negative) select n, 1000000000000, 1 from generate_series(1, 200) n on conflict (id) do nothing`);
await pool.query(`insert into bench_bare_accounts (id) select n from generate_series(1001, 1200) n on conflict (id) do nothing`);
const app = Fastify();
app.get<{ Params: { district: string; id: string } }>('/bare/:district/:id', async (req) => {
  const { rows } = await pool.query('select id, name, class_id from students where district_id = $1 and id = $2', [req.params.district, req.params.id]);
  return rows[0] ?? null;
});
app.post<{ Params: { id: string } }>('/bare/write/:id', async (req) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(
      'insert into bench_bare_writes (id) values ($1) on conflict (id) do update set n = bench_bare_writes.n + 1, at = now() returning n',
      [req.params.id],
    );
    await client.query('commit');
    return rows[0];
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
});
app.post<{ Params: { n: string } }>('/bare/ledger/:n', async (req) => {
  const n = (Number(req.params.n) % 200) + 1;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query('insert into bench_bare_transfers (key, debit_id, credit_id, amount) values (gen_random_uuid()::text, $1, $2, 3000) returning id', [n, n + 1000]);
    await client.query('update bench_bare_accounts set debits = debits + 3000 where id = $1', [n]);
    await client.query('update bench_bare_accounts set credits = credits + 3000 where id = $1', [n + 1000]);
    await client.query('commit');
    return rows[0];
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare listening');
