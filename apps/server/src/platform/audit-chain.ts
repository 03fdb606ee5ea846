/**
 * The audit log's hash chain, per district: chaining the rows writers left unchained, verifying every chain (live and
 * archive), moving rows past retention to the archive.
 *
 * Writers never wait for the chain: they insert rows unchained (hash null), in their own transactions, at any rate.
 * The chaining step takes a district's unchained rows in id order under a per-district advisory lock and gives each
 * its seq (1, 2, … in the district), prev_hash (the previous row's hash) and hash, through the owner's
 * audit_log_set_chain function; from then on a trigger refuses any change of the row. A row written but not yet
 * chained (the scheduler chains every few seconds, and verification and export chain first) is protected only by the
 * append-only trigger, not yet by the chain.
 */
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, pgArray, type Queryable, rowsOf } from './db';
import { auditChainStatus } from './schema';
import type { ScheduledJob } from './scheduler';

/** prev_hash of a district's first row. */
export const GENESIS = '0'.repeat(64);
const CHAIN_BATCH = 1000;
const ARCHIVE_BATCH = 5000;

/** One audit row as the chain sees it: `at` as text to the microsecond, exactly as stored. */
export interface ChainRow {
  district_id: string;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  actor_roles: string[];
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** JSON with object keys sorted at every depth: the same value always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 (hex) of the row's canonical serialisation: a JSON array of district, seq, previous hash, time, actor (id,
 * name, roles), action, entity, entity id, before, after, ip and request id.
 */
export function rowHash(row: ChainRow, seq: number, prevHash: string): string {
  const fields = [
    row.district_id,
    seq,
    prevHash,
    row.at,
    row.actor_id,
    row.actor_name,
    row.actor_roles,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
    row.ip,
    row.request_id,
  ];
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

const COLUMNS = sql.raw(`district_id, id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, actor_id, actor_name,
  actor_roles, action, entity, entity_id, before, after, ip, request_id, seq::text as seq, prev_hash, hash`);

const RAW = sql.raw('district_id, id, at, actor_id, actor_name, actor_roles, action, entity, entity_id, before, after, ip, request_id, seq, prev_hash, hash');

/** Live and archived chained rows of a district together, each side read along its (district_id, seq) index. */
const BOTH = (districtId: string) =>
  sql`(select ${RAW} from audit_log where district_id = ${districtId} and seq is not null
    union all select ${RAW} from audit_log_archive where district_id = ${districtId} and seq is not null) r`;

async function head(q: Queryable, districtId: string): Promise<{ seq: number; hash: string }> {
  const [row] = await rowsOf<{ seq: string; hash: string }>(
    q,
    sql`select seq::text as seq, hash from (
      (select seq, hash from audit_log where district_id = ${districtId} and seq is not null order by seq desc limit 1)
      union all (select seq, hash from audit_log_archive where district_id = ${districtId} and seq is not null order by seq desc limit 1)
    ) h order by h.seq desc limit 1`,
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS };
}

/** A number for the district's advisory lock (two districts may share one: they only wait, never go wrong). */
const lockKey = (districtId: string): SQL => sql`hashtextextended(${`audit-chain:${districtId}`}, 0)`;

/** Chains the district's unchained rows, oldest id first, in batches of 1,000; returns how many were chained. */
export async function chainDistrict(db: Db, districtId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(districtId)})`);
      const rows = await rowsOf<ChainRow>(
        tx,
        sql`select ${COLUMNS} from audit_log where district_id = ${districtId} and hash is null order by audit_log.id limit ${CHAIN_BATCH}`,
      );
      if (!rows.length) return 0;
      let { seq, hash: prev } = await head(tx, districtId);
      const ids: string[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1;
        const hash = rowHash(row, seq, prev);
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      const [done] = await rowsOf<{ n: number }>(
        tx,
        sql`select audit_log_set_chain(${districtId}::uuid, ${pgArray(ids)}::bigint[], ${pgArray(seqs)}::bigint[], ${pgArray(prevs)}::text[], ${pgArray(hashes)}::text[]) as n`,
      );
      if (Number(done!.n) !== rows.length) throw new Error(`audit chain of district ${districtId}: ${rows.length} rows read, ${done!.n} chained`);
      return rows.length;
    });
    total += n;
    if (n < CHAIN_BATCH) return total;
  }
}

async function districtIds(db: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`select id from districts order by code`);
  return rows.map((r) => r.id);
}

/** Chains every district (the scheduler's job). */
export async function chainAll(db: Db): Promise<number> {
  let n = 0;
  for (const id of await districtIds(db)) n += await chainDistrict(db, id);
  return n;
}

export type ChainFaultKind = 'altered' | 'inserted' | 'missing' | 'unlinked';

export interface ChainFault {
  kind: ChainFaultKind;
  /** The seq where the fault shows (for `missing`, the first absent seq). */
  seq: number;
  /** The row's id (absent for `missing`). */
  id?: string;
  /** For `missing`: how many seqs in a row are absent. */
  count?: number;
}

export interface DistrictVerification {
  districtId: string;
  districtName: string;
  liveRows: number;
  archivedRows: number;
  /** Rows written but not yet chained when the check ran. */
  unchained: number;
  headSeq: number;
  headHash: string;
  faults: ChainFault[];
  firstBadSeq: number | null;
}

const MAX_FAULTS = 1000;

/**
 * Recomputes the district's chain over live and archived rows in seq order. A row whose hash does not match its
 * content is altered; a seq seen twice is an inserted row (the copy that does not fit the chain); a seq never seen
 * is a missing row; a row whose prev_hash is not its predecessor's hash is unlinked (a row inserted or removed before
 * it).
 */
export async function verifyDistrict(db: Queryable, districtId: string): Promise<DistrictVerification> {
  const [d] = await rowsOf<{ name: string; live: number; archived: number; unchained: number }>(
    db,
    sql`select name, (select count(*)::int from audit_log where district_id = ${districtId}) as live,
      (select count(*)::int from audit_log_archive where district_id = ${districtId}) as archived,
      (select count(*)::int from audit_log where district_id = ${districtId} and hash is null) as unchained
      from districts where id = ${districtId}`,
  );
  const faults: ChainFault[] = [];
  const add = (f: ChainFault) => {
    if (faults.length < MAX_FAULTS) faults.push(f);
  };
  const [recorded] = await rowsOf<{ head_seq: string | null; head_hash: string | null }>(
    db,
    sql`select head_seq::text as head_seq, head_hash from audit_chain_status where district_id = ${districtId}`,
  );
  const recordedSeq = recorded?.head_seq ? Number(recorded.head_seq) : 0;
  let expected = 1;
  let prevHash = GENESIS;
  // the hash before the last accepted row, and the fault it drew: a later copy of the same seq that fits takes its place
  let accepted: { row: ChainRow; before: string; fault: ChainFault | null } | null = null;
  let after: { seq: string; id: string } | null = null;
  for (;;) {
    const rows: ChainRow[] = await rowsOf<ChainRow>(
      db,
      sql`select ${COLUMNS} from ${BOTH(districtId)}
        ${after ? sql`where (r.seq, r.id) > (${after.seq}::bigint, ${after.id}::bigint)` : sql``}
        order by r.seq, r.id limit 5000`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const consistent = row.hash === rowHash(row, seq, row.prev_hash ?? '');
      if (accepted && seq === expected - 1) {
        // a second row with a seq already seen: whichever of the two does not fit is the inserted one
        const fits = consistent && row.prev_hash === accepted.before;
        if (fits && accepted.fault) {
          faults.splice(faults.indexOf(accepted.fault), 1);
          add({ kind: 'inserted', seq, id: accepted.row.id });
          accepted = { row, before: accepted.before, fault: null };
          prevHash = row.hash ?? '';
        } else add({ kind: 'inserted', seq, id: row.id });
        continue;
      }
      if (seq > expected) add({ kind: 'missing', seq: expected, count: seq - expected });
      let fault: ChainFault | null = null;
      if (!consistent) fault = { kind: 'altered', seq, id: row.id };
      else if (seq === expected && row.prev_hash !== prevHash) fault = { kind: 'unlinked', seq, id: row.id };
      if (fault) add(fault);
      accepted = { row, before: prevHash, fault };
      prevHash = row.hash ?? '';
      expected = seq + 1;
    }
    if (rows.length < 5000) break;
    const last: ChainRow = rows[rows.length - 1]!;
    after = { seq: last.seq!, id: last.id };
  }
  const lastSeq = expected - 1;
  // rows removed from the end leave no gap: the head recorded by the last verification still shows them
  if (recordedSeq > lastSeq) add({ kind: 'missing', seq: lastSeq + 1, count: recordedSeq - lastSeq });
  else if (recorded?.head_hash && recordedSeq > 0) {
    const [atRecorded] = await rowsOf<{ hash: string }>(db, sql`select r.hash from ${BOTH(districtId)} where r.seq = ${recordedSeq} order by r.id limit 1`);
    if (atRecorded && atRecorded.hash !== recorded.head_hash && !faults.some((f) => f.seq <= recordedSeq)) add({ kind: 'altered', seq: recordedSeq });
  }
  const firstBadSeq = faults.length ? Math.min(...faults.map((f) => f.seq)) : null;
  return {
    districtId,
    districtName: d?.name ?? districtId,
    liveRows: d?.live ?? 0,
    archivedRows: d?.archived ?? 0,
    unchained: d?.unchained ?? 0,
    headSeq: lastSeq,
    headHash: lastSeq ? prevHash : GENESIS,
    faults,
    firstBadSeq,
  };
}

/** Verifies a district and records the outcome for the auditor's status card. */
export async function verifyAndRecord(db: Db, districtId: string, now: Date): Promise<DistrictVerification> {
  const v = await verifyDistrict(db, districtId);
  const ok = v.faults.length === 0;
  const row = {
    verifiedAt: now,
    ok,
    rowsChecked: v.liveRows + v.archivedRows - v.unchained,
    faults: v.faults.length,
    firstBadSeq: v.firstBadSeq,
    // the head is remembered only from a whole chain, so a later check sees rows cut from its end
    ...(ok ? { headSeq: v.headSeq, headHash: v.headHash } : {}),
  };
  await db
    .insert(auditChainStatus)
    .values({ districtId, ...row })
    .onConflictDoUpdate({ target: auditChainStatus.districtId, set: row });
  return v;
}

/** Chains, then verifies every district (npm run audit:verify). */
export async function verifyAll(db: Db, now: Date): Promise<DistrictVerification[]> {
  const out: DistrictVerification[] = [];
  for (const id of await districtIds(db)) {
    await chainDistrict(db, id);
    out.push(await verifyAndRecord(db, id, now));
  }
  return out;
}

/** Moves the district's chained rows older than `retentionDays` to the archive, in batches; returns how many moved. */
export async function archiveDistrict(db: Db, districtId: string, retentionDays: number, now: Date): Promise<number> {
  if (retentionDays < 180) throw new Error(`audit retention of ${retentionDays} days refused: at least 180`);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const [row] = await rowsOf<{ n: number }>(db, sql`select audit_log_archive_before(${districtId}::uuid, ${cutoff.toISOString()}::timestamptz, ${ARCHIVE_BATCH}) as n`);
    const n = Number(row!.n);
    total += n;
    if (n < ARCHIVE_BATCH) return total;
  }
}

export async function archiveAll(db: Db, retentionDays: number, now: Date): Promise<number> {
  let n = 0;
  for (const id of await districtIds(db)) {
    await chainDistrict(db, id);
    n += await archiveDistrict(db, id, retentionDays, now);
  }
  return n;
}

/** Chains what writers left unchained, every 5 seconds: the window in which a new row is not yet in the chain. */
export const auditChainJob = (): ScheduledJob => ({ name: 'audit.chain', everyMs: 5_000, run: (deps) => chainAll(deps.db) });

/** Moves rows past retention to the archive, hourly. */
export const auditArchiveJob = (retentionDays: number): ScheduledJob => ({
  name: 'audit.archive',
  everyMs: 60 * 60_000,
  run: (deps) => archiveAll(deps.db, retentionDays, deps.now()),
});
