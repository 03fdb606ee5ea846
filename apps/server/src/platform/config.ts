/**
 * Settings from the environment, with defaults that make `npm start` work on a bare machine and safe on a network.
 * README's "Settings" table documents every variable read here; keep them in step.
 */
import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  /** Address to listen on: 127.0.0.1 unless the operator opens it (HOST=0.0.0.0 behind a proxy). */
  host: string;
  /** postgres://… for a PostgreSQL server (the serving role); otherwise a PGlite folder or memory://. */
  databaseUrl: string;
  /** postgres://… of the role that owns the tables: migrations run as it, the server then serves as `databaseUrl`. */
  databaseOwnerUrl: string | null;
  demo: boolean;
  cookieSecure: boolean;
  /** Built web app to serve, or null (API only). */
  webDist: string | null;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: the peer address is the client. */
  trustProxy: string[];
  /** Level of the server's JSON log (stdout); access lines are written at `accessLogLevel`. */
  logLevel: LogLevel;
  accessLogLevel: LogLevel;
  loginRateLimit: { max: number; timeWindowMs: number };
  session: { idleMinutes: number; absoluteHours: number; cacheMs: number; touchMs: number };
  lockout: { attempts: number; minutes: number };
  uploadLimitBytes: number;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '127.0.0.1',
  databaseUrl: resolve('data/pglite'),
  databaseOwnerUrl: null,
  demo: true,
  cookieSecure: false,
  webDist: null,
  trustProxy: [],
  logLevel: 'info',
  accessLogLevel: 'info',
  loginRateLimit: { max: 20, timeWindowMs: 60_000 },
  session: { idleMinutes: 30, absoluteHours: 12, cacheMs: 30_000, touchMs: 60_000 },
  lockout: { attempts: 5, minutes: 15 },
  uploadLimitBytes: 10 * 1024 * 1024,
};

/** A setting that does not parse stops the start with a message naming it, instead of running on a guess. */
export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name}=${raw}：应为 ${min}–${max} 之间的整数`);
  return n;
}

function level(env: NodeJS.ProcessEnv, name: string, fallback: LogLevel): LogLevel {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError(`${name}=${raw}：应为 ${LOG_LEVELS.join(' / ')} 之一`);
  return raw as LogLevel;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(`${name}=${raw}：应为 1 或 0`);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    ...defaultConfig,
    port: integer(env, 'PORT', defaultConfig.port, 0, 65535),
    host: env.HOST || defaultConfig.host,
    databaseUrl: env.DATABASE_URL || resolve(env.DATA_DIR || 'data', 'pglite'),
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    demo: flag(env, 'DEMO', true),
    cookieSecure: flag(env, 'COOKIE_SECURE', false),
    webDist: resolve(env.WEB_DIST || 'apps/web/dist'),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: level(env, 'LOG_LEVEL', defaultConfig.logLevel),
    accessLogLevel: level(env, 'ACCESS_LOG_LEVEL', defaultConfig.accessLogLevel),
    loginRateLimit: { ...defaultConfig.loginRateLimit, max: integer(env, 'LOGIN_RATE_MAX', defaultConfig.loginRateLimit.max, 1, 1_000_000) },
  };
}
