/**
 * `npm run restore -- --in <file>`: loads a backup (npm run backup) into the EMPTY database named by DATABASE_URL or
 * DATA_DIR, from PGlite or PostgreSQL alike. A database holding any row is refused. The schema is migrated to the
 * backup's level, the rows are loaded in one transaction, then the newer migrations run. Stop the server first (an
 * embedded data folder is locked while it runs).
 */
import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { appliedMigrations, BackupError, checkMigrationLevel, loadBackup, migrationsUpTo, nonEmptyTables, readBackupHeader, type Session } from '../platform/backup';
import { configFromEnv } from '../platform/config';
import { isPostgresUrl, migrationsFolder, openDatabase, openPglite } from '../platform/db';
import { acquireDataDirLock } from '../platform/lock';

const { values } = parseArgs({ options: { in: { type: 'string' } } });

async function restoreInto(s: Session, file: string, migrateTo: (folder: string) => Promise<void>) {
  const header = await readBackupHeader(createReadStream(file));
  const full = await nonEmptyTables(s);
  if (full.length) throw new BackupError(`目标数据库不是空的（${full.slice(0, 5).join('、')}${full.length > 5 ? ' 等' : ''} 表中有数据）：恢复只写入空数据库，不覆盖任何数据`);
  const level = checkMigrationLevel(header, await appliedMigrations(s), migrationsFolder);
  const subset = migrationsUpTo(migrationsFolder, level);
  try {
    await migrateTo(subset.folder);
  } finally {
    subset.remove();
  }
  return { header, rows: await loadBackup(s, createReadStream(file)) };
}

async function main() {
  const file = values.in;
  if (!file) throw new BackupError('缺少 --in（备份文件，npm run backup 写出的 .jsonl.gz）');
  if (!existsSync(file)) throw new BackupError(`备份文件 ${file} 不存在`);
  const config = configFromEnv();
  let result: Awaited<ReturnType<typeof restoreInto>>;
  if (isPostgresUrl(config.databaseUrl)) {
    // the owner: it creates the tables and may postpone a foreign key's check to the end of the load
    const client = new pg.Client({ connectionString: config.databaseOwnerUrl ?? config.databaseUrl });
    await client.connect();
    try {
      result = await restoreInto({ query: async (text, params) => (await client.query(text, params)).rows }, file, (folder) =>
        migratePg(drizzlePg({ client }) as never, { migrationsFolder: folder }),
      );
    } finally {
      await client.end();
    }
    // the newer migrations, and the serving role's rights
    await (await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl })).close();
  } else {
    const release = await acquireDataDirLock(config.databaseUrl, 'command');
    try {
      const client: PGlite = await openPglite(config.databaseUrl);
      try {
        result = await restoreInto({ query: async (text, params) => (await client.query(text, params)).rows as never }, file, (folder) =>
          migratePglite(drizzlePglite({ client }) as never, { migrationsFolder: folder }),
        );
      } finally {
        await client.close();
      }
      await (await openDatabase(config.databaseUrl)).close();
    } finally {
      release();
    }
  }
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(`restored ${file} (${result.header.source}, ${result.header.createdAt}): ${Object.keys(result.rows).length} tables, ${total} rows, every table's count as in the file`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
