/**
 * The HTTP platform: Zod type provider, OpenAPI, error format, sign-in hook, idempotency keys, security headers and the
 * web app's static files. Modules add routes to the instance this returns.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fieldLabel } from '@shuangjian/contracts';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyContextConfig, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, Ctx } from './access';
import { channelsFromConfig } from './channels';
import { SESSION_COOKIE, type SessionState, type SessionStore } from './auth/session';
import type { Config, LogLevel } from './config';
import type { Database, Db } from './db';
import { AppError } from './errors';
import { badTextPath, MAX_JSON_DEPTH, nestedDeeperThan, toErrorReply } from './http-errors';
import { hooksOf, registerIdempotency } from './idempotency';
import { sharedLimits } from './shared-limits';
import { declaredErrors, type OpenApiDoc, operationId, tidyOpenApi } from './openapi';
import type { Replica } from './replica';

z.config(z.locales.zhCN());

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route as 'METHOD /path/{param}', for the check that all of them are documented. */
    apiRoutes: readonly string[];
  }
  interface FastifyRequest {
    session: SessionState | null;
    ctx: Ctx;
    idempotency: { districtId: string; userId: string; key: string; requestHash: string } | null;
  }
  interface FastifyContextConfig {
    /** No sign-in needed (sign-in itself, health, public notices). */
    public?: boolean;
    /** Reachable while the account must still change its password. */
    beforePasswordChange?: boolean;
    /**
     * Reachable in a session that has not finished signing in: 'code' (the password was right, the second factor's code
     * is awaited) and/or 'enrol' (the role needs a second factor and none is enrolled: only enrolment is open).
     */
    signInStages?: readonly ('code' | 'enrol')[];
    /**
     * false: an Idempotency-Key is ignored, because the route must keep a record of a refusal (a wrong current
     * password counts toward the lockout), which the key's one transaction would roll back with the refusal.
     */
    idempotency?: boolean;
  }
}

/** What a module's routes may use besides the request's ctx (public routes have no ctx). */
export interface ModuleDeps {
  config: Config;
  database: Database;
  now: () => Date;
  /** As Ctx.readDb, for routes without a ctx (public pages). A getter: read it per request, never keep it. */
  readonly readDb: Db;
}

/** Where the server's JSON log goes: stdout in production, a test's own stream, or nowhere. */
export type LogTarget = false | { level?: LogLevel; stream?: { write(line: string): void } };

export interface HttpDeps {
  database: Database;
  replica: Replica;
  config: Config;
  sessions: SessionStore;
  now: () => Date;
  logger: LogTarget;
  /** Unique-constraint name → the sentence a person reads (AppModule.constraintMessages of every module). */
  constraintMessages: Readonly<Record<string, string>>;
}

const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

export async function createHttp(deps: HttpDeps): Promise<App> {
  const { config, sessions, database, replica, now } = deps;
  const app = Fastify({
    logger: deps.logger ? { level: deps.logger.level ?? config.logLevel, redact: LOG_REDACT, ...(deps.logger.stream ? { stream: deps.logger.stream } : {}) } : false,
    // access lines are written once per answer by the onResponse hook below, at their own level
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is a client's claim unless it came through a proxy the operator named
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    // a URL the router cannot take (bad percent-encoding, a parameter over 100 characters) gets the platform's error shape too
    frameworkErrors: (err, req, reply) => {
      const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '请求地址中的参数过长（最多 100 个字符）' : '请求地址不正确（含无效的编码字符）';
      void (reply as unknown as FastifyReply).status(400).header('x-request-id', req.id).send({ code: 'VALIDATION', message, requestId: req.id });
    },
    // a request the HTTP parser rejects still gets the platform's error shape
    clientErrorHandler: (_err, socket) => {
      const body = JSON.stringify({ code: 'VALIDATION', message: '请求格式不正确（例如地址中含未编码的字符）' });
      if (socket.writable)
        socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as { hide?: boolean; operationId?: string; response?: Record<number, unknown> } | undefined;
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || schema?.hide) return;
    // a public page's API is limited per client address unless its route sets a limit of its own (the complaint form)
    const routeConfig = route.config as (FastifyContextConfig & { rateLimit?: unknown }) | undefined;
    if (route.url.startsWith('/api/public/') && routeConfig?.public && !routeConfig.rateLimit)
      routeConfig.rateLimit = { max: config.publicRateLimit.max, timeWindow: config.publicRateLimit.timeWindowMs };
    for (const m of methods) if (m !== 'HEAD') apiRoutes.push(`${m} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    if (schema && methods.includes('HEAD') === false) {
      schema.operationId ??= operationId(methods[0]!, route.url);
      schema.response = { ...declaredErrors(route), ...schema.response };
    }
    // a hook only some routes need is attached to those routes alone: every hook costs every request it runs on
    if (methods.includes('PATCH')) route.preHandler = [...hooksOf(route.preHandler), refuseEmptyChange];
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorReply(err as Error, deps.constraintMessages);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.debug({ code: body.code, message: body.message }, 'request refused');
    return reply.status(status).send({ ...body, requestId: req.id });
  });
  const access = config.accessLogLevel;
  if (deps.logger && access !== 'silent')
    app.addHook('onResponse', (req, reply, done) => {
      req.log[access]({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.session?.user.id }, 'answered');
      done();
    });

  // brotli or gzip by the client's Accept-Encoding; small answers go as they are
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  await app.register(swagger, {
    openapi: {
      info: {
        title: '双减 platform API',
        version: '1.0.0',
        description: '作业、课后服务、校外培训监管等模块的接口',
        license: { name: 'Proprietary', url: 'https://example.invalid/license' },
      },
      servers: [{ url: '/', description: '本服务器' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) => tidyOpenApi(('openapiObject' in documents ? documents.openapiObject : {}) as OpenApiDoc),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await app.register(cookie);
  const limits = sharedLimits(config.redisUrl, app.log);
  app.addHook('onClose', limits.close);
  await app.register(rateLimit, {
    ...limits.options,
    global: false,
    errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });

  app.decorateRequest('session', null);
  app.decorateRequest('idempotency', null);
  const channels = channelsFromConfig(config);
  const contexts = new WeakMap<object, Ctx>();
  app.decorateRequest('ctx', {
    getter() {
      const ctx = contexts.get(this);
      if (!ctx) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
      return ctx;
    },
    setter(value: Ctx) {
      contexts.set(this, value);
    },
  });

  app.addHook('onRequest', (req, reply, done) => {
    const api = req.url.startsWith('/api/');
    // hashed assets are never framed or navigated to: they get only nosniff (each header costs every asset)
    if (req.url.startsWith('/assets/')) reply.header('x-content-type-options', 'nosniff');
    else if (api) reply.headers(API_HEADERS).header('x-request-id', req.id);
    else reply.headers(PAGE_HEADERS);
    if (!api || req.url.startsWith('/api/docs') || req.is404) return done();
    const routeConfig = req.routeOptions.config;
    if (routeConfig?.public) return done();
    // A cross-site page cannot write with the user's cookie: SameSite=Lax, plus this Origin check. An opaque origin
    // ("null": sandboxed frames, file: pages) or one that is not a URL is another site too.
    const origin = req.headers.origin;
    if (origin !== undefined && req.method !== 'GET' && req.method !== 'HEAD' && originHost(origin) !== req.headers.host) {
      return done(new AppError(403, 'FORBIDDEN', '跨站请求被拒绝'));
    }
    const at = now();
    const token = req.cookies[SESSION_COOKIE];
    // a session resolved a moment ago is answered from memory without a promise; else it is loaded (or refused)
    const cached = sessions.cached(token, at);
    if (cached) return done(signIn(req, cached, routeConfig));
    sessions.resolve(token, at).then((state) => done(signIn(req, state, routeConfig)), done);
  });

  /** The request's session and ctx from a live session, or the refusal when the session may not use this route yet. */
  const signIn = (req: FastifyRequest, state: SessionState, routeConfig: FastifyContextConfig | undefined): AppError | undefined => {
    const stage = state.secondFactor.stage;
    if (stage !== 'full' && !routeConfig?.signInStages?.includes(stage)) {
      if (stage === 'code') return new AppError(401, 'UNAUTHENTICATED', '请先输入动态验证码完成登录');
      return new AppError(403, 'SECOND_FACTOR_ENROLMENT_REQUIRED', '您的角色须使用二次验证：请先绑定动态验证码');
    }
    if (state.user.mustChangePassword && !routeConfig?.beforePasswordChange) {
      return new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
    }
    req.session = state;
    const actor: Actor = {
      districtId: state.user.districtId,
      userId: state.user.id,
      userName: state.user.name,
      roles: state.roles,
      ip: req.ip ?? null,
      requestId: req.id,
    };
    const secondFactor = { ...state.secondFactor, tokenHash: state.tokenHash, stepUpMinutes: config.stepUpMinutes };
    req.ctx = { db: database.db, readDb: replica.readDb(), user: state.user, roles: state.roles, grants: state.grants, actor, now, sessions, prepared: database.prepared, channels, secondFactor };
    return undefined;
  };

  // before validation: text PostgreSQL cannot store never reaches a service, on any route
  app.addHook('preValidation', (req, _reply, done) => done(unstorableText(req)));

  registerIdempotency(app, database);

  app.setNotFoundHandler(async (req, reply) => {
    const index = config.webDist ? join(config.webDist, 'index.html') : null;
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !index || !existsSync(index)) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口或页面不存在', requestId: req.id });
    }
    return reply.type('text/html').sendFile('index.html');
  });
  if (config.webDist && existsSync(config.webDist)) {
    // the build writes .br and .gz beside each file: served as they are, no compression work per request. Assets carry
    // a content hash in their names, so they are cached for good; pages are checked on every visit.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => void res.header('cache-control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  return app;
}

const API_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };
/** The web app: own scripts only; antd writes its styles inline, charts draw on canvas, downloads come from blob URLs. */
const PAGE_HEADERS = {
  ...API_HEADERS,
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
};

/** Before validation: text PostgreSQL cannot store never reaches a service, on any route. */
function unstorableText(req: FastifyRequest): AppError | undefined {
  if (req.body !== undefined && nestedDeeperThan(req.body, MAX_JSON_DEPTH))
    return new AppError(400, 'VALIDATION', `请求体（body）：嵌套超过 ${MAX_JSON_DEPTH} 层`, { fields: [{ field: 'body', message: `嵌套超过 ${MAX_JSON_DEPTH} 层` }] });
  for (const [where, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
    const path = badTextPath(value);
    if (!path) continue;
    const field = path.join('.') || where;
    return new AppError(400, 'VALIDATION', `${fieldLabel(path)}（${field}）：含有空字符或无效字符`, { fields: [{ field, message: '含有空字符或无效字符' }] });
  }
  return undefined;
}

/** After validation (unknown fields are gone): a change that names nothing to change is a mistake of the client. */
function refuseEmptyChange(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) {
  const body = req.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body) || !Object.values(body).every((v) => v === undefined)) return done();
  done(new AppError(400, 'VALIDATION', '请求体：没有要修改的字段', { fields: [{ field: 'body', message: '没有要修改的字段' }] }));
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * For the busiest reads: the response schema still documents the route, but the service's typed result is serialized
 * without validating it again on every request.
 */
export const trustedResponse = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };


