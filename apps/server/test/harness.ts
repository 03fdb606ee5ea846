/** Test tier against a real database: PGlite in memory by default, a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app';
import { seedDemo } from '../src/demo/seed';
import type { App, LogTarget } from '../src/platform/http';
import { type Config, defaultConfig } from '../src/platform/config';
import { type Database, openDatabase } from '../src/platform/db';
import { seedOtherDistrict } from './fixtures';

export interface TestDb {
  database: Database;
  /** The PostgreSQL URL of this database (unset on PGlite in memory), for tests that start server processes. */
  url?: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database for one test file. */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const database = await openDatabase('memory://');
    return { database, drop: () => database.close() };
  }
  const name = `sj_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase(url.toString(), { poolSize: 4 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const testConfig: Config = { ...defaultConfig, webDist: null, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } };

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
  close(): Promise<void>;
}

/** The demo district plus a second district, served by an app on a test clock. */
export async function createWorld(options: { config?: Partial<Config>; seed?: boolean; homework?: boolean; logger?: LogTarget } = {}): Promise<World> {
  const db = await createTestDb();
  if (options.seed !== false) {
    await seedDemo(db.database.db, { homework: options.homework, today: '2026-11-26' });
    await seedOtherDistrict(db.database.db);
  }
  const clock = new Clock();
  const app = await buildApp({ database: db.database, config: { ...testConfig, ...options.config }, now: clock.now, logger: options.logger ?? false });
  const cookies = new Map<string, { cookie: string; at: number }>();
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
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      cookies.set(key, { cookie, at: clock.current.getTime() });
      return cookie;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

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
