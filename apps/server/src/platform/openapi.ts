/** The OpenAPI document: an operationId and the declared 4xx answers for every route, and what 3.0 needs tidied. */
import { ErrorBody } from '@shuangjian/contracts';
import type { FastifyContextConfig } from 'fastify';
import { WRITE_METHODS } from './idempotency';

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
export function declaredErrors(route: { method: string | string[]; url: string; config?: unknown; schema?: unknown }) {
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

type JsonNode = { [key: string]: unknown };
export type OpenApiDoc = { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> } & JsonNode;

/**
 * What the Zod → OpenAPI conversion leaves short of OpenAPI 3.0: `nullable` without a `type` (z.unknown().nullable(),
 * which allows null anyway), and routes that answer a file (no JSON schema for 200) declared as binary.
 */
export function tidyOpenApi(doc: OpenApiDoc): OpenApiDoc {
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
