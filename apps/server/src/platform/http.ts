/**
 * The HTTP platform: Zod type provider, OpenAPI, error format, sign-in hook, idempotency keys, security headers and the
 * web app's static files. Modules add routes to the instance this returns.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody, fieldLabel } from '@shuangjian/contracts';
import { and, eq } from 'drizzle-orm';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyContextConfig, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, Ctx } from './access';
import { SESSION_COOKIE, type SessionState, type SessionStore } from './auth/session';
import type { Config, LogLevel } from './config';
import type { Database } from './db';
import { AppError } from './errors';
import { idempotencyKeys } from './schema';

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
}

/** Where the server's JSON log goes: stdout in production, a test's own stream, or nowhere. */
export type LogTarget = false | { level?: LogLevel; stream?: { write(line: string): void } };

export interface HttpDeps {
  database: Database;
  config: Config;
  sessions: SessionStore;
  now: () => Date;
  logger: LogTarget;
  /** Unique-constraint name → the sentence a person reads (AppModule.constraintMessages of every module). */
  constraintMessages: Readonly<Record<string, string>>;
}

const PG_ERRORS: Record<string, { status: number; code: 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND'; message: string }> = {
  '23505': { status: 409, code: 'CONFLICT', message: '与已有记录重复' },
  '23503': { status: 400, code: 'VALIDATION', message: '引用的记录不存在或仍被使用' },
  '23514': { status: 400, code: 'VALIDATION', message: '数据不符合约束' },
  '23502': { status: 400, code: 'VALIDATION', message: '缺少必填数据' },
  '22P02': { status: 400, code: 'VALIDATION', message: '数据格式不正确' },
  '22007': { status: 400, code: 'VALIDATION', message: '日期格式不正确' },
  '22008': { status: 400, code: 'VALIDATION', message: '日期超出范围' },
  '22001': { status: 400, code: 'VALIDATION', message: '文字过长' },
  '22003': { status: 400, code: 'VALIDATION', message: '数值超出范围' },
  '40001': { status: 409, code: 'CONFLICT', message: '数据正被他人修改，请重试' },
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);


function pgError(err: unknown): { code: string; constraint?: string } | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, constraint: (e as { constraint?: string }).constraint };
  }
  return null;
}

const TYPE_NAMES: Record<string, string> = { number: '数字', string: '文本', boolean: '是/否', array: '列表', object: '对象', integer: '整数', date: '日期', bigint: '整数' };
/** zod's zh-CN messages keep type names in English ("期望 number"): say them in Chinese too. */
const zodTypeNames = (message: string) => message.replace(/\b(number|string|boolean|array|object|integer|date|bigint)\b/g, (m) => TYPE_NAMES[m] ?? m);

/** The error answer for anything thrown: `constraintMessages` names unique constraints in words (from the modules). */
export function toErrorReply(
  err: FastifyError | AppError | Error,
  constraintMessages: Readonly<Record<string, string>> = {},
): { status: number; body: { code: string; message: string; details?: unknown } } {
  if (err instanceof AppError) return { status: err.status, body: { code: err.code, message: err.message, details: err.details } };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext;
    const fields = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      return { field: path.join('.') || where || 'body', label: fieldLabel(path), message: zodTypeNames(v.message ?? '不正确') };
    });
    const first = fields[0];
    const message = first ? `${first.label}（${first.field}）：${first.message}` : '请求数据不正确';
    return { status: 400, body: { code: 'VALIDATION', message, details: { fields } } };
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return { status: 429, body: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大' } };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
    return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } };
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe instanceof SyntaxError)
    return { status: 400, body: { code: 'VALIDATION', message: '请求体不是有效的 JSON' } };
  const pgErr = pgError(err);
  if (pgErr) {
    const known = PG_ERRORS[pgErr.code];
    if (known) {
      const specific = pgErr.constraint ? constraintMessages[pgErr.constraint] : undefined;
      return { status: known.status, body: { code: known.code, message: specific ?? known.message } };
    }
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, body: { code: 'VALIDATION', message: `请求不正确：${fe.message}` } };
  return { status: 500, body: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL cannot store (NUL) or that is not text at all (a lone UTF-16 surrogate): the path of the first. */
export function badTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = badTextPath(k, [...path, k]) ?? badTextPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** `METHOD /api/a/{id}/b` → `postABByIdB`-style names: unique per route, stable, valid identifiers for generated clients. */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^[:{](\w+)}?$/.exec(seg);
      const word = (param ? `by-${param[1]}` : seg).replace(/[-_.]+(\w)/g, (_m, c: string) => c.toUpperCase());
      return word.charAt(0).toUpperCase() + word.slice(1);
    });
  return method.toLowerCase() + words.join('');
}

/** The 4xx answers every route may give, declared so the OpenAPI document says so and the serializer knows the shape. */
function declaredErrors(route: { method: string | string[]; url: string; config?: unknown; schema?: unknown }) {
  const config = (route.config ?? {}) as FastifyContextConfig & { rateLimit?: unknown };
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const writes = methods.some((m) => WRITE_METHODS.has(m));
  const errors: Record<number, typeof ErrorBody> = { 400: ErrorBody };
  if (!config.public) Object.assign(errors, { 401: ErrorBody, 403: ErrorBody });
  if (route.url.includes(':') || !config.public) errors[404] = ErrorBody;
  if (writes) Object.assign(errors, { 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody });
  if (config.rateLimit) errors[429] = ErrorBody;
  return errors;
}

const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

export async function createHttp(deps: HttpDeps): Promise<App> {
  const { config, sessions, database, now } = deps;
  const app = Fastify({
    logger: deps.logger ? { level: deps.logger.level ?? config.logLevel, redact: LOG_REDACT, ...(deps.logger.stream ? { stream: deps.logger.stream } : {}) } : false,
    // access lines are written once per answer by the onResponse hook below, at their own level
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is a client's claim unless it came through a proxy the operator named
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
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
    for (const m of methods) if (m !== 'HEAD') apiRoutes.push(`${m} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    if (schema && methods.includes('HEAD') === false) {
      schema.operationId ??= operationId(methods[0]!, route.url);
      schema.response = { ...declaredErrors(route), ...schema.response };
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorReply(err as Error, deps.constraintMessages);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.debug({ code: body.code, message: body.message }, 'request refused');
    return reply.status(status).send({ ...body, requestId: req.id });
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('x-request-id', req.id);
    return payload;
  });
  const access = config.accessLogLevel;
  if (deps.logger && access !== 'silent')
    app.addHook('onResponse', async (req, reply) => {
      req.log[access]({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.session?.user.id }, 'answered');
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
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });

  app.decorateRequest('session', null);
  app.decorateRequest('idempotency', null);
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

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    // pages (not their hashed assets, which a browser never frames or navigates to; each header costs every asset)
    if (!req.url.startsWith('/assets/')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'same-origin');
    }
    // the web app: own scripts only; antd writes its styles inline, charts draw on canvas, downloads come from blob URLs
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/assets/'))
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
      );
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || req.is404 || req.routeOptions.config?.public) return;
    // A cross-site page cannot write with the user's cookie: SameSite=Lax, plus this Origin check. An opaque origin
    // ("null": sandboxed frames, file: pages) or one that is not a URL is another site too.
    const origin = req.headers.origin;
    if (origin !== undefined && req.method !== 'GET' && req.method !== 'HEAD' && originHost(origin) !== req.headers.host) {
      throw new AppError(403, 'FORBIDDEN', '跨站请求被拒绝');
    }
    const at = now();
    const state = await sessions.resolve(req.cookies[SESSION_COOKIE], at);
    if (state.user.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
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
    req.ctx = { db: database.db, user: state.user, roles: state.roles, grants: state.grants, actor, now, sessions, prepared: database.prepared };
  });

  // before validation: text PostgreSQL cannot store never reaches a service, on any route
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const path = badTextPath(value);
      if (!path) continue;
      const field = path.join('.') || where;
      throw new AppError(400, 'VALIDATION', `${fieldLabel(path)}（${field}）：含有空字符或无效字符`, { fields: [{ field, message: '含有空字符或无效字符' }] });
    }
  });
  // after validation (unknown fields are gone): a change that names nothing to change is a mistake of the client
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'PATCH' || !req.body || typeof req.body !== 'object' || Buffer.isBuffer(req.body)) return;
    if (Object.values(req.body).every((v) => v === undefined))
      throw new AppError(400, 'VALIDATION', '请求体：没有要修改的字段', { fields: [{ field: 'body', message: '没有要修改的字段' }] });
  });

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

type JsonNode = { [key: string]: unknown };
type OpenApiDoc = { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> } & JsonNode;

/**
 * What the Zod → OpenAPI conversion leaves short of OpenAPI 3.0: `nullable` without a `type` (z.unknown().nullable(),
 * which allows null anyway), and routes that answer a file (no JSON schema for 200) declared as binary.
 */
function tidyOpenApi(doc: OpenApiDoc): OpenApiDoc {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as JsonNode;
    if (o.nullable === true && o.type === undefined && !o.anyOf && !o.oneOf && !o.allOf && !o.$ref) delete o.nullable;
    Object.values(o).forEach(walk);
  };
  walk(doc.paths);
  for (const ops of Object.values(doc.paths ?? {}))
    for (const op of Object.values(ops)) {
      const responses = (op.responses ??= {});
      if (!Object.keys(responses).some((code) => code.startsWith('2')))
        responses['200'] = { description: '文件', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
    }
  return doc;
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


/**
 * `Idempotency-Key` on a write: the key and the answer are stored in the write's own transaction. The request runs in
 * one transaction that first claims the key (a repeat arriving meanwhile waits on that row), then runs the handler
 * (its services' transactions become savepoints of this one), then stores the serialized answer — so a committed
 * write always answers a retry with its first answer, and a write that did not commit leaves no key behind.
 * A repeat with a different request under the same key is refused. Uploads (multipart) are not deduplicated.
 */
function registerIdempotency(app: App, database: Database) {
  app.addHook('preHandler', async (req) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method) || !req.session || req.isMultipart() || req.routeOptions.config?.idempotency === false) return;
    if (key.length < 8 || key.length > 100) throw new AppError(400, 'VALIDATION', 'Idempotency-Key 长度应为 8–100 个字符');
    const body = JSON.stringify(req.body ?? null);
    const requestHash = createHash('sha256').update(`${req.method} ${req.url}\n${body}`).digest('hex');
    req.idempotency = { districtId: req.session.user.districtId, userId: req.session.user.id, key, requestHash };
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    const handler = route.handler;
    route.handler = async function idempotent(this: unknown, req, reply) {
      const claim = req.idempotency;
      if (!claim) return handler.call(this as never, req, reply);
      const where = and(eq(idempotencyKeys.districtId, claim.districtId), eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
      type Outcome = { replay: typeof idempotencyKeys.$inferSelect } | { payload: string };
      const outcome: Outcome = await database.db.transaction(async (tx): Promise<Outcome> => {
        const claimed = await tx
          .insert(idempotencyKeys)
          .values({ districtId: claim.districtId, userId: claim.userId, key: claim.key, requestHash: claim.requestHash })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key });
        if (!claimed.length) {
          const [prior] = await tx.select().from(idempotencyKeys).where(where);
          if (!prior || prior.requestHash !== claim.requestHash) throw new AppError(422, 'IDEMPOTENCY_MISMATCH', '同一 Idempotency-Key 已用于不同的请求');
          return { replay: prior };
        }
        req.ctx = { ...req.ctx, db: tx };
        const result = await handler.call(this as never, req, reply);
        if (result === reply || reply.sent) throw new Error(`idempotent route ${route.url} answered through reply: return the value instead`);
        const payload = result === undefined ? '' : String(reply.serialize(result));
        await tx.update(idempotencyKeys).set({ statusCode: reply.statusCode, response: payload }).where(where);
        return { payload };
      });
      if ('replay' in outcome) {
        reply.header('idempotent-replayed', 'true');
        return reply
          .status(outcome.replay.statusCode ?? 200)
          .type('application/json; charset=utf-8')
          .send(outcome.replay.response ?? '');
      }
      return reply.type('application/json; charset=utf-8').send(outcome.payload);
    };
  });
}
