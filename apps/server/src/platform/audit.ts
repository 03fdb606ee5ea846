/** The audit log: writing entries (who, when, what entity, before and after, sensitive fields masked) and searching them. */
import type { AuditQuery } from '@shuangjian/contracts';
import { addDays, maskPhone, maskPhonesIn } from '@shuangjian/policy';
import { and, count, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, type Ctx, requirePermission, scoped } from './access';
import type { Queryable } from './db';
import { auditLog } from './schema';

export interface AuditEntryInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Keys whose values never reach the log in clear. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'newPassword', 'currentPassword', 'initialPassword', 'token', 'tokenHash']);
/** Sensitive personal data (个人敏感信息): recorded as changed, not as values. */
const SENSITIVE_KEYS = new Set(['leftBehind', 'singleParent', 'hardship', 'disability', 'learningDifficulty', 'sensitive', 'note', 'idCardNo']);


export function mask(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'string') return maskPhonesIn(value);
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (SECRET_KEYS.has(key)) out[key] = '***';
    else if (SENSITIVE_KEYS.has(key)) out[key] = v === null ? null : '***';
    else if (key === 'phone' && typeof v === 'string') out[key] = maskPhone(v);
    else out[key] = mask(v);
  }
  return out;
}

export async function audit(q: Queryable, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await auditMany(q, actor, [entry]);
}

function auditRow(actor: Actor, entry: AuditEntryInput) {
  return {
    districtId: actor.districtId,
    actorId: actor.userId,
    actorName: actor.userName,
    actorRoles: [...actor.roles],
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : mask(entry.before),
    after: entry.after === undefined ? null : mask(entry.after),
    ip: actor.ip,
    requestId: actor.requestId,
  };
}

/** Several entries in one INSERT (imports). */
export async function auditMany(q: Queryable, actor: Actor, entries: readonly AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await q.insert(auditLog).values(entries.slice(i, i + 500).map((entry) => auditRow(actor, entry)));
  }
}

/**
 * The entry as an INSERT to end a data-modifying WITH: a write and its entry in one statement, atomic without a
 * transaction and one round trip (the busiest writes).
 */
export function auditStatement(q: Queryable, actor: Actor, entry: AuditEntryInput): SQL {
  return q.insert(auditLog).values(auditRow(actor, entry)).getSQL();
}

/** The actor for work the system does itself (demo data, command-line administration). */
export function systemActor(districtId: string, name = '系统'): Actor {
  return { districtId, userId: null, userName: name, roles: [], ip: null, requestId: null };
}

/** The auditor's search: by time (the district's days), person, entity, action and text. */
export async function searchAudit(ctx: Ctx, q: z.output<typeof AuditQuery>) {
  requirePermission(ctx, 'audit.read');
  const tz = ctx.user.timeZone;
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
