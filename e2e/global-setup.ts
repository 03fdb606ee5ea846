/**
 * Starts the browser tests' servers (one per worker), each on a fresh data folder with the demo district and the built
 * web app. The demo is loaded for the district's date of the day; when that date changes during the run (midnight in
 * Asia/Shanghai is 16:00 UTC), a fresh set of servers is started with the new day's demo and the test files that start
 * from then on use it (harness.ts baseURL()), while files already running finish on the servers they began with.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE, type LocalDate, todayIn } from '@shuangjian/policy';
import type { TestProject } from 'vitest/node';

/** Servers for the browser tests: one per worker (E2E_WORKERS, default 1: two workers on a 2-core machine beside the PostgreSQL run time out), each on its own data folder. */
const servers: { process: ChildProcess | null; dataDir: string }[] = [];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file naming the servers of the day (ServersOfDay): a test file talks to its worker's server (harness.ts baseURL()). */
    e2eServers: string;
  }
}

/** What the servers file holds: the day the demo was loaded for, and one base URL per worker (null while that day's servers start). */
export interface ServersOfDay {
  date: LocalDate;
  urls: string[] | null;
}

/** The zone whose midnight starts a new day's servers: the demo district's (E2E_DAY_ZONE only to try the switch at another hour). */
const DAY_ZONE = process.env.E2E_DAY_ZONE ?? DEFAULT_TIME_ZONE;
let watch: NodeJS.Timeout | undefined;
/** The ports taken by this run's servers (a new day's server never gets an earlier one's). */
const ports = new Set<number>();

export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  // E2E_WEB_DIST: a built app elsewhere (several runs side by side, each with its own build)
  const distDir = process.env.E2E_WEB_DIST ? resolve(process.env.E2E_WEB_DIST) : join(root, 'apps/web/dist');
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} is missing: run \`npm run build\` before the browser tests`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const file = join(mkdtempSync(join(tmpdir(), 'sj-e2e-servers-')), 'servers.json');
  // its folder goes with the servers' folders at teardown
  servers.push({ process: null, dataDir: resolve(file, '..') });
  const publish = (day: ServersOfDay) => {
    // written whole, then renamed: a reader never sees half a file
    writeFileSync(`${file}.tmp`, JSON.stringify(day));
    renameSync(`${file}.tmp`, file);
  };
  let date = todayIn(DAY_ZONE);
  publish({ date, urls: null });
  let urls: string[];
  try {
    urls = await startServers(root, distDir, '');
  } catch (err) {
    // a server that did come up is stopped when another did not: a failed setup leaves nothing running
    await teardown();
    throw err;
  }
  publish({ date, urls });
  project.provide('e2eServers', file);
  let switching = false;
  watch = setInterval(() => {
    const now = todayIn(DAY_ZONE);
    if (now === date || switching) return;
    switching = true;
    date = now;
    publish({ date, urls: null });
    console.log(`[e2e] ${DAY_ZONE} is at ${now}: starting servers with that day's demo for the test files still to come`);
    startServers(root, distDir, `-${now}`)
      .then((fresh) => (urls = fresh))
      // the files to come keep the day before's servers (and fail where they need today's demo): said, not hidden
      .catch((err: unknown) => console.error(`[e2e] the servers of ${now} did not start; the day before's go on:`, err))
      .finally(() => {
        publish({ date, urls });
        switching = false;
      });
  }, 10_000);
}

/** One server per worker; when one does not come up, the others of the set are left to teardown() and the error thrown. */
async function startServers(root: string, distDir: string, suffix: string): Promise<string[]> {
  const started = await Promise.allSettled(Array.from({ length: E2E_WORKERS }, (_, n) => startServer(root, distDir, n, suffix)));
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return started.map((s) => (s as PromiseFulfilledResult<string>).value);
}

async function startServer(root: string, distDir: string, n: number, suffix: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sj-e2e-'));
  // serve a copy of the built app, so a rebuild during the run cannot pull files from under the pages
  const webDist = join(dataDir, 'web');
  cpSync(distDir, webDist, { recursive: true });
  let port: number;
  do port = 36000 + n * 2000 + Math.floor(Math.random() * 2000);
  while (ports.has(port));
  ports.add(port);
  // STEP_UP_MINUTES=1 (the least the server takes; 5 by default): a code entered at sign-in is a fresh step-up, so a
  // browser test sees the step-up dialog only once that long has passed (admin-roles.e2e.ts); no other test relies on it
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: webDist, DATABASE_URL: '', LOGIN_RATE_MAX: '1000', PUBLIC_RATE_MAX: '100000', STEP_UP_MINUTES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push({ process: server, dataDir });
  // the server's log beside the screenshots: a test that finds the server gone is explained there
  const file = createWriteStream(join(root, `test-results/e2e-server${n ? `-${n + 1}` : ''}${suffix}.log`));
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
  clearInterval(watch);
  for (const s of servers) s.process?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
}
