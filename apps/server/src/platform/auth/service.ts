/** Sign-in, sign-out and password change: lockout after repeated failures, forced change for new accounts. */
import { checkPassword, passwordRuleText } from '@shuangjian/policy';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../access';
import { audit } from '../audit';
import type { Config } from '../config';
import type { Db } from '../db';
import { AppError } from '../errors';
import { users } from '../schema';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './password';
import type { SessionStore } from './session';

export interface AuthService {
  login(input: { username: string; password: string }, meta: { ip: string | null; userAgent: string | null }): Promise<{
    token: string;
    expiresAt: Date;
    user: typeof users.$inferSelect;
  }>;
  logout(ctx: Ctx, tokenHash: string): Promise<void>;
  changePassword(ctx: Ctx, tokenHash: string, input: { currentPassword: string; newPassword: string }): Promise<void>;
}

export function assertPasswordRule(password: string, field = 'newPassword') {
  const check = checkPassword(password);
  if (!check.ok)
    throw new AppError(400, 'PASSWORD_RULE', `新密码不符合要求：${passwordRuleText['zh-CN']}`, {
      rule: check.rule,
      field,
      problems: check.problems,
    });
}

const lockedMessage = (until: Date) =>
  `账号因连续输错密码已锁定，请于 ${until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 后再试`;

export function createAuthService(db: Db, config: Config, sessions: SessionStore, now: () => Date): AuthService {
  const actorOf = async (u: typeof users.$inferSelect, ip: string | null): Promise<Actor> => ({
    districtId: u.districtId,
    userId: u.id,
    userName: u.name,
    roles: await sessions.rolesOf({ id: u.id, districtId: u.districtId, username: u.username, name: u.name, phone: u.phone, mustChangePassword: u.mustChangePassword }),
    ip,
    requestId: null,
  });

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
        throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
      }
      if (user.lockedUntil && user.lockedUntil > at) {
        throw new AppError(423, 'ACCOUNT_LOCKED', lockedMessage(user.lockedUntil), { lockedUntil: user.lockedUntil.toISOString() });
      }
      if (!(await verifyPassword(password, user.passwordHash))) {
        const { attempts, minutes } = config.lockout;
        const lockUntil = new Date(at.getTime() + minutes * 60_000);
        // one atomic statement, so parallel wrong guesses cannot slip past the counter
        const [after] = await db
          .update(users)
          .set({
            failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${attempts} then 0 else ${users.failedAttempts} + 1 end`,
            lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${attempts} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
          })
          .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)))
          .returning({ lockedUntil: users.lockedUntil, failedAttempts: users.failedAttempts });
        if (after?.lockedUntil && after.lockedUntil > at) {
          await audit(db, await actorOf(user, meta.ip), { action: 'auth.locked', entity: 'user', entityId: user.id, after: { lockedUntil: after.lockedUntil } });
          throw new AppError(423, 'ACCOUNT_LOCKED', lockedMessage(after.lockedUntil), { lockedUntil: after.lockedUntil.toISOString() });
        }
        await audit(db, await actorOf(user, meta.ip), { action: 'auth.login_failed', entity: 'user', entityId: user.id });
        throw new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', {
          remainingAttempts: attempts - (after?.failedAttempts ?? 0),
        });
      }
      if (user.status !== 'active') throw new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
      await db
        .update(users)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
        .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
      const session = await sessions.create(user, meta, at);
      await audit(db, await actorOf(user, meta.ip), { action: 'auth.login', entity: 'user', entityId: user.id });
      return { ...session, user };
    },

    async logout(ctx, tokenHash) {
      await sessions.revoke(tokenHash, now());
      await audit(ctx.db, ctx.actor, { action: 'auth.logout', entity: 'user', entityId: ctx.user.id });
    },

    async changePassword(ctx, tokenHash, { currentPassword, newPassword }) {
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, ctx.user.id)));
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash)))
        throw new AppError(400, 'VALIDATION', '当前密码（currentPassword）：不正确', { fields: [{ field: 'currentPassword', message: '不正确' }] });
      assertPasswordRule(newPassword);
      if (newPassword === currentPassword)
        throw new AppError(400, 'PASSWORD_RULE', '新密码不能与当前密码相同', { field: 'newPassword' });
      const at = now();
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: at })
          .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await audit(tx, ctx.actor, { action: 'auth.password_changed', entity: 'user', entityId: user.id });
      });
      await sessions.revokeUser(user.districtId, user.id, at, tokenHash);
      sessions.forgetUser(user.id);
    },
  };
}
