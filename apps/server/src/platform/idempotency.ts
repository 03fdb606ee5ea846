/** Idempotency keys on writes: a retried write is carried out once and answered with its first answer. */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Database, preparedRows } from './db';
import { AppError } from './errors';
import { idempotencyKeys } from './schema';

/** A route's hooks of one kind as a list (the route option takes one function or a list). */
export function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key` on a write: the key and the answer are stored in the write's own transaction. The request runs in
 * one transaction that first claims the key (a repeat arriving meanwhile waits on that row), then runs the handler
 * (its services' transactions become savepoints of this one), then stores the serialized answer — so a committed
 * write always answers a retry with its first answer, and a write that did not commit leaves no key behind.
 * A repeat with a different request under the same key is refused. Uploads (multipart) are not deduplicated.
 */
export function registerIdempotency(app: FastifyInstance, database: Database) {
  /** The key's claim, taken before the handler (on write routes only: a hook costs every request it runs on). */
  const claimKey = async (req: FastifyRequest) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(req.method) || !req.session || req.isMultipart() || req.routeOptions.config?.idempotency === false) return;
    if (key.length < 8 || key.length > 100) throw new AppError(400, 'VALIDATION', 'Idempotency-Key 长度应为 8–100 个字符');
    const body = JSON.stringify(req.body ?? null);
    const requestHash = createHash('sha256').update(`${req.method} ${req.url}\n${body}`).digest('hex');
    req.idempotency = { districtId: req.session.user.districtId, userId: req.session.user.id, key, requestHash };
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    route.preHandler = [...hooksOf(route.preHandler), claimKey];
    const handler = route.handler;
    route.handler = async function idempotent(this: unknown, req, reply) {
      const claim = req.idempotency;
      if (!claim) return handler.call(this as never, req, reply);
      const where = and(eq(idempotencyKeys.districtId, claim.districtId), eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
      type Outcome = { replay: typeof idempotencyKeys.$inferSelect } | { payload: string } | { refused: AppError };
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
        req.ctx = { ...req.ctx, db: tx, readDb: tx, prepared: (query, values) => preparedRows(tx, query, values) };
        let result: unknown;
        try {
          result = await handler.call(this as never, req, reply);
        } catch (err) {
          // a recorded refusal commits what it wrote, but keeps no key: a retry is judged afresh
          if (!(err instanceof AppError && err.keepsWrites)) throw err;
          await tx.delete(idempotencyKeys).where(where);
          return { refused: err };
        }
        if (result === reply || reply.sent) throw new Error(`idempotent route ${route.url} answered through reply: return the value instead`);
        const payload = result === undefined ? '' : String(reply.serialize(result));
        await tx.update(idempotencyKeys).set({ statusCode: reply.statusCode, response: payload }).where(where);
        return { payload };
      });
      if ('refused' in outcome) throw outcome.refused;
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
