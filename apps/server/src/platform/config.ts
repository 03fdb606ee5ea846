/** Settings from the environment, with defaults that make `npm start` work on a bare machine. */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; otherwise a PGlite folder or memory://. */
  databaseUrl: string;
  demo: boolean;
  cookieSecure: boolean;
  /** Built web app to serve, or null (API only). */
  webDist: string | null;
  loginRateLimit: { max: number; timeWindowMs: number };
  session: { idleMinutes: number; absoluteHours: number; cacheMs: number; touchMs: number };
  lockout: { attempts: number; minutes: number };
  uploadLimitBytes: number;
}

export const defaultConfig: Config = {
  port: 3000,
  host: '0.0.0.0',
  databaseUrl: resolve('data/pglite'),
  demo: true,
  cookieSecure: false,
  webDist: null,
  loginRateLimit: { max: 20, timeWindowMs: 60_000 },
  session: { idleMinutes: 30, absoluteHours: 12, cacheMs: 30_000, touchMs: 60_000 },
  lockout: { attempts: 5, minutes: 15 },
  uploadLimitBytes: 10 * 1024 * 1024,
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    ...defaultConfig,
    port: Number(env.PORT ?? defaultConfig.port),
    host: env.HOST ?? defaultConfig.host,
    databaseUrl: env.DATABASE_URL || resolve(env.DATA_DIR ?? 'data', 'pglite'),
    demo: env.DEMO !== '0',
    cookieSecure: env.COOKIE_SECURE === '1',
    webDist: resolve(env.WEB_DIST ?? 'apps/web/dist'),
    loginRateLimit: { ...defaultConfig.loginRateLimit, max: Number(env.LOGIN_RATE_MAX ?? defaultConfig.loginRateLimit.max) },
  };
}
