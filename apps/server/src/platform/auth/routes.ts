/** /api/auth: sign-in (password, then the second factor's code), sign-out, password change, the second factor. */
import {
  ChangePasswordBody,
  ErrorBody,
  LoginAnswer,
  LoginBody,
  Ok,
  RecoveryCodes,
  SecondFactorCodeBody,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '@shuangjian/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config';
import type { App } from '../http';
import { SESSION_COOKIE } from './session';
import type { SecondFactorService } from './second-factor';
import type { AuthService } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 423: ErrorBody, 429: ErrorBody };

export function registerAuthRoutes(app: App, auth: AuthService, factors: SecondFactorService, config: Config) {
  const setSession = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires: session.expiresAt });
  const meta = (req: { ip?: string; headers: Record<string, string | string[] | undefined> }) => ({
    ip: req.ip ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });
  // code attempts share the sign-in's rate limit per address; each wrong code also counts toward the account's lockout
  const codeRateLimit = { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.timeWindowMs };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录（用户名或手机号 + 密码）',
        body: LoginBody,
        response: { 200: LoginAnswer, ...errors },
        security: [],
      },
      config: {
        public: true,
        rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.timeWindowMs },
      },
    },
    async (req, reply) => {
      const result = await auth.login(req.body, meta(req));
      setSession(reply, result);
      return { mustChangePassword: result.user.mustChangePassword, secondFactor: result.secondFactor };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok, 401: ErrorBody } }, config: { beforePasswordChange: true, signInStages: ['code', 'enrol'] } },
    async (req, reply) => {
      await auth.logout(req.ctx, req.session!.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody, response: { 200: Ok, ...errors } },
      config: { beforePasswordChange: true, idempotency: false },
    },
    async (req) => {
      await auth.changePassword(req.ctx, req.session!.tokenHash, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/second-factor/verify',
    {
      schema: { tags: ['auth'], summary: '登录第二步：动态验证码或恢复码', body: SecondFactorCodeBody, response: { 200: LoginAnswer, ...errors } },
      config: { beforePasswordChange: true, signInStages: ['code'], idempotency: false, rateLimit: codeRateLimit },
    },
    async (req, reply) => {
      const result = await factors.verifySignIn(req.ctx, req.body.code, meta(req));
      setSession(reply, result);
      return { mustChangePassword: result.user.mustChangePassword, secondFactor: 'none' as const };
    },
  );

  app.get(
    '/api/auth/second-factor',
    {
      schema: { tags: ['auth'], summary: '我的二次验证状态', response: { 200: SecondFactorStatus, 401: ErrorBody } },
      config: { beforePasswordChange: true, signInStages: ['enrol'] },
    },
    async (req) => factors.status(req.ctx),
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      schema: { tags: ['auth'], summary: '开始绑定二次验证：新的密钥与二维码', response: { 200: SecondFactorEnrolment, ...errors } },
      config: { beforePasswordChange: true, signInStages: ['enrol'], idempotency: false },
    },
    async (req) => factors.startEnrolment(req.ctx),
  );

  app.post(
    '/api/auth/second-factor/enrolment/confirm',
    {
      schema: { tags: ['auth'], summary: '确认绑定：输入应用显示的验证码，得到恢复码（仅显示一次）', body: SecondFactorCodeBody, response: { 200: RecoveryCodes, ...errors } },
      config: { beforePasswordChange: true, signInStages: ['enrol'], idempotency: false, rateLimit: codeRateLimit },
    },
    async (req, reply) => {
      const result = await factors.confirmEnrolment(req.ctx, req.body.code, meta(req));
      if (result.session) setSession(reply, result.session);
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/second-factor/recovery-codes',
    {
      schema: { tags: ['auth'], summary: '重新生成恢复码（旧的作废）', response: { 200: RecoveryCodes, ...errors } },
      config: { idempotency: false },
    },
    async (req) => factors.regenerateRecoveryCodes(req.ctx),
  );

  app.delete(
    '/api/auth/second-factor',
    { schema: { tags: ['auth'], summary: '关闭二次验证（角色不要求时）', response: { 200: Ok, ...errors } } },
    async (req) => {
      await factors.disable(req.ctx);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/step-up',
    {
      schema: {
        tags: ['auth'],
        summary: '再次验证：敏感操作前输入动态验证码',
        body: SecondFactorCodeBody,
        response: { 200: z.object({ stepUpUntil: z.string() }), ...errors },
      },
      config: { idempotency: false, rateLimit: codeRateLimit },
    },
    async (req) => factors.stepUp(req.ctx, req.body.code),
  );
}
