/** The reference point of the benchmark: bare Fastify answering one indexed PostgreSQL query per request. */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get<{ Params: { district: string; id: string } }>('/bare/:district/:id', async (req) => {
  const { rows } = await pool.query('select id, name, class_id from students where district_id = $1 and id = $2', [req.params.district, req.params.id]);
  return rows[0] ?? null;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare listening');
