/**
 * Backup and restore in one portable format for PGlite and PostgreSQL alike (a PGlite backup restores on PostgreSQL and
 * back): gzipped JSON lines, every row of every table of the `public` schema as `row_to_json`, read in ONE
 * `REPEATABLE READ READ ONLY` transaction (one snapshot: the ledgers, their orders and the audit log agree with each
 * other), the sequences' positions, and the migrations the rows were written under.
 *
 *   {"format":"shuangjian-backup","version":1,"createdAt":…,"source":"pglite","migrations":[hash…],"tables":[…]}
 *   {"table":"districts","columns":[…]}          then one line per row, then {"end":"districts","rows":n}
 *   {"sequence":"audit_log_id_seq","value":…}
 *   {"complete":true,"rows":{"districts":n,…}}   (a file without this last line is refused: cut short)
 *
 * Restore loads a file into an EMPTY database only (no row in any table; a non-empty one is refused, nothing is
 * overwritten), at the migration level of the file, in one transaction, then applies the newer migrations.
 */
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './db';

export const BACKUP_FORMAT = 'shuangjian-backup';
export const BACKUP_VERSION = 1;

/** One database session (a pg.Client or a PGlite): the statements of a transaction must share it. */
export interface Session {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgresql';
  /** drizzle's hashes of the migrations applied, in order: the schema the rows fit. */
  migrations: string[];
  /** Tables in the order they are written: a table after those its foreign keys point to, where the keys allow. */
  tables: string[];
}

export class BackupError extends Error {}

const FETCH_ROWS = 2000;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The applied migrations' hashes, in order (none when the database has never been migrated). */
export async function appliedMigrations(s: Session): Promise<string[]> {
  const [exists] = await s.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return [];
  return (await s.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by created_at, id')).map((r) => r.hash);
}

async function publicTables(s: Session): Promise<string[]> {
  const rows = await s.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Foreign keys between public tables: [child, parent]. */
async function foreignKeys(s: Session) {
  return s.query<{ name: string; child: string; parent: string; deferrable: boolean; deferred: boolean }>(
    `select con.conname as name, c.relname as child, p.relname as parent, con.condeferrable as deferrable, con.condeferred as deferred
     from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class p on p.oid = con.confrelid
     join pg_namespace n on n.oid = c.relnamespace where con.contype = 'f' and n.nspname = 'public' order by 1, 2`,
  );
}

/** Parents before children (Kahn's order, by name among equals); the tables of a cycle come last, by name. */
function dependencyOrder(tables: string[], keys: { child: string; parent: string }[]): string[] {
  const waiting = new Map(tables.map((t) => [t, new Set(keys.filter((k) => k.child === t && k.parent !== t && tables.includes(k.parent)).map((k) => k.parent))]));
  const order: string[] = [];
  for (;;) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([t]) => t).sort();
    if (!ready.length) break;
    for (const t of ready) {
      order.push(t);
      waiting.delete(t);
      for (const parents of waiting.values()) parents.delete(t);
    }
  }
  return [...order, ...[...waiting.keys()].sort()];
}

async function countRows(s: Session, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await s.query<{ n: string }>(`select count(*)::text as n from ${quote(t)}`))[0]!.n);
  return counts;
}

/** Every row in one snapshot, written to `out` as JSON lines (the caller compresses and closes). */
export async function writeBackup(s: Session, source: BackupHeader['source'], out: Writable): Promise<Record<string, number>> {
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await s.query('begin transaction isolation level repeatable read read only');
  try {
    const tables = dependencyOrder(await publicTables(s), await foreignKeys(s));
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), source, migrations: await appliedMigrations(s), tables };
    await write(JSON.stringify(header));
    const rows: Record<string, number> = {};
    for (const table of tables) {
      const columns = (
        await s.query<{ name: string }>(
          `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
          [`public.${quote(table)}`],
        )
      ).map((c) => c.name);
      await write(JSON.stringify({ table, columns }));
      await s.query(`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${quote(table)} t`);
      let n = 0;
      for (;;) {
        const batch = await s.query<{ j: string }>(`fetch ${FETCH_ROWS} from backup_rows`);
        for (const r of batch) await write(r.j);
        n += batch.length;
        if (batch.length < FETCH_ROWS) break;
      }
      await s.query('close backup_rows');
      await write(JSON.stringify({ end: table, rows: n }));
      rows[table] = n;
    }
    const sequences = await s.query<{ name: string; value: string | null }>(
      `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
    );
    for (const q of sequences) await write(JSON.stringify({ sequence: q.name, value: q.value }));
    await write(JSON.stringify({ complete: true, rows }));
    return rows;
  } finally {
    await s.query('rollback');
  }
}

/** The file's first line: what it is, and the schema its rows fit. */
export async function readBackupHeader(input: Readable): Promise<BackupHeader> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    input.destroy();
    return parseHeader(line);
  }
  throw new BackupError('备份文件为空');
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    throw new BackupError('不是本平台的备份文件（首行不是 JSON）');
  }
  if (header?.format !== BACKUP_FORMAT) throw new BackupError(`不是本平台的备份文件（首行：${line.slice(0, 80)}）`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`备份格式版本 ${header.version} 不受支持（本版本读取 ${BACKUP_VERSION}）`);
  return header;
}

/** The tables holding rows: a restore goes into an empty database only. */
export async function nonEmptyTables(s: Session): Promise<string[]> {
  const full: string[] = [];
  for (const t of await publicTables(s)) if ((await s.query(`select 1 from ${quote(t)} limit 1`)).length) full.push(t);
  return full;
}

/**
 * Whether the target's migrations can take the file: the target must be at the file's level or below it, along the same
 * history, and this code must know the file's migrations. Returns the migrations folder to migrate to first (the
 * file's level), or throws.
 */
export function checkMigrationLevel(header: BackupHeader, applied: string[], migrationsFolder: string): number {
  const known = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  if (header.migrations.length > known.length || header.migrations.some((h, i) => known[i] !== h))
    throw new BackupError(`备份来自更新或不同的版本（${header.migrations.length} 个迁移，本版本 ${known.length} 个）：请用生成备份的版本恢复`);
  if (applied.length > header.migrations.length || applied.some((h, i) => header.migrations[i] !== h))
    throw new BackupError(`目标数据库的结构（${applied.length} 个迁移）比备份（${header.migrations.length} 个迁移）新：请恢复到一个新建的空数据库`);
  return header.migrations.length;
}

/** A copy of the migrations folder holding only the first `count` migrations (drizzle migrates to the end of a folder). */
export function migrationsUpTo(migrationsFolder: string, count: number): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'sj-migrations-'));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  mkdirSync(join(folder, 'meta'));
  const entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) cpSync(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Loads a backup into the (empty, migrated to the file's level) database in ONE transaction: all of it or nothing.
 * Tables come parent first; a foreign key the order cannot satisfy (a table pointing to itself or a cycle) is checked
 * at the end of the load instead of row by row, then set back as it was. Identity columns keep their values.
 * Returns the rows loaded per table, each checked against the count the file states.
 */
export async function loadBackup(s: Session, input: Readable): Promise<Record<string, number>> {
  let header: BackupHeader | null = null;
  let table: { name: string; columns: string; batch: string[]; rows: number } | null = null;
  const loaded: Record<string, number> = {};
  let complete: Record<string, number> | null = null;
  let deferred: { name: string; child: string; deferrable: boolean; deferred: boolean }[] = [];
  const flush = async () => {
    if (!table?.batch.length) return;
    const t = quote(table.name);
    await s.query(`insert into ${t} (${table.columns}) overriding system value select ${table.columns} from json_populate_recordset(null::${t}, $1::json)`, [`[${table.batch.join(',')}]`]);
    table.batch = [];
  };
  await s.query('begin');
  try {
    // the reader is made here, after the last await before the loop: readline emits lines as soon as the stream flows,
    // and its iterator keeps only those that come after it exists (made before `begin`, a first line read while
    // `begin` was on its way was lost)
    const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!header) {
        header = parseHeader(line);
        const keys = await foreignKeys(s);
        const position = new Map(header.tables.map((t, i) => [t, i]));
        deferred = keys.filter((k) => !k.deferred && (position.get(k.parent) ?? -1) >= (position.get(k.child) ?? -1));
        for (const k of deferred) await s.query(`alter table ${quote(k.child)} alter constraint ${quote(k.name)} deferrable initially deferred`);
        continue;
      }
      if (complete) throw new BackupError('备份文件在结束标记之后还有内容');
      if (table) {
        if (line.startsWith('{"end":')) {
          const end = JSON.parse(line) as { end: string; rows: number };
          await flush();
          if (end.end !== table.name || end.rows !== table.rows) throw new BackupError(`表 ${table.name} 的行数与文件所记（${end.rows}）不符：文件已损坏`);
          loaded[table.name] = table.rows;
          table = null;
          continue;
        }
        table.batch.push(line);
        table.rows++;
        if (table.batch.length >= FETCH_ROWS) await flush();
        continue;
      }
      const item = JSON.parse(line) as { table?: string; columns?: string[]; sequence?: string; value?: string | null; complete?: boolean; rows?: Record<string, number> };
      if (item.table && item.columns) table = { name: item.table, columns: item.columns.map(quote).join(', '), batch: [], rows: 0 };
      else if (item.sequence) {
        if (item.value !== null && item.value !== undefined) await s.query('select setval($1::regclass, $2::bigint, true)', [`public.${quote(item.sequence)}`, item.value]);
      } else if (item.complete) complete = item.rows ?? {};
      else throw new BackupError('备份文件含无法识别的行：文件已损坏');
    }
    if (!header) throw new BackupError('备份文件为空');
    if (!complete || table) throw new BackupError('备份文件不完整（缺少结束标记）：可能在写入时中断');
    for (const [t, n] of Object.entries(complete)) if (loaded[t] !== n) throw new BackupError(`表 ${t} 未完整载入：文件已损坏`);
    // every postponed key checked now, over all rows; then each constraint is again as the migrations made it
    await s.query('set constraints all immediate');
    for (const k of deferred) await s.query(`alter table ${quote(k.child)} alter constraint ${quote(k.name)} ${k.deferrable ? 'deferrable initially immediate' : 'not deferrable'}`);
    await s.query('commit');
    return loaded;
  } catch (err) {
    await s.query('rollback');
    throw err;
  }
}

/** Rows per table now (the restore's check, and the tests'). */
export async function tableCounts(s: Session): Promise<Record<string, number>> {
  return countRows(s, await publicTables(s));
}

/**
 * The running embedded server's side of `npm run backup`. PGlite is one process's memory and its folder is locked
 * (lock.ts) while the server lives, so a second process can neither open nor safely copy it. The server therefore
 * answers on a Unix socket beside the data (`<data>.backup.sock`, mode 0600: whoever may read the data folder may take
 * a backup, nobody else, and nothing reaches it from the network): a CHECKPOINT, then PGlite's `dumpDataDir`, which
 * copies the folder while holding PGlite's query lock, so no statement runs during the copy. The copy is therefore a
 * consistent image of committed work (a transaction open at that moment is absent from it, exactly as after a crash).
 * The answer is an 8-byte length and the tar. The command opens the tar in its own in-memory PGlite and writes the
 * portable file from there, so the server is held only for the copy (about a second per 100 MB of data folder).
 */
export function backupSocketPath(dataDir: string): string {
  return `${dataDir}.backup.sock`;
}

export async function serveBackupSocket(database: Database, dataDir: string, onError: (err: unknown) => void): Promise<() => Promise<void>> {
  const path = backupSocketPath(dataDir);
  // a socket file left by a server killed earlier: this server holds the folder's lock, so it is nobody's
  rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    socket.on('error', onError);
    void (async () => {
      try {
        await database.query('checkpoint');
        const tar = Buffer.from(await (await database.dump!()).arrayBuffer());
        const length = Buffer.alloc(8);
        length.writeBigUInt64BE(BigInt(tar.length));
        socket.write(length);
        socket.end(tar);
      } catch (err) {
        onError(err);
        socket.destroy();
      }
    })();
  });
  const previous = process.umask(0o177);
  try {
    server.listen(path);
    await once(server, 'listening');
  } finally {
    process.umask(previous);
  }
  server.unref();
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(path, { force: true });
  };
}

/** The command's side: the data folder's copy from the running server, or null when no server answers. */
export async function fetchDataDirFromServer(dataDir: string): Promise<Blob | null> {
  const socket = connect(backupSocketPath(dataDir));
  try {
    await once(socket, 'connect');
  } catch {
    socket.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  await once(socket, 'end');
  const all = Buffer.concat(chunks);
  if (all.length < 8 || all.readBigUInt64BE(0) !== BigInt(all.length - 8)) throw new BackupError('服务器的数据目录副本不完整：请查看服务器日志后重试');
  return new Blob([all.subarray(8)]);
}
