/** 后台任务 (system administrator): the background jobs' schedule, last runs and failures (platform/jobs-overview.ts). */
import { JobsOverview } from '@shuangjian/contracts';
import type { App } from './http';
import { jobsOverview } from './jobs-overview';
import type { ScheduledJob } from './scheduler';

export function registerJobRoutes(app: App, jobs: readonly ScheduledJob[], engine: 'pglite' | 'postgresql') {
  app.get('/api/system/jobs', { schema: { tags: ['system'], summary: '后台任务：计划、最近运行与失败（系统管理员）', response: { 200: JobsOverview } } }, (req) =>
    jobsOverview(req.ctx, jobs, engine),
  );
}
