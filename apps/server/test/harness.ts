/** Test tier against a real database: PGlite on a copied data folder by default, a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { buildApp, MODULES } from '../src/app';
import { channelsFromConfig } from '../src/platform/channels';
import { seedDemo } from '../src/demo/seed';
import type { App, LogTarget } from '../src/platform/http';
import { type Config, defaultConfig } from '../src/platform/config';
import { installKeyring, keyringOf } from '../src/platform/crypto';
import { type Database, openDatabase } from '../src/platform/db';
import { seedOtherDistrict } from './fixtures';

export interface TestDb {
  database: Database;
  /** PostgreSQL URLs of this database (unset on PGlite): the serving role's and the owner's. */
  url?: string;
  ownerUrl?: string;
  drop(): Promise<void>;
}

/** The role the tests serve as on PostgreSQL: the tables belong to TEST_DATABASE_URL's user, as in production. */
const SERVING_ROLE = 'sj_app';

async function ensureServingRole(admin: pg.Client) {
  // test files run in parallel: one creates the role, the others wait for it
  await admin.query('select pg_advisory_lock(874301)');
  try {
    const { rowCount } = await admin.query('select 1 from pg_roles where rolname = $1', [SERVING_ROLE]);
    if (!rowCount) await admin.query(`CREATE ROLE ${SERVING_ROLE} LOGIN PASSWORD '${SERVING_ROLE}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  } finally {
    await admin.query('select pg_advisory_unlock(874301)');
  }
}

/**
 * A new, migrated, empty database for one test file. On PostgreSQL it is migrated by TEST_DATABASE_URL's user (the
 * owner) and served as a separate role with only the rights serving needs, exactly as `DATABASE_OWNER_URL` does.
 * On PGlite it is a copy of the run's migrated empty data folder (see `pgliteCopy`).
 */
export async function createTestDb(options: { template?: string } = {}): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return pgliteCopy('empty', async () => {});
  // named with the run's tag: global-setup.ts drops what a failed or interrupted file left behind
  const name = `sj_test_${inject('testRunTag') ?? 'untagged'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  await ensureServingRole(admin);
  await admin.end();
  const ownerUrl = new URL(base);
  ownerUrl.pathname = `/${name}`;
  const url = new URL(ownerUrl);
  url.username = SERVING_ROLE;
  url.password = SERVING_ROLE;
  const database = await openDatabase(url.toString(), { poolSize: 4, ownerUrl: ownerUrl.toString() });
  return {
    database,
    url: url.toString(),
    ownerUrl: ownerUrl.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The data key of every test run: fixed, so the seeded snapshots copied between test files open with it
 * (crypto.test.ts and the rotation tests install keyrings of their own).
 */
export const TEST_DATA_KEY = 'dGVzdC1kYXRhLWtleS0zMi1ieXRlcy1leGFjdGx5ISE=';
installKeyring(keyringOf(TEST_DATA_KEY));

export const testConfig: Config = {
  ...defaultConfig,
  webDist: null,
  loginRateLimit: { max: 10_000, timeWindowMs: 60_000 },
  complaintRateLimit: { max: 10_000, lookupMax: 10_000, timeWindowMs: 60_000 },
  publicRateLimit: { max: 10_000, timeWindowMs: 60_000 },
};

export class Clock {
  constructor(public current = new Date('2026-11-26T02:00:00Z')) {}
  now = () => this.current;
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface World {
  app: App;
  db: TestDb;
  clock: Clock;
  /** Signs in and returns the cookie header; `password` defaults to the demo password. */
  login(username: string, password?: string): Promise<string>;
  /**
   * Marks accounts a test made as exempt from the second factor, as the demo seed marks the demo accounts (honoured
   * because the test server runs in demo mode). An administrator made by a test needs it before `login`.
   */
  exemptFromSecondFactor(...usernames: string[]): Promise<void>;
  /** One run of a module's scheduled job (by name), as the server's scheduler makes it on its timer. */
  runJob(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A database holding the demo district (with the parts asked for) and the second district. On PGlite the first test
 * file to ask for a variant seeds it and leaves a copy of the data folder in the run's snapshot folder; later files
 * start from that copy instead of migrating and seeding again (the seed is deterministic but for its timestamps).
 */
type DemoParts = { homework: boolean; afterSchool: boolean; training: boolean; managements: boolean; timetable?: boolean; homeSchool?: boolean };
const variantOf = (p: DemoParts) => `demo${p.homework ? 'h' : ''}${p.afterSchool ? 'a' : ''}${p.training ? 't' : ''}${p.managements ? 'm' : ''}${p.timetable ? 'c' : ''}${p.homeSchool ? 's' : ''}`;

async function seededTestDb(parts: DemoParts): Promise<TestDb> {
  const variant = variantOf(parts);
  if (process.env.TEST_DATABASE_URL) return createTestDb({ template: await seededTemplate(process.env.TEST_DATABASE_URL, variant, parts) });
  return pgliteCopy(variant, async (db) => {
    await seedDemo(db, { ...parts, today: '2026-11-26' });
    await seedOtherDistrict(db);
  });
}

/**
 * PGlite: a copy of the run's data folder `name`, made by `fill` (after the migrations) by the first test file that
 * needs it. Copying a folder and opening it costs about a second; starting PGlite afresh (initdb) or from a tar of a
 * data folder costs three. The folders live in the run's snapshot folder (in memory, on /dev/shm, where it has room).
 */
async function pgliteCopy(name: string, fill: (db: Database['db']) => Promise<void>): Promise<TestDb> {
  const root = inject('testSnapshots');
  const snapshot = join(root, name);
  if (!existsSync(snapshot)) {
    const partial = join(root, `${name}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
    const made = await openDatabase(partial);
    try {
      await fill(made.db);
    } finally {
      await made.close(); // a clean shutdown: a copy opened later replays no WAL
    }
    try {
      renameSync(partial, snapshot); // whole or absent: another file starting now never copies half a folder
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another file made it first
    }
  }
  const folder = join(root, `db-${process.pid}-${randomBytes(6).toString('hex')}`);
  cpSync(snapshot, folder, { recursive: true });
  const database = await openDatabase(folder);
  return {
    database,
    drop: async () => {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: the run's template database of a variant, seeded once by the first test file that needs it (the others
 * wait on an advisory lock per variant) and copied by CREATE DATABASE … TEMPLATE; the run's teardown drops it.
 */
async function seededTemplate(base: string, variant: string, parts: DemoParts): Promise<string> {
  const template = `sj_tpl_${inject('testRunTag')}_${variant}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const key = (parts.homework ? 1 : 0) + (parts.afterSchool ? 2 : 0) + (parts.training ? 4 : 0) + (parts.managements ? 8 : 0) + (parts.timetable ? 16 : 0) + (parts.homeSchool ? 32 : 0);
  await admin.query('select pg_advisory_lock(874302, $1)', [key]);
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (!rowCount) {
      const t = await createTestDb();
      await seedDemo(t.database.db, { ...parts, today: '2026-11-26' });
      await seedOtherDistrict(t.database.db);
      await t.database.close();
      await admin.query(`ALTER DATABASE ${new URL(t.ownerUrl!).pathname.slice(1)} RENAME TO ${template}`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock(874302, $1)', [key]);
    await admin.end();
  }
  return template;
}

/**
 * The demo district (with the parts asked for) on the tests' date, into a database a test opened itself: platform
 * tests may not import the demo (replica.test.ts seeds a primary of its own).
 */
export const seedDemoInto = (db: Database['db'], parts: Partial<DemoParts>) => seedDemo(db, { ...parts, today: '2026-11-26' });

/** The demo district plus a second district, served by an app on a test clock. */
export async function createWorld(
  options: { config?: Partial<Config>; seed?: boolean; homework?: boolean; afterSchool?: boolean; training?: boolean; managements?: boolean; timetable?: boolean; homeSchool?: boolean; logger?: LogTarget } = {},
): Promise<World> {
  const parts = { homework: !!options.homework, afterSchool: !!options.afterSchool, training: !!options.training, managements: !!options.managements, timetable: !!options.timetable, homeSchool: !!options.homeSchool };
  const db = options.seed === false ? await createTestDb() : await seededTestDb(parts);
  const clock = new Clock();
  const app = await buildApp({ database: db.database, config: { ...testConfig, ...options.config }, now: clock.now, logger: options.logger ?? false });
  const cookies = new Map<string, { cookie: string; at: number }>();
  const config = { ...testConfig, ...options.config };
  return {
    app,
    db,
    clock,
    async login(username, password = 'Demo#2026') {
      const key = `${username}\n${password}`;
      const known = cookies.get(key);
      // a cached session is reused only while the test clock keeps it well inside the idle timeout
      if (known && Math.abs(clock.current.getTime() - known.at) < 10 * 60_000) return known.cookie;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      // a session waiting for a second factor can do nothing else: a test using it would only see refusals
      const factor = (res.json() as { secondFactor?: string }).secondFactor;
      if (factor && factor !== 'none') throw new Error(`login ${username}: the account needs its second factor (${factor}); exemptFromSecondFactor() it first`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      cookies.set(key, { cookie, at: clock.current.getTime() });
      return cookie;
    },
    async exemptFromSecondFactor(...usernames) {
      await db.database.query(
        `insert into second_factors (district_id, user_id, exempt) select district_id, id, true from users where username = any($1::text[])
         on conflict (district_id, user_id) do update set exempt = true`,
        [`{${usernames.join(',')}}`],
      );
    },
    async runJob(name) {
      const job = MODULES.flatMap((m) => m.jobs ?? []).find((j) => j.name === name);
      if (!job) throw new Error(`no scheduled job ${name}`);
      return job.run({ db: db.database.db, channels: channelsFromConfig(config), now: clock.now });
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** The code an authenticator app shows for `secret` at `at` (the server's TOTP: SHA-1, 6 digits, 30 s). */
export const totpCode = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });

/** app.inject with a signed-in user; JSON in, parsed JSON out. */
export async function call(app: App, cookie: string | null, method: string, url: string, payload?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: cookie ? { cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON (a file)
  }
  return { status: res.statusCode, body: body as any, raw: res };
}

/**
 * A server-paged list (`{ items, total }`) read in tests: `list` asks for one page (200 expected, the answer quoted when
 * not), `all` for one page of 500 that must hold every match (the demo and the tests stay under it).
 */
export function pagedList<T>(app: () => App, path: string) {
  const list = async (cookie: string, query: string): Promise<{ items: T[]; total: number }> => {
    const res = await call(app(), cookie, 'GET', `${path}?${query}`);
    expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const all = async (cookie: string, query: string) => {
    const page = await list(cookie, `${query}&pageSize=500`);
    expect(page.items.length).toBe(page.total);
    return page;
  };
  return { list, all };
}
