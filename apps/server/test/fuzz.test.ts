/**
 * Schema-driven fuzz of every operation of the OpenAPI document, as every demo role and anonymously: requests built
 * from the operation's schemas (ids aimed at the demo school's records), then broken on purpose — wrong types, missing
 * and extra fields, huge and odd text (NUL, lone surrogates, 1 MB), numbers out of range, odd page numbers, path
 * tricks, odd headers. No answer may be a 5xx, and every refusal is the platform's error shape. The cases come from
 * fast-check with a fixed seed (FUZZ_SEED to change it), so a failure names a case that reproduces.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/seed';
import { createWorld, type World } from './harness';
import { demoSchoolTargets, type JsonSchema, type Operation, probes, type Targets } from './openapi-walk';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** Cases per operation and role; a role refused the operation's plain request gets the first few only. */
const CASES = Number(process.env.FUZZ_CASES ?? 6);
const CASES_REFUSED = 1;
const MB = 1024 * 1024;

type Doc = { paths: Record<string, Record<string, Operation & { responses?: Record<string, unknown> }>> };
type Request = { method: string; url: string; headers: Record<string, string>; payload?: string };
type Case = { kind: string; what: string; req: Request };

let w: World;
let doc: Doc;
let target: Targets;

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
  doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  target = await demoSchoolTargets(w);
  // seeding all six demo parts takes minutes on a loaded 2-core machine (once per run: later files copy the seed)
}, 600_000);
afterAll(() => w?.close());

// ---------------------------------------------------------------------------------------------------------- values

/** Text a client may send: empty, blank, NUL, lone surrogates, right-to-left, emoji, SQL and LIKE characters, … */
const ODD_TEXT = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u202e\u0635\u0648\u062a',
  '👨‍👩‍👧‍👦',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '０１２３',
  'null',
  'undefined',
  '[object Object]',
  "' or 1=1 --",
  '%',
  '_',
  '\\',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '-001-01-01',
  '24:00',
  '23:60',
  '2026-13',
  '2026-11-26T25:00:00Z',
  ' 2026-11-26 ',
  'x'.repeat(10_000),
  '中'.repeat(100_000),
];
/** Text near and over the 1 MB body limit: the first reaches validation and the services, the second the limit. */
const NEAR_LIMIT = 'y'.repeat(MB - 4096);
const HUGE = 'z'.repeat(MB);
const ODD_NUMBERS = [-1, 0, 1.5, -0.000001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324];
const ODD_NUMBER_TEXT = ['NaN', 'Infinity', '-Infinity', '1e999', '-1', '0', '1.5', '0x10', '1_000', '99999999999999999999999', '１', ' 1', ''];
const WRONG_TYPES: unknown[] = [123, -1, true, false, null, [], {}, 'text', [1, 'a', null], { a: { b: [1] } }, Number.POSITIVE_INFINITY /* JSON: null */];
const PAGING = ['-1', '0', '1000000', '9007199254740993', '1e21', 'NaN', '1.5', '', '-9007199254740993'];
const PATH_TRICKS = [
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fhealth',
  '%2e%2e%2f%2e%2e%2fadmin',
  'a%2Fb',
  '%2F',
  '%5C..%5C',
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%E2%80%AE',
  '%',
  '%zz',
  'x'.repeat(5000),
  '9'.repeat(400),
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6F1C4A52-9D1E-4B7A-A0C3-5B8F2E1D7C90',
  '%206f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90',
  '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90%0A',
  '{id}',
  '-1',
  '1e309',
];
const ODD_ORIGINS = ['null', 'http://evil.example', 'x'.repeat(10_000), 'http://[::1', 'javascript:alert(1)', 'http://localhost:3000.evil.example'];

/** encodeURIComponent, but a lone surrogate becomes its (invalid) UTF-8 bytes instead of throwing. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => (/[\ud800-\udfff]/.test(ch) && ch.length === 1 ? `%ED%${(0xa0 + ((ch.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase()}%80` : enc(ch))).join('');
  }
}

// ----------------------------------------------------------------------------------------------- an operation's parts

interface Shape {
  route: string;
  method: string;
  template: string;
  path: Record<string, string>;
  query: [string, string][];
  body: unknown;
  bodySchema: JsonSchema | undefined;
  op: Operation;
}

function shapeOf(route: string, url: string, body: unknown): Shape {
  const [method, template] = route.split(' ') as [string, string];
  const op = doc.paths[template]![method.toLowerCase()]!;
  const [path, query = ''] = url.split('?') as [string, string?];
  const names = template.split('/');
  const values = path.split('/');
  const pathValues: Record<string, string> = {};
  names.forEach((seg, i) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (m) pathValues[m[1]!] = values[i]!;
  });
  return { route, method, template, path: pathValues, query: [...new URLSearchParams(query)], body, bodySchema: op.requestBody?.content['application/json']?.schema, op };
}

function urlOf(s: Shape, path: Record<string, string>, query: [string, string][], rawQuery = ''): string {
  const p = s.template.replace(/\{(\w+)\}/g, (_m, name: string) => path[name] ?? 'x');
  const q = [query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'), rawQuery].filter(Boolean).join('&');
  return q ? `${p}?${q}` : p;
}

const json = (s: Shape, url: string, body: unknown, headers: Record<string, string> = {}): Request =>
  body === undefined ? { method: s.method, url, headers } : { method: s.method, url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) };

/** Every leaf of a JSON value and every property the body schema names, as paths. */
function fieldPaths(value: unknown, schema: JsonSchema | undefined): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    if (at.length) out.push(at);
  };
  walk(value, []);
  for (const k of Object.keys(objectSchema(schema)?.properties ?? {})) if (!out.some((p) => p.length === 1 && p[0] === k)) out.push([k]);
  return out;
}

function objectSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.type === 'object') return schema;
  for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) if (s.type === 'object') return s;
  return undefined;
}

/** A copy of `value` with the field at `path` set to `to` (undefined: removed). */
function setAt(value: unknown, path: readonly (string | number)[], to: unknown): unknown {
  if (!path.length) return to;
  const copy = (Array.isArray(value) ? [...value] : { ...((value && typeof value === 'object' ? value : {}) as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && to === undefined) delete copy[head];
  else copy[head] = setAt(copy[head], rest, to);
  return copy;
}

/** A value of the schema's shape with random content (valid types, any values), for the "plausible but random" case. */
function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => arbitraryOf(o, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      if (depth > 3 || !props.length) return fc.constant({});
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryOf(v, depth + 1)])), { requiredKeys: schema.required?.filter((k) => schema.properties?.[k]) ?? [] });
    }
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 100_000, 2 ** 31) }), fc.constantFrom(...ODD_NUMBERS));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...ODD_NUMBERS));
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...Object.values(target)), fc.uuid());
      return fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...ODD_TEXT));
    default:
      return fc.constant(null);
  }
}

// --------------------------------------------------------------------------------------------------------- the cases

/** The kinds of broken request that apply to the operation, each an arbitrary of cases. */
function caseKinds(s: Shape): [string, fc.Arbitrary<Case>][] {
  const kinds: [string, fc.Arbitrary<Case>][] = [];
  const url = urlOf(s, s.path, s.query);
  const queryParams = (s.op.parameters ?? []).filter((p) => p.in === 'query');
  const pathParams = (s.op.parameters ?? []).filter((p) => p.in === 'path');
  const fields = s.bodySchema ? fieldPaths(s.body, s.bodySchema) : [];
  const label = (p: readonly (string | number)[]) => p.join('.');

  if (s.bodySchema)
    kinds.push([
      'random body',
      arbitraryOf(s.bodySchema).map((body) => ({ kind: 'random body', what: JSON.stringify(body).slice(0, 200), req: json(s, url, body) })),
    ]);
  if (queryParams.length)
    kinds.push([
      'random query',
      fc
        .record(Object.fromEntries(queryParams.map((p) => [p.name, arbitraryOf(p.schema)])), { requiredKeys: [] })
        .map((q) => {
          const query = Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]);
          return { kind: 'random query', what: JSON.stringify(q).slice(0, 200), req: json(s, urlOf(s, s.path, query), s.body) };
        }),
    ]);
  if (fields.length)
    kinds.push([
      'wrong type',
      fc.tuple(fc.constantFrom(...fields), fc.constantFrom(...WRONG_TYPES)).map(([path, v]) => ({
        kind: 'wrong type',
        what: `${label(path)} = ${JSON.stringify(v)}`,
        req: json(s, url, setAt(s.body, path, v)),
      })),
    ]);
  if (s.bodySchema)
    kinds.push([
      'missing',
      fc.constantFrom<(string | number)[] | 'body' | 'null' | 'empty'>(...fields.filter((p) => p.length <= 2), 'body', 'null', 'empty').map((path) => {
        if (path === 'body') return { kind: 'missing', what: 'no body', req: { method: s.method, url, headers: {} } };
        if (path === 'null') return { kind: 'missing', what: 'body null', req: json(s, url, null) };
        if (path === 'empty') return { kind: 'missing', what: 'body {}', req: json(s, url, {}) };
        return { kind: 'missing', what: label(path), req: json(s, url, setAt(s.body, path, undefined)) };
      }),
    ]);
  const extras: [string, string][] = [
    ['unknown field', ',"notAField":"x","districtId":"6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90","id":"6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90"'],
    ['__proto__', ',"__proto__":{"isAdmin":true}'],
    ['constructor.prototype', ',"constructor":{"prototype":{"isAdmin":true}}'],
    ['a huge unknown field', `,"extra":"${'e'.repeat(MB - 8192)}"`],
    ['a repeated field', ''],
  ];
  if (s.bodySchema && s.body && typeof s.body === 'object' && !Array.isArray(s.body))
    kinds.push([
      'extra',
      fc.constantFrom(...extras).map(([what, extra]) => {
        const text = JSON.stringify(s.body);
        const first = Object.entries(s.body as object)[0];
        const payload = what === 'a repeated field' && first ? `${text.slice(0, -1)},${JSON.stringify(first[0])}:${JSON.stringify(['again', 1])}}` : `${text.slice(0, -1)}${text === '{}' ? extra.slice(1) : extra}}`;
        return { kind: 'extra', what, req: { method: s.method, url, headers: { 'content-type': 'application/json' }, payload } };
      }),
    ]);
  const stringSlots = [...fields.map((p) => ['body', p] as const), ...queryParams.map((p) => ['query', [p.name]] as const), ...pathParams.map((p) => ['path', [p.name]] as const)];
  if (stringSlots.length)
    kinds.push([
      'odd text',
      fc.tuple(fc.constantFrom(...stringSlots), fc.constantFrom(...ODD_TEXT, NEAR_LIMIT, HUGE)).map(([[where, path], text]) => {
        const what = `${where} ${label(path)} = ${JSON.stringify(text.slice(0, 30))}${text.length > 30 ? `…(${text.length})` : ''}`;
        // a URL carries at most 64 KB here (a real server refuses longer request lines before any route)
        const inUrl = text.length > 65_536 ? text.slice(0, 65_536) : text;
        if (where === 'body') return { kind: 'odd text', what, req: json(s, url, setAt(s.body, path, text)) };
        if (where === 'query') return { kind: 'odd text', what, req: json(s, urlOf(s, s.path, [...s.query.filter(([k]) => k !== path[0]), [String(path[0]), inUrl]]), s.body) };
        return { kind: 'odd text', what, req: json(s, urlOf(s, { ...s.path, [path[0]!]: enc(inUrl) }, s.query), s.body) };
      }),
    ]);
  const numberSlots = [
    ...fields.filter((p) => typeof pick(s.body, p) === 'number').map((p) => ['body', p] as const),
    ...queryParams.filter((p) => p.schema.type === 'integer' || p.schema.type === 'number' || /page|size|limit|year|grade|term|period/i.test(p.name)).map((p) => ['query', [p.name]] as const),
  ];
  if (numberSlots.length)
    kinds.push([
      'odd number',
      fc.tuple(fc.constantFrom(...numberSlots), fc.nat()).map(([[where, path], i]) => {
        if (where === 'body') {
          const n = ODD_NUMBERS[i % ODD_NUMBERS.length]!;
          return { kind: 'odd number', what: `body ${label(path)} = ${n}`, req: json(s, url, setAt(s.body, path, n)) };
        }
        const n = ODD_NUMBER_TEXT[i % ODD_NUMBER_TEXT.length]!;
        return { kind: 'odd number', what: `query ${label(path)} = ${JSON.stringify(n)}`, req: json(s, urlOf(s, s.path, [...s.query.filter(([k]) => k !== path[0]), [String(path[0]), n]]), s.body) };
      }),
    ]);
  const paging = queryParams.filter((p) => /^(page|pageSize|limit|offset)$/.test(p.name)).map((p) => p.name);
  if (paging.length)
    kinds.push([
      'paging',
      fc.tuple(fc.constantFrom(...paging), fc.constantFrom(...PAGING)).map(([name, v]) => ({
        kind: 'paging',
        what: `${name}=${v}`,
        req: json(s, urlOf(s, s.path, [...s.query.filter(([k]) => k !== name), [name, v]]), s.body),
      })),
    ]);
  kinds.push([
    'path trick',
    fc.tuple(fc.constantFrom(...(pathParams.length ? pathParams.map((p) => p.name) : [null])), fc.constantFrom(...PATH_TRICKS), fc.nat(3)).map(([name, trick, how]) => {
      if (name) return { kind: 'path trick', what: `${name} = ${trick.slice(0, 40)}`, req: json(s, urlOf(s, { ...s.path, [name]: trick }, s.query), s.body) };
      const [p, q] = url.split('?') as [string, string?];
      const variants = [`${p}/${trick}`, `${p.replace('/api/', '/api//')}`, `${p}/..${q ? `?${q}` : ''}`, `${p}%2F..%2F${trick}`];
      return { kind: 'path trick', what: variants[how]!.slice(0, 80), req: json(s, variants[how]!, s.body) };
    }),
  ]);
  const write = s.method !== 'GET';
  kinds.push([
    'headers',
    fc.constantFrom<[string, (r: Request) => Request]>(
      ['invalid JSON', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' }, payload: '{"a":' })],
      ['JSON with a BOM', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' }, payload: `\ufeff${r.payload ?? '{}'}` })],
      ['a deeply nested JSON', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' }, payload: `${'['.repeat(5_000)}${']'.repeat(5_000)}` })],
      ['NaN in JSON', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' }, payload: '{"page":NaN,"n":Infinity}' })],
      ['text/plain', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'text/plain' }, payload: r.payload ?? 'x' })],
      ['application/xml', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/xml' }, payload: '<a/>' })],
      ['a form', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1&b=2' })],
      ['multipart without a boundary', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'multipart/form-data' }, payload: '--x\r\n\r\n' })],
      ['JSON in UTF-16', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json; charset=utf-16' }, payload: r.payload ?? '{}' })],
      ['a huge Idempotency-Key', (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': 'k'.repeat(10_000) } })],
      ['an odd Idempotency-Key', (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': '\u00ff\u00fe   ../x' } })],
      ['a huge cookie', (r) => ({ ...r, headers: { ...r.headers, cookie: `${r.headers.cookie ?? 'a=b'}; sj_session=${'s'.repeat(8_000)}` } })],
      ['an odd Origin', (r) => ({ ...r, headers: { ...r.headers, origin: ODD_ORIGINS[r.url.length % ODD_ORIGINS.length]! } })],
      ['an odd Accept-Encoding', (r) => ({ ...r, headers: { ...r.headers, 'accept-encoding': 'br;q=NaN, gzip;q=-1, *;q=2, x'.repeat(50) } })],
    ).map(([what, change]) => ({ kind: 'headers', what: write || what !== 'an odd Origin' ? what : 'an odd Origin (read)', req: change(json(s, url, s.body)) })),
  ]);
  return kinds;
}

function pick(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

/** The operation's cases: each kind in turn, drawn with the seed of the operation, so adding one elsewhere changes nothing here. */
function casesOf(s: Shape, n: number): Case[] {
  const kinds = caseKinds(s);
  const seed = SEED ^ hash(s.route);
  const drawn = kinds.map(([, arb], i) => fc.sample(arb, { seed: seed + i, numRuns: Math.ceil(n / kinds.length) + 1 }));
  const out: Case[] = [];
  for (let round = 0; out.length < n && round < n; round++) for (const d of drawn) if (out.length < n && d[round]) out.push(d[round]!);
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ------------------------------------------------------------------------------------------------------------ the run

const ANONYMOUS = '(anonymous)';

describe('fuzz of every operation', () => {
  it('answers no 5xx to any role, and every refusal in the platform error shape', async () => {
    const started = Date.now();
    const sessions = new Map<string, string | null>();
    const signIn = async (role: string) => {
      if (role === ANONYMOUS) return null;
      const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: role, password: 'Demo#2026' } });
      if (res.statusCode !== 200) return null;
      return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    const roles = [ANONYMOUS, ...DEMO_ACCOUNTS.map((a) => a.username)];
    for (const role of roles) sessions.set(role, await signIn(role));

    // signing out and changing a password end the session the rest of the run needs: they go last
    const last = (route: string) => (route.startsWith('POST /api/auth/') ? 1 : 0);
    const list = probes(doc, target).sort((a, b) => last(a.route) - last(b.route));
    const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
    if (only) list.splice(0, list.length, ...list.filter((p) => only.test(p.route)));
    const byClass: Record<string, number> = {};
    const msByKind: Record<string, [number, number]> = {};
    /** A failure once per request, with the roles it happened to. */
    const failed = new Map<string, string[]>();
    const fail = (what: string, role: string) => failed.set(what, [...(failed.get(what) ?? []), role]);
    let requests = 0;
    let cases = 0;
    const send = async (role: string, c: Case) => {
      const cookie = sessions.get(role);
      const req = { ...c.req, headers: { ...(cookie ? { cookie } : {}), ...c.req.headers } };
      if (cookie && c.req.headers.cookie) req.headers.cookie = c.req.headers.cookie;
      const t0 = performance.now();
      const res = await w.app.inject({ method: req.method as 'GET', url: req.url, headers: req.headers, ...(req.payload === undefined ? {} : { payload: req.payload }) });
      const k = (msByKind[c.kind] ??= [0, 0]);
      k[0]++;
      k[1] += performance.now() - t0;
      requests++;
      const cls = `${Math.floor(res.statusCode / 100)}xx`;
      byClass[cls] = (byClass[cls] ?? 0) + 1;
      const where = `${c.req.method} ${c.req.url.slice(0, 120)} [${c.kind}: ${c.what}]`;
      const answer = res.body.replace(/"requestId":"[^"]*"/, "").slice(0, 200);
      if (res.statusCode >= 500) fail(`${res.statusCode} ${where}: ${answer}`, role);
      else if (res.statusCode >= 400 && res.statusCode !== 404 && c.req.url.startsWith('/api/')) {
        let body: { code?: unknown; message?: unknown } = {};
        try {
          body = JSON.parse(res.body);
        } catch {
          // checked below
        }
        if (typeof body.code !== 'string' || typeof body.message !== 'string' || !/[\u4e00-\u9fa5]/.test(body.message))
          fail(`${res.statusCode} without the error shape ${where}: ${answer}`, role);
      }
      return res.statusCode;
    };

    for (const p of list) {
      const s = shapeOf(p.route, p.url.replace('6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90', randomUUID()), p.body);
      const all = casesOf(s, CASES);
      for (const role of roles) {
        const plain: Case = { kind: 'plain', what: 'the generated request', req: json(s, urlOf(s, s.path, s.query), s.body) };
        const status = await send(role, plain);
        const admitted = status !== 401 && status !== 403;
        const mine = admitted ? all : all.slice(0, CASES_REFUSED);
        for (const c of mine) await send(role, c);
        cases += 1 + mine.length;
        // a sign-out or password change may have ended the session
        if (p.route.startsWith('POST /api/auth/') && role !== ANONYMOUS) sessions.set(role, await signIn(role));
      }
    }
    const failures = [...failed].map(([what, roles]) => `${what} — as ${roles.length === 1 ? roles[0] : `${roles.length} roles`}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz (seed ${SEED}): ${list.length} operations × ${roles.length} roles (${roles.length - 1} demo accounts and anonymous) × up to ${CASES + 1} cases = ${requests} requests in ${seconds} s; answers ${Object.entries(
        byClass,
      )
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; failures ${failures.length}`,
    );
    if (process.env.FUZZ_TIMES) console.log(Object.entries(msByKind).map(([k, [n, ms]]) => `${k}: ${n} × ${(ms / n).toFixed(1)} ms`).join('\n'));
    if (failures.length) console.log(failures.join('\n'));
    expect(failures.slice(0, 60)).toEqual([]);
    expect(list.length).toBeGreaterThan(400);
    expect(byClass['5xx'] ?? 0).toBe(0);
    expect(cases).toBe(requests);
  }, 900_000);
});
