import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { call, createWorld, testConfig, type World } from '../../../test/harness';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

const login = (username: string, password: string) =>
  w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('signs in with username and sets an httpOnly SameSite=Lax session cookie', async () => {
    const res = await login('demo-teacher', 'Demo#2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sj_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await call(w.app, `sj_session=${cookie.value}`, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['teacher']);
    expect(me.body.session.idleMinutes).toBe(30);
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', '/api/audit?action=auth.login&actor=李强');
    expect(log.body.items[0].actorRoles).toEqual(['teacher']);
  });

  it('signs in with the phone number too', async () => {
    const created = await call(w.app, await w.login('demo-principal'), 'POST', '/api/staff', {
      username: 'phone-user',
      name: '手机用户',
      phone: '13612345678',
      assignments: [{ role: 'teacher', classId: (await firstClass()).id, subjectId: await subjectId('math') }],
    });
    expect(created.status).toBe(200);
    const res = await login('13612345678', created.body.credential.initialPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mustChangePassword: true, secondFactor: 'none' });
  });

  it('answers an unknown user exactly as a real one with a wrong password, lockout included', async () => {
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await login(username, 'Wrong#2026x');
        const { requestId: _id, ...body } = r.json();
        out.push(`${r.statusCode} ${JSON.stringify(body)}`);
      }
      return out;
    };
    const real = await answers('sy01-t005');
    const unknown = await answers('nobody-at-all');
    expect(unknown).toEqual(real);
    expect(real.slice(0, 4).every((a) => a.startsWith('401 {"code":"INVALID_CREDENTIALS"'))).toBe(true);
    expect(real[4]).toMatch(/^423 .*"ACCOUNT_LOCKED".*15 分钟后再试/);
    expect(real.join()).not.toContain('remaining');
    w.clock.advance(15 * 60_000 + 1000);
    expect((await login('sy01-t005', 'Demo#2026')).statusCode).toBe(200);
  });

  it('holds an unknown name’s lock on every server (kept in the database), and lifts it when it ends', async () => {
    const other = await buildApp({ database: w.db.database, config: testConfig, now: w.clock.now, logger: false });
    try {
      const on = (app: typeof other, username = 'Nobody-Else') => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Wrong#2026x' } });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await on(i % 2 ? other : w.app)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 423]);
      // the other server, asked by the name in another case, answers the same lock
      expect((await on(other, 'nobody-else')).statusCode).toBe(423);
      const [row] = await w.db.database.query<{ name_hash: string; failures: number }>(`select name_hash, failures from auth_phantom_lockouts`);
      expect(row!.name_hash).toMatch(/^[0-9a-f]{64}$/); // the name itself is not kept
      w.clock.advance(15 * 60_000 + 1000);
      expect((await on(other)).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('rejects a malformed body with a Chinese message naming the field', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().message).toContain('密码（password）');
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 4; i++) expect((await login('demo-gradeleader', 'Wrong#2026')).statusCode).toBe(401);
    const fifth = await login('demo-gradeleader', 'Wrong#2026');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message).toContain('锁定');
    expect((await login('demo-gradeleader', 'Demo#2026')).statusCode).toBe(423);
    w.clock.advance(15 * 60_000 + 1000);
    expect((await login('demo-gradeleader', 'Demo#2026')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const res = await login('demo-subjectleader', 'Demo#2026');
    const cookie = `sj_session=${res.cookies[0]!.value}`;
    w.clock.advance(29 * 60_000);
    expect((await call(w.app, cookie, 'GET', '/api/me')).status).toBe(200);
    w.clock.advance(31 * 60_000);
    const expired = await call(w.app, cookie, 'GET', '/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('UNAUTHENTICATED');
  });

  it('ends every session 12 hours after sign-in however active', async () => {
    const res = await login('demo-subjectleader', 'Demo#2026');
    const cookie = `sj_session=${res.cookies[0]!.value}`;
    for (let step = 1; step <= 29; step++) {
      w.clock.advance(25 * 60_000); // 28 × 25 min = 11 h 40 min; 29 × 25 min = 12 h 5 min
      const r = await call(w.app, cookie, 'GET', '/api/me');
      expect(r.status).toBe(step < 29 ? 200 : 401);
    }
  });

  it('signs out', async () => {
    const res = await login('demo-inspector', 'Demo#2026');
    const cookie = `sj_session=${res.cookies[0]!.value}`;
    expect((await call(w.app, cookie, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await call(w.app, cookie, 'GET', '/api/me')).status).toBe(401);
  });

  it('answers 401 without a cookie', async () => {
    expect((await call(w.app, null, 'GET', '/api/schools')).status).toBe(401);
  });
});

describe('password change', () => {
  it('forces a new account to change its password first, checks the rule, then lets it in', async () => {
    const principal = await w.login('demo-principal');
    const created = await call(w.app, principal, 'POST', '/api/staff', {
      username: 'new-teacher',
      name: '新老师',
      assignments: [{ role: 'teacher', classId: (await firstClass()).id, subjectId: await subjectId('english') }],
    });
    const initial = created.body.credential.initialPassword;
    const res = await login('new-teacher', initial);
    const cookie = `sj_session=${res.cookies[0]!.value}`;
    const blocked = await call(w.app, cookie, 'GET', '/api/schools');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call(w.app, cookie, 'GET', '/api/me')).status).toBe(200);

    const weak = await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: initial, newPassword: 'abcdefgh' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_RULE');
    // common passwords and ones built on the username are refused though they have three kinds of characters
    for (const [password, problem] of [
      ['Password1', 'common'],
      ['P@ssw0rd', 'common'],
      ['Admin@123', 'common'],
      ['New-teacher#9', 'contains_username'],
    ] as const) {
      const r = await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: initial, newPassword: password });
      expect(r.status, password).toBe(400);
      expect(r.body.details.problems, password).toEqual([problem]);
      expect(r.body.message).toMatch(/常见密码|包含用户名/);
    }
    const wrongCurrent = await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: 'Nope#1234', newPassword: 'Better#2026' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.message).toContain('currentPassword');
    const ok = await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: initial, newPassword: 'Better#2026' });
    expect(ok.status).toBe(200);
    expect((await call(w.app, cookie, 'GET', '/api/schools')).status).toBe(200);
    expect((await login('new-teacher', initial)).statusCode).toBe(401);
    expect((await login('new-teacher', 'Better#2026')).statusCode).toBe(200);
  });

  it('ends the other sessions of the account when the password changes', async () => {
    const a = `sj_session=${(await login('demo-classteacher', 'Demo#2026')).cookies[0]!.value}`;
    const b = `sj_session=${(await login('demo-classteacher', 'Demo#2026')).cookies[0]!.value}`;
    expect((await call(w.app, a, 'POST', '/api/auth/password', { currentPassword: 'Demo#2026', newPassword: 'Changed#2026' })).status).toBe(200);
    expect((await call(w.app, a, 'GET', '/api/me')).status).toBe(200);
    expect((await call(w.app, b, 'GET', '/api/me')).status).toBe(401);
    await call(w.app, a, 'POST', '/api/auth/password', { currentPassword: 'Changed#2026', newPassword: 'Demo#2026x' });
  });
});

describe('wrong current passwords', () => {
  it('count toward the lockout: the fifth locks the account and ends its sessions', async () => {
    const cookie = `sj_session=${(await login('sy01-t006', 'Demo#2026')).cookies[0]!.value}`;
    const other = `sj_session=${(await login('sy01-t006', 'Demo#2026')).cookies[0]!.value}`;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: `Guess#${i}2026`, newPassword: 'Better#2026x' })).status);
    expect(codes).toEqual([400, 400, 400, 400, 423]);
    expect((await call(w.app, cookie, 'GET', '/api/me')).status).toBe(401);
    expect((await call(w.app, other, 'GET', '/api/me')).status).toBe(401);
    expect((await login('sy01-t006', 'Demo#2026')).statusCode).toBe(423);
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', '/api/audit?action=auth.locked');
    expect(log.body.total).toBeGreaterThan(0);
  });
});

describe('rate limit', () => {
  /** A real sign-in claiming `forwardedFor`, arriving from `peer`; answers the address the audit log recorded. */
  const auditedAddress = async (world: World, forwardedFor: string, peer: string) => {
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-teacher', password: 'Demo#2026' },
      headers: { 'x-forwarded-for': forwardedFor },
      remoteAddress: peer,
    });
    expect(res.statusCode).toBe(200);
    const rows = await world.db.database.query<{ ip: string }>(`select ip from audit_log where action = 'auth.login' order by id desc limit 1`);
    return rows[0]!.ip;
  };
  const attempt = (world: World, forwardedFor?: string) =>
    world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'Whatever#1' },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it('limits sign-in attempts per address', async () => {
    const limited = await createWorld({ seed: false, config: { loginRateLimit: { max: 3, timeWindowMs: 60_000 } } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(limited)).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const last = await attempt(limited);
      expect(last.json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('still limits when the shared count (Redis) cannot be reached: this server counts on its own', async () => {
    const limited = await createWorld({ seed: false, config: { redisUrl: 'redis://127.0.0.1:1', loginRateLimit: { max: 3, timeWindowMs: 60_000 } } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt(limited)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('is not escaped by a new X-Forwarded-For on every request, and does not log the claimed address', async () => {
    const limited = await createWorld({ config: { loginRateLimit: { max: 10, timeWindowMs: 60_000 } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 30; i++) codes.push((await attempt(limited, `203.0.113.${i + 1}`)).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401 || c === 423)).toBe(true);
      expect(codes.slice(10)).toEqual(Array(20).fill(429));
      // a real sign-in from a forged address is recorded with the address the server saw
      expect(await auditedAddress(limited, '198.51.100.7', '192.0.2.44')).toBe('192.0.2.44');
    } finally {
      await limited.close();
    }
  });

  it('believes X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
    const proxied = await createWorld({ config: { trustProxy: ['192.0.2.0/24'] } });
    try {
      expect(await auditedAddress(proxied, '198.51.100.7', '192.0.2.10')).toBe('198.51.100.7');
    } finally {
      await proxied.close();
    }
  });
});

async function firstClass() {
  const res = await call(w.app, await w.login('demo-principal'), 'GET', '/api/classes');
  return res.body[0] as { id: string };
}
async function subjectId(code: string) {
  const res = await call(w.app, await w.login('demo-principal'), 'GET', '/api/subjects');
  return (res.body as { id: string; code: string }[]).find((s) => s.code === code)!.id;
}
