/**
 * Start: config → data-folder lock → database + migrations → demo data on an empty database → listen; beside it the
 * outbox dispatcher, the modules' scheduled jobs and housekeeping.
 */
import pino from 'pino';
import { buildApp, MODULES } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { channelsFromConfig } from './platform/channels';
import { configFromEnv } from './platform/config';
import { isPostgresUrl, openDatabase } from './platform/db';
import { Dispatcher } from './platform/dispatcher';
import { startHousekeeping } from './platform/housekeeping';
import { acquireDataDirLock } from './platform/lock';
import { startScheduler } from './platform/scheduler';
import { auditArchiveJob, auditChainJob } from './platform/audit-chain';

async function main() {
  const config = configFromEnv();
  const embedded = !isPostgresUrl(config.databaseUrl);
  const release = embedded
    ? await acquireDataDirLock(config.databaseUrl, 'server', () => {
        console.error(`数据目录锁的持有进程意外退出：为保护 ${config.databaseUrl} 的数据，服务器停止。`);
        process.exit(1);
      })
    : () => {};
  const started = Date.now();
  const database = await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl });
  console.log(`database: ${database.kind}${embedded ? ` (${config.databaseUrl})` : ''}, migrations applied in ${Date.now() - started} ms`);
  if (!embedded && !config.databaseOwnerUrl)
    console.warn('DATABASE_OWNER_URL is not set: the server serves as the owner of its tables. Set it to migrate as the owner and serve as a role with row rights only (README, PostgreSQL).');
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
  // the JSON log goes to stdout without blocking the request that writes it (a line per answer at the evening peak)
  const logStream = pino.destination({ dest: 1, sync: false });
  const app = await buildApp({ database, config, logger: { stream: logStream } });
  const stopHousekeeping = startHousekeeping(database.db, (err) => app.log.error({ err }, 'housekeeping failed'));
  const channels = channelsFromConfig(config);
  const on = Object.keys(channels);
  console.log(`messages outside the platform: ${on.length ? on.join(', ') : 'none (in-app only; set SMS_URL, WECHAT_URL or DINGTALK_URL)'}`);
  const now = () => new Date();
  const dispatcher = new Dispatcher(database.db, channels, app.log, now, config.outbox);
  dispatcher.start((err) => app.log.error({ err }, 'outbox dispatch failed'));
  const stopJobs = startScheduler(
    [...MODULES.flatMap((m) => m.jobs ?? []), auditChainJob(), auditArchiveJob(config.auditRetentionDays)],
    { db: database.db, channels, now },
    (job, err) => app.log.error({ err, job }, 'scheduled job failed'),
  );
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    stopHousekeeping();
    await stopJobs();
    await dispatcher.stop();
    await app.close();
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
