/**
 * Two servers, one PostgreSQL primary with a streaming replica, Redis: what must hold when the platform runs as
 * several processes. Runs from `.ci/two-servers` (which starts the pair and sets CLUSTER_PRIMARY_URL,
 * CLUSTER_REPLICA_URL and REDIS_URL); skipped elsewhere.
 * - a session made on one server works on the other;
 * - a policy change and a role change made on one are applied by the other within a second (its caches are warm);
 * - a family's report and a class's new name made on one show on the other's kept parent's list within a second;
 * - the sign-in rate limit holds across both;
 * - 500 concurrent enrolment choices spread over both fill exactly 30 seats;
 * - each scheduled job ran once per due time, whichever server took it;
 * - dashboards read from the replica while it keeps up, and from the primary while it lags.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, signIn, startServer } from './cluster';

const primaryUrl = process.env.CLUSTER_PRIMARY_URL;
const replicaUrl = process.env.CLUSTER_REPLICA_URL;
const redisUrl = process.env.REDIS_URL;
const on = !!(primaryUrl && replicaUrl && redisUrl);
const LOGIN_RATE_MAX = 12;
const FAMILIES = 500;
const SEATS = 30;

const dbName = `sj_cluster_${process.pid}`;
const inDb = (url: string) => Object.assign(new URL(url), { pathname: `/${dbName}` }).toString();
const asApp = (url: string) => Object.assign(new URL(url), { username: 'sj_cluster_app' }).toString();
let a: Served;
let b: Served;
let db: pg.Pool;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (!on) return;
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  // served as a role that owns nothing, as the README advises: the owner migrates (the worker's schema too) and grants
  await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sj_cluster_app') THEN CREATE ROLE sj_cluster_app LOGIN; END IF; END $$`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: primaryUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  });
  const env = {
    DATABASE_URL: asApp(inDb(primaryUrl!)),
    DATABASE_OWNER_URL: inDb(primaryUrl!),
    DATABASE_REPLICA_URL: asApp(inDb(replicaUrl!)),
    REPLICA_MAX_LAG_MS: '5000',
    REDIS_URL: redisUrl!,
    LOGIN_RATE_MAX: String(LOGIN_RATE_MAX),
    DATA_KEY: randomBytes(32).toString('base64'),
    DEMO: '1',
  };
  // started together: one migrates and loads the demo district under the startup lock, the other waits and finds it done
  [a, b] = await Promise.all([startServer(env, cleanups), startServer(env, cleanups)]);
  db = new pg.Pool({ connectionString: inDb(primaryUrl!), max: 4 });
  cleanups.push(() => db.end());
}, 300_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const within = async (ms: number, check: () => Promise<boolean>) => {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return Date.now();
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.skipIf(!on)('two servers, a replica and Redis', () => {
  it('a session made on one server works on the other', async () => {
    const s = await signIn(a, 'demo-district');
    const me = await s.on(b).get<{ user: { username: string } }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('demo-district');
    // and signing out on the second ends it on the first
    expect((await s.on(b).post('/api/auth/logout', {})).status).toBe(200);
    expect((await s.on(a).get('/api/me')).status).toBe(401);
  });

  it('a policy change on one server is applied by the other within a second', async () => {
    const s = await signIn(a, 'demo-district');
    const bedtime = async () => {
      const r = await s.on(b).get<{ key: string; current: { value: unknown } | null }[]>('/api/policies');
      return r.body.find((p) => p.key === 'homework.bedtime')?.current?.value as { primary: string } | undefined;
    };
    const before = await bedtime(); // warms the second server's cache (kept 30 s without a notice)
    const value = { primary: before?.primary === '21:10' ? '21:20' : '21:10', junior: '22:00' };
    // the district's today (Asia/Shanghai): from 16:00 UTC on, the UTC date is already its yesterday, which a policy may not start on
    const today = todayIn(DEFAULT_TIME_ZONE);
    const set = await s.on(a).post('/api/policies/homework.bedtime', { value, effectiveFrom: today, reason: '两台服务器的测试' });
    expect(set.status).toBe(200);
    const t0 = Date.now();
    const seen = await within(1000, async () => (await bedtime())?.primary === value.primary);
    expect(seen, 'the second server still answered the old bedtime after 1 s').not.toBeNull();
    console.log(`policy change seen by the other server after ${seen! - t0} ms`);
  });

  it('a role granted on one server is in force on the other within a second', async () => {
    const teacher = await signIn(b, 'demo-teacher');
    const roles = async () => (await teacher.on(b).get<{ roles: string[] }>('/api/me')).body.roles;
    expect(await roles()).not.toContain('inspector');
    const security = await signIn(a, 'demo-security');
    const [user] = (await db.query<{ id: string }>(`select id from users where username = 'demo-teacher'`)).rows;
    const granted = await security.on(a).post<{ assignments: { id: string; role: string }[] }>('/api/security/grants', { userId: user!.id, role: 'inspector' });
    expect(granted.status).toBe(200);
    const t0 = Date.now();
    const seen = await within(1000, async () => (await roles()).includes('inspector'));
    expect(seen, 'the grant was not in force on the other server after 1 s').not.toBeNull();
    console.log(`role grant in force on the other server after ${seen! - t0} ms`);
    const grant = granted.body.assignments.find((x) => x.role === 'inspector')!;
    expect((await security.on(a).delete(`/api/security/grants/${grant.id}`)).status).toBe(200);
    expect(await within(1000, async () => !(await roles()).includes('inspector'))).not.toBeNull();
  });

  it('a report and a rename made on one server show on the parent’s list kept by the other within a second', async () => {
    type Day = { list: { className: string; items: { itemId: string; minutes: number }[] } | null; feedback: { reportedAt: string } | null };
    const parent = await signIn(a, 'demo-parent');
    const child = (await parent.on(a).get<{ children: { id: string; classId: string }[] }>('/api/me')).body.children[0]!;
    const today = todayIn(DEFAULT_TIME_ZONE);
    const dayOf = (date: string) => async () => (await parent.on(b).get<Day>(`/api/homework/child/day?studentId=${child.id}&date=${date}`)).body;
    // the latest day of the last week with a published list
    let read: (() => Promise<Day>) | null = null;
    let date = today;
    for (let back = 1; back <= 7 && !read; back++) {
      date = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
      if ((await dayOf(date)()).list?.items.length) read = dayOf(date);
    }
    expect(read, 'no published day in the last week').not.toBeNull();
    const kept = await read!(); // kept by the second server now
    const saved = await parent.on(a).put<{ feedback: { reportedAt: string } }>('/api/homework/feedback', {
      studentId: child.id,
      date,
      items: kept.list!.items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes })),
      stoppedAtBedtime: false,
    });
    expect(saved.status).toBe(200);
    let t0 = Date.now();
    let seen = await within(1000, async () => (await read!()).feedback?.reportedAt === saved.body.feedback.reportedAt);
    expect(seen, 'the other server still showed the day without the report after 1 s').not.toBeNull();
    console.log(`a family's report seen on the other server's kept list after ${seen! - t0} ms`);
    const admin = await signIn(a, 'demo-district');
    const klass = (await admin.on(a).get<{ grade: number; name: string; entryYear: number }>(`/api/classes/${child.classId}`)).body;
    const rename = (name: string) => admin.on(a).put(`/api/classes/${child.classId}`, { grade: klass.grade, name, entryYear: klass.entryYear });
    expect((await rename(`${klass.name}（更名）`)).status).toBe(200);
    t0 = Date.now();
    seen = await within(1000, async () => (await read!()).list?.className === `${klass.name}（更名）`);
    expect(seen, 'the other server still showed the old class name after 1 s').not.toBeNull();
    console.log(`a class's new name seen on the other server's kept list after ${seen! - t0} ms`);
    expect((await rename(klass.name)).status).toBe(200);
  });

  it('the sign-in rate limit counts across both servers', async () => {
    const statuses: number[] = [];
    const address = `203.0.113.${(process.pid % 250) + 1}`; // this run's own count, apart from the sign-ins above
    // a name no account has: every attempt is refused, none locks an account
    for (let i = 0; i < LOGIN_RATE_MAX + 4; i++) {
      const server = i % 2 === 0 ? a : b;
      const r = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ username: `nobody-${process.pid}`, password: 'wrong-password-1' }) });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(statuses.slice(0, LOGIN_RATE_MAX).every((s) => s !== 429)).toBe(true);
  });

  it(`${FAMILIES} concurrent choices spread over both servers fill exactly ${SEATS} seats`, async () => {
    const stage = await stageRush(db, FAMILIES, SEATS);
    const parent = await signIn(a, 'demo-parent');
    const answers = await Promise.all(
      stage.children.map((id, i) => parent.on(i % 2 === 0 ? a : b).post<{ status: string }>(`/api/after-school/children/${id}/choices`, { courseId: stage.course })),
    );
    expect(answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`).slice(0, 3)).toEqual([]);
    expect(answers.filter((r) => r.body.status === 'enrolled')).toHaveLength(SEATS);
    expect(answers.filter((r) => r.body.status === 'waitlisted')).toHaveLength(FAMILIES - SEATS);
    const { rows } = await db.query<{ enrolled: number; seated: number }>(
      `select c.enrolled, (select count(*)::int from after_school_enrolments e where e.district_id = c.district_id and e.course_id = c.id and e.status = 'enrolled') as seated
       from after_school_courses c where c.id = $1`,
      [stage.course],
    );
    expect(rows[0]).toEqual({ enrolled: SEATS, seated: SEATS });
  }, 120_000);

  it('each scheduled job ran once per due time, whichever server took it', async () => {
    // the every-minute jobs: wait for a minute boundary to pass while both servers run
    const started = new Date();
    const boundary = new Date(Math.ceil((started.getTime() + 1000) / 60_000) * 60_000);
    const ran = await within(90_000, async () => {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from job_runs where due_at >= $1 and status = 'done'`, [boundary]);
      return rows[0]!.n > 0;
    });
    expect(ran, 'no scheduled job ran after the minute boundary').not.toBeNull();
    await new Promise((r) => setTimeout(r, 3000)); // a second run of the same due time, if any, would have started by now
    const { rows } = await db.query<{ job: string; due_at: Date; first_attempts: number }>(
      `select job, due_at, count(*) filter (where attempt = 1)::int as first_attempts from job_runs where due_at >= $1 group by job, due_at order by job`,
      [started],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.first_attempts !== 1)).toEqual([]);
    const servers = await db.query<{ server: string }>(`select distinct server from job_runs`);
    // the operator's page, served by a role that owns nothing, reads the runs and the worker's queue
    const system = await signIn(b, 'demo-system');
    const page = await system.on(b).get<{ engine: string; retrying: number | null; jobs: { name: string; lastRun: { status: string } | null }[] }>('/api/system/jobs');
    expect(page.status).toBe(200);
    expect(page.body.engine).toBe('graphile-worker');
    expect(page.body.retrying).toBe(0);
    expect(page.body.jobs.find((j) => j.name === rows[0]!.job)?.lastRun).not.toBeNull();
    console.log(`scheduled runs since the test began: ${rows.map((r) => `${r.job}@${r.due_at.toISOString().slice(11, 16)}`).join(', ')}; run by ${servers.rows.map((r) => r.server).join(', ')}`);
  }, 120_000);

  it('dashboards read from the replica while it keeps up, and the health check says so', async () => {
    for (const server of [a, b]) {
      const health = await fetch(`${server.base}/api/health`).then((r) => r.json() as Promise<{ replica?: { state: string; fresh: boolean } }>);
      expect(health.replica).toMatchObject({ fresh: true });
    }
    const district = await signIn(b, 'demo-district');
    expect((await district.on(b).get('/api/supervision/home')).status).toBe(200);
  });

  it('a replica that falls behind is left for the primary until it catches up', async () => {
    const replica = new pg.Client({ connectionString: inDb(replicaUrl!) });
    await replica.connect();
    const fresh = async (server: Served) => (await fetch(`${server.base}/api/health`).then((r) => r.json() as Promise<{ replica: { fresh: boolean } }>)).replica.fresh;
    const district = await signIn(a, 'demo-district');
    try {
      await replica.query('select pg_wal_replay_pause()');
      await db.query(`update districts set name = name`); // a write the paused replica does not replay
      expect(await within(10_000, async () => !(await fresh(a)) && !(await fresh(b))), 'both servers still trusted the paused replica after 10 s').not.toBeNull();
      expect((await district.on(a).get('/api/supervision/home')).status).toBe(200); // served by the primary meanwhile
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
    expect(await within(10_000, async () => (await fresh(a)) && (await fresh(b))), 'the servers did not return to the replica after it caught up').not.toBeNull();
    await replica.end();
  });
});

/** 500 more children in demo-parent's care (张小明's class, agreements signed), an open first-come window, a 30-seat club. */
async function stageRush(db: pg.Pool, families: number, seats: number) {
  const one = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as T;
  const { district_id: d, school_id: school, class_id: cls, grade } = await one<{ district_id: string; school_id: string; class_id: string; grade: number }>(
    `select s.district_id, s.school_id, s.class_id, c.grade from students s join classes c on c.district_id = s.district_id and c.id = s.class_id where s.name = '张小明' limit 1`,
  );
  const { id: semester } = await one<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= current_date and end_date >= current_date`, [d]);
  const { id: plan } = await one<{ id: string }>(`select id from after_school_plans where district_id = $1 and school_id = $2 and semester_id = $3 and status = 'approved' order by version desc limit 1`, [d, school, semester]);
  const { id: parent } = await one<{ id: string }>(`select id from users where username = 'demo-parent'`);
  const { id: guardian } = await one<{ id: string }>(`select id from guardians where district_id = $1 and user_id = $2`, [d, parent]);
  const children = (
    await db.query<{ id: string }>(
      `insert into students (district_id, school_id, class_id, student_no, name, gender, birth_date)
       select $1, $2, $3, 'RUSH' || lpad(n::text, 4, '0'), '抢课' || n, case when n % 2 = 0 then 'M' else 'F' end, '2017-03-01'
       from generate_series(1, ${families}) n returning id`,
      [d, school, cls],
    )
  ).rows.map((r) => r.id);
  await db.query(`insert into guardian_links (district_id, student_id, guardian_id, relation) select $1, id, $2, '父亲' from unnest($3::uuid[]) as t(id)`, [d, guardian, children]);
  await db.query(
    `insert into after_school_agreements (district_id, school_id, class_id, student_id, semester_id, plan_id, signed_by, text_hash)
     select $1, $2, $3, id, $4, $5, $6, repeat('0', 64) from unnest($7::uuid[]) as t(id)`,
    [d, school, cls, semester, plan, parent, children],
  );
  await db.query(`update after_school_windows set opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' where district_id = $1 and school_id = $2`, [d, school]);
  await db.query(
    `insert into after_school_windows (district_id, school_id, semester_id, opens_at, closes_at, mode, max_clubs) values ($1, $2, $3, now() - interval '1 hour', now() + interval '1 day', 'first_come', 2)`,
    [d, school, semester],
  );
  const { id: course } = await one<{ id: string }>(
    `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, staffing, teacher_ids)
     values ($1, $2, $3, '两台服务器抢课', 'sports', $4, $5, '{2}', '16:40', '17:40', 'teacher', '{}') returning id`,
    [d, school, semester, [grade], seats],
  );
  return { children, course };
}
