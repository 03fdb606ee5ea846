/** One database handle for both drivers: embedded PGlite (./data or memory://) and PostgreSQL (DATABASE_URL). */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import fs, { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fillPlaceholders, getTableColumns, getTableName, SQL, sql } from 'drizzle-orm';
import { PgDialect, PgTransaction as TransactionClass } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTable, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** No relational-query schema: queries name their tables, so the database handle knows no module (no import cycle). */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;
/** Anything queries run on: the database or an open transaction. */
export type Queryable = Db | Tx;

/**
 * Independent reads: at once on the database (the pool gives them several connections), one after another inside a
 * transaction, whose one connection runs one statement at a time (node-postgres queues a statement sent while another
 * runs, deprecated and gone in pg 9). Each read is a function, so none starts before its turn.
 */
export async function atOnce<T extends unknown[]>(q: Queryable, ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  return (await eachAtOnce(q, reads as (() => PromiseLike<unknown>)[], (read) => read())) as T;
}

/** The same read for each item, at once or one after another as atOnce decides; the answers in the items' order. */
export async function eachAtOnce<I, T>(q: Queryable, items: readonly I[], read: (item: I) => PromiseLike<T>): Promise<T[]> {
  if (!(q instanceof TransactionClass)) return Promise.all(items.map(read));
  const out: T[] = [];
  for (const item of items) out.push(await read(item));
  return out;
}

/** A literal PostgreSQL array for one parameter (`${pgArray(ids)}::uuid[]`), the same on PGlite and node-postgres. */
export const pgArray = (values: readonly (string | number)[]) => `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

/** The rows a raw statement answers, on PGlite and node-postgres alike (both drivers give `{ rows }`). */
export async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

export type DatabaseKind = 'pglite' | 'postgresql';

/** The values of a statement's `sql.placeholder(name)`s, by name. */
export type StatementValues = Record<string, unknown>;

/**
 * A hot statement written once at module level with `sql.placeholder('name')` for its values, and run with
 * `prepared(statement, values)`: its text is built once per process, not on every request (the parent's list spent
 * about a twentieth of its time building the same text again).
 */
const dialect = new PgDialect();
const compiled = new WeakMap<SQL, { sql: string; params: unknown[] }>();
function compile(query: SQL) {
  let hit = compiled.get(query);
  if (!hit) {
    hit = dialect.sqlToQuery(query);
    compiled.set(query, hit);
  }
  return hit;
}

/** The text and values of a hot statement: built once when written with placeholders, else on every call. */
const textOf = (query: SQL, values?: StatementValues) => {
  if (!values) return dialect.sqlToQuery(query);
  const { sql: text, params } = compile(query);
  return { sql: text, params: fillPlaceholders(params, values) };
};

/** A hot statement's name on PostgreSQL, by its text: hashed once per process, not on every request. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `p${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `Database.prepared` on any Queryable, a transaction's included: on PostgreSQL a named prepared statement on the
 * connection the Queryable holds (the pool's, or the transaction's own), so a hot statement is parsed once per
 * connection and, after a few runs, planned once too (an unnamed statement is planned again at every bind: the
 * enrolment choice's read spent 2.8 ms there, more than running it); on PGlite the statement as it is. Rows come as
 * the driver parses them (timestamps as Date), not as drizzle's `execute` gives them. Keep the statement's text to a
 * few shapes (placeholders for the values): each distinct text is one prepared statement per connection.
 */
export async function preparedRows<T>(q: Queryable, query: SQL, values?: StatementValues): Promise<T[]> {
  const client = (q as unknown as { session: { client: unknown } }).session.client;
  const { sql: text, params } = textOf(query, values);
  if (client instanceof pg.Client || client instanceof pg.Pool) {
    return (await client.query({ name: statementName(text), text, values: params as unknown[] })).rows as T[];
  }
  // PGlite, or one of its transactions
  return (await (client as Pick<PGlite, 'query'>).query<T>(text, params)).rows;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Raw SQL on the underlying client, rows as plain objects (bench, tests, maintenance). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * A statement on the hottest paths (a read, or a write complete in one statement), outside any transaction: on
   * PostgreSQL a named prepared statement per distinct text, so the server parses it once per connection instead of on
   * every request.
   */
  prepared<T = Record<string, unknown>>(query: SQL, values?: StatementValues): Promise<T[]>;
  /** PGlite: the whole data folder as a tar, to open again with `loadDataDir` (tests start from a seeded copy). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const inTransaction = new AsyncLocalStorage<true>();

/**
 * PGlite runs one statement at a time: a query on the database itself while a transaction of the same request is open
 * would wait for that transaction forever. Turn that silent hang into an immediate error naming the mistake (on
 * PostgreSQL the same mistake reads outside the transaction, so it is a bug there too).
 */
function guardNestedQueries(client: PGlite) {
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: Parameters<PGlite['transaction']>[0]) =>
    transaction((tx) => inTransaction.run(true, () => callback(tx)))) as PGlite['transaction'];
  for (const method of ['query', 'exec'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (inTransaction.getStore()) {
        return Promise.reject(new Error('database queried outside the open transaction: pass the transaction (tx) instead of ctx.db'));
      }
      return original(...args);
    };
  }
}

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database and applies every pending migration. `url`: postgres://…, a folder, or memory://.
 * On PostgreSQL with `ownerUrl`, the migrations run as the owner of the tables, which then grants the serving role
 * (the user of `url`) only what serving needs; the server never holds the rights to alter a table, disable a trigger
 * or rewrite an append-only record.
 */
export async function openDatabase(url: string, options: { poolSize?: number; ownerUrl?: string | null; loadDataDir?: Blob } = {}): Promise<Database> {
  if (isPostgresUrl(url)) {
    if (options.ownerUrl) {
      const owner = new pg.Pool({ connectionString: options.ownerUrl, max: 1 });
      try {
        await migratePg(drizzlePg({ client: owner }) as never, { migrationsFolder });
        await grantServingRole(owner, decodeURIComponent(new URL(url).username));
      } finally {
        await owner.end();
      }
    }
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // idle-client errors (server restart) surface on the next query; keep the process alive
    });
    const db = drizzlePg({ client: pool }) as unknown as Db;
    if (!options.ownerUrl) await migratePg(db as never, { migrationsFolder });
    return {
      db,
      kind: 'postgresql',
      query: async (text, params) => (await pool.query(text, params)).rows,
      prepared: (query, values) => preparedRows(db, query, values),
      close: () => pool.end(),
    };
  }
  const client = await openPglite(url, options.loadDataDir);
  guardNestedQueries(client);
  const db = drizzlePglite({ client }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    query: async <T,>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    prepared: (query, values) => preparedRows(db, query, values),
    dump: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

/**
 * PGlite on a folder, durable: a commit is on the disk before its answer.
 *
 * Stock PGlite on Node (0.5) writes every page through to the kernel at once (Emscripten's NODEFS calls writeSync), but
 * starts PostgreSQL with `-F` (fsync off), and even with fsync on its NODEFS has no fsync and its fdatasync does
 * nothing. A kill -9 therefore costs nothing (the kernel still holds every written page), but a power loss or a kernel
 * crash loses what the kernel had not yet written back (up to ~30 s of commits on Linux's defaults) and, since
 * checkpoints then are not ordered against the WAL either, can leave the data folder unrecoverable.
 * PGlite's `relaxedDurability` option does not help: it only decides whether a query waits for `syncToFs`, which for
 * NODEFS is a no-op (it matters for IndexedDB/OPFS in browsers).
 *
 * So: fsync stays on, the WAL is synced with plain fsync(2) (`wal_sync_method=fsync`, the one method that reaches the
 * file system's `fsync` hook), and that hook is NODEFS's missing fsync, calling fs.fsyncSync on the real file. Each
 * commit then waits for one fsync of the WAL before PGlite answers, and checkpoints sync data files and pg_control in
 * PostgreSQL's own order (about 1 ms a commit on an SSD). memory:// stays as it was.
 */
export async function openPglite(url: string, loadDataDir?: Blob): Promise<PGlite> {
  const options: PGliteOptions = { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) };
  if (url === 'memory://' || url.startsWith('memory://')) return PGlite.create(url, options);
  const folder = resolve(url);
  mkdirSync(dirname(folder), { recursive: true });
  return PGlite.create({ ...options, fs: new DurableNodeFS(folder), startParams: durableStartParams() });
}

/** PGlite's start parameters without `-F` (fsync off), with the WAL synced by fsync(2). */
export function durableStartParams(): string[] {
  const stock = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...stock.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=on'];
}

interface NodeFsModule {
  NODEFS: { stream_ops: Record<string, unknown>; tryFSOperation<T>(f: () => T): T };
}

/** NODEFS with the fsync(2) it lacks: PostgreSQL's fsync of a file reaches the disk. */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: NodeFsModule) => {
      // an error becomes the errno PostgreSQL sees (and PANICs on, as it must when a sync fails)
      mod.NODEFS.stream_ops.fsync = (stream: { nfd: number }) =>
        mod.NODEFS.tryFSOperation(() => {
          fs.fsyncSync(stream.nfd);
          return 0;
        });
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync as never] } };
  }
}

/**
 * PostgreSQL settings that let a server acknowledge a commit a crash can take back: with `fsync=off` a power loss can
 * corrupt the whole cluster, with `synchronous_commit=off` it loses the last commits (up to 3 × wal_writer_delay).
 * A production server refuses to start on them (main.ts); elsewhere they are a warning.
 */
export function durabilityProblems(settings: { fsync: string; synchronous_commit: string }): string[] {
  const problems: string[] = [];
  if (settings.fsync !== 'on') problems.push(`fsync=${settings.fsync}（断电或系统崩溃可能损坏整个数据库）`);
  if (settings.synchronous_commit === 'off') problems.push('synchronous_commit=off（断电或系统崩溃会丢失已确认的最近写入）');
  return problems;
}

/** The problems of the settings the serving connections see (a role's or database's own settings included). */
export async function checkDurability(database: Database): Promise<string[]> {
  if (database.kind !== 'postgresql') return [];
  const [row] = await database.query<{ fsync: string; synchronous_commit: string }>(
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit",
  );
  return durabilityProblems(row!);
}

/**
 * What the serving role may do, granted by the owner after every migration (so new tables are covered): read and
 * write rows, use sequences; on append-only tables (those a `*_refuse_change` trigger guards: the audit log,
 * published homework lists) insert and read only. No TRUNCATE, TRIGGER or REFERENCES, no DDL: only the owner migrates.
 */
export async function grantServingRole(owner: pg.Pool, role: string): Promise<{ appendOnly: string[] }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`the serving role's name ${role} must be a plain lower-case identifier`);
  const me = (await owner.query<{ user: string }>('select current_user as user')).rows[0]!.user;
  if (me === role) throw new Error(`DATABASE_OWNER_URL and DATABASE_URL name the same role (${role}): serve as a separate role`);
  const appendOnly = (
    await owner.query<{ table: string }>(
      `select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and p.proname like '%\\_refuse\\_change' order by 1`,
    )
  ).rows.map((r) => r.table);
  const r = `"${role}"`;
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await owner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  for (const t of appendOnly) await owner.query(`REVOKE UPDATE, DELETE ON "${t}" FROM ${r}`);
  return { appendOnly };
}

/**
 * Inserts many rows in one statement per 5,000 rows: the rows travel as one JSON parameter and
 * json_populate_recordset turns them into the table's row type. Far fewer round trips than VALUES lists for seeding.
 * A key missing from some rows is NULL there; columns no row names keep their defaults.
 */
export async function bulkInsert<T extends PgTable>(q: Queryable, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => columns[k]);
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const tableName = getTableName(table);
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => Object.fromEntries(keys.map((k) => [columns[k]!.name, (r as Record<string, unknown>)[k] ?? null])));
    await q.execute(sql`insert into ${sql.identifier(tableName)} (${sql.raw(names)}) select ${sql.raw(names)} from json_populate_recordset(null::${sql.identifier(tableName)}, ${JSON.stringify(chunk)}::json)`);
  }
}
