/**
 * Policy as data: each district's value of a setting on a date, falling back to the shipped default, and versioned
 * edits. The store knows no module: each module hands in the settings it owns (AppModule.policies) and reads them with
 * policyValuesAt; the routes list and change every registered setting.
 */
import type { PolicyCitation, PolicyInput, PolicyValueSchema } from '@shuangjian/contracts';
import { type LocalDate, type PolicySettings, type PolicySettingValue } from '@shuangjian/policy';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, requirePermission } from './access';
import { audit } from './audit';
import { requireStepUp } from './auth/second-factor';
import type { Queryable } from './db';
import { AppError, invalid, notFound } from './errors';
import { invalidate, onInvalidate } from './invalidation';
import { policyVersions, users } from './schema';

type VersionRow = typeof policyVersions.$inferSelect;

const cache = new Map<string, { at: number; rows: VersionRow[] }>();
const CACHE_MS = 30_000;
onInvalidate('policy', (districtId) => (districtId === null ? cache.clear() : cache.delete(districtId)));

async function versionsOf(db: Queryable, districtId: string): Promise<VersionRow[]> {
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

export type PolicyValues<S extends PolicySettings> = { [K in keyof S]: PolicySettingValue<S[K]> };

/**
 * The values of `settings` in force on `date` for the district, and the versions applied ('key@id,…'; null when every
 * value is the shipped default) with their effective dates and reasons (`cited`, from the rows already read): every
 * check cites them.
 */
export async function policyValuesAt<S extends PolicySettings>(
  db: Queryable,
  districtId: string,
  settings: S,
  date: LocalDate,
): Promise<{ values: PolicyValues<S>; versions: string | null; cited: PolicyCitation[] }> {
  const rows = await versionsOf(db, districtId);
  // worked out once per read of the versions, settings and day (the busiest reads ask for the same day all evening)
  let bySettings = resolved.get(rows);
  if (!bySettings) resolved.set(rows, (bySettings = new Map()));
  let byDate = bySettings.get(settings);
  if (!byDate) bySettings.set(settings, (byDate = new Map()));
  let out = byDate.get(date);
  if (!out) {
    const values = {} as Record<string, unknown>;
    const cited: PolicyCitation[] = [];
    for (const [key, setting] of Object.entries(settings)) {
      const row = rows.find((r) => r.key === key && r.effectiveFrom <= date);
      values[key] = row?.value ?? setting.default;
      if (row) cited.push({ key, id: row.id, effectiveFrom: row.effectiveFrom, reason: row.reason });
    }
    out = Object.freeze({ values: Object.freeze(values), versions: cited.length ? cited.map((c) => `${c.key}@${c.id}`).join(',') : null, cited: Object.freeze(cited) as PolicyCitation[] });
    if (byDate.size >= 1000) byDate.clear();
    byDate.set(date, out);
  }
  return out as { values: PolicyValues<S>; versions: string | null; cited: PolicyCitation[] };
}

/** policyValuesAt's answers per read of a district's versions (dropped with it), settings and day; shared, so frozen. */
const resolved = new WeakMap<VersionRow[], Map<PolicySettings, Map<LocalDate, { values: Record<string, unknown>; versions: string | null; cited: PolicyCitation[] }>>>();

const jsonSchemas = new WeakMap<PolicySettings, Map<string, PolicyValueSchema>>();

/**
 * Each setting's value shape as a JSON Schema (the input side of its Zod schema, fields labelled by their
 * descriptions), converted once per process: the settings are static. Refinements across fields (bands in order,
 * codes unique) have no JSON form; the server's check on save still applies them.
 */
export function policyJsonSchemas(settings: PolicySettings): Map<string, PolicyValueSchema> {
  let out = jsonSchemas.get(settings);
  if (!out) {
    out = new Map();
    for (const [key, setting] of Object.entries(settings)) {
      const schema = z.toJSONSchema(setting.schema, { io: 'input', unrepresentable: 'any' }) as PolicyValueSchema;
      delete schema.$schema;
      out.set(key, schema);
    }
    jsonSchemas.set(settings, out);
  }
  return out;
}

export async function listPolicies(ctx: Ctx, settings: PolicySettings, today: LocalDate) {
  requirePermission(ctx, 'policy.read');
  const keys = Object.keys(settings);
  const rows = await ctx.db
    .select({ v: policyVersions, by: users.name })
    .from(policyVersions)
    .leftJoin(users, and(eq(users.districtId, policyVersions.districtId), eq(users.id, policyVersions.createdBy)))
    .where(and(eq(policyVersions.districtId, ctx.user.districtId), inArray(policyVersions.key, keys)))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt));
  const schemas = policyJsonSchemas(settings);
  return keys.map((key) => {
    const versions = rows
      .filter((r) => r.v.key === key)
      .map((r) => ({ id: r.v.id, value: r.v.value, effectiveFrom: r.v.effectiveFrom, reason: r.v.reason, createdAt: r.v.createdAt.toISOString(), createdBy: r.by }));
    return {
      key,
      label: settings[key]!.label,
      default: settings[key]!.default,
      schema: schemas.get(key)!,
      current: versions.find((v) => v.effectiveFrom <= today) ?? null,
      versions,
    };
  });
}

/**
 * 政策变更记录: every version of every registered setting in the district, newest first, each with the value it
 * replaced (the version before it on the setting's timeline, else the shipped default), in one statement.
 */
export async function policyHistory(ctx: Ctx, settings: PolicySettings, today: LocalDate) {
  requirePermission(ctx, 'policy.read');
  const keys = Object.keys(settings);
  const v = policyVersions;
  const rows = await ctx.db
    .select({
      id: v.id,
      key: v.key,
      value: v.value,
      effectiveFrom: v.effectiveFrom,
      reason: v.reason,
      createdAt: v.createdAt,
      by: users.name,
      previous: sql<unknown>`lag(${v.value}) over (partition by ${v.key} order by ${v.effectiveFrom}, ${v.createdAt})`,
      hasPrevious: sql<boolean>`lag(${v.id}) over (partition by ${v.key} order by ${v.effectiveFrom}, ${v.createdAt}) is not null`,
    })
    .from(v)
    .leftJoin(users, and(eq(users.districtId, v.districtId), eq(users.id, v.createdBy)))
    .where(and(eq(v.districtId, ctx.user.districtId), inArray(v.key, keys.length ? keys : [''])))
    .orderBy(desc(v.createdAt), desc(v.effectiveFrom));
  // the version in force today per setting: the latest begun, the later made of one day
  const inForce = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    if (r.effectiveFrom > today) continue;
    const held = inForce.get(r.key);
    if (!held || r.effectiveFrom > held.effectiveFrom || (r.effectiveFrom === held.effectiveFrom && r.createdAt > held.createdAt)) inForce.set(r.key, r);
  }
  const items = rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: settings[r.key]!.label,
    value: r.value,
    previous: r.hasPrevious ? r.previous : settings[r.key]!.default,
    previousIsDefault: !r.hasPrevious,
    effectiveFrom: r.effectiveFrom,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.by,
    status: r.effectiveFrom > today ? ('upcoming' as const) : inForce.get(r.key) === r ? ('in_force' as const) : ('superseded' as const),
  }));
  return { items, today };
}

/** A new version of a setting from a date on; earlier versions stay as the record of what applied when. */
export async function setPolicy(ctx: Ctx, settings: PolicySettings, key: string, input: z.output<typeof PolicyInput>, today: LocalDate) {
  requirePermission(ctx, 'policy.manage');
  requireStepUp(ctx);
  const setting = settings[key];
  if (!setting) throw notFound('设置项');
  const parsed = setting.schema.safeParse(input.value);
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
  await invalidate(ctx.db, 'policy', ctx.user.districtId);
  return (await listPolicies(ctx, settings, today)).find((p) => p.key === key)!;
}

export function forgetPolicyCache() {
  cache.clear();
}
