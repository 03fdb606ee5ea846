/** The auditor's view of the audit log: search, the chain's state and its verification, export with the chain's proof; never change. */
import { AuditChainStatus, AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResult } from '@shuangjian/contracts';
import { auditChainState, exportAudit, searchAudit, verifyAuditChain } from './audit';
import { sendXlsx } from './excel';
import type { App } from './http';

export function registerAuditRoutes(app: App, options: { retentionDays: number }) {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '审计日志查询（仅审计管理员）', querystring: AuditQuery, response: { 200: AuditPage } } },
    (req) => searchAudit(req.ctx, req.query),
  );
  app.get(
    '/api/audit/chain',
    { schema: { tags: ['audit'], summary: '审计日志哈希链状态：已入链、待入链、最近一次校验', response: { 200: AuditChainStatus } } },
    (req) => auditChainState(req.ctx, options.retentionDays),
  );
  app.post(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: '立即校验本区县的审计日志哈希链（先将待入链记录入链）', response: { 200: AuditVerifyResult } } },
    (req) => verifyAuditChain(req.ctx, options.retentionDays),
  );
  app.get(
    '/api/audit/export',
    { schema: { tags: ['audit'], summary: '导出日期范围内的审计日志（Excel，附链证明）', querystring: AuditExportQuery } },
    async (req, reply) => sendXlsx(reply, await exportAudit(req.ctx, req.query)),
  );
}
