/** Shared by the generator and the benchmark: where the synthetic district lives and how its sessions are named. */
import pg from 'pg';

export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/shuangjian_bench';

/** Tokens of the pre-made sessions: the cookie value is the token, the database keeps its SHA-256. */
export const parentToken = (n: number) => `bench-parent-${n}`;
export const teacherToken = (n: number) => `bench-teacher-${n}`;
export const ADMIN_TOKEN = 'bench-district-admin';

export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}
