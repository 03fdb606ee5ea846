/** The auditor's view of the audit log: search, never change. */
import { AuditPage, AuditQuery, ErrorBody } from '@shuangjian/contracts';
import { addDays } from '@shuangjian/policy';
import { and, count, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from './access';
import type { App } from './http';
import { auditLog } from './schema';

async function searchAudit(ctx: Ctx, q: z.output<typeof AuditQuery>) {
  requirePermission(ctx, 'audit.read');
  const tz = sql.raw(`'Asia/Shanghai'`);
  const where = and(
    scoped(ctx, auditLog, 'audit.read'),
    q.from ? gte(auditLog.at, sql`(${q.from}::date)::timestamp at time zone ${tz}`) : undefined,
    q.to ? lt(auditLog.at, sql`(${addDays(q.to, 1)}::date)::timestamp at time zone ${tz}`) : undefined,
    q.actor ? ilike(auditLog.actorName, `%${q.actor}%`) : undefined,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.action ? ilike(auditLog.action, `${q.action}%`) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.q ? ilike(sql`coalesce(${auditLog.before}::text, '') || ' ' || coalesce(${auditLog.after}::text, '')`, `%${q.q}%`) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      actorRoles: r.actorRoles,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
  };
}

export function registerAuditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询（仅审计管理员）',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    (req) => searchAudit(req.ctx, req.query),
  );
}
