/**
 * Where the rate limits count (sign-in, second-factor codes, the public forms): in this process, or in Redis when
 * REDIS_URL is set, so that several servers behind one address share one count per client and a limit of 20 sign-in
 * attempts a minute stays 20 whatever server answers. If Redis cannot be reached the limit is skipped, not the request
 * (a sign-in still meets the account lockout, which lives in the database); each change of state is logged once.
 */
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

export interface SharedLimits {
  options: Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'skipOnError'>;
  close(): Promise<void>;
}

export function sharedLimits(redisUrl: string | null, log: { warn(o: object, m: string): void; info(m: string): void }): SharedLimits {
  if (!redisUrl) return { options: {}, close: async () => {} };
  // no offline queue: while Redis is away a count fails at once (and is skipped) instead of holding the request
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false });
  let healthy = true;
  redis.on('error', (err) => {
    if (healthy) log.warn({ err }, 'Redis (shared rate limits) unreachable: limits are not counted until it is back');
    healthy = false;
  });
  redis.on('ready', () => {
    if (!healthy) log.info('Redis (shared rate limits) reachable again');
    healthy = true;
  });
  return {
    options: { redis, nameSpace: 'sj:rate:', skipOnError: true },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
