/** Sign-in, sign-out and password change: lockout after repeated failures, forced change for new accounts. */
import { createHash } from 'node:crypto';
import type { SecondFactorStep } from '@shuangjian/contracts';
import { checkPassword, passwordProblemText, passwordRuleText } from '@shuangjian/policy';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../access';
import { audit } from '../audit';
import type { Config } from '../config';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { users } from '../schema';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './password';
import { isGuessable } from './password-strength';
import { phantomLockouts, secondFactors } from './schema';
import { isExempt, secondFactorRequired, type SessionStore } from './session';

export interface AuthService {
  login(input: { username: string; password: string }, meta: { ip: string | null; userAgent: string | null }): Promise<{
    token: string;
    expiresAt: Date;
    user: typeof users.$inferSelect;
    /** What the sign-in still needs: nothing, the second factor's code, or enrolling a factor first. */
    secondFactor: SecondFactorStep;
  }>;
  logout(ctx: Ctx, tokenHash: string): Promise<void>;
  changePassword(ctx: Ctx, tokenHash: string, input: { currentPassword: string; newPassword: string }): Promise<void>;
}

/** The whole rule for a new password: structure, not the username, not guessable (common lists, the account's words). */
export function assertPasswordRule(password: string, account: { username: string; name?: string }, field = 'newPassword') {
  const check = checkPassword(password, account);
  if (check.ok && isGuessable(password, [account.username, account.name ?? ''])) check.problems.push('common');
  if (check.problems.length)
    throw new AppError(400, 'PASSWORD_RULE', `新密码不符合要求（${check.problems.map((p) => passwordProblemText[p]['zh-CN']).join('、')}）：${passwordRuleText['zh-CN']}`, {
      rule: check.rule,
      field,
      problems: check.problems,
    });
}

/**
 * One more wrong secret (password, or a code of the second factor) for the account; answers the lock's end when this
 * one locked it. Every wrong secret counts toward the same lockout.
 */
export async function recordWrongSecret(
  q: Queryable,
  config: Config,
  sessions: SessionStore,
  user: typeof users.$inferSelect,
  at: Date,
  ip: string | null,
  action = 'auth.login_failed',
): Promise<Date | null> {
  const { attempts, minutes } = config.lockout;
  const lockUntil = new Date(at.getTime() + minutes * 60_000);
  const actor: Actor = { districtId: user.districtId, userId: user.id, userName: user.name, roles: await sessions.rolesOf(user), ip, requestId: null };
  // one atomic statement, so parallel wrong guesses cannot slip past the counter
  const [after] = await q
    .update(users)
    .set({
      failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${attempts} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${attempts} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)))
    .returning({ lockedUntil: users.lockedUntil });
  if (after?.lockedUntil && after.lockedUntil > at) {
    await audit(q, actor, { action: 'auth.locked', entity: 'user', entityId: user.id, after: { lockedUntil: after.lockedUntil } });
    return after.lockedUntil;
  }
  await audit(q, actor, { action, entity: 'user', entityId: user.id });
  return null;
}

/** Relative, so the message needs no time zone and reads the same for every account. */
export const locked = (until: Date, at: Date) =>
  new AppError(423, 'ACCOUNT_LOCKED', `账号因连续输错密码已锁定，请 ${Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 60_000))} 分钟后再试`);
export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');

/**
 * A sign-in name that matches no account fails and locks exactly like a real one, so the answers to a guesser never
 * tell which accounts exist: counted in the database, as a real account's failures are, so every server (and the
 * time a failure takes) agrees. One statement: the lock's end when this failure reaches (or meets) a lock, else null.
 */
async function phantomFailure(db: Db, lockout: Config['lockout'], username: string, at: Date): Promise<Date | null> {
  const t = phantomLockouts;
  const lockEnd = new Date(at.getTime() + lockout.minutes * 60_000);
  const lockedNow = sql`${t.lockedUntil} > ${at}::timestamptz`;
  const reachesLock = sql`${t.failures} + 1 >= ${lockout.attempts}::int`;
  const firstLocks = lockout.attempts <= 1;
  const [row] = await db
    .insert(t)
    .values({ nameHash: createHash('sha256').update(username.toLowerCase()).digest('hex'), failures: firstLocks ? 0 : 1, lockedUntil: firstLocks ? lockEnd : null, updatedAt: at })
    .onConflictDoUpdate({
      target: t.nameHash,
      set: {
        failures: sql`case when ${lockedNow} then ${t.failures} when ${reachesLock} then 0 else ${t.failures} + 1 end`,
        lockedUntil: sql`case when ${lockedNow} then ${t.lockedUntil} when ${reachesLock} then ${lockEnd}::timestamptz else ${t.lockedUntil} end`,
        updatedAt: at,
      },
    })
    .returning({ lockedUntil: t.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > at ? row.lockedUntil : null;
}

export function createAuthService(db: Db, config: Config, sessions: SessionStore, now: () => Date): AuthService {
  const actorOf = async (u: typeof users.$inferSelect, ip: string | null): Promise<Actor> => ({
    districtId: u.districtId,
    userId: u.id,
    userName: u.name,
    roles: await sessions.rolesOf(u),
    ip,
    requestId: null,
  });

  const recordFailure = (q: Queryable, user: typeof users.$inferSelect, at: Date, ip: string | null) => recordWrongSecret(q, config, sessions, user, at, ip);

  return {
    async login({ username, password }, meta) {
      const at = now();
      const [user] = await db
        .select()
        .from(users)
        .where(or(eq(sql`lower(${users.username})`, username.toLowerCase()), eq(users.phone, username)))
        .limit(1);
      if (!user) {
        await verifyPassword(password, UNMATCHABLE_HASH);
        const until = await phantomFailure(db, config.lockout, username, at);
        throw until ? locked(until, at) : invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > at) throw locked(user.lockedUntil, at);
      if (!(await verifyPassword(password, user.passwordHash))) {
        const until = await recordFailure(db, user, at, meta.ip);
        throw until ? locked(until, at) : invalidCredentials();
      }
      if (user.status !== 'active') throw new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
      const actor = await actorOf(user, meta.ip);
      const [factor] = await db
        .select()
        .from(secondFactors)
        .where(and(eq(secondFactors.districtId, user.districtId), eq(secondFactors.userId, user.id)));
      if (factor?.enabledAt) {
        // the password is right, the code is still awaited: the counter of wrong secrets is kept until the code is right,
        // so a guesser who knows the password cannot reset it by signing in again
        const session = await sessions.create(user, meta, at, { stage: 'code' });
        await audit(db, actor, { action: 'auth.password_ok', entity: 'user', entityId: user.id });
        return { ...session, user, secondFactor: 'code' as const };
      }
      const enrol = secondFactorRequired(actor.roles) && !isExempt(factor, config);
      await db
        .update(users)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
        .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
      const session = await sessions.create(user, meta, at, enrol ? { stage: 'enrol' } : undefined);
      await audit(db, actor, { action: 'auth.login', entity: 'user', entityId: user.id, after: enrol ? { secondFactor: 'enrolment required' } : undefined });
      return { ...session, user, secondFactor: enrol ? ('enrol' as const) : ('none' as const) };
    },

    async logout(ctx, tokenHash) {
      await sessions.revoke(tokenHash, now(), ctx.db);
      await audit(ctx.db, ctx.actor, { action: 'auth.logout', entity: 'user', entityId: ctx.user.id });
    },

    async changePassword(ctx, tokenHash, { currentPassword, newPassword }) {
      const [user] = await ctx.db
        .select()
        .from(users)
        .where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, ctx.user.id)));
      if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        // a guess at the current password from a signed-in session counts like a wrong sign-in; the lock ends the sessions
        const until = await recordFailure(ctx.db, user, now(), ctx.actor.ip);
        if (until) {
          await sessions.revokeUser(user.districtId, user.id, now(), { q: ctx.db });
          throw locked(until, now());
        }
        throw new AppError(400, 'VALIDATION', '当前密码（currentPassword）：不正确', { fields: [{ field: 'currentPassword', message: '不正确' }] });
      }
      assertPasswordRule(newPassword, user);
      if (newPassword === currentPassword)
        throw new AppError(400, 'PASSWORD_RULE', '新密码不能与当前密码相同', { field: 'newPassword' });
      const at = now();
      const passwordHash = await hashPassword(newPassword);
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: at })
          .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await audit(tx, ctx.actor, { action: 'auth.password_changed', entity: 'user', entityId: user.id });
        await sessions.revokeUser(user.districtId, user.id, at, { keepTokenHash: tokenHash, q: tx });
      });
      await sessions.forgetUser(user.id);
    },
  };
}
