/**
 * Tenant and scope filtering in one place. A user's grants (one per role assignment or child) say, per dimension of the
 * organisation tree, which keys they reach ('*' = all within the district). A row is visible to a grant when every
 * scope column the table has holds an allowed key; services call `scoped(ctx, table, permission)` for every query, so
 * a missing tenant filter is impossible by construction.
 */
import { type Permission, type Role, roleHas } from '@shuangjian/contracts';
import { and, eq, getTableColumns, inArray, is, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgTable, type PgView } from 'drizzle-orm/pg-core';
import type { Channels } from './channels';
import { forbidden } from './errors';
import type { Db, Queryable, StatementValues } from './db';

export const DIMENSIONS = ['zone', 'school', 'class', 'student', 'institution'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Allowed = '*' | readonly string[];

export interface Grant {
  role: Role;
  districtId: string;
  zone: Allowed;
  school: Allowed;
  class: Allowed;
  student: Allowed;
  institution: Allowed;
  /** Narrow writes, not reads: the subject a teacher or subject leader holds, the grade a grade leader holds. */
  subjectId: string | null;
  grade: number | null;
}

export interface SessionUser {
  id: string;
  districtId: string;
  username: string;
  name: string;
  phone: string | null;
  mustChangePassword: boolean;
  /** The district's time zone: every "today" and local time of the request is taken in it. */
  timeZone: string;
}

/** Who is acting: what the audit log records. */
export interface Actor {
  districtId: string;
  userId: string | null;
  userName: string;
  roles: readonly Role[];
  ip: string | null;
  requestId: string | null;
}

/** A signed-in request's second factor (platform/auth/second-factor.ts reads it in requireStepUp). */
export interface SecondFactorState {
  /** 'code': waiting for the code after the password; 'enrol': may only enrol a factor; 'full': a normal session. */
  stage: 'full' | 'code' | 'enrol';
  enrolled: boolean;
  /** The account's roles need a factor. */
  required: boolean;
  /** A demo account marked exempt, while the server runs in demo mode (never with DEMO=0). */
  exempt: boolean;
  /** When the code was last entered in this session. */
  stepUpAt: Date | null;
}

/** Everything a service needs about the request: database, user, grants. */
export interface Ctx {
  db: Db;
  /**
   * For read-only queries that may be a second or so behind (dashboards, exports): the read replica while it keeps up
   * (platform/replica.ts), else the primary. Never for a write, a read that must see this request's writes, or inside a
   * transaction; inside the request's own transaction (an Idempotency-Key) it is that transaction.
   */
  readDb: Db;
  user: SessionUser;
  roles: readonly Role[];
  grants: readonly Grant[];
  actor: Actor;
  now: () => Date;
  /** The session's second factor: set for signed-in HTTP requests, absent in scheduled jobs and the demo load. */
  secondFactor?: SecondFactorState & { tokenHash: string; stepUpMinutes: number };
  /** Channels outside the platform this server delivers through (notify's outbox rows); none: in-app only. */
  channels: Channels;
  /**
   * The hot path's statements, each a single statement (named prepared statements on PostgreSQL; see Database.prepared).
   * Inside the request's own transaction (a write under an Idempotency-Key) they run on that transaction.
   */
  prepared: <T = Record<string, unknown>>(query: SQL, values?: StatementValues) => Promise<T[]>;
  /** Sessions of other users: drop cached grants after a role change, end them when an account is disabled. */
  sessions: {
    forgetUser(userId: string): Promise<void>;
    revokeUser(districtId: string, userId: string, now: Date, options?: { q?: Queryable }): Promise<void>;
  };
}

/**
 * The ctx a read-only use case (a dashboard, an export) hands to the read functions it calls: their queries go to
 * ctx.readDb, the read replica while it keeps up. Only for functions that never write: a write through it would land on
 * the replica (refused there) or, while the replica is behind, silently outside the caller's transaction.
 */
export function readingCtx(ctx: Ctx): Ctx {
  return ctx.db === ctx.readDb ? ctx : { ...ctx, db: ctx.readDb };
}

type ScopeColumns = { district: PgColumn } & Partial<Record<Dimension, PgColumn>> & {
  /** Columns where NULL means "applies to every key below" (a district-wide calendar entry, say). */
  nullable?: readonly Dimension[];
};

/** Tables, and the views other modules read (their read models), by their scope columns. */
type Scopable = PgTable | PgView;
const registry = new WeakMap<Scopable, ScopeColumns>();

const conventional: Record<Dimension | 'district', string> = {
  district: 'districtId',
  zone: 'zoneId',
  school: 'schoolId',
  class: 'classId',
  student: 'studentId',
  institution: 'institutionId',
};

/** Declares which columns of a table carry the tenant and scope keys when they are not the conventional names. */
export function defineScope<T extends Scopable>(table: T, columns: ScopeColumns): T {
  registry.set(table, columns);
  return table;
}

function scopeColumns(table: Scopable): ScopeColumns {
  const known = registry.get(table);
  if (known) return known;
  if (!is(table, PgTable)) throw new Error('a view needs defineScope before scoped() can filter it');
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const district = columns[conventional.district];
  if (!district) throw new Error(`table has no districtId column and no defineScope: ${String(table)}`);
  const found: ScopeColumns = { district };
  for (const dim of DIMENSIONS) {
    const col = columns[conventional[dim]];
    if (col) found[dim] = col;
  }
  registry.set(table, found);
  return found;
}

function grantsFor(ctx: Pick<Ctx, 'grants'>, permission: Permission): Grant[] {
  return ctx.grants.filter((g) => roleHas(g.role, permission));
}

/** SQL condition: rows of `table` the user may touch under `permission`. Always includes the district key. */
export function scoped(ctx: Pick<Ctx, 'grants' | 'user'>, table: Scopable, permission: Permission): SQL {
  const cols = scopeColumns(table);
  const districtCond = eq(cols.district, ctx.user.districtId);
  const branches: SQL[] = [];
  for (const grant of grantsFor(ctx, permission)) {
    const conds: SQL[] = [];
    let impossible = false;
    for (const dim of DIMENSIONS) {
      const col = cols[dim];
      const allowed = grant[dim];
      if (!col || allowed === '*') continue;
      if (allowed.length === 0 && !cols.nullable?.includes(dim)) {
        impossible = true;
        break;
      }
      const match = allowed.length ? inArray(col, [...allowed]) : undefined;
      const cond = cols.nullable?.includes(dim) ? or(isNull(col), match) : match;
      if (cond) conds.push(cond);
    }
    if (impossible) continue;
    if (conds.length === 0) return districtCond; // a district-wide grant: nothing narrower can add to it
    branches.push(and(...conds) as SQL);
  }
  if (branches.length === 0) return sql`false`;
  return and(districtCond, branches.length === 1 ? branches[0] : or(...branches)) as SQL;
}

/** The scope keys of one row or target, for checks in memory. Missing dimensions are not checked. */
export type ScopeKeys = { districtId: string } & Partial<Record<Dimension, string | null>>;

function grantCovers(grant: Grant, keys: ScopeKeys): boolean {
  if (grant.districtId !== keys.districtId) return false;
  for (const dim of DIMENSIONS) {
    if (!(dim in keys)) continue;
    const allowed = grant[dim];
    if (allowed === '*') continue;
    const value = keys[dim];
    if (value === null || value === undefined) continue; // NULL key = district-wide row, visible below
    if (!allowed.includes(value)) return false;
  }
  return true;
}

/** Grants under `permission` that cover the row; empty when none does. */
export function coveringGrants(ctx: Pick<Ctx, 'grants'>, permission: Permission, keys: ScopeKeys): Grant[] {
  return grantsFor(ctx, permission).filter((g) => grantCovers(g, keys));
}

export function allows(ctx: Pick<Ctx, 'grants'>, permission: Permission, keys: ScopeKeys): boolean {
  return coveringGrants(ctx, permission, keys).length > 0;
}

/** Throws 403 unless some grant of the user carries the permission at all. */
export function requirePermission(ctx: Pick<Ctx, 'grants'>, permission: Permission): void {
  if (grantsFor(ctx, permission).length === 0) throw forbidden();
}

/**
 * Throws unless a grant covers the row. The row was already found through `scoped(…, 'org.read')`, so a refusal
 * here is a 403 (the user sees it but may not change it); a row the user cannot see never reaches this check.
 */
export function requireAllowed(ctx: Pick<Ctx, 'grants'>, permission: Permission, keys: ScopeKeys): void {
  if (!allows(ctx, permission, keys)) throw forbidden();
}

/** True when the user holds `permission` across the whole district (no narrower key). */
export function districtWide(ctx: Pick<Ctx, 'grants'>, permission: Permission): boolean {
  return grantsFor(ctx, permission).some((g) => DIMENSIONS.every((d) => g[d] === '*'));
}

