/**
 * Start: config → data-folder lock → data key → database + migrations → sealing of plaintext personal data → demo data on an empty database → read replica → listen; beside it the
 * outbox dispatcher, the modules' scheduled jobs and housekeeping.
 */
import pino from 'pino';
import { buildApp, MODULES, serverJobs } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { channelsFromConfig } from './platform/channels';
import { configFromEnv } from './platform/config';
import { installKeyring, resolveKeyring } from './platform/crypto';
import { serveBackupSocket } from './platform/backup';
import { checkDurability, isPostgresUrl, openDatabase } from './platform/db';
import { Dispatcher } from './platform/dispatcher';
import { listenForInvalidation } from './platform/invalidation';
import { startJobs } from './platform/jobs';
import { acquireDataDirLock, acquireStartupLock } from './platform/lock';
import { OUTBOX_SEALED } from './platform/outbox';
import { resealAll } from './platform/sealed-columns';
import { openReplica, primaryOnly } from './platform/replica';

async function main() {
  const config = configFromEnv();
  const embedded = !isPostgresUrl(config.databaseUrl);
  const release = embedded
    ? await acquireDataDirLock(config.databaseUrl, 'server', () => {
        console.error(`数据目录锁的持有进程意外退出：为保护 ${config.databaseUrl} 的数据，服务器停止。`);
        process.exit(1);
      })
    : () => {};
  // after the lock: the key file lives in the data folder, whose problems (unwritable, in use) the lock names first
  try {
    installKeyring(resolveKeyring({ dataKey: config.dataKeys.current, previousKeys: config.dataKeys.previous, keyFile: config.dataKeys.keyFile, production: config.dataKeys.production }));
  } catch (err) {
    release();
    throw err;
  }
  // PostgreSQL: servers starting together migrate and load the demo one at a time (platform/lock.ts)
  const releaseStartup = embedded ? async () => {} : await acquireStartupLock(config.databaseUrl);
  const started = Date.now();
  const database = await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl });
  console.log(`database: ${database.kind}${embedded ? ` (${config.databaseUrl})` : ''}, migrations applied in ${Date.now() - started} ms`);
  const unsafe = await checkDurability(database);
  if (unsafe.length) {
    const message = `PostgreSQL 的设置会让已确认的写入在断电后丢失：${unsafe.join('；')}。请在 postgresql.conf 中设置 fsync = on、synchronous_commit = on（或 local / remote_write / remote_apply），并检查角色和数据库级的设置（ALTER ROLE / ALTER DATABASE … RESET synchronous_commit）。`;
    // NODE_ENV=production: never serve on settings that can take back an acknowledged payment or ledger transfer
    if (process.env.NODE_ENV === 'production') {
      await database.close();
      release();
      throw new Error(`${message} 生产模式（NODE_ENV=production）下服务器拒绝启动。`);
    }
    console.warn(`${message}（非生产模式，继续启动）`);
  }
  // embedded: `npm run backup` asks the running server for a consistent copy of its locked data folder (platform/backup.ts)
  const stopBackupSocket = embedded ? await serveBackupSocket(database, config.databaseUrl, (err) => console.error('backup socket:', err)) : async () => {};
  if (!embedded && !config.databaseOwnerUrl)
    console.warn('DATABASE_OWNER_URL is not set: the server serves as the owner of its tables. Set it to migrate as the owner and serve as a role with row rights only (README, PostgreSQL).');
  // one-off conversion: values still in plaintext (rows written before encryption at rest) are sealed before serving
  const sealed = await resealAll(database.db, [...MODULES.flatMap((m) => m.sealed ?? []), OUTBOX_SEALED], 'plaintext');
  const converted = Object.entries(sealed).filter(([, n]) => n > 0);
  if (converted.length) console.log(`sealed personal data at rest: ${converted.map(([t, n]) => `${t} ${n}`).join(', ')}`);
  if (await isEmpty(database.db)) {
    if (config.demo) {
      const t = Date.now();
      await seedDemo(database.db, { homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
      console.log(`demo district loaded in ${Date.now() - t} ms — sign in as demo-district / Demo#2026 (all demo accounts are listed on the sign-in page)`);
    } else {
      console.log('empty database, no demo data (DEMO=0). Create the first district administrator with:');
      console.log('  npm run admin:create -- --district-code 140105 --district-name "小店区" --username admin --name "管理员"');
    }
  }
  await releaseStartup();
  // the JSON log goes to stdout without blocking the request that writes it, in writes of 4 KiB (a line per answer at
  // the evening peak: one write each cost the busiest read a tenth of its time) and at least every second; the rest
  // is written before the process ends, a crash included
  const logStream = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });
  process.once('exit', () => logStream.flushSync());
  // after the demo load: the replica then already holds it, and the first check finds it fresh
  const replica = config.databaseReplicaUrl
    ? await openReplica(config.databaseReplicaUrl, database, { maxLagMs: config.replicaMaxLagMs, log: pino({ level: config.logLevel }, logStream) })
    : primaryOnly(database);
  if (config.databaseReplicaUrl) {
    const r = replica.status();
    console.log(`read replica: ${r.state}${r.lastError ? ` (${r.lastError})` : ''}; dashboards and exports read from it while at most ${config.replicaMaxLagMs} ms behind`);
  }
  const app = await buildApp({ database, replica, config, logger: { stream: logStream } });
  // several servers on one PostgreSQL: a change made on one drops the others' caches (platform/invalidation.ts)
  const invalidation = embedded ? null : await listenForInvalidation(config.databaseUrl, app.log);
  const channels = channelsFromConfig(config);
  const on = Object.keys(channels);
  console.log(`messages outside the platform: ${on.length ? on.join(', ') : 'none (in-app only; set SMS_URL, WECHAT_URL or DINGTALK_URL)'}`);
  const now = () => new Date();
  const dispatcher = new Dispatcher(database.db, channels, app.log, now, config.outbox);
  dispatcher.start((err) => app.log.error({ err }, 'outbox dispatch failed'));
  const jobs = await startJobs(
    serverJobs(config),
    { db: database.db, channels, now },
    { database, databaseUrl: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, log: app.log },
  );
  console.log(`background jobs: ${jobs.engine}`);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await jobs.stop();
    await invalidation?.close();
    await dispatcher.stop();
    await app.close();
    await stopBackupSocket();
    await replica.close();
    await database.close();
    release();
    logStream.flushSync();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const { port } = app.server.address() as { port: number };
  console.log(`双减 platform listening on http://${shown}:${port} (API docs: /api/docs)${config.host === '127.0.0.1' ? ' — this machine only; HOST=0.0.0.0 opens it to the network' : ''}`);
}

main().catch((err: unknown) => {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  console.error(err instanceof Error ? `${err.message}${cause}` : err);
  process.exit(1);
});
