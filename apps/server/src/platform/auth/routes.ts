/** /api/auth: sign-in, sign-out, password change. */
import { ChangePasswordBody, ErrorBody, LoginBody, Ok } from '@shuangjian/contracts';
import { z } from 'zod';
import type { Config } from '../config';
import type { App } from '../http';
import { SESSION_COOKIE } from './session';
import type { AuthService } from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody };

export function registerAuthRoutes(app: App, auth: AuthService, config: Config) {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录（用户名或手机号 + 密码）',
        body: LoginBody,
        response: { 200: z.object({ mustChangePassword: z.boolean() }), ...errors },
        security: [],
      },
      config: {
        public: true,
        rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.timeWindowMs },
      },
    },
    async (req, reply) => {
      const result = await auth.login(req.body, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        expires: result.expiresAt,
      });
      return { mustChangePassword: result.user.mustChangePassword };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok, 401: ErrorBody } }, config: { beforePasswordChange: true } },
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
}
