/**
 * Walks every route of the OpenAPI document as a user of another school (same district) and as a user of another
 * district, aiming each at the demo school's records, and asserts that nothing foreign is read or written.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from './harness';
import { demoSchoolTargets, type Probe, probes } from './openapi-walk';

/** Routes that are about the caller alone or public by design. */
const NOT_TENANT_DATA = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  // the person's own second factor: acts on the signed-in account only, like the password
  'POST /api/auth/second-factor/verify',
  'GET /api/auth/second-factor',
  'POST /api/auth/second-factor/enrolment',
  'POST /api/auth/second-factor/enrolment/confirm',
  'POST /api/auth/second-factor/recovery-codes',
  'DELETE /api/auth/second-factor',
  'POST /api/auth/step-up',
  'GET /api/auth/demo-accounts',
  'GET /api/health',
  'GET /api/public/districts/{code}/institutions',
  'GET /api/public/after-school/schools/{schoolId}',
  'GET /api/public/timetable/schools/{schoolId}',
  'POST /api/public/districts/{code}/complaints',
  'GET /api/public/complaints/{ticket}',
]);

let w: World;
let target: Record<string, string>;
let privateIds: { school: Set<string>; district: Set<string> };

const q = async <T = Record<string, string>>(sql: string, params: unknown[] = []) => w.db.database.query<T>(sql, params);

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  target = await demoSchoolTargets(w);
  const d = target.district!;
  const school = { id: target.school! };
  // Everything of the demo school is private to another school; everything of the district to another district.
  const schoolScoped = await q<{ id: string }>(
    `select id::text from classes where district_id = $1 and school_id = $2
     union all select id::text from students where district_id = $1 and school_id = $2
     union all select g.guardian_id::text from guardian_links g join students s on s.district_id = g.district_id and s.id = g.student_id where s.district_id = $1 and s.school_id = $2
     union all select id::text from role_assignments where district_id = $1 and school_id = $2
     union all select user_id::text from role_assignments r where district_id = $1 and school_id = $2
       and not exists (select 1 from role_assignments o where o.district_id = r.district_id and o.user_id = r.user_id and (o.school_id is distinct from $2))
     union all select id::text from homework_items where district_id = $1 and school_id = $2
     union all select id::text from homework_mistakes where district_id = $1 and school_id = $2
     union all select id::text from supervision_notices where district_id = $1 and audience_school_ids = array[$2::uuid]
     union all select id::text from supervision_reports where district_id = $1 and school_id = $2
     union all select $2::text union all select $3::text union all select $4::text union all select $5::text`,
    [d, school!.id, target.entry, target.attachment, target.noticeFile],
  );
  const districtScoped = await q<{ id: string }>(
    `select id::text from districts where id = $1
     union all select id::text from zones where district_id = $1 union all select id::text from schools where district_id = $1
     union all select id::text from classes where district_id = $1 union all select id::text from students where district_id = $1
     union all select id::text from guardians where district_id = $1 union all select id::text from users where district_id = $1
     union all select id::text from subjects where district_id = $1 union all select id::text from institutions where district_id = $1
     union all select id::text from semesters where district_id = $1 union all select id::text from calendar_entries where district_id = $1
     union all select id::text from role_assignments where district_id = $1
     union all select id::text from homework_items where district_id = $1 union all select id::text from homework_designs where district_id = $1
     union all select id::text from homework_collections where district_id = $1 union all select id::text from homework_mistakes where district_id = $1
     union all select id::text from supervision_assessments where district_id = $1
     union all select id::text from supervision_notices where district_id = $1 union all select id::text from supervision_notice_replies where district_id = $1
     union all select id::text from supervision_reports where district_id = $1
     union all select $2::text union all select $3::text union all select $4::text`,
    [d, target.attachment, target.noticeFile, target.evidence],
  );
  privateIds = { school: new Set(schoolScoped.map((r) => r.id)), district: new Set(districtScoped.map((r) => r.id)) };
}, 600_000);
afterAll(() => w?.close());

/** Every row of the demo district as text (volatile sign-in columns and the logs aside), per table. */
async function snapshot(): Promise<Map<string, Set<string>>> {
  const tables = await q<{ table_name: string }>(
    `select table_name from information_schema.columns where column_name = 'district_id' and table_schema = 'public'
     and table_name not in ('audit_log', 'sessions', 'idempotency_keys', 'notifications') order by table_name`,
  );
  const out = new Map<string, Set<string>>();
  for (const { table_name: t } of tables) {
    const projection =
      t === 'users' ? `(t.id, t.username, t.name, t.phone, t.password_hash, t.must_change_password, t.status)::text` : 't::text';
    const rows = await q<{ r: string }>(`select ${projection} as r from ${t} t where t.district_id = $1`, [target.district]);
    out.set(t, new Set(rows.map((x) => x.r)));
  }
  return out;
}

/** No row of the demo district changed or vanished; new rows (the actor's own work) carry no key of the demo school. */
function compare(before: Map<string, Set<string>>, after: Map<string, Set<string>>, schoolIds: Set<string>): string[] {
  const problems: string[] = [];
  for (const [table, rows] of before) {
    const now = after.get(table) ?? new Set();
    const lost = [...rows].filter((r) => !now.has(r));
    if (lost.length) problems.push(`${table}: ${lost.length} row(s) changed or deleted, e.g. ${lost[0]!.slice(0, 160)}`);
    const added = [...now].filter((r) => !rows.has(r));
    const foreign = added.filter((r) => leaks(r, schoolIds).length);
    if (foreign.length) problems.push(`${table}: new row(s) inside the demo school, e.g. ${foreign[0]!.slice(0, 160)}`);
  }
  return problems;
}

function leaks(body: string, ids: Set<string>): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) if (ids.has(m[0])) found.add(m[0]);
  return [...found];
}

describe.each([
  { who: 'a user of another school', username: 'cx02-t001', scope: 'school' as const },
  { who: 'a user of another district', username: 'other-admin', scope: 'district' as const },
])('every route, as $who', ({ username, scope }) => {
  it('reads nothing and writes nothing of the demo school', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const list = probes(doc, target, NOT_TENANT_DATA);
    expect(list.length).toBeGreaterThan(30);
    const cookie = await w.login(username);
    const before = await snapshot();
    const failures: string[] = [];
    // writes last, so reads see the world unchanged; DELETEs at the very end
    const order = (p: Probe) => (p.method === 'GET' ? 0 : p.method === 'DELETE' ? 2 : 1);
    const answered = new Map<string, number>();
    let aimed = 0;
    for (const p of [...list].sort((a, b) => order(a) - order(b))) {
      const res = await call(w.app, cookie, p.method, p.url, p.body);
      answered.set(`${Math.floor(res.status / 100)}xx`, (answered.get(`${Math.floor(res.status / 100)}xx`) ?? 0) + 1);
      if (p.aimsAtPrivate) aimed++;
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (res.status >= 500) failures.push(`${p.route}: ${res.status} ${text.slice(0, 200)}`);
      const leaked = leaks(text, privateIds[scope]);
      if (leaked.length) failures.push(`${p.route} → ${p.url}: answered foreign ids ${leaked.slice(0, 3).join(', ')}`);
      // a foreign id must be indistinguishable from one that does not exist
      const pathIds = leaks(p.url.split('?')[0]!, privateIds[scope]);
      if (pathIds.length) {
        let unknownUrl = p.url;
        for (const id of pathIds) unknownUrl = unknownUrl.replaceAll(id, randomUUID());
        const unknown = await call(w.app, cookie, p.method, unknownUrl, p.body);
        if (unknown.status !== res.status || (res.status >= 400 && unknown.body?.code !== res.body?.code))
          failures.push(`${p.route}: a foreign id answered ${res.status} ${res.body?.code}, an unknown id ${unknown.status} ${unknown.body?.code}`);
      }
      if (p.aimsAtPrivate && p.method !== 'GET' && ![403, 404].includes(res.status))
        failures.push(`${p.route} → ${p.url}: write aimed at the demo school answered ${res.status} ${text.slice(0, 160)}`);
      if (p.aimsAtPrivate && p.method === 'GET' && p.url.includes(target.school!) && res.status === 200 && !text.includes('"items":[]') && text !== '[]')
        failures.push(`${p.route} → ${p.url}: read aimed at the demo school answered 200`);
    }
    const routes = new Set(list.map((p) => p.route)).size;
    console.log(
      `cross-tenant walk (${scope === 'school' ? 'another school' : 'another district'}): ${routes} routes, ${list.length} requests (${aimed} aimed at the demo school's own ids); ` +
        `answers ${[...answered].sort().map(([k, n]) => `${k} ${n}`).join(', ')}; failures ${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect(compare(before, await snapshot(), privateIds.school)).toEqual([]);
  }, 120_000);
});
