/**
 * Walks every operation of the OpenAPI document with input a client may send by mistake or on purpose: text with a
 * NUL character or a lone surrogate in every string field, query and path parameter; PATCH bodies that name nothing to
 * change; writes with an opaque or malformed Origin. Each must be a 4xx with a code and a Chinese message, never a 500.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from './harness';
import { type Operation, probes, type Targets } from './openapi-walk';

let w: World;
let doc: { paths: Record<string, Record<string, Operation>> };
let admin: string;
/** Every id the same unknown one: the checks under test run before any record is looked up. */
const anyId: Targets = new Proxy({}, { get: () => '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90' });

beforeAll(async () => {
  w = await createWorld();
  doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  admin = await w.login('demo-district');
});
afterAll(() => w.close());

const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/auth/demo-accounts',
  'GET /api/health',
  'GET /api/public/districts',
  'GET /api/public/districts/{code}/institutions',
  'GET /api/public/after-school/schools/{schoolId}',
  'GET /api/public/timetable/schools/{schoolId}',
  'POST /api/public/districts/{code}/complaints',
  'GET /api/public/complaints/{ticket}',
]);
/** NUL travels in URLs and JSON; a lone surrogate only in JSON (a URL carries UTF-8, which cannot hold one). */
const BAD_TEXT: [string, string, boolean][] = [
  ['NUL', '巡查\u0000测试', true],
  ['a lone surrogate', '巡查\ud800测试', false],
];

/** The same value with every string leaf replaced. */
function replaceStrings(value: unknown, by: string): unknown {
  if (typeof value === 'string') return by;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, by));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, by)]));
  return value;
}
const hasString = (value: unknown): boolean =>
  typeof value === 'string' || (Array.isArray(value) ? value.some(hasString) : !!value && typeof value === 'object' && Object.values(value).some(hasString));

describe('every operation', () => {
  it('has an operationId and declares its 4xx answers', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops) as [string, Operation & { operationId?: string; responses?: Record<string, unknown> }][]) {
        const route = `${method.toUpperCase()} ${path}`;
        if (!op.operationId) problems.push(`${route}: no operationId`);
        else if (ids.has(op.operationId)) problems.push(`${route}: operationId ${op.operationId} used twice`);
        else ids.add(op.operationId);
        const codes = Object.keys(op.responses ?? {});
        if (!codes.includes('400')) problems.push(`${route}: 400 not declared`);
        if (!PUBLIC.has(route) && !['401', '403'].every((c) => codes.includes(c))) problems.push(`${route}: 401/403 not declared`);
      }
    expect(problems).toEqual([]);
    expect(ids.size).toBeGreaterThan(90);
  });

  it.each(BAD_TEXT)('refuses text with %s in every string field and parameter with 400', async (_name, text, inUrls) => {
    const failures: string[] = [];
    let tried = 0;
    for (const p of probes(doc, anyId)) {
      const cookie = PUBLIC.has(p.route) ? null : admin;
      const op = doc.paths[p.route.slice(p.route.indexOf(' ') + 1)]![p.method.toLowerCase()]!;
      const variants: { where: string; url: string; body: unknown }[] = [];
      const [path, query = ''] = p.url.split('?');
      for (const param of inUrls ? (op.parameters ?? []) : []) {
        if (param.in === 'query') {
          const q = new URLSearchParams(query);
          q.set(param.name, text);
          variants.push({ where: `query ${param.name}`, url: `${path}?${q}`, body: p.body });
        } else if (param.in === 'path') {
          const template = p.route.slice(p.route.indexOf(' ') + 1);
          const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === param.name ? encodeURIComponent(text) : anyId.x!));
          variants.push({ where: `path ${param.name}`, url: query ? `${url}?${query}` : url, body: p.body });
        }
      }
      if (p.body !== undefined && hasString(p.body)) variants.push({ where: 'body', url: p.url, body: replaceStrings(p.body, text) });
      for (const v of variants) {
        tried++;
        const res = await call(w.app, cookie, p.method, v.url, v.body);
        if (res.status !== 400 || res.body?.code !== 'VALIDATION' || !/[\u4e00-\u9fa5]/.test(res.body?.message ?? ''))
          failures.push(`${p.route} (${v.where}): ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(inUrls ? 100 : 30);
  });

  const REQUIRED_IN_PATCH: Record<string, string> = { 'PATCH /api/homework/items/{id}': 'version', 'PATCH /api/system/accounts/{id}': 'status' };
  it('refuses a PATCH that names nothing to change', async () => {
    const patches = probes(doc, anyId).filter((p) => p.method === 'PATCH');
    expect(patches.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    for (const p of patches)
      for (const body of [{}, { notAField: 1 }]) {
        const res = await call(w.app, admin, 'PATCH', p.url, body);
        // a PATCH with a required field (a version to check, the one state an account is set to) is refused for that
        // field; every other for naming nothing
        const expected = REQUIRED_IN_PATCH[p.route] ?? '没有要修改的字段';
        if (res.status !== 400 || res.body.code !== 'VALIDATION' || !res.body.message.includes(expected))
          failures.push(`${p.route} ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    expect(failures).toEqual([]);
  });

  it('refuses a signed-in write from an opaque, malformed or foreign Origin with 403', async () => {
    const writes = probes(doc, anyId).filter((p) => p.method !== 'GET' && !PUBLIC.has(p.route));
    const failures: string[] = [];
    for (const p of writes)
      for (const origin of ['null', 'not a url', 'https://evil.example', 'file://']) {
        const res = await w.app.inject({
          method: p.method as 'POST',
          url: p.url,
          headers: { cookie: admin, origin, host: 'localhost:3000' },
          ...(p.body === undefined ? {} : { payload: p.body as Record<string, unknown> }),
        });
        if (res.statusCode !== 403 || res.json().code !== 'FORBIDDEN') failures.push(`${p.route} Origin ${origin}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    expect(failures).toEqual([]);
    // the same write from the same site goes through the check
    const same = await w.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: { cookie: admin, origin: 'http://localhost:3000', host: 'localhost:3000' },
      payload: { all: true },
    });
    expect(same.statusCode).toBe(200);
  });

  it('answers a generated request of every operation without a 5xx', async () => {
    const failures: string[] = [];
    for (const p of probes(doc, anyId)) {
      const res = await call(w.app, PUBLIC.has(p.route) ? null : admin, p.method, p.url.replace(anyId.x!, randomUUID()), p.body);
      if (res.status >= 500) failures.push(`${p.route}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
  });
});

