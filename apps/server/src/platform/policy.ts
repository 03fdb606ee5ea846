/** Policy as data: a district's value of each setting on a date, falling back to the shipped default; versioned edits. */
import type { PolicyInput } from '@shuangjian/contracts';
import { defaultHomeworkPolicy, HOMEWORK_POLICY_KEYS, type HomeworkPolicy, type LocalDate, POLICY_KEYS, policyDefinitions, type PolicyKey } from '@shuangjian/policy';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission } from './access';
import { audit } from './audit';
import type { Queryable } from './db';
import { AppError, invalid, notFound } from './errors';
import { policyVersions, users } from './schema';

export interface AppliedPolicy<T> {
  value: T;
  /** The version applied, or null for the shipped default: every check cites it. */
  versionId: string | null;
}

const cache = new Map<string, { at: number; rows: (typeof policyVersions.$inferSelect)[] }>();
const CACHE_MS = 30_000;

async function versionsOf(db: Queryable, districtId: string): Promise<(typeof policyVersions.$inferSelect)[]> {
  const hit = cache.get(districtId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.rows;
  const rows = await db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.districtId, districtId))
    .orderBy(asc(policyVersions.key), desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt));
  cache.set(districtId, { at: Date.now(), rows });
  return rows;
}

function applied<K extends PolicyKey>(rows: (typeof policyVersions.$inferSelect)[], key: K, date: LocalDate) {
  const row = rows.find((r) => r.key === key && r.effectiveFrom <= date);
  return { value: (row?.value ?? policyDefinitions[key].default) as z.infer<(typeof policyDefinitions)[K]['schema']>, versionId: row?.id ?? null };
}

/** The homework policy in force on a date, with the version ids it came from. */
export async function homeworkPolicy(db: Queryable, districtId: string, date: LocalDate): Promise<{ policy: HomeworkPolicy; versions: string | null }> {
  const rows = await versionsOf(db, districtId);
  const policy = { ...defaultHomeworkPolicy } as HomeworkPolicy;
  const ids: string[] = [];
  for (const [field, key] of Object.entries(HOMEWORK_POLICY_KEYS) as [keyof HomeworkPolicy, PolicyKey][]) {
    const a = applied(rows, key, date);
    (policy as unknown as Record<string, unknown>)[field] = a.value;
    if (a.versionId) ids.push(`${key}@${a.versionId}`);
  }
  return { policy, versions: ids.length ? ids.join(',') : null };
}

export async function listPolicies(ctx: Ctx, today: LocalDate) {
  requirePermission(ctx, 'policy.read');
  const rows = await ctx.db
    .select({ v: policyVersions, by: users.name })
    .from(policyVersions)
    .leftJoin(users, and(eq(users.districtId, policyVersions.districtId), eq(users.id, policyVersions.createdBy)))
    .where(and(eq(policyVersions.districtId, ctx.user.districtId), inArray(policyVersions.key, POLICY_KEYS)))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt));
  return POLICY_KEYS.map((key) => {
    const versions = rows
      .filter((r) => r.v.key === key)
      .map((r) => ({ id: r.v.id, value: r.v.value, effectiveFrom: r.v.effectiveFrom, reason: r.v.reason, createdAt: r.v.createdAt.toISOString(), createdBy: r.by }));
    return {
      key,
      label: policyDefinitions[key].label,
      default: policyDefinitions[key].default,
      current: versions.find((v) => v.effectiveFrom <= today) ?? null,
      versions,
    };
  });
}

/** A new version of a setting from a date on; earlier versions stay as the record of what applied when. */
export async function setPolicy(ctx: Ctx, key: string, input: z.output<typeof PolicyInput>, today: LocalDate) {
  requirePermission(ctx, 'policy.manage');
  if (!(POLICY_KEYS as string[]).includes(key)) throw notFound('设置项');
  const def = policyDefinitions[key as PolicyKey];
  const parsed = def.schema.safeParse(input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(400, 'VALIDATION', `取值（value${issue.path.length ? '.' + issue.path.join('.') : ''}）：${issue.message}`, {
      fields: parsed.error.issues.map((i) => ({ field: ['value', ...i.path].join('.'), message: i.message })),
    });
  }
  if (input.effectiveFrom < today) throw invalid('effectiveFrom', '生效日期', '不能早于今天：已经适用的规则不可改写');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(policyVersions)
      .values({ districtId: ctx.user.districtId, key, value: parsed.data, effectiveFrom: input.effectiveFrom, reason: input.reason, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'policy.set', entity: 'policy', entityId: key, after: { value: row!.value, effectiveFrom: row!.effectiveFrom, reason: row!.reason } });
  });
  cache.delete(ctx.user.districtId);
  return (await listPolicies(ctx, today)).find((p) => p.key === key)!;
}

export function forgetPolicyCache() {
  cache.clear();
}

