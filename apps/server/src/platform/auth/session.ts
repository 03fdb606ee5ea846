/**
 * Server-side sessions. The cookie carries a random token; the database keeps its SHA-256, so a leaked table does not
 * sign anyone in. Resolved sessions are cached in memory for a few seconds: one database round trip per request goes
 * to the request's own work, not to re-reading the session.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type Role, SECOND_FACTOR_ROLES } from '@shuangjian/contracts';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Grant, SecondFactorState, SessionUser } from '../access';
import type { Config } from '../config';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { invalidate, onInvalidate } from '../invalidation';
import { districts, sessions, users } from '../schema';
import { secondFactors, sessionFactors } from './schema';

export const SESSION_COOKIE = 'sj_session';

export interface SessionState {
  tokenHash: string;
  user: SessionUser;
  grants: Grant[];
  roles: Role[];
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  secondFactor: SecondFactorState;
}

/** Expands a user into grants: supplied by the organisation module, which owns role assignments. */
export type GrantResolver = (db: Db, user: Pick<SessionUser, 'id' | 'districtId'>) => Promise<Grant[]>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The statements behind a session's load and its minutely touch, prepared once per store: built once, and on PostgreSQL
 * named, so each connection parses and plans them once. Every signed-in user's session is loaded again when its cache
 * entry is older than `session.cacheMs`: unprepared, that reload cost more than the request it served (the session's
 * five-table join was planned again every time).
 */
function sessionStatements(db: Db) {
  return {
    load: db
      .select({ session: sessions, user: users, timeZone: districts.timezone, factor: sessionFactors, account: secondFactors })
      .from(sessions)
      .innerJoin(users, and(eq(users.districtId, sessions.districtId), eq(users.id, sessions.userId)))
      .innerJoin(districts, eq(districts.id, sessions.districtId))
      .leftJoin(sessionFactors, eq(sessionFactors.tokenHash, sessions.tokenHash))
      .leftJoin(secondFactors, and(eq(secondFactors.districtId, sessions.districtId), eq(secondFactors.userId, sessions.userId)))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt)))
      .limit(1)
      .prepare('session_load'),
    touch: db
      .update(sessions)
      .set({ lastSeenAt: sql.placeholder('at') as unknown as Date })
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare('session_touch'),
  };
}

export class SessionStore {
  private cache = new Map<string, { state: SessionState; loadedAt: number }>();
  private readonly statements: ReturnType<typeof sessionStatements>;
  /** Drops of this store's cache announced by other server processes (platform/invalidation.ts). */
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly resolveGrants: GrantResolver,
  ) {
    this.statements = sessionStatements(db);
    this.unsubscribe = [
      onInvalidate('session.user', (userId) => this.dropWhere((s) => userId === null || s.user.id === userId)),
      onInvalidate('session.token', (tokenHash) => this.dropWhere((s) => tokenHash === null || s.tokenHash === tokenHash)),
    ];
  }

  /** Stops following other processes' drops (the app closes). */
  dispose() {
    for (const u of this.unsubscribe) u();
  }

  private dropWhere(match: (state: SessionState) => boolean) {
    for (const [token, entry] of this.cache) if (match(entry.state)) this.cache.delete(token);
  }

  async create(
    user: { id: string; districtId: string },
    meta: { ip: string | null; userAgent: string | null },
    now: Date,
    factor?: { stage: 'full' | 'code' | 'enrol'; stepUpAt?: Date | null },
    q: Queryable = this.db,
  ) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.session.absoluteHours * 3_600_000);
    await q.insert(sessions).values({
      tokenHash: hashToken(token),
      districtId: user.districtId,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    if (factor) await q.insert(sessionFactors).values({ tokenHash: hashToken(token), stage: factor.stage, stepUpAt: factor.stepUpAt ?? null });
    return { token, expiresAt };
  }

  /**
   * The session for a token when memory answers for it with nothing to write: loaded within `session.cacheMs`, neither
   * idle nor expired, its last touch recent. Else undefined, and `resolve` decides (load, touch or refuse).
   */
  cached(token: string | undefined, now: Date): SessionState | undefined {
    const entry = token === undefined ? undefined : this.cache.get(token);
    if (!entry) return undefined;
    const at = now.getTime();
    const state = entry.state;
    if (at - entry.loadedAt > this.config.session.cacheMs || now >= state.expiresAt || at - state.lastSeenAt.getTime() > this.config.session.touchMs) return undefined;
    return state;
  }

  /** The live session for a token, or a 401 saying why there is none. */
  async resolve(token: string | undefined, now: Date): Promise<SessionState> {
    if (!token) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    // the cache is keyed by the token itself (process memory only), so a hit costs no hashing
    let cached = this.cache.get(token);
    if (!cached || now.getTime() - cached.loadedAt > this.config.session.cacheMs) {
      cached = { state: await this.load(hashToken(token)), loadedAt: now.getTime() };
      this.remember(token, cached);
    }
    const state = cached.state;
    const tokenHash = state.tokenHash;
    const idleMs = this.config.session.idleMinutes * 60_000;
    if (now >= state.expiresAt || now.getTime() - state.lastSeenAt.getTime() > idleMs) {
      await this.revoke(tokenHash, now);
      throw new AppError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    if (now.getTime() - state.lastSeenAt.getTime() > this.config.session.touchMs) {
      state.lastSeenAt = now;
      await this.statements.touch.execute({ at: now, tokenHash });
    }
    return state;
  }

  private async load(tokenHash: string): Promise<SessionState> {
    const [row] = await this.statements.load.execute({ tokenHash });
    if (!row || row.user.status !== 'active') throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    const user: SessionUser = {
      id: row.user.id,
      districtId: row.user.districtId,
      username: row.user.username,
      name: row.user.name,
      phone: row.user.phone,
      mustChangePassword: row.user.mustChangePassword,
      timeZone: row.timeZone,
    };
    const grants = await this.resolveGrants(this.db, user);
    const roles = [...new Set(grants.map((g) => g.role))];
    return {
      tokenHash,
      user,
      grants,
      roles,
      secondFactor: {
        stage: row.factor?.stage ?? 'full',
        enrolled: !!row.account?.enabledAt,
        required: secondFactorRequired(roles),
        exempt: isExempt(row.account, this.config),
        stepUpAt: row.factor?.stepUpAt ?? null,
      },
      createdAt: row.session.createdAt,
      lastSeenAt: row.session.lastSeenAt,
      expiresAt: row.session.expiresAt,
    };
  }

  private remember(token: string, entry: { state: SessionState; loadedAt: number }) {
    if (this.cache.size >= 50_000) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(token, entry);
  }

  async revoke(tokenHash: string, now: Date, q: Queryable = this.db) {
    await q.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    await invalidate(q, 'session.token', tokenHash);
  }

  /**
   * Ends every session of a user but one (password change) or all of them (account disabled). `q`: the request's
   * transaction when it has one, so the revocation commits (or not) with the change that caused it.
   */
  async revokeUser(districtId: string, userId: string, now: Date, options: { keepTokenHash?: string; q?: Queryable } = {}) {
    const { keepTokenHash, q = this.db } = options;
    await q
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.districtId, districtId),
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined,
        ),
      );
    // the kept session is dropped too: it reloads as it now is
    await invalidate(q, 'session.user', userId);
  }
  /** Roles of a user, for the audit entries of sign-in (before any session exists). */
  async rolesOf(user: Pick<SessionUser, 'id' | 'districtId'>): Promise<Role[]> {
    return [...new Set((await this.resolveGrants(this.db, user)).map((g) => g.role))];
  }

  /** Moves a session to another sign-in stage and/or records a step-up (the code entered now). */
  async setFactor(tokenHash: string, factor: { stage: 'full' | 'code' | 'enrol'; stepUpAt: Date | null }, q: Queryable = this.db) {
    await q
      .insert(sessionFactors)
      .values({ tokenHash, ...factor })
      .onConflictDoUpdate({ target: sessionFactors.tokenHash, set: factor });
    await invalidate(q, 'session.token', tokenHash);
  }

  /**
   * Forget cached grants after a role or guardian change, so the next request reloads them, here and on every other
   * server (`q`: the change's transaction when it has one).
   */
  async forgetUser(userId: string, q: Queryable = this.db) {
    await invalidate(q, 'session.user', userId);
  }

}

/** The account's roles need a second factor. */
export const secondFactorRequired = (roles: readonly Role[]) => roles.some((r) => SECOND_FACTOR_ROLES.includes(r));

/**
 * The demo exemption: the demo seed marks its accounts, and the mark counts only while the server runs in demo mode.
 * With DEMO=0 no account is exempt, whatever the table says.
 */
export const isExempt = (account: { exempt: boolean } | null | undefined, config: Pick<Config, 'demo'>) => config.demo && !!account?.exempt;
