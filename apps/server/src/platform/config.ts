/**
 * Settings from the environment, with defaults that make `npm start` work on a bare machine and safe on a network.
 * README's "Settings" table documents every variable read here; keep them in step.
 */
import { resolve } from 'node:path';
import { parseDataKey } from './crypto';
import { isPostgresUrl } from './db';

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
  /**
   * postgres://… of a streaming replica of `databaseUrl`: dashboards and exports read from it while it is at most
   * `replicaMaxLagMs` behind the primary (platform/replica.ts); null: every read goes to the primary.
   */
  databaseReplicaUrl: string | null;
  replicaMaxLagMs: number;
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
  /** The public complaint form (举报) per client address: filings, and ticket look-ups by code (lookupMax). */
  complaintRateLimit: { max: number; lookupMax: number; timeWindowMs: number };
  /** Every other public page's API (/api/public/*: the white and black lists, a school's 三单公开 and 晒课表) per client address. */
  publicRateLimit: { max: number; timeWindowMs: number };
  /** Redis (REDIS_URL) holds the rate limits' counters shared by every server; null: each process counts alone. */
  redisUrl: string | null;
  session: { idleMinutes: number; absoluteHours: number; cacheMs: number; touchMs: number };
  lockout: { attempts: number; minutes: number };
  /** Minutes a step-up (the second factor's code entered again) lets sensitive actions through in one session. */
  stepUpMinutes: number;
  uploadLimitBytes: number;
  /** Channels outside the platform; a channel without a URL is off (in-app notifications only). */
  channels: { sms: ChannelConfig | null; wechat: ChannelConfig | null; dingtalk: ChannelConfig | null };
  /** The platform's address as people open it (https://…): links in WeChat and DingTalk messages start with it. */
  publicUrl: string | null;
  /** The outbox dispatcher: attempts before a message is marked failed, and the backoff between them. */
  outbox: { maxAttempts: number; retryBaseMs: number; retryCapMs: number; pollMs: number; timeoutMs: number };
  /**
   * The key that seals minors' personal data (platform/crypto.ts): DATA_KEY, with DATA_KEYS_PREVIOUS still opening
   * rows sealed before a rotation; without DATA_KEY (not in production) the key file beside the data is used.
   */
  dataKeys: { current: string | null; previous: string[]; keyFile: string; production: boolean };
  /** Days an audit row stays in the live log before it moves to the archive (never fewer than 180). */
  auditRetentionDays: number;
}

/** A gateway: where to POST, the key that signs each request, and the template of each kind of message. */
export interface ChannelConfig {
  url: string;
  key: string;
  /** Message kind → the gateway's template id; a kind not listed is sent with the kind itself as the template. */
  templates: Readonly<Record<string, string>>;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '127.0.0.1',
  databaseUrl: resolve('data/pglite'),
  databaseOwnerUrl: null,
  databaseReplicaUrl: null,
  replicaMaxLagMs: 5000,
  demo: true,
  cookieSecure: false,
  webDist: null,
  trustProxy: [],
  logLevel: 'info',
  accessLogLevel: 'info',
  loginRateLimit: { max: 20, timeWindowMs: 60_000 },
  complaintRateLimit: { max: 5, lookupMax: 30, timeWindowMs: 600_000 },
  publicRateLimit: { max: 120, timeWindowMs: 60_000 },
  redisUrl: null,
  session: { idleMinutes: 30, absoluteHours: 12, cacheMs: 30_000, touchMs: 60_000 },
  lockout: { attempts: 5, minutes: 15 },
  stepUpMinutes: 5,
  uploadLimitBytes: 10 * 1024 * 1024,
  channels: { sms: null, wechat: null, dingtalk: null },
  publicUrl: null,
  outbox: { maxAttempts: 8, retryBaseMs: 30_000, retryCapMs: 3_600_000, pollMs: 2_000, timeoutMs: 10_000 },
  dataKeys: { current: null, previous: [], keyFile: resolve('data/keys/data.key'), production: false },
  auditRetentionDays: 180,
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

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}=${raw}：应为 http:// 或 https:// 开头的地址`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name}=${raw}：应为 http:// 或 https:// 开头的地址`);
  return raw.replace(/\/+$/, '');
}

/** <P>_URL, <P>_KEY and <P>_TEMPLATES (kind=template,…) of one channel; no URL: the channel is off. */
function channel(env: NodeJS.ProcessEnv, prefix: string): ChannelConfig | null {
  const url = httpUrl(env, `${prefix}_URL`);
  const key = env[`${prefix}_KEY`] ?? '';
  if (!url) return null;
  if (key.length < 16) throw new ConfigError(`${prefix}_KEY：设置了 ${prefix}_URL 时须提供至少 16 个字符的签名密钥`);
  const templates: Record<string, string> = {};
  for (const pair of (env[`${prefix}_TEMPLATES`] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [kind, id, extra] = pair.split('=').map((s) => s.trim());
    if (!kind || !id || extra !== undefined) throw new ConfigError(`${prefix}_TEMPLATES：「${pair}」应为 消息类型=模板编号，多个用逗号分隔`);
    templates[kind] = id;
  }
  return { url, key, templates };
}

/** DATA_KEY, DATA_KEYS_PREVIOUS (comma-separated) and DATA_KEY_FILE, each key checked here so a typo stops the start. */
function dataKeys(env: NodeJS.ProcessEnv): Config['dataKeys'] {
  const current = env.DATA_KEY?.trim() || null;
  const previous = (env.DATA_KEYS_PREVIOUS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  try {
    if (current) parseDataKey(current);
    previous.forEach((p, i) => parseDataKey(p, `DATA_KEYS_PREVIOUS 第 ${i + 1} 个`));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return {
    current,
    previous,
    keyFile: resolve(env.DATA_KEY_FILE || resolve(env.DATA_DIR || 'data', 'keys', 'data.key')),
    production: env.NODE_ENV === 'production',
  };
}

/** DATABASE_REPLICA_URL: only beside a PostgreSQL primary (an embedded PGlite has no WAL to stream to a replica). */
function replicaUrl(env: NodeJS.ProcessEnv, databaseUrl: string): string | null {
  const raw = env.DATABASE_REPLICA_URL;
  if (raw === undefined || raw === '') return null;
  if (!isPostgresUrl(raw)) throw new ConfigError(`DATABASE_REPLICA_URL=${redactPassword(raw)}：应为 postgres:// 或 postgresql:// 开头的地址`);
  if (!isPostgresUrl(databaseUrl))
    throw new ConfigError('DATABASE_REPLICA_URL：只读副本须配合 PostgreSQL 主库使用，请同时将 DATABASE_URL 设为 postgres://… 地址（内置数据库 PGlite 不支持副本）');
  return raw;
}

/** A URL in an error message without its password (the message goes to the console and the log). */
function redactPassword(raw: string): string {
  return raw.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    ...defaultConfig,
    port: integer(env, 'PORT', defaultConfig.port, 0, 65535),
    host: env.HOST || defaultConfig.host,
    databaseUrl: env.DATABASE_URL || resolve(env.DATA_DIR || 'data', 'pglite'),
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    databaseReplicaUrl: replicaUrl(env, env.DATABASE_URL || ''),
    replicaMaxLagMs: integer(env, 'REPLICA_MAX_LAG_MS', defaultConfig.replicaMaxLagMs, 100, 3_600_000),
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
    complaintRateLimit: { ...defaultConfig.complaintRateLimit, max: integer(env, 'COMPLAINT_RATE_MAX', defaultConfig.complaintRateLimit.max, 1, 1_000_000) },
    publicRateLimit: { ...defaultConfig.publicRateLimit, max: integer(env, 'PUBLIC_RATE_MAX', defaultConfig.publicRateLimit.max, 1, 1_000_000) },
    redisUrl: redisUrl(env),
    channels: { sms: channel(env, 'SMS'), wechat: channel(env, 'WECHAT'), dingtalk: channel(env, 'DINGTALK') },
    publicUrl: httpUrl(env, 'PUBLIC_URL'),
    outbox: { ...defaultConfig.outbox, maxAttempts: integer(env, 'OUTBOX_MAX_ATTEMPTS', defaultConfig.outbox.maxAttempts, 1, 50) },
    dataKeys: dataKeys(env),
    stepUpMinutes: integer(env, 'STEP_UP_MINUTES', defaultConfig.stepUpMinutes, 1, 60),
    auditRetentionDays: integer(env, 'AUDIT_RETENTION_DAYS', defaultConfig.auditRetentionDays, 180, 36_500),
  };
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const v = env.REDIS_URL?.trim();
  if (!v) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(v)) throw new Error(`REDIS_URL 应为 redis://主机:端口（或 rediss://），而不是 "${v}"`);
  return v;
}
