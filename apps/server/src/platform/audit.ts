/** The audit log: writing entries (who, when, what entity, before and after, sensitive fields masked) and searching them. */
import { AUDIT_EXPORT_MAX_ROWS, type AuditExportQuery, type AuditQuery, auditActionLabels, auditChainFaultLabels, auditEntityLabels, auditEntityName } from '@shuangjian/contracts';
import { addDays, maskPhone, maskPhonesIn } from '@shuangjian/policy';
import { and, count, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, type Ctx, requirePermission, scoped } from './access';
import { chainDistrict, type ChainRow, GENESIS, rowHash, verifyAndRecord } from './audit-chain';
import { atOnce, type Queryable, rowsOf } from './db';
import { buildWorkbook } from './excel';
import { invalid, notFound } from './errors';
import { auditChainStatus, auditLog } from './schema';

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
  const [rows, [{ total } = { total: 0 }]] = await atOnce(ctx.db,
    () => ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    () => ctx.db.select({ total: count() }).from(auditLog).where(where),
  );
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
      entityName: auditEntityName(r.before, r.after),
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
      seq: r.seq,
    })),
  };
}

/** The district's chain for the auditor's status card: rows chained and waiting, and the last verification. */
export async function auditChainState(ctx: Ctx, retentionDays: number) {
  requirePermission(ctx, 'audit.read');
  const d = ctx.user.districtId;
  const [counts] = await rowsOf<{ chained: number; unchained: number; archived: number; head: string | null; oldest: Date | string | null }>(
    ctx.db,
    sql`select (select count(*)::int from audit_log where district_id = ${d} and hash is not null) as chained,
      (select count(*)::int from audit_log where district_id = ${d} and hash is null) as unchained,
      (select count(*)::int from audit_log_archive where district_id = ${d}) as archived,
      greatest((select max(seq) from audit_log where district_id = ${d}), (select max(seq) from audit_log_archive where district_id = ${d}))::text as head,
      (select min(at) from audit_log where district_id = ${d} and hash is null) as oldest`,
  );
  const [last] = await ctx.db.select().from(auditChainStatus).where(eq(auditChainStatus.districtId, d));
  return {
    chained: counts!.chained,
    unchained: counts!.unchained,
    archived: counts!.archived,
    headSeq: Number(counts!.head ?? 0),
    oldestUnchainedAt: counts!.oldest ? new Date(counts!.oldest).toISOString() : null,
    retentionDays,
    lastVerified: last ? { at: last.verifiedAt.toISOString(), ok: last.ok, rowsChecked: last.rowsChecked, faults: last.faults, firstBadSeq: last.firstBadSeq } : null,
  };
}

/** The auditor checks the district's chain now: what is waiting is chained first, then every row is recomputed. */
export async function verifyAuditChain(ctx: Ctx, retentionDays: number) {
  requirePermission(ctx, 'audit.read');
  const d = ctx.user.districtId;
  await chainDistrict(ctx.db, d);
  const v = await verifyAndRecord(ctx.db, d, ctx.now());
  await audit(ctx.db, ctx.actor, {
    action: 'audit.verify',
    entity: 'audit_log',
    after: { ok: v.faults.length === 0, rowsChecked: v.liveRows + v.archivedRows - v.unchained, headSeq: v.headSeq, faults: v.faults.length, firstBadSeq: v.firstBadSeq },
  });
  return { status: await auditChainState(ctx, retentionDays), faults: v.faults.slice(0, 100) };
}

const EXPORT_COLUMNS = sql.raw(`district_id, id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, actor_id, actor_name,
  actor_roles, action, entity, entity_id, before, after, ip, request_id, seq::text as seq, prev_hash, hash`);

/**
 * The rows of whole days (the district's), as a spreadsheet with the chain's proof: the export is the unbroken seq
 * span from the first to the last row written in those days (a row written in a transaction that began just before
 * `from` may sit inside it), so a later check can show the range whole: its count, the first row's prev_hash and the
 * last row's hash against the chain.
 */
export async function exportAudit(ctx: Ctx, q: z.output<typeof AuditExportQuery>) {
  requirePermission(ctx, 'audit.read');
  if (q.to < q.from) throw invalid('to', '结束日期', '不能早于开始日期');
  const d = ctx.user.districtId;
  const tz = ctx.user.timeZone;
  await chainDistrict(ctx.db, d);
  const both = sql`(select * from audit_log where district_id = ${d} and seq is not null union all select * from audit_log_archive where district_id = ${d} and seq is not null) r`;
  const [span] = await rowsOf<{ first: string | null; last: string | null }>(
    ctx.db,
    sql`select min(seq)::text as first, max(seq)::text as last from ${both}
      where at >= (${q.from}::date)::timestamp at time zone ${tz} and at < (${addDays(q.to, 1)}::date)::timestamp at time zone ${tz}`,
  );
  if (!span?.first || !span.last) throw notFound(`${q.from} 至 ${q.to} 的审计记录`);
  const first = Number(span.first);
  const last = Number(span.last);
  if (last - first + 1 > AUDIT_EXPORT_MAX_ROWS) throw invalid('to', '结束日期', `范围内有 ${last - first + 1} 条记录，一次最多导出 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩短日期范围`);
  const rows = await rowsOf<ChainRow>(ctx.db, sql`select ${EXPORT_COLUMNS} from ${both} where seq between ${first} and ${last} order by r.seq, r.id`);
  // the file proves itself: each row's hash recomputed, each prev_hash the previous row's hash, no seq missing
  let broken: string | null = null;
  rows.forEach((r, i) => {
    if (broken) return;
    const seq = Number(r.seq);
    if (seq !== first + i) broken = `序号 ${first + i} ${seq > first + i ? auditChainFaultLabels.missing : auditChainFaultLabels.inserted}`;
    else if (r.hash !== rowHash(r, seq, r.prev_hash ?? '')) broken = `序号 ${seq} ${auditChainFaultLabels.altered}`;
    else if (i > 0 && r.prev_hash !== rows[i - 1]!.hash) broken = `序号 ${seq} ${auditChainFaultLabels.unlinked}`;
  });
  const local = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: tz, hour12: false });
  const buffer = await buildWorkbook({
    name: '审计日志',
    columns: [
      { header: '序号', key: 'seq', width: 10 },
      { header: '时间', key: 'time', width: 20 },
      { header: '操作人', key: 'actor', width: 14 },
      { header: '操作', key: 'actionLabel', width: 22 },
      { header: '对象', key: 'entityLabel', width: 14 },
      { header: '对象名称', key: 'entityName', width: 20 },
      { header: 'IP 地址', key: 'ip', width: 16 },
      { header: '操作代码', key: 'action', width: 28 },
      { header: '对象代码', key: 'entity', width: 18 },
      { header: '对象编号', key: 'entityId', width: 38 },
      { header: '变更前', key: 'before', width: 40 },
      { header: '变更后', key: 'after', width: 40 },
      { header: '时间（UTC，微秒）', key: 'at', width: 30 },
      { header: '操作人编号', key: 'actorId', width: 38 },
      { header: '操作人角色', key: 'actorRoles', width: 20 },
      { header: '请求编号', key: 'requestId', width: 20 },
      { header: '前一条哈希', key: 'prevHash', width: 66 },
      { header: '本条哈希', key: 'hash', width: 66 },
    ],
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      time: local(r.at),
      actor: r.actor_name,
      actionLabel: auditActionLabels[r.action] ?? r.action,
      entityLabel: auditEntityLabels[r.entity] ?? r.entity,
      entityName: auditEntityName(r.before, r.after),
      ip: r.ip,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before === null ? null : JSON.stringify(r.before),
      after: r.after === null ? null : JSON.stringify(r.after),
      at: r.at,
      actorId: r.actor_id,
      actorRoles: r.actor_roles.join(','),
      requestId: r.request_id,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    instructionsName: '链证明',
    instructions: [
      `区县编号：${d}`,
      `日期范围：${q.from} 至 ${q.to}（${tz}）`,
      `序号范围：${first} – ${last}`,
      `记录条数：${rows.length}`,
      `首条的前一条哈希（prev_hash）：${rows[0]!.prev_hash}${rows[0]!.prev_hash === GENESIS ? '（链的起点）' : ''}`,
      `末条哈希（hash）：${rows[rows.length - 1]!.hash}`,
      `本文件内链条完整：${broken ? `否（${broken}，请运行 npm run audit:verify）` : '是'}`,
      `导出时间：${ctx.now().toISOString()}，导出人：${ctx.user.name}`,
      '证明方法：每条的哈希 = sha256(JSON[区县编号, 序号, 前一条哈希, 时间（UTC，微秒）, 操作人编号, 操作人, 操作人角色, 操作代码, 对象代码, 对象编号, 变更前, 变更后, IP 地址, 请求编号])，JSON 的对象键按字典序；每条的“前一条哈希”等于上一条的“本条哈希”。',
      '日后核对：npm run audit:verify 校验整条链；链中序号 ' + `${first} 的 prev_hash 与序号 ${last} 的 hash 与本页一致、其间恰有 ${rows.length} 条，即证明本范围完整未改。`,
    ],
  });
  await audit(ctx.db, ctx.actor, { action: 'audit.export', entity: 'audit_log', after: { from: q.from, to: q.to, firstSeq: first, lastSeq: last, count: rows.length, lastHash: rows[rows.length - 1]!.hash } });
  return { buffer, fileName: `审计日志_${q.from}_${q.to}.xlsx` };
}
