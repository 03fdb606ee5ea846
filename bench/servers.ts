/**
 * The processes the benchmark measures and how load is spread over them. `--servers N` starts N platform servers and
 * N bare baselines on the same database; server i listens on `port + 2i`, its bare twin on `port + 2i + 1`, so a
 * scenario written for `port` (or `port + 1`) reaches server i by moving its port by 2i.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_URL } from './common';

const root = resolve(import.meta.dirname, '..');

export type Options = Parameters<typeof autocannon>[0];
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}
export type Results = Record<string, Figures>;

/** Starts a server and waits for its ready line; its log (an access line per request) is then read and dropped. */
export function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let up = false;
    const onData = (d: Buffer) => {
      if (up) return;
      log += String(d);
      if (ready.test(log)) {
        up = true;
        resolvePromise(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${log.slice(-2000)}`)));
  });
}

/**
 * N platform servers and N bare baselines, one after another (started at once, their migration checks would queue
 * on the same advisory lock anyway). Each server keeps its own rate-limit counters in memory, so the public routes'
 * limit is lifted on every one of them: the bench must measure the server, not its limiter.
 */
export async function startServers(count: number, port: number): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      children.push(await start(['bench/bare.ts'], { DATABASE_URL: BENCH_URL, PORT: String(port + 2 * i + 1) }, /bare listening/));
      children.push(
        await start(['apps/server/src/main.ts'], { DATABASE_URL: BENCH_URL, PORT: String(port + 2 * i), DEMO: '0', HOST: '127.0.0.1', PUBLIC_RATE_MAX: '1000000' }, /listening on/),
      );
    }
  } catch (err) {
    for (const child of children) child.kill('SIGTERM');
    throw err;
  }
  return children;
}

/** The same options aimed at the i-th server (or bare baseline) instead of the first. */
function onServer(options: Options, i: number): Options {
  if (i === 0) return options;
  const url = new URL(options.url);
  url.port = String(Number(url.port) + 2 * i);
  return { ...options, url: url.toString() };
}

/** `total` in `parts` whole shares, the first ones one larger when it does not divide. */
const shares = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/**
 * One scenario's load spread over `servers` processes: one autocannon per server, all at once in this process, the
 * connections (and a fixed amount of requests) split between them. Chosen over a round-robin proxy in front: a proxy
 * would be one more process on the same two cores and one more hop in every latency, so it would measure itself.
 * Here the load generator costs what it costs with one server (the same connections in the same event loop), and each
 * server sees exactly the connections it would behind a balancer that keeps connections open. The request
 * generators (setupRequest) are shared, so the servers together walk the same sequence of families as one would.
 * Throughput is the sum of the instances' (they run over the same seconds); latency is the worst instance's
 * percentile, an upper bound of the merged one (autocannon hands back percentiles, not its histogram). A scenario
 * with fewer connections than servers uses as many servers as it has connections.
 */
export async function spread(options: Options, servers: number): Promise<Figures> {
  const parts = Math.max(1, Math.min(servers, options.connections ?? 10));
  const connections = shares(options.connections ?? 10, parts);
  const amounts = options.amount === undefined ? null : shares(options.amount, parts);
  const runs = await Promise.all(
    connections.map((c, i) => autocannon({ ...onServer(options, i), connections: c, ...(amounts ? { amount: amounts[i]! } : {}) })),
  );
  return {
    rps: runs.reduce((a, r) => a + r.requests.average, 0),
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

export function printLine(name: string, r: Figures) {
  console.log(`${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${ms(r.p50).padStart(7)}   p99 ${ms(r.p99).padStart(7)}   non-2xx ${r.non2xx}`);
}

/**
 * Each scenario's throughput with N servers against one, measured in the same run. On a 2-core machine the servers,
 * PostgreSQL and autocannon share the same two cores, so a second server can only use what the first left idle: the
 * ratio is bounded well below N there, and says how much headroom one server leaves, not how far more machines go.
 */
export function printScaling(servers: number, one: Results, many: Results, cores: number) {
  console.log('');
  console.log(`scaling: req/s with ${servers} servers ÷ req/s with 1 server, same run`);
  for (const [name, r] of Object.entries(many)) {
    const base = one[name];
    if (!base) continue;
    const ratio = base.rps > 0 ? (r.rps / base.rps).toFixed(2) : '—';
    console.log(`  ${name.padEnd(44)} ${base.rps.toFixed(0).padStart(6)} → ${r.rps.toFixed(0).padStart(6)} req/s  ×${ratio}   p99 ${ms(base.p99)} → ${ms(r.p99)}`);
  }
  console.log(
    `  note: ${cores} cores shared by ${servers} servers, ${servers} bare baselines, PostgreSQL and the load generator: the ratio is bounded by` +
      ' the cores, not by the servers; the bare rows show the ceiling of this machine. Scenarios of one connection are not spread.',
  );
}
