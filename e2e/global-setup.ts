/** Starts the browser tests' servers (one per worker), each on a fresh data folder with the demo district and the built web app. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Servers for the browser tests: one per worker (E2E_WORKERS, default 1: two workers on a 2-core machine beside the PostgreSQL run time out), each on its own data folder. */
const servers: { process: ChildProcess; dataDir: string }[] = [];

declare module 'vitest' {
  export interface ProvidedContext {
    /** One base URL per worker: a test file talks to its worker's server (harness.ts baseURL()). */
    baseURLs: string[];
  }
}

export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  // E2E_WEB_DIST: a built app elsewhere (several runs side by side, each with its own build)
  const distDir = process.env.E2E_WEB_DIST ? resolve(process.env.E2E_WEB_DIST) : join(root, 'apps/web/dist');
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} is missing: run \`npm run build\` before the browser tests`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  // a server that did come up is stopped when another did not: a failed setup leaves nothing running
  const started = await Promise.allSettled(Array.from({ length: E2E_WORKERS }, (_, n) => startServer(root, distDir, n)));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await teardown();
    throw failure.reason;
  }
  project.provide('baseURLs', started.map((s) => (s as PromiseFulfilledResult<string>).value));
}

async function startServer(root: string, distDir: string, n: number): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sj-e2e-'));
  // serve a copy of the built app, so a rebuild during the run cannot pull files from under the pages
  const webDist = join(dataDir, 'web');
  cpSync(distDir, webDist, { recursive: true });
  const port = 36000 + n * 2000 + Math.floor(Math.random() * 2000);
  // STEP_UP_MINUTES=1 (the least the server takes; 5 by default): a code entered at sign-in is a fresh step-up, so a
  // browser test sees the step-up dialog only once that long has passed (admin-roles.e2e.ts); no other test relies on it
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: webDist, DATABASE_URL: '', LOGIN_RATE_MAX: '1000', PUBLIC_RATE_MAX: '100000', STEP_UP_MINUTES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push({ process: server, dataDir });
  // the server's log beside the screenshots: a test that finds the server gone is explained there
  const file = createWriteStream(join(root, `test-results/e2e-server${n ? `-${n + 1}` : ''}.log`));
  let log = '';
  server.stdout?.on('data', (d) => {
    log += String(d);
    file.write(d);
  });
  server.stderr?.on('data', (d) => {
    log += String(d);
    file.write(d);
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let up = false, i = 0; !up; i++) {
    try {
      up = (await fetch(`${baseURL}/api/health`)).ok;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (!up && i === 600) throw new Error(`server not answering after 5 minutes: ${log}`);
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  return baseURL;
}

export async function teardown() {
  for (const s of servers) s.process.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
}
