import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../test/harness';
import { purgeExpired } from './housekeeping';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

describe('API conventions', () => {
  it('reports health and the database kind', async () => {
    const r = await call(w.app, null, 'GET', '/api/health');
    expect(r.body).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('publishes an OpenAPI document with every route', async () => {
    const doc = (await call(w.app, null, 'GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(w.app.apiRoutes.length).toBeGreaterThan(40);
    expect(w.app.apiRoutes.filter((r) => !routes.includes(r))).toEqual([]);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/students', 'POST /api/roster/{entity}/import', 'GET /api/audit']));
    expect((await w.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers malformed JSON, unknown routes and bad ids with 4xx and a code', async () => {
    const cookie = await w.login('demo-principal');
    const bad = await w.app.inject({ method: 'POST', url: '/api/zones', payload: '{"name":', headers: { cookie, 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION' });
    const unknown = await call(w.app, cookie, 'GET', '/api/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const badId = await call(w.app, cookie, 'GET', '/api/students/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.message).toContain('编号（id）');
    const wrongType = await w.app.inject({ method: 'POST', url: '/api/zones', payload: '<zone/>', headers: { cookie, 'content-type': 'application/xml' } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a request the HTTP parser rejects in the same error shape', async () => {
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = w.app.server.address() as { port: number };
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/staff?q=张伟 HTTP/1.1\r\nHost: x\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += String(d)));
      socket.on('end', () => resolve(data));
    });
    expect(raw).toContain('400');
    expect(raw).toContain('"code":"VALIDATION"');
  });

  it('refuses a write from another site', async () => {
    const cookie = await w.login('demo-district');
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/zones',
      payload: { name: '跨站', kind: 'zone' },
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('idempotency keys', () => {
  it('carries out a repeated write once and answers the first result again', async () => {
    const cookie = await w.login('demo-district');
    const send = (name: string) =>
      w.app.inject({ method: 'POST', url: '/api/zones', payload: { name, kind: 'town' }, headers: { cookie, 'idempotency-key': 'zone-create-0001' } });
    const first = await send('河西镇');
    const second = await send('河西镇');
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const zones = (await call(w.app, cookie, 'GET', '/api/zones')).body.filter((z: { name: string }) => z.name === '河西镇');
    expect(zones).toHaveLength(1);
    const different = await send('河东镇');
    expect(different.statusCode).toBe(422);
    expect(different.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('keeps no key for a refused write: it left nothing to answer for, and a retry is judged afresh', async () => {
    const cookie = await w.login('demo-district');
    const send = () => w.app.inject({ method: 'POST', url: '/api/zones', payload: { name: '城东街道教育中心', kind: 'street' }, headers: { cookie, 'idempotency-key': 'zone-dup-0001' } });
    const a = await send();
    const b = await send();
    expect(a.statusCode).toBe(409);
    expect(b.statusCode).toBe(409);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    const [row] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from idempotency_keys where key = 'zone-dup-0001'`);
    expect(row!.n).toBe(0);
  });

  it('stores the key and the answer in the write\'s own transaction: an answer lost after the commit is given again', async () => {
    // a client that loses its connection after the commit retries later; a purge run in between must not release the key
    const cookie = await w.login('demo-district');
    const send = () => w.app.inject({ method: 'POST', url: '/api/zones', payload: { name: '丢失应答镇', kind: 'town' }, headers: { cookie, 'idempotency-key': 'lost-answer-0001' } });
    const first = await send();
    expect(first.statusCode).toBe(200);
    await purgeExpired(w.db.database.db, new Date(Date.now() + 30 * 60_000));
    const retry = await send();
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const [row] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from zones where name = '丢失应答镇'`);
    expect(row!.n).toBe(1);
  });
});

describe('housekeeping', () => {
  it('purges day-old idempotency keys and long-ended sessions, keeping live ones', async () => {
    // a session of its own (a cached one may be gone: the test before purged sessions the test clock ended long ago)
    const signedIn = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-district', password: 'Demo#2026' } });
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await w.app.inject({ method: 'POST', url: '/api/zones', payload: { name: '保洁测试', kind: 'town' }, headers: { cookie, 'idempotency-key': 'housekeeping-0001' } })).statusCode).toBe(200);
    // and one that ended years ago, whatever the clocks say
    await w.db.database.query(
      `insert into sessions (token_hash, district_id, user_id, created_at, last_seen_at, expires_at)
       select 'ended-long-ago-' || md5(random()::text), district_id, id, '2020-01-01', '2020-01-01', '2020-01-02' from users where username = 'demo-district'`,
    );
    // keys carry the database clock, sessions the app's (a test clock that may lie days behind the real date)
    const later = new Date(Date.now() + 25 * 3_600_000);
    const sessionsLive = async (at: Date) =>
      (await w.db.database.query<{ n: number }>(`select count(*)::int as n from sessions where expires_at >= $1`, [new Date(at.getTime() - 7 * 24 * 3_600_000).toISOString()]))[0]!.n;
    const liveBefore = await sessionsLive(later);
    const purged = await purgeExpired(w.db.database.db, later);
    expect(purged.idempotencyKeys).toBeGreaterThan(0);
    const [left] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from idempotency_keys where key = 'housekeeping-0001'`);
    expect(left!.n).toBe(0);
    expect(await sessionsLive(later)).toBe(liveBefore); // sessions ended less than a week before stay
    const weekOn = new Date(Math.max(later.getTime(), w.clock.current.getTime()) + 8 * 24 * 3_600_000);
    const second = await purgeExpired(w.db.database.db, weekOn);
    expect(purged.sessions + second.sessions).toBeGreaterThan(0);
    const [ended] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from sessions where token_hash like 'ended-long-ago-%'`);
    expect(ended!.n).toBe(0);
    // an unknown sign-in name's failures are forgotten a day after the last one
    const failedAt = weekOn.getTime() - 2 * 3_600_000;
    await w.db.database.query(
      `insert into auth_phantom_lockouts (name_hash, failures, updated_at) values ('recent', 1, $1), ('old', 2, $2)`,
      [new Date(failedAt).toISOString(), new Date(failedAt - 25 * 3_600_000).toISOString()],
    );
    expect((await purgeExpired(w.db.database.db, weekOn)).phantomLockouts).toBe(1);
    expect((await w.db.database.query<{ name_hash: string }>(`select name_hash from auth_phantom_lockouts where name_hash in ('recent', 'old')`)).map((r) => r.name_hash)).toEqual(['recent']);
  });
});

describe('audit log', () => {
  it('records writes with before and after, searchable by the auditor only', async () => {
    const admin = await w.login('demo-district');
    const zone = await call(w.app, admin, 'POST', '/api/zones', { name: '审计测试街道', kind: 'street' });
    await call(w.app, admin, 'PUT', `/api/zones/${zone.body.id}`, { name: '审计测试街道（改名）', kind: 'street' });
    const auditor = await w.login('demo-auditor');
    const log = await call(w.app, auditor, 'GET', `/api/audit?entity=zone&entityId=${zone.body.id}`);
    expect(log.body.total).toBe(2);
    const update = log.body.items.find((e: { action: string }) => e.action === 'zone.update');
    const found = await call(w.app, auditor, 'GET', `/api/audit?q=${encodeURIComponent('审计测试街道')}&action=zone.update`);
    expect(found.body.total).toBe(1); // matched in before as well as after
    expect(update).toMatchObject({ actorName: '周建国', before: { name: '审计测试街道' }, after: { name: '审计测试街道（改名）' } });
    expect(update.actorRoles).toEqual(['district_admin']);
    expect((await call(w.app, admin, 'GET', '/api/audit')).status).toBe(403);
    const byActor = await call(w.app, auditor, 'GET', `/api/audit?actor=周建国&from=2026-11-01&to=2026-12-31&pageSize=5`);
    expect(byActor.body.items.length).toBeGreaterThan(0);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(w.db.database.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only|permission denied/);
    await expect(w.db.database.query(`delete from audit_log`)).rejects.toThrow(/append-only|permission denied/);
    await expect(w.db.database.query(`truncate audit_log`)).rejects.toThrow(/append-only|permission denied/);
    const [row] = await w.db.database.query<{ n: number }>(`select count(*)::int as n from audit_log`);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('never stores a password, its hash or a full phone number, on every path that sets a password', async () => {
    const principal = await w.login('demo-principal');
    const classes = (await call(w.app, principal, 'GET', '/api/classes')).body as { id: string }[];
    const subjects = (await call(w.app, principal, 'GET', '/api/subjects')).body as { id: string; code: string }[];
    const created = await call(w.app, principal, 'POST', '/api/staff', {
      username: 'audit-pw-staff',
      name: '审计密码教师',
      phone: '13655554444',
      assignments: [{ role: 'teacher', classId: classes[0]!.id, subjectId: subjects.find((s) => s.code === 'math')!.id }],
    });
    expect(created.status).toBe(200);
    const passwords = [created.body.credential.initialPassword as string];
    const reset = await call(w.app, principal, 'POST', `/api/staff/${created.body.staff.id}/reset-password`);
    passwords.push(reset.body.initialPassword);
    const teacher = await w.login('audit-pw-staff', reset.body.initialPassword);
    expect((await call(w.app, teacher, 'POST', '/api/auth/password', { currentPassword: reset.body.initialPassword, newPassword: 'Neu#Mima2026x' })).status).toBe(200);
    passwords.push('Neu#Mima2026x');

    const student = (await call(w.app, principal, 'GET', `/api/students?classId=${classes[0]!.id}`)).body.items[0] as { id: string };
    const linked = await call(w.app, principal, 'POST', `/api/students/${student.id}/guardians`, { name: '审计家长', phone: '13988887777', relation: '母亲' });
    expect(linked.status).toBe(200);
    const guardian = (linked.body.guardians as { id: string; name: string }[]).find((g) => g.name === '审计家长')!;
    const account = await call(w.app, principal, 'POST', `/api/students/${student.id}/guardians/${guardian.id}/account`);
    expect(account.status).toBe(200);
    passwords.push(account.body.initialPassword);
    const again = await call(w.app, principal, 'POST', `/api/students/${student.id}/guardians/${guardian.id}/reset-password`);
    passwords.push(again.body.initialPassword);
    // the parent signs in with the phone number: the sign-in entry names the account, not the number
    await w.login('13988887777', again.body.initialPassword);

    const rows = await w.db.database.query<{ t: string }>(
      `select coalesce(entity_id, '') || ' ' || actor_name || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, '') as t from audit_log`,
    );
    const all = rows.map((r) => r.t).join('\n');
    expect(all).not.toMatch(/scrypt\$/);
    for (const p of [...passwords, 'Demo#2026']) expect(all).not.toContain(p);
    expect(all).not.toContain('13655554444');
    expect(all).not.toContain('13988887777');
    expect(all).toContain('139****7777');
  });
});

describe('the web app files', () => {
  it('are served precompressed, assets cached for good and pages revalidated, with the page headers on pages only', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'sj-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>双减</title>');
    const js = 'console.log("双减");'.repeat(200);
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), js);
    writeFileSync(join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
    const web = await createWorld({ seed: false, config: { webDist: dist } });
    try {
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-security-policy']).toBeUndefined();
      expect(brotliDecompressSync(asset.rawPayload).toString()).toBe(js);
      const page = await web.app.inject({ method: 'GET', url: '/homework/child' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      // an API answer over 1 kB is compressed on the fly
      const api = await web.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
      expect(api.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(api.rawPayload).toString()).openapi).toMatch(/^3\./);
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("the district's time zone", () => {
  it("decides what today is for each district's requests", async () => {
    // 12:00 UTC: 20:00 on the 26th in Shanghai, already 01:00 on the 27th in Auckland
    w.clock.current = new Date('2026-11-26T12:00:00Z');
    await w.db.database.query(`update districts set timezone = 'Pacific/Auckland' where code = 'other'`);
    const body = { value: { primary: '21:00', junior: '22:00' }, effectiveFrom: '2026-11-26', reason: '时区测试' };
    const demo = await call(w.app, await w.login('demo-district'), 'POST', '/api/policies/homework.bedtime', body);
    expect(demo.status).toBe(200);
    const other = await call(w.app, await w.login('other-admin'), 'POST', '/api/policies/homework.bedtime', body);
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('不能早于今天');
    const me = await call(w.app, await w.login('other-admin'), 'GET', '/api/me');
    expect(me.body.district.timezone).toBe('Pacific/Auckland');
  });
});

describe('server log', () => {
  it('writes JSON lines: an access line per answer, and every 5xx with its stack and the request id the answer carries', async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = await createWorld({ seed: false, logger: { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } } });
    try {
      const ok = await logged.app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      expect(lines.find((l) => l.msg === 'answered' && l.url === '/api/health')).toMatchObject({ status: 200, requestId: ok.headers['x-request-id'] });
      await logged.db.database.close(); // the database goes away under the server
      const failed = await logged.app.inject({ method: 'GET', url: '/api/health' });
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toMatchObject({ code: 'INTERNAL', requestId: failed.headers['x-request-id'] });
      const error = lines.find((l) => l.level === 50 && l.requestId === failed.json().requestId) as { err?: { stack?: string } } | undefined;
      expect(error?.err?.stack).toMatch(/\n\s+at /);
    } finally {
      await logged.app.close();
    }
  });

  it('carries the request id on refusals too', async () => {
    const refused = await w.app.inject({ method: 'GET', url: '/api/schools' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().requestId).toBe(refused.headers['x-request-id']);
  });
});
