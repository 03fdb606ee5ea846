/** Writing the audit log: who, when, what entity, before and after, with sensitive fields masked. */
import { maskPhone, maskPhonesIn } from '@shuangjian/policy';
import type { Actor } from './access';
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
const SENSITIVE_KEYS = new Set(['leftBehind', 'singleParent', 'hardship', 'disability', 'sensitive', 'note', 'idCardNo']);


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

/** Several entries in one INSERT (imports). */
export async function auditMany(q: Queryable, actor: Actor, entries: readonly AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await q.insert(auditLog).values(
      entries.slice(i, i + 500).map((entry) => ({
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
      })),
    );
  }
}

/** The actor for work the system does itself (demo data, command-line administration). */
export function systemActor(districtId: string, name = '系统'): Actor {
  return { districtId, userId: null, userName: name, roles: [], ip: null, requestId: null };
}
