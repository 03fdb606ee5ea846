/** Routes of platform services that modules share: district policy settings and notifications. */
import { ErrorBody, MarkRead, NotificationList, PolicyEntry, PolicyInput, PolicyKeyParams } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { z } from 'zod';
import type { App, ModuleDeps } from './http';
import { markRead, myNotifications } from './notify';
import { listPolicies, setPolicy } from './policy';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function registerPlatformRoutes(app: App, { now }: ModuleDeps) {
  const today = () => todayIn('Asia/Shanghai', now());
  app.get('/api/policies', { schema: { tags: ['policy'], summary: '区级政策参数（含历史版本）', response: { 200: z.array(PolicyEntry), ...errors } } }, (req) =>
    listPolicies(req.ctx, today()),
  );
  app.post(
    '/api/policies/:key',
    { schema: { tags: ['policy'], summary: '设置政策参数的新版本（自生效日期起适用）', params: PolicyKeyParams, body: PolicyInput, response: { 200: PolicyEntry, ...errors } } },
    (req) => setPolicy(req.ctx, req.params.key, req.body, today()),
  );
  app.get('/api/notifications', { schema: { tags: ['notifications'], summary: '我的消息', response: { 200: NotificationList, ...errors } } }, (req) =>
    myNotifications(req.ctx),
  );
  app.post('/api/notifications/read', { schema: { tags: ['notifications'], summary: '标记消息已读', body: MarkRead, response: { 200: NotificationList, ...errors } } }, (req) =>
    markRead(req.ctx, req.body),
  );
}
