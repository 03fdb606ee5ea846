/** The second factor (TOTP) and 三员分立, through the HTTP API on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, totpCode, type World } from '../../../test/harness';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'sj_session');
  return c ? `sj_session=${c.value}` : '';
};
const login = async (username: string, password = 'Demo#2026') => {
  const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return { status: res.statusCode, body: res.json(), cookie: cookieOf(res) };
};
/** The code the person's app shows at the test clock's time (or one step later). */
const codeAt = (secret: string, stepsLater = 0) => totpCode(secret, new Date(w.clock.current.getTime() + stepsLater * 30_000));

/** A new staff account of 实验小学 as a teacher (no factor required), its password changed: returns username and cookie. */
async function newTeacher(username: string) {
  const principal = await w.login('demo-principal');
  const classId = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body.children[0].classId;
  const subjects = await call(w.app, principal, 'GET', '/api/subjects');
  const created = await call(w.app, principal, 'POST', '/api/staff', {
    username,
    name: '测试教师',
    assignments: [{ role: 'teacher', classId, subjectId: subjects.body[0].id }],
  });
  expect(created.status).toBe(200);
  const first = await login(username, created.body.credential.initialPassword);
  const changed = await call(w.app, first.cookie, 'POST', '/api/auth/password', { currentPassword: created.body.credential.initialPassword, newPassword: 'Kx7#mQ2v-Lp9' });
  expect(changed.status).toBe(200);
  return { id: created.body.staff.id as string, username, password: 'Kx7#mQ2v-Lp9', cookie: first.cookie };
}

/** Enrols the account of this session: answers the secret and the recovery codes. */
async function enrol(cookie: string) {
  const started = await call(w.app, cookie, 'POST', '/api/auth/second-factor/enrolment');
  expect(started.status).toBe(200);
  expect(started.body.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(started.body.qrSvg).toContain('<svg');
  const confirmed = await call(w.app, cookie, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: codeAt(started.body.secret) });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.recoveryCodes).toHaveLength(10);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe('second factor', () => {
  it('enrols with a scanned secret, then asks the code after the password; a wrong code is refused and counted', async () => {
    const t = await newTeacher('mfa-teacher');
    const wrongFirst = await call(w.app, t.cookie, 'POST', '/api/auth/second-factor/enrolment');
    const refused = await call(w.app, t.cookie, 'POST', '/api/auth/second-factor/enrolment/confirm', { code: '000000' === codeAt(wrongFirst.body.secret) ? '111111' : '000000' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('SECOND_FACTOR_INVALID');
    const { secret } = await enrol(t.cookie);
    expect((await call(w.app, t.cookie, 'GET', '/api/auth/second-factor')).body).toMatchObject({ enrolled: true, required: false, recoveryCodesLeft: 10 });

    w.clock.advance(60_000);
    const first = await login(t.username, t.password);
    expect(first.status).toBe(200);
    expect(first.body.secondFactor).toBe('code');
    // before the code: nothing but the code (and sign-out) answers
    expect((await call(w.app, first.cookie, 'GET', '/api/me')).status).toBe(401);
    const wrong = await call(w.app, first.cookie, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, 10) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('SECOND_FACTOR_INVALID');
    const right = await w.app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: { cookie: first.cookie }, payload: { code: codeAt(secret) } });
    expect(right.statusCode).toBe(200);
    const session = cookieOf(right);
    expect(session).not.toBe(first.cookie); // a new token once the code is right
    expect((await call(w.app, first.cookie, 'GET', '/api/me')).status).toBe(401);
    expect((await call(w.app, session, 'GET', '/api/me')).body.secondFactor).toEqual({ enrolled: true, required: false, enrolmentRequired: false });
    // the same code twice is refused (one use per time step)
    const again = await login(t.username, t.password);
    expect((await call(w.app, again.cookie, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret) })).status).toBe(400);
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${t.id}&pageSize=50`);
    const actions = log.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.second_factor_enrolled', 'auth.second_factor_failed', 'auth.password_ok', 'auth.login']));
  });

  it('locks the account after repeated wrong codes, like wrong passwords', async () => {
    const t = await newTeacher('mfa-lock');
    const { secret } = await enrol(t.cookie);
    w.clock.advance(60_000);
    const first = await login(t.username, t.password);
    let last = { status: 0, body: {} as { code?: string } };
    for (let i = 0; i < 5; i++) last = await call(w.app, first.cookie, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret, 20 + i) });
    expect(last.status).toBe(423);
    expect(last.body.code).toBe('ACCOUNT_LOCKED');
    // the lock ended the waiting session, and the right password alone does not get past it
    expect((await call(w.app, first.cookie, 'POST', '/api/auth/second-factor/verify', { code: codeAt(secret) })).status).toBe(401);
    expect((await login(t.username, t.password)).status).toBe(423);
    w.clock.advance(16 * 60_000);
  });

  it('takes a recovery code once', async () => {
    const t = await newTeacher('mfa-recovery');
    const { recoveryCodes } = await enrol(t.cookie);
    w.clock.advance(60_000);
    const first = await login(t.username, t.password);
    const used = await call(w.app, first.cookie, 'POST', '/api/auth/second-factor/verify', { code: recoveryCodes[0]!.toUpperCase() });
    expect(used.status).toBe(200);
    const second = await login(t.username, t.password);
    const reused = await call(w.app, second.cookie, 'POST', '/api/auth/second-factor/verify', { code: recoveryCodes[0] });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('SECOND_FACTOR_INVALID');
    expect((await call(w.app, second.cookie, 'POST', '/api/auth/second-factor/verify', { code: recoveryCodes[1] })).status).toBe(200);
  });

  it('is reset by a higher administrator (audited); the person enrols again', async () => {
    const t = await newTeacher('mfa-reset');
    const { secret } = await enrol(t.cookie);
    // the teacher cannot reset anyone, nor the principal someone of another school's reach
    expect((await call(w.app, await w.login('demo-teacher'), 'POST', `/api/system/accounts/${t.id}/second-factor/reset`)).status).toBe(403);
    const reset = await call(w.app, await w.login('demo-system'), 'POST', `/api/system/accounts/${t.id}/second-factor/reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactor).toBe(false);
    // the person's sessions ended; the password alone signs in now (a teacher's role does not require a factor)
    expect((await call(w.app, t.cookie, 'GET', '/api/me')).status).toBe(401);
    const again = await login(t.username, t.password);
    expect(again.body.secondFactor).toBe('none');
    expect(codeAt(secret)).toMatch(/^\d{6}$/);
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${t.id}&action=auth.second_factor_reset`);
    expect(log.body.items[0]).toMatchObject({ actorName: '冯立新', actorRoles: ['system_admin'] });
    // the school's administrator resets a teacher of the school too
    await enrol(again.cookie);
    const byPrincipal = await call(w.app, await w.login('demo-principal'), 'POST', `/api/staff/${t.id}/second-factor/reset`);
    expect(byPrincipal.status).toBe(200);
  });
});

describe('step-up', () => {
  it('refuses a sensitive action without a recent code and lets it through after one', async () => {
    // a district-level account with a factor (granted by the security administrator): policy edits need a step-up
    const t = await newTeacher('mfa-stepup');
    const security = await w.login('demo-security');
    expect((await call(w.app, security, 'POST', '/api/security/grants', { userId: t.id, role: 'inspector' })).status).toBe(200);
    const { secret } = await enrol(t.cookie);
    const district = await login('demo-district');
    expect(district.body.secondFactor).toBe('none'); // exempt demo account in demo mode
    // the principal (exempt, demo) exports the roster without a code; the enrolled account is asked for one
    expect((await call(w.app, await w.login('demo-principal'), 'GET', `/api/roster/students/export?schoolId=${(await call(w.app, await w.login('demo-principal'), 'GET', '/api/me')).body.schools[0].id}`)).status).toBe(200);
    w.clock.advance(6 * 60_000);
    const signIn = await login(t.username, t.password);
    const verified = await w.app.inject({ method: 'POST', url: '/api/auth/second-factor/verify', headers: { cookie: signIn.cookie }, payload: { code: codeAt(secret) } });
    const cookie = cookieOf(verified);
    // just signed in with the code: the step-up is fresh
    const security2 = await call(w.app, cookie, 'GET', '/api/auth/second-factor');
    expect(security2.body.stepUpUntil).not.toBeNull();
    w.clock.advance(6 * 60_000);
    const regenerate = await call(w.app, cookie, 'POST', '/api/auth/second-factor/recovery-codes');
    expect(regenerate.status).toBe(403);
    expect(regenerate.body.code).toBe('STEP_UP_REQUIRED');
    const wrong = await call(w.app, cookie, 'POST', '/api/auth/step-up', { code: codeAt(secret, 30) });
    expect(wrong.status).toBe(400);
    const stepped = await call(w.app, cookie, 'POST', '/api/auth/step-up', { code: codeAt(secret) });
    expect(stepped.status).toBe(200);
    expect((await call(w.app, cookie, 'POST', '/api/auth/second-factor/recovery-codes')).status).toBe(200);
    // a few minutes later it is asked again
    w.clock.advance(6 * 60_000);
    expect((await call(w.app, cookie, 'POST', '/api/auth/second-factor/recovery-codes')).body.code).toBe('STEP_UP_REQUIRED');
  });
});

describe('the demo exemption', () => {
  it('is ignored when the server runs with DEMO=0: an administrator without a factor may only enrol', async () => {
    const off = await createWorld({ config: { demo: false } });
    try {
      const res = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-district', password: 'Demo#2026' } });
      expect(res.json()).toEqual({ mustChangePassword: false, secondFactor: 'enrol' });
      const cookie = cookieOf(res);
      const me = await call(off.app, cookie, 'GET', '/api/me');
      expect(me.body.secondFactor).toEqual({ enrolled: false, required: true, enrolmentRequired: true });
      const students = await call(off.app, cookie, 'GET', '/api/students');
      expect(students.status).toBe(403);
      expect(students.body.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      const started = await call(off.app, cookie, 'POST', '/api/auth/second-factor/enrolment');
      const code = totpCode(started.body.secret, off.clock.current);
      const confirmed = await off.app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', headers: { cookie }, payload: { code } });
      expect(confirmed.statusCode).toBe(200);
      // enrolled: a new full session; the limited one is gone
      expect((await call(off.app, cookieOf(confirmed), 'GET', '/api/students')).status).toBe(200);
      expect((await call(off.app, cookie, 'GET', '/api/students')).status).toBe(401);
      // a teacher's role needs no factor, with or without demo mode
      const teacher = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-teacher', password: 'Demo#2026' } });
      expect(teacher.json().secondFactor).toBe('none');
    } finally {
      await off.close();
    }
  });
});

describe('三员分立', () => {
  it('keeps the system, security and audit administrators apart, each on its own pages', async () => {
    const security = await w.login('demo-security');
    const grants = await call(w.app, security, 'GET', '/api/security/grants');
    const holder = (u: string) => grants.body.items.find((i: { username: string }) => i.username === u);
    const system = holder('demo-system');
    const auditor = holder('demo-auditor');
    const district = holder('demo-district');
    for (const [who, role] of [
      [system, 'security_admin'],
      [system, 'auditor'],
      [auditor, 'system_admin'],
      [district, 'auditor'],
    ] as const) {
      const res = await call(w.app, security, 'POST', '/api/security/grants', { userId: who.id, role });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ROLE_SEPARATION');
      expect(res.body.message).toContain('三员分立');
    }
    // the district's business administrator cannot hand out the three roles
    const admin = await w.login('demo-district');
    const t = await newTeacher('sanyuan-new');
    const byAdmin = await call(w.app, admin, 'POST', '/api/staff', { username: 'sanyuan-sys', name: '系统', assignments: [{ role: 'system_admin' }] });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.message).toContain('安全管理员');
    const dual = await call(w.app, admin, 'POST', '/api/staff', { username: 'sanyuan-dual', name: '兼职', assignments: [{ role: 'security_admin' }, { role: 'auditor' }] });
    expect(dual.status).toBe(400);
    expect(dual.body.code).toBe('ROLE_SEPARATION');
    // a teacher made system administrator would hold two roles: refused; a fresh account is granted
    expect((await call(w.app, security, 'POST', '/api/security/grants', { userId: t.id, role: 'system_admin' })).body.code).toBe('ROLE_SEPARATION');
    const system2 = await call(w.app, await w.login('demo-system'), 'GET', '/api/system/accounts?q=demo-teacher');
    expect(system2.status).toBe(200);
    expect(system2.body.items[0]).toMatchObject({ username: 'demo-teacher', roles: ['teacher'] });
    // each only through its own pages
    expect((await call(w.app, await w.login('demo-system'), 'GET', '/api/security/grants')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-system'), 'GET', '/api/audit')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-system'), 'GET', '/api/students')).body.total ?? 0).toBe(0);
    expect((await call(w.app, security, 'GET', '/api/system/accounts')).status).toBe(403);
    expect((await call(w.app, security, 'GET', '/api/audit')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-auditor'), 'GET', '/api/system/accounts')).status).toBe(403);
    expect((await call(w.app, await w.login('demo-auditor'), 'GET', '/api/security/grants')).status).toBe(403);
    // the business administrator no longer resets the three administrators' accounts
    expect((await call(w.app, admin, 'POST', `/api/staff/${auditor.id}/reset-password`)).status).toBe(403);
    // grants and revocations are audited
    const granted = await call(w.app, security, 'POST', '/api/security/grants', { userId: t.id, role: 'inspector' });
    expect(granted.status).toBe(200);
    const assignment = granted.body.assignments.find((a: { role: string }) => a.role === 'inspector');
    expect((await call(w.app, security, 'DELETE', `/api/security/grants/${assignment.id}`)).status).toBe(200);
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${t.id}&pageSize=50`);
    const actions = log.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['security.grant', 'security.revoke']));
  });

  it('lets the system administrator disable, unlock and reset accounts, audited, never its own', async () => {
    const system = await w.login('demo-system');
    const t = await newTeacher('sys-managed');
    expect((await call(w.app, system, 'PATCH', `/api/system/accounts/${t.id}`, { status: 'disabled' })).body.status).toBe('disabled');
    expect((await login(t.username, t.password)).status).toBe(403);
    expect((await call(w.app, system, 'PATCH', `/api/system/accounts/${t.id}`, { status: 'active' })).status).toBe(200);
    const reset = await call(w.app, system, 'POST', `/api/system/accounts/${t.id}/reset-password`);
    expect(reset.body.initialPassword).toBeTruthy();
    const me = await call(w.app, system, 'GET', '/api/me');
    expect((await call(w.app, system, 'PATCH', `/api/system/accounts/${me.body.user.id}`, { status: 'disabled' })).status).toBe(400);
    const settings = await call(w.app, system, 'GET', '/api/system/settings');
    expect(settings.body.secondFactor.roles).toContain('system_admin');
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${t.id}&pageSize=50`);
    const actions = log.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['account.update', 'account.password_reset']));
  });

  it('refuses other districts: an id of another district is unknown', async () => {
    const other = await w.login('other-admin');
    const t = await newTeacher('sys-foreign');
    expect((await call(w.app, other, 'POST', `/api/system/accounts/${t.id}/second-factor/reset`)).status).toBe(403);
    const system = await w.login('demo-system');
    const foreign = await call(w.app, system, 'GET', '/api/system/accounts?q=other-admin');
    expect(foreign.body.items).toEqual([]);
    const otherMe = await call(w.app, other, 'GET', '/api/me');
    expect((await call(w.app, system, 'POST', `/api/system/accounts/${otherMe.body.user.id}/unlock`)).status).toBe(404);
    expect((await call(w.app, await w.login('demo-security'), 'POST', '/api/security/grants', { userId: otherMe.body.user.id, role: 'inspector' })).status).toBe(404);
  });
});
