/**
 * One server per PGlite data folder: PGlite has no lock of its own, and two servers on one folder each see only their
 * own writes and lose the other's. A process id is no lock either: two containers sharing a volume both run as PID 1.
 *
 * The lock is the kernel's flock(2) on a file beside the data, held by a small child process (util-linux `flock`)
 * reading the server's stdin pipe. It belongs to the file, so it holds across PID namespaces and containers on one
 * volume; the kernel drops it the moment the holder dies, however the server died (its end of the pipe closes, the
 * child exits), so a lock is never stale. Where `flock` is missing the server falls back to a pid file, which only
 * holds within one PID namespace, and says so.
 */
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export class DataDirLockedError extends Error {}

/** Who wants the folder: the message tells a person what to do. */
export type LockPurpose = 'server' | 'command';

function lockedMessage(dataDir: string, purpose: LockPurpose, holder = '另一个进程') {
  return purpose === 'server'
    ? `数据目录 ${dataDir} 正被${holder}使用：同一数据目录只能运行一个服务器。请先停止它，或设置 DATA_DIR / DATABASE_URL 使用其他数据库。`
    : `数据目录 ${dataDir} 正被运行中的服务器（${holder}）使用：请先停止服务器（在运行 npm start 的终端按 Ctrl+C），再运行此命令。`;
}

/** A folder the server cannot write stops the start with a message naming it. */
function assertWritable(folder: string) {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new Error(`数据目录 ${folder} 不可写（${code}）：请检查目录权限，或用 DATA_DIR 指定一个可写的目录。`);
  }
}

/** Takes the lock or throws DataDirLockedError; resolves to the release function. `onLost`: the holder died under us. */
export async function acquireDataDirLock(dataDir: string, purpose: LockPurpose = 'server', onLost?: () => void): Promise<() => void> {
  const path = `${dataDir}.lock`;
  assertWritable(dirname(path));
  const holder = spawn('flock', ['--nonblock', '--conflict-exit-code', '75', path, '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    // its own process group: Ctrl+C on the terminal stops the server, which then lets go of the lock, in that order
    detached: true,
  });
  const outcome = await new Promise<'locked' | 'busy' | 'no-flock'>((resolve) => {
    holder.once('error', () => resolve('no-flock'));
    holder.once('exit', (code) => resolve(code === 75 ? 'busy' : 'no-flock'));
    holder.stdout.once('data', () => resolve('locked'));
  });
  if (outcome === 'busy') throw new DataDirLockedError(lockedMessage(dataDir, purpose));
  if (outcome === 'no-flock') {
    console.warn('未找到 flock 命令（util-linux）：数据目录锁退回到进程号文件，只在同一 PID 命名空间内有效。');
    return acquirePidFile(dataDir, purpose);
  }
  let released = false;
  holder.once('exit', () => {
    if (!released) onLost?.();
  });
  // the holder must not keep this process alive, nor be killed by its signals before the server has shut down
  holder.unref();
  (holder.stdin as unknown as { unref?: () => void }).unref?.();
  (holder.stdout as unknown as { unref?: () => void }).unref?.();
  return () => {
    if (released) return;
    released = true;
    holder.stdin.end();
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The fallback: a pid file beside the data, stale when its process is gone (within one PID namespace only). */
function acquirePidFile(dataDir: string, purpose: LockPurpose): () => void {
  const path = `${dataDir}.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(lockedMessage(dataDir, purpose, `进程 ${pid}`));
      unlinkSync(path);
    }
  }
  throw new Error(`无法获取数据目录锁 ${path}`);
}

/**
 * Several servers starting at once on one PostgreSQL: migrations, the one-off sealing and the demo load run in one of
 * them at a time (a session-level advisory lock on a connection of its own), so the others wait and then find the
 * work done. Returns the release.
 */
export async function acquireStartupLock(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`select pg_advisory_lock(hashtext('shuangjian.startup'))`);
  return async () => {
    await client.query(`select pg_advisory_unlock(hashtext('shuangjian.startup'))`).catch(() => {});
    await client.end().catch(() => {});
  };
}
