/** Starts one server on a fresh data folder with the demo district (built web app included) for all browser tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

let server: ChildProcess | undefined;
let dataDir: string | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  const dist = join(root, 'apps/web/dist/index.html');
  if (!existsSync(dist)) throw new Error('apps/web/dist is missing: run `npm run build` before the browser tests');
  dataDir = mkdtempSync(join(tmpdir(), 'sj-e2e-'));
  // serve a copy of the built app, so a rebuild during the run cannot pull files from under the pages
  const webDist = join(dataDir, 'web');
  cpSync(join(root, 'apps/web/dist'), webDist, { recursive: true });
  const port = 36000 + Math.floor(Math.random() * 2000);
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: webDist, DATABASE_URL: '', LOGIN_RATE_MAX: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // the server's log beside the screenshots: a test that finds the server gone is explained there
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const file = createWriteStream(join(root, 'test-results/e2e-server.log'));
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
    if (!up && i === 240) throw new Error(`server not answering after 2 minutes: ${log}`);
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseURL', baseURL);
}

export async function teardown() {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
