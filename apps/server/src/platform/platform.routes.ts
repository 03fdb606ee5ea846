/** Routes of platform services that modules share: district policy settings and notifications. */
import { MarkRead, NotificationList, PolicyEntry, PolicyHistory, PolicyInput, PolicyKeyParams } from '@shuangjian/contracts';
import type { PolicySettings } from '@shuangjian/policy';
import { z } from 'zod';
import { today } from './clock';
import type { App } from './http';
import { markRead, myNotifications } from './notify';
import { listPolicies, policyHistory, policyJsonSchemas, setPolicy } from './policy';

/** `policies`: every module's settings (AppModule.policies), listed and versioned here. */
export function registerPlatformRoutes(app: App, policies: PolicySettings) {
  // each setting's JSON Schema, converted once at start (a setting Zod cannot express fails here, not on a request)
  policyJsonSchemas(policies);
  app.get('/api/policies', { schema: { tags: ['policy'], summary: '区级政策参数（含历史版本）', response: { 200: z.array(PolicyEntry) } } }, (req) =>
    listPolicies(req.ctx, policies, today(req.ctx)),
  );
  app.get('/api/policies/history', { schema: { tags: ['policy'], summary: '政策变更记录：各设置项的全部版本（新在前），含所替换的取值', response: { 200: PolicyHistory } } }, (req) =>
    policyHistory(req.ctx, policies, today(req.ctx)),
  );
  app.post(
    '/api/policies/:key',
    { schema: { tags: ['policy'], summary: '设置政策参数的新版本（自生效日期起适用）', params: PolicyKeyParams, body: PolicyInput, response: { 200: PolicyEntry } } },
    (req) => setPolicy(req.ctx, policies, req.params.key, req.body, today(req.ctx)),
  );
  app.get('/api/notifications', { schema: { tags: ['notifications'], summary: '我的消息', response: { 200: NotificationList } } }, (req) => myNotifications(req.ctx));
  app.post('/api/notifications/read', { schema: { tags: ['notifications'], summary: '标记消息已读', body: MarkRead, response: { 200: NotificationList } } }, (req) =>
    markRead(req.ctx, req.body),
  );
}
