/**
 * The reference points of the benchmark: bare Fastify answering one indexed PostgreSQL query per request (a read),
 * and one single-row transaction per request (a write: BEGIN, one upsert, COMMIT).
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('create table if not exists bench_bare_writes (id uuid primary key, n int not null default 0, at timestamptz not null default now())');
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
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare listening');
