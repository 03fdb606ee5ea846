/** The auditor's view of the audit log: search, never change. */
import { AuditPage, AuditQuery } from '@shuangjian/contracts';
import { searchAudit } from './audit';
import type { App } from './http';

export function registerAuditRoutes(app: App) {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '审计日志查询（仅审计管理员）', querystring: AuditQuery, response: { 200: AuditPage } } },
    (req) => searchAudit(req.ctx, req.query),
  );
}
