/**
 * The second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1, as every authenticator app reads it) with the maintained
 * `otpauth` library, one-time recovery codes kept as SHA-256, the sign-in's code step, step-up before sensitive
 * actions (`requireStepUp`), and the reset by a higher administrator. Every wrong code counts toward the same lockout
 * as a wrong password.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SECOND_FACTOR_ROLES } from '@shuangjian/contracts';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Actor, Ctx } from '../access';
import { audit } from '../audit';
import type { Config } from '../config';
import { DataKeyError, isSealed, open, seal } from '../crypto';
import type { Db, Queryable } from '../db';
import { AppError, conflict, recordedRefusal } from '../errors';
import { users } from '../schema';
import { recoveryCodes, secondFactors } from './schema';
import { locked, recordWrongSecret } from './service';
import type { SessionStore } from './session';

const ISSUER = '双减综合管理平台';
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

/** Actions that ask for a recent code (step-up), named for the security policy page. */
export const STEP_UP_ACTIONS = ['角色授权与撤销', '学生名册导出', '政策参数修改', '课后服务退费与结算', '校外培训退款与资金结算', '重置他人的二次验证', '更换或关闭自己的二次验证'];

const totpOf = (secret: string, label = '') =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

/** The time step a 6-digit code is good for (one step of clock drift either way), or null; a used step is refused. */
export function acceptCode(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: at.getTime() }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Sealed with the server's data key when one is loaded (platform/crypto.ts); otherwise kept as `plain:<base32>`. */
function sealSecret(secret: string): string {
  try {
    return seal(secret);
  } catch (err) {
    if (err instanceof DataKeyError) return `plain:${secret}`;
    throw err;
  }
}
const openSecret = (stored: string) => (isSealed(stored) ? open(stored) : stored.replace(/^plain:/, ''));

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashRecovery = (code: string) => createHash('sha256').update(`shuangjian recovery code\0${normalizeRecovery(code)}`).digest('hex');

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

const wrongCode = () => new AppError(400, 'SECOND_FACTOR_INVALID', '验证码（code）：不正确或已使用过', { fields: [{ field: 'code', message: '不正确或已使用过' }] });

/**
 * The guard of sensitive actions (role grants, roster export, policy edits, refunds and settlements): the person's
 * code must have been entered in this session within the last STEP_UP_MINUTES. Accounts without a factor whose role
 * does not need one (a teacher, a parent who has not opted in) and exempt demo accounts pass; so do calls that are not
 * a signed-in request (the demo load, scheduled jobs), which carry no session.
 */
export function requireStepUp(ctx: Ctx): void {
  const f = ctx.secondFactor;
  if (!f) return;
  if (!f.enrolled) {
    if (f.required && !f.exempt) throw new AppError(403, 'SECOND_FACTOR_ENROLMENT_REQUIRED', '请先绑定二次验证（动态验证码）');
    return;
  }
  if (f.stepUpAt && ctx.now().getTime() - f.stepUpAt.getTime() <= f.stepUpMinutes * 60_000) return;
  throw new AppError(403, 'STEP_UP_REQUIRED', `此操作需要再次输入动态验证码（${f.stepUpMinutes} 分钟内有效）`, { stepUpMinutes: f.stepUpMinutes });
}

async function factorOf(q: Queryable, districtId: string, userId: string) {
  const [row] = await q.select().from(secondFactors).where(and(eq(secondFactors.districtId, districtId), eq(secondFactors.userId, userId)));
  return row ?? null;
}

/** Ends the factor of an account (its secret and recovery codes) and every session of it; audited. */
export async function resetSecondFactor(q: Queryable, actor: Actor, user: { districtId: string; id: string }, sessions: Pick<Ctx['sessions'], 'revokeUser'>, at: Date) {
  const factor = await factorOf(q, user.districtId, user.id);
  await q
    .update(secondFactors)
    .set({ secret: null, pendingSecret: null, enabledAt: null, lastStep: null, updatedAt: at })
    .where(and(eq(secondFactors.districtId, user.districtId), eq(secondFactors.userId, user.id)));
  await q.delete(recoveryCodes).where(and(eq(recoveryCodes.districtId, user.districtId), eq(recoveryCodes.userId, user.id)));
  await audit(q, actor, { action: 'auth.second_factor_reset', entity: 'user', entityId: user.id, before: { enrolledAt: factor?.enabledAt ?? null } });
  await sessions.revokeUser(user.districtId, user.id, at, { q });
}

export function createSecondFactorService(db: Db, config: Config, sessions: SessionStore, now: () => Date) {
  const userRow = async (q: Queryable, ctx: Ctx) => {
    const [user] = await q.select().from(users).where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, ctx.user.id)));
    if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    return user;
  };

  /** A wrong code: counted toward the lockout (the refusal keeps that record); a lock ends every session of the account. */
  const refuse = async (ctx: Ctx, user: typeof users.$inferSelect, at: Date): Promise<never> => {
    const until = await recordWrongSecret(ctx.db, config, sessions, user, at, ctx.actor.ip, 'auth.second_factor_failed');
    if (until) {
      await sessions.revokeUser(user.districtId, user.id, at, { q: ctx.db });
      throw recordedRefusal(locked(until, at));
    }
    throw recordedRefusal(wrongCode());
  };

  /** Checks a TOTP code (or, where allowed, a recovery code) and spends it; answers how it was proven or refuses. */
  const spend = async (ctx: Ctx, code: string, allowRecovery: boolean): Promise<'totp' | 'recovery'> => {
    const at = now();
    const user = await userRow(ctx.db, ctx);
    if (user.lockedUntil && user.lockedUntil > at) throw locked(user.lockedUntil, at);
    const factor = await factorOf(ctx.db, user.districtId, user.id);
    if (!factor?.enabledAt || !factor.secret) throw conflict('该账号尚未绑定二次验证');
    const step = acceptCode(openSecret(factor.secret), code.trim(), at, factor.lastStep);
    if (step !== null) {
      // the step moves forward once: a code replayed in parallel finds the row already past it
      const [moved] = await ctx.db
        .update(secondFactors)
        .set({ lastStep: step })
        .where(and(eq(secondFactors.districtId, user.districtId), eq(secondFactors.userId, user.id), or(isNull(secondFactors.lastStep), lt(secondFactors.lastStep, step))))
        .returning({ step: secondFactors.lastStep });
      if (moved) return 'totp';
    } else if (allowRecovery && normalizeRecovery(code).length === 12) {
      const [used] = await ctx.db
        .update(recoveryCodes)
        .set({ usedAt: at })
        .where(and(eq(recoveryCodes.districtId, user.districtId), eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecovery(code)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (used) return 'recovery';
    }
    return refuse(ctx, user, at);
  };

  const storeRecoveryCodes = async (q: Queryable, ctx: Ctx, at: Date) => {
    const codes = newRecoveryCodes();
    await q.delete(recoveryCodes).where(and(eq(recoveryCodes.districtId, ctx.user.districtId), eq(recoveryCodes.userId, ctx.user.id)));
    await q.insert(recoveryCodes).values(codes.map((c) => ({ districtId: ctx.user.districtId, userId: ctx.user.id, codeHash: hashRecovery(c), createdAt: at })));
    return codes;
  };

  return {
    async status(ctx: Ctx) {
      const f = ctx.secondFactor!;
      const factor = await factorOf(ctx.db, ctx.user.districtId, ctx.user.id);
      const [left] = await ctx.db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.districtId, ctx.user.districtId), eq(recoveryCodes.userId, ctx.user.id), isNull(recoveryCodes.usedAt)));
      const until = f.stepUpAt ? new Date(f.stepUpAt.getTime() + config.stepUpMinutes * 60_000) : null;
      return {
        enrolled: !!factor?.enabledAt,
        enrolledAt: factor?.enabledAt?.toISOString() ?? null,
        required: f.required,
        exempt: f.exempt,
        recoveryCodesLeft: factor?.enabledAt ? (left?.n ?? 0) : 0,
        stepUpUntil: until && until > now() ? until.toISOString() : null,
        stepUpMinutes: config.stepUpMinutes,
      };
    },

    /** A new secret to scan (replacing an enrolled factor needs a step-up first). */
    async startEnrolment(ctx: Ctx) {
      if (ctx.secondFactor?.enrolled) requireStepUp(ctx);
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      const at = now();
      await ctx.db
        .insert(secondFactors)
        .values({ districtId: ctx.user.districtId, userId: ctx.user.id, pendingSecret: sealSecret(secret), updatedAt: at })
        .onConflictDoUpdate({ target: [secondFactors.districtId, secondFactors.userId], set: { pendingSecret: sealSecret(secret), updatedAt: at } });
      await audit(ctx.db, ctx.actor, { action: 'auth.second_factor_enrolment_started', entity: 'user', entityId: ctx.user.id });
      const uri = totpOf(secret, ctx.user.username).toString();
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrSvg, issuer: ISSUER, label: ctx.user.username };
    },

    /**
     * The first code from the app confirms the scanned secret: the factor is on, ten recovery codes are answered once.
     * A session limited to enrolment becomes a full one under a new token (answered for the cookie).
     */
    async confirmEnrolment(ctx: Ctx, code: string, meta: { ip: string | null; userAgent: string | null }) {
      const at = now();
      const user = await userRow(ctx.db, ctx);
      if (user.lockedUntil && user.lockedUntil > at) throw locked(user.lockedUntil, at);
      const factor = await factorOf(ctx.db, user.districtId, user.id);
      if (!factor?.pendingSecret) throw conflict('请先开始绑定（扫描二维码）');
      const secret = openSecret(factor.pendingSecret);
      const step = acceptCode(secret, code.trim(), at, null);
      if (step === null) return refuse(ctx, user, at);
      const f = ctx.secondFactor!;
      return ctx.db.transaction(async (tx) => {
        await tx
          .update(secondFactors)
          .set({ secret: sealSecret(secret), pendingSecret: null, enabledAt: at, lastStep: step, updatedAt: at })
          .where(and(eq(secondFactors.districtId, user.districtId), eq(secondFactors.userId, user.id)));
        const codes = await storeRecoveryCodes(tx, ctx, at);
        await tx.update(users).set({ failedAttempts: 0 }).where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await audit(tx, ctx.actor, { action: 'auth.second_factor_enrolled', entity: 'user', entityId: user.id, after: { recoveryCodes: codes.length } });
        // other sessions of the account were opened without the factor: they end
        await sessions.revokeUser(user.districtId, user.id, at, { keepTokenHash: f.tokenHash, q: tx });
        let session: { token: string; expiresAt: Date } | null = null;
        if (f.stage === 'enrol') {
          await sessions.revoke(f.tokenHash, at, tx);
          session = await sessions.create(user, meta, at, { stage: 'full', stepUpAt: at }, tx);
        } else await sessions.setFactor(f.tokenHash, { stage: 'full', stepUpAt: at }, tx);
        return { recoveryCodes: codes, session };
      });
    },

    /** The sign-in's second step: the code (or a recovery code) after the password; a new full session. */
    async verifySignIn(ctx: Ctx, code: string, meta: { ip: string | null; userAgent: string | null }) {
      const f = ctx.secondFactor!;
      if (f.stage !== 'code') throw conflict('当前登录无需输入验证码');
      const how = await spend(ctx, code, true);
      const at = now();
      const user = await userRow(ctx.db, ctx);
      return ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at }).where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await sessions.revoke(f.tokenHash, at, tx);
        const session = await sessions.create(user, meta, at, { stage: 'full', stepUpAt: at }, tx);
        await audit(tx, ctx.actor, { action: 'auth.login', entity: 'user', entityId: user.id, after: { secondFactor: how } });
        return { ...session, user };
      });
    },

    /** Step-up: the code entered again lets sensitive actions through for STEP_UP_MINUTES in this session. */
    async stepUp(ctx: Ctx, code: string) {
      const f = ctx.secondFactor!;
      const how = await spend(ctx, code, true);
      const at = now();
      await sessions.setFactor(f.tokenHash, { stage: 'full', stepUpAt: at }, ctx.db);
      await audit(ctx.db, ctx.actor, { action: 'auth.step_up', entity: 'user', entityId: ctx.user.id, after: { secondFactor: how } });
      return { stepUpUntil: new Date(at.getTime() + config.stepUpMinutes * 60_000).toISOString() };
    },

    /** New recovery codes (the old ones stop working); needs a step-up. */
    async regenerateRecoveryCodes(ctx: Ctx) {
      if (!ctx.secondFactor?.enrolled) throw conflict('该账号尚未绑定二次验证');
      requireStepUp(ctx);
      const at = now();
      return ctx.db.transaction(async (tx) => {
        const codes = await storeRecoveryCodes(tx, ctx, at);
        await audit(tx, ctx.actor, { action: 'auth.recovery_codes_renewed', entity: 'user', entityId: ctx.user.id });
        return { recoveryCodes: codes };
      });
    },

    /** Turns the factor off: only where the role does not need one (a parent or teacher who opted in); needs a step-up. */
    async disable(ctx: Ctx) {
      const f = ctx.secondFactor!;
      if (!f.enrolled) throw conflict('该账号尚未绑定二次验证');
      if (f.required) throw new AppError(409, 'CONFLICT', '您的角色必须使用二次验证，不能关闭');
      requireStepUp(ctx);
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(secondFactors)
          .set({ secret: null, pendingSecret: null, enabledAt: null, lastStep: null, updatedAt: now() })
          .where(and(eq(secondFactors.districtId, ctx.user.districtId), eq(secondFactors.userId, ctx.user.id)));
        await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.districtId, ctx.user.districtId), eq(recoveryCodes.userId, ctx.user.id)));
        await audit(tx, ctx.actor, { action: 'auth.second_factor_disabled', entity: 'user', entityId: ctx.user.id });
      });
    },
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;

/** What the settings pages show of the second factor. */
export const secondFactorPolicy = (config: Config) => ({
  roles: [...SECOND_FACTOR_ROLES],
  stepUpMinutes: config.stepUpMinutes,
  secretsSealed: (() => {
    try {
      return isSealed(seal('probe'));
    } catch {
      return false;
    }
  })(),
  stepUpActions: STEP_UP_ACTIONS,
});
