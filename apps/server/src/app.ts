/** buildApp(deps): every route and plugin of the server, assembled in one place; main.ts and the tests both call it. */
import { z } from 'zod';
import { registerAuditRoutes } from './platform/audit.routes';
import { registerAuthRoutes } from './platform/auth/routes';
import { createSecondFactorService } from './platform/auth/second-factor';
import { createAuthService } from './platform/auth/service';
import { SessionStore } from './platform/auth/session';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { type App, createHttp, type LogTarget, type ModuleDeps } from './platform/http';
import { registerDemoRoutes } from './demo/routes';
import { afterSchoolModule } from './modules/after-school';
import { trainingModule } from './modules/training';
import { fiveManagementsModule } from './modules/five-managements';
import { examsModule } from './modules/exams';
import { calendarModule } from './modules/calendar';
import { homeSchoolModule } from './modules/home-school';
import { personalDataModule } from './modules/personal-data';
import { supervisionModule } from './modules/supervision';
import { homeworkModule } from './modules/homework';
import { orgModule, resolveGrants } from './modules/org';
import { timetableModule } from './modules/timetable';
import { type AppModule, collectModules } from './platform/module';
import { registerPlatformRoutes } from './platform/platform.routes';
import { auditArchiveJob, auditChainJob } from './platform/audit-chain';
import { housekeepingJob } from './platform/housekeeping';
import { registerJobRoutes } from './platform/jobs.routes';
import type { ScheduledJob } from './platform/scheduler';
import { primaryOnly, type Replica } from './platform/replica';

export interface AppDeps {
  database: Database;
  /** The read replica (main.ts opens it from DATABASE_REPLICA_URL); none: every read on the primary. */
  replica?: Replica;
  config: Config;
  now?: () => Date;
  logger?: LogTarget;
}

const HealthAnswer = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  /** Only with DATABASE_REPLICA_URL: whether dashboards and exports read from the replica, and how far behind it is. */
  replica: z
    .object({
      state: z.enum(['fresh', 'behind', 'down']),
      fresh: z.boolean(),
      lagMs: z.number().int().nullable(),
      lagBytes: z.number().int().nullable(),
      checkedAt: z.string().nullable(),
    })
    .optional(),
});

/** The domain modules, in the order their routes are registered. A new module is one more line here. */
export const MODULES: readonly AppModule[] = [orgModule, calendarModule, homeworkModule, afterSchoolModule, trainingModule, fiveManagementsModule, examsModule, timetableModule, homeSchoolModule, supervisionModule, personalDataModule];

/** Every background job of the server: the modules' and the platform's (platform/jobs.ts runs them). */
export const serverJobs = (config: Pick<Config, 'auditRetentionDays'>): ScheduledJob[] => [
  ...MODULES.flatMap((m) => m.jobs ?? []),
  auditChainJob(),
  auditArchiveJob(config.auditRetentionDays),
  housekeepingJob(),
];

export async function buildApp(deps: AppDeps): Promise<App> {
  const now = deps.now ?? (() => new Date());
  const { database, config } = deps;
  const replica = deps.replica ?? primaryOnly(database);
  const { constraintMessages, policies } = collectModules(MODULES);
  const sessions = new SessionStore(database.db, config, resolveGrants);
  const app = await createHttp({ database, replica, config, sessions, now, logger: deps.logger ?? false, constraintMessages });
  app.addHook('onClose', async () => sessions.dispose());
  const moduleDeps: ModuleDeps = {
    config,
    database,
    now,
    get readDb() {
      return replica.readDb();
    },
  };

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: { 200: HealthAnswer },
        security: [],
      },
      config: { public: true },
    },
    async () => {
      await database.query('select 1');
      const r = replica.status();
      // the replica's error text stays in the log: this answer is public, and a connection error names hosts
      const replicaState = r.configured ? { replica: { state: r.state ?? 'down', fresh: r.fresh, lagMs: r.lagMs, lagBytes: r.lagBytes, checkedAt: r.checkedAt?.toISOString() ?? null } } : {};
      return { status: 'ok' as const, database: database.kind, ...replicaState };
    },
  );
  registerAuthRoutes(app, createAuthService(database.db, config, sessions, now), createSecondFactorService(database.db, config, sessions, now), config);
  registerDemoRoutes(app, moduleDeps);
  registerAuditRoutes(app, { retentionDays: config.auditRetentionDays });
  registerPlatformRoutes(app, policies);
  registerJobRoutes(app, serverJobs(config), database.kind);
  for (const m of MODULES) m.routes(app, moduleDeps);
  await app.ready();
  return app;
}
