/** The two-server test's tools: a real server process (main.ts, as `npm start` runs it) and a signed-in client that can talk to either server. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../..');
const PASSWORD = 'Demo#2026';

export interface Served {
  base: string;
  /** Everything the process printed, for a failure's message. */
  output(): string;
}

/** Starts `apps/server/src/main.ts` on a free port; `cleanups` stops it (SIGTERM, then SIGKILL after 10 s). */
export async function startServer(env: Record<string, string>, cleanups: (() => Promise<void> | void)[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRUST_PROXY: '127.0.0.1', WEB_DIST: resolve(root, 'apps/web/no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  cleanups.push(async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const base = await new Promise<string>((ok, fail) => {
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) ok(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => fail(new Error(`server exited before listening:\n${out}`)));
  });
  return { base, output: () => out };
}

export interface Answer<T> {
  status: number;
  body: T;
}

export interface Session {
  /** The same session, sent to `server`. */
  on(server: Served): {
    get<T = unknown>(path: string): Promise<Answer<T>>;
    post<T = unknown>(path: string, body: unknown): Promise<Answer<T>>;
    put<T = unknown>(path: string, body: unknown): Promise<Answer<T>>;
    delete<T = unknown>(path: string): Promise<Answer<T>>;
  };
}

/** Signs a demo account in on `server` (demo accounts need no second factor while DEMO=1). */
export async function signIn(server: Served, username: string): Promise<Session> {
  const r = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
  const cookie = /sj_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`sign-in of ${username}: no session cookie`);
  const send = async <T>(server: Served, method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    on: (server) => ({
      get: (path) => send(server, 'GET', path),
      post: (path, body) => send(server, 'POST', path, body),
      put: (path, body) => send(server, 'PUT', path, body),
      delete: (path) => send(server, 'DELETE', path),
    }),
  };
}
