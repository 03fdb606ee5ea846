/**
 * npm run keys:rotate: re-seals every sealed value of the modules (AppModule.sealed) with the current data key, in
 * batches of --batch rows per transaction, and recomputes the blind indexes. Run it after setting DATA_KEY to the new
 * key and DATA_KEYS_PREVIOUS to the old one (the server, restarted with both, reads old and new rows meanwhile); once it
 * reports every table done, DATA_KEYS_PREVIOUS may be emptied. On PGlite stop the server first (one process per data
 * folder); on PostgreSQL it runs beside the server.
 */
import { parseArgs } from 'node:util';
import { audit, systemActor } from '../platform/audit';
import { configFromEnv } from '../platform/config';
import { installKeyring, keyring, resolveKeyring } from '../platform/crypto';
import { isPostgresUrl, openDatabase } from '../platform/db';
import { acquireDataDirLock } from '../platform/lock';
import { districts } from '../platform/schema';
import { OUTBOX_SEALED } from '../platform/outbox';
import { resealAll } from '../platform/sealed-columns';
import { MODULES } from '../app';

const { values } = parseArgs({ options: { batch: { type: 'string', default: '500' } } });

async function main() {
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new Error('--batch 应为 1–10000 之间的整数');
  const config = configFromEnv();
  installKeyring(
    resolveKeyring({ dataKey: config.dataKeys.current, previousKeys: config.dataKeys.previous, keyFile: config.dataKeys.keyFile, production: config.dataKeys.production }),
  );
  const release = isPostgresUrl(config.databaseUrl) ? () => {} : await acquireDataDirLock(config.databaseUrl, 'command');
  const database = await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl });
  try {
    const started = Date.now();
    const keyId = keyring().current.id;
    const written = await resealAll(database.db, [...MODULES.flatMap((m) => m.sealed ?? []), OUTBOX_SEALED], 'rotate', batch);
    for (const [table, n] of Object.entries(written)) console.log(`${table}: ${n} 行已用密钥 ${keyId} 重新加密`);
    for (const d of await database.db.select({ id: districts.id }).from(districts))
      await audit(database.db, systemActor(d.id, 'keys:rotate'), { action: 'data-key.rotate', entity: 'data_key', entityId: null, after: { keyId, rows: written } });
    console.log(`完成（${Date.now() - started} ms）：所有加密字段均使用当前密钥 ${keyId}，可从 DATA_KEYS_PREVIOUS 中移除旧密钥。`);
  } finally {
    await database.close();
    release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
