/**
 * One server per PGlite data folder, even across PID namespaces: two servers started as PID 1 of two namespaces (as
 * two containers sharing a volume) on one folder, the second refuses; once the first is killed, the next one starts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'sj-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** unshare needs root (or user namespaces); CI runs as root. */
const canUnshare = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

function server(extraEnv: Record<string, string> = {}, namespaced = true) {
  const node = [process.execPath, '--import', 'tsx', 'apps/server/src/main.ts'];
  const [cmd, ...args] = namespaced ? ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc', ...node] : node;
  const child = spawn(cmd!, args, {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '0', PORT: '0', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const listening = new Promise<boolean>((done) => {
    const timer = setInterval(() => {
      if (out.includes('listening on')) {
        clearInterval(timer);
        done(true);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      done(false);
    });
  });
  return { child, exited, listening, output: () => out };
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the data-folder lock', () => {
  it.runIf(canUnshare)('refuses a second server in another PID namespace, and is free again once the first dies', async () => {
    const first = server();
    expect(await first.listening, first.output()).toBe(true);
    // both are PID 1 in their own namespace: a process id cannot tell them apart, the kernel's lock can
    const second = server();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`数据目录 ${join(dataDir, 'pglite')} 正被另一个进程使用`);

    first.child.kill('SIGKILL');
    await first.exited;
    const third = server();
    expect(await third.listening, third.output()).toBe(true);
    third.child.kill('SIGKILL');
    await third.exited;
  }, 300_000);

  it('tells a command to stop the server first, and names a folder it cannot write', async () => {
    const running = server({}, false);
    expect(await running.listening, running.output()).toBe(true);
    const admin = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin-create.ts', '--district-code', 'x1', '--district-name', '测试区'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(admin.status).toBe(1);
    expect(admin.stderr).toContain('请先停止服务器');
    running.child.kill('SIGTERM');
    await running.exited;

    // a folder no process may create, for root too (CI runs as root)
    const denied = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: '/dev/null/sj-data', DATABASE_URL: '', DEMO: '0', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('数据目录 /dev/null/sj-data 不可写');
  }, 300_000);
});
