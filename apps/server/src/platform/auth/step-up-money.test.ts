/**
 * The step-up on money that is not a payment: a school's waiver list (what a family owes) and a training institution's
 * risk deposit (the district's custody ledger). An enrolled account whose code is older than STEP_UP_MINUTES is refused
 * with STEP_UP_REQUIRED and nothing is written; after the code again the same request goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, totpCode, type World } from '../../../test/harness';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(() => w.close());

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const codeAt = (secret: string) => totpCode(secret, w.clock.current);
/** How many rows of a table meet a condition (`table where …`). */
const count = async (text: string, params: unknown[]) => Number((await q<{ n: number }>(`select count(*)::int as n from ${text}`, params))[0]!.n);
const SIX_MINUTES = 6 * 60_000;

/** Enrols a demo account (exempt until it enrols) and answers the full session's cookie and the secret. */
async function enrolled(username: string) {
  const cookie = await w.login(username);
  const started = await call(w.app, cookie, 'POST', '/api/auth/second-factor/enrolment');
  expect(started.status).toBe(200);
  const confirmed = await w.app.inject({ method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', headers: { cookie }, payload: { code: codeAt(started.body.secret) } });
  expect(confirmed.statusCode).toBe(200);
  const session = confirmed.cookies.find((c) => c.name === 'sj_session');
  return { cookie: session ? `sj_session=${session.value}` : cookie, secret: started.body.secret as string };
}

/** The code entered again (a later 30-second step than any used before: a code is taken once). */
async function stepUp(account: { cookie: string; secret: string }) {
  const res = await call(w.app, account.cookie, 'POST', '/api/auth/step-up', { code: codeAt(account.secret) });
  expect(res.status).toBe(200);
}

describe('step-up on waivers and deposits', () => {
  it('asks the code again before a child goes on or off the waiver list, and writes nothing until then', async () => {
    const principal = await enrolled('demo-principal');
    const [{ id: school }] = (await q<{ id: string }>(`select id from schools where code = 'SY01'`)) as [{ id: string }];
    const [{ id: student }] = (await q<{ id: string }>(
      `select s.id from students s where s.school_id = $1 and s.status = 'active'
         and not exists (select 1 from after_school_waivers x where x.student_id = s.id and x.revoked_at is null) order by s.student_no limit 1`,
      [school],
    )) as [{ id: string }];
    const waivers = async () => count('after_school_waivers where student_id = $1 and revoked_at is null', [student]);
    const auditRows = async (action: string) => count('audit_log where action = $1', [action]);
    const addsBefore = await auditRows('after-school.waiver.add');

    w.clock.advance(SIX_MINUTES);
    const refused = await call(w.app, principal.cookie, 'POST', '/api/after-school/money/waivers', { schoolId: school, studentId: student, category: 'low_income' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('STEP_UP_REQUIRED');
    expect(refused.body.message).toContain('动态验证码');
    expect(await waivers()).toBe(0);
    expect(await auditRows('after-school.waiver.add')).toBe(addsBefore);

    await stepUp(principal);
    const added = await call(w.app, principal.cookie, 'POST', '/api/after-school/money/waivers', { schoolId: school, studentId: student, category: 'low_income' });
    expect(added.status).toBe(200);
    expect(await waivers()).toBe(1);

    w.clock.advance(SIX_MINUTES);
    const revokeRefused = await call(w.app, principal.cookie, 'DELETE', `/api/after-school/money/waivers/${added.body.id}`);
    expect(revokeRefused.status).toBe(403);
    expect(revokeRefused.body.code).toBe('STEP_UP_REQUIRED');
    expect(await waivers()).toBe(1);

    await stepUp(principal);
    expect((await call(w.app, principal.cookie, 'DELETE', `/api/after-school/money/waivers/${added.body.id}`)).status).toBe(200);
    expect(await waivers()).toBe(0);
  });

  it('asks the code again before a risk deposit is recorded, and moves no money until then', async () => {
    const district = await enrolled('demo-district');
    const [inst] = await q<{ id: string }>(`select id from institutions where name = '小科学家科技创新中心'`);
    const deposits = async () => count('training_deposits where institution_id = $1', [inst!.id]);
    const transfers = async () => count(`training_transfers where kind = 'deposit'`, []);
    const [depositsBefore, transfersBefore] = [await deposits(), await transfers()];

    w.clock.advance(SIX_MINUTES);
    const body = { institutionId: inst!.id, amountFen: 100000, paidOn: '2026-11-20', reference: 'BZJ-STEP' };
    const refused = await call(w.app, district.cookie, 'POST', '/api/training/deposits', body);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('STEP_UP_REQUIRED');
    expect(await deposits()).toBe(depositsBefore);
    expect(await transfers()).toBe(transfersBefore);

    await stepUp(district);
    const recorded = await call(w.app, district.cookie, 'POST', '/api/training/deposits', body);
    expect(recorded.status).toBe(200);
    expect(await deposits()).toBe(depositsBefore + 1);
    expect(await transfers()).toBe(transfersBefore + 1);
  });
});
