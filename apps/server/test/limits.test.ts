/**
 * The platform's limits, each tried: sign-in per address (429) and per account (lockout, 423), the public complaint
 * form and ticket look-up per address (429), a maximum page size on every paged list (pageSize=1000000 refused), and on
 * every upload route a size cap (413) and a type allow-list (415 or the import's 400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './harness';
import { demoSchoolTargets, type Operation, probes, type Targets } from './openapi-walk';

let w: World;
let doc: { paths: Record<string, Record<string, Operation>> };
let target: Targets;
const UPLOAD_LIMIT = 64 * 1024;

beforeAll(async () => {
  w = await createWorld({
    homework: true,
    afterSchool: true,
    training: true,
    managements: true,
    timetable: true,
    homeSchool: true,
    config: { uploadLimitBytes: UPLOAD_LIMIT, loginRateLimit: { max: 5, timeWindowMs: 60_000 }, complaintRateLimit: { max: 2, lookupMax: 3, timeWindowMs: 600_000 }, publicRateLimit: { max: 4, timeWindowMs: 60_000 } },
  });
  doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  target = await demoSchoolTargets(w);
}, 600_000);
afterAll(() => w?.close());

describe('sign-in', () => {
  it('is limited per address: the sixth attempt in a minute from one address is refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7', payload: { username: `nobody${i}`, password: 'x' } })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7', payload: { username: 'nobody', password: 'x' } });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    // another address is not held back by the first
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.8', payload: { username: 'nobody', password: 'x' } })).statusCode).toBe(401);
  });

  it('is limited per account: repeated wrong passwords lock the account (423), from any address', async () => {
    let last = 0;
    for (let i = 0; i < 10 && last !== 423; i++)
      last = (await w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `198.51.100.${i + 1}`, payload: { username: 'demo-auditor', password: 'wrong-password' } })).statusCode;
    expect(last).toBe(423);
    const right = await w.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.99', payload: { username: 'demo-auditor', password: 'Demo#2026' } });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('the public complaint form', () => {
  it('takes a few complaints per address, then answers 429; the ticket look-up likewise', async () => {
    const complaint = { institutionName: '限流测试机构', category: 'subject_violation', description: '限流测试：周末开设学科类培训班', replyPhone: '13699990003' };
    const post = (ip: string) => w.app.inject({ method: 'POST', url: '/api/public/districts/demo/complaints', remoteAddress: ip, payload: complaint });
    // a refused filing counts too: the limit is on requests, before their content is read
    for (let i = 0; i < 2; i++) {
      const res = await post('192.0.2.10');
      expect(res.statusCode, res.body).not.toBe(429);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    const third = await post('192.0.2.10');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
    expect((await post('192.0.2.11')).statusCode).not.toBe(429);
    const look = (ip: string) => w.app.inject({ method: 'GET', url: '/api/public/complaints/WA1KWA1K00', remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await look('192.0.2.20')).statusCode).not.toBe(429);
    expect((await look('192.0.2.20')).statusCode).toBe(429);
  });
});

describe('every public page', () => {
  it('is limited per address: past the limit in the window, 429; another address is served', async () => {
    const pages = probes(doc, target).filter((p) => p.method === 'GET' && p.route.startsWith('GET /api/public/') && p.route !== 'GET /api/public/complaints/{ticket}');
    expect(pages.map((p) => p.route).sort()).toEqual([
      'GET /api/public/after-school/schools/{schoolId}',
      'GET /api/public/districts',
      'GET /api/public/districts/{code}/institutions',
      'GET /api/public/timetable/schools/{schoolId}',
    ]);
    for (const p of pages) {
      const url = p.url.replace('/districts/WALK01/', '/districts/demo/');
      const get = (ip: string) => w.app.inject({ method: 'GET', url, remoteAddress: ip });
      for (let i = 0; i < 4; i++) expect((await get('192.0.2.30')).statusCode, `${p.route} #${i + 1}`).toBe(200);
      const over = await get('192.0.2.30');
      expect(over.statusCode, p.route).toBe(429);
      expect(over.json().code).toBe('RATE_LIMITED');
      expect((await get('192.0.2.31')).statusCode, p.route).toBe(200);
    }
  });
});

describe('lists', () => {
  it('every paged list has a maximum page size and refuses pageSize=1000000', async () => {
    const problems: string[] = [];
    const admin = await w.login('demo-district');
    const list = probes(doc, target).filter((p) => p.method === 'GET');
    let paged = 0;
    for (const p of list) {
      const op = doc.paths[p.route.slice(4)]!.get!;
      const size = (op.parameters ?? []).find((x) => x.in === 'query' && /^(pageSize|limit)$/.test(x.name));
      if (!size) continue;
      paged++;
      if (size.schema.maximum === undefined || size.schema.maximum > 1000) problems.push(`${p.route}: ${size.name} maximum ${size.schema.maximum}`);
      const url = `${p.url}${p.url.includes('?') ? '&' : '?'}${size.name}=1000000`;
      const res = await w.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      if (res.statusCode !== 400 || res.json().code !== 'VALIDATION') problems.push(`${p.route} ${size.name}=1000000: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(paged).toBeGreaterThanOrEqual(10);
  });
});

/** Every multipart route, with who may upload there. */
const UPLOADS: [string, string][] = [
  ['POST /api/roster/{entity}/import', 'demo-principal'],
  ['POST /api/homework/attachments', 'demo-teacher'],
  ['POST /api/homework/vacation/files', 'demo-parent'],
  ['POST /api/after-school/money/payments/import', 'demo-principal'],
  ['POST /api/training/reconcile/imports', 'demo-district'],
  ['POST /api/training/inspections/photos', 'demo-inspector'],
  ['POST /api/five-managements/reading/lists/import', 'demo-district'],
  ['POST /api/five-managements/reading/filings/import', 'demo-principal'],
  ['POST /api/five-managements/fitness/tests/import', 'demo-principal'],
  ['POST /api/five-managements/selfcheck/files', 'demo-principal'],
  ['POST /api/timetable/import', 'demo-principal'],
  ['POST /api/supervision/evidence', 'demo-inspector'],
  ['POST /api/supervision/notices/files', 'demo-principal'],
];

const multipart = (filename: string, data: Buffer) =>
  Buffer.concat([
    Buffer.from(`--lim\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from('\r\n--lim--\r\n'),
  ]);

describe('uploads', () => {
  it('the list of upload routes is complete: every operation that says multipart is in it', () => {
    const said = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => /multipart|上传/.test(`${(op as { summary?: string }).summary ?? ''} ${(op as { description?: string }).description ?? ''}`))
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(said.sort()).toEqual(UPLOADS.map(([r]) => r).sort());
  });

  it.each(UPLOADS)('%s refuses a file over the size cap (413) and a file of another type', async (route, username) => {
    const cookie = await w.login(username);
    let { url } = probes(doc, target).find((p) => p.route === route)!;
    // a parent uploads for their own child
    if (username === 'demo-parent') url = url.replace(target.student!, (await w.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().children[0].id);
    const send = (filename: string, data: Buffer) =>
      w.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'multipart/form-data; boundary=lim' }, payload: multipart(filename, data) });
    const big = await send('big.xlsx', Buffer.alloc(UPLOAD_LIMIT + 1, 1));
    expect(big.statusCode, big.body).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const exe = await send('tool.exe', Buffer.from('MZ\x90\x00 not a document'));
    expect([400, 415], exe.body).toContain(exe.statusCode);
    expect(['UNSUPPORTED_MEDIA_TYPE', 'IMPORT_INVALID', 'VALIDATION']).toContain(exe.json().code);
    // not multipart at all
    const json = await w.app.inject({ method: 'POST', url, headers: { cookie }, payload: { file: 'x' } });
    expect(json.statusCode, json.body).toBe(415);
  });
});
