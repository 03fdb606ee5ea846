/**
 * Where the rate limits count (sign-in, second-factor codes, the public forms): in this process, or in Redis when
 * REDIS_URL is set, so that several servers behind one address share one count per client and a limit of 20 sign-in
 * attempts a minute stays 20 whatever server answers. If Redis cannot be reached the count falls back to this process
 * (each server then allows the limit on its own) instead of not counting at all: a sign-in is never left unlimited.
 * Each change of state is logged once.
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor, RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

export interface SharedLimits {
  options: Pick<RateLimitPluginOptions, 'store'>;
  close(): Promise<void>;
}

type Log = { warn(o: object, m: string): void; info(m: string): void };
/** What the plugin passes a store's constructor (its global settings) and a child (the route's): the two flags stores read. */
type Flags = { continueExceeding?: boolean; exponentialBackoff?: boolean };

// the plugin's own two stores (CommonJS files of the package, with no types of their own)
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key: string) => FastifyRateLimitStore;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean) => FastifyRateLimitStore;

/** Counts in Redis; a count Redis cannot answer is counted here instead. */
class SharedOrLocal implements FastifyRateLimitStore {
  constructor(
    private readonly shared: FastifyRateLimitStore,
    private readonly local: FastifyRateLimitStore,
    private readonly failed: (err: Error) => void,
  ) {}

  incr(...[key, callback, timeWindow, max]: Parameters<FastifyRateLimitStore['incr']>): void {
    this.shared.incr(
      key,
      (err, result) => {
        if (!err) return callback(null, result);
        this.failed(err);
        this.local.incr(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    return new SharedOrLocal(this.shared.child(routeOptions), this.local.child(routeOptions), this.failed);
  }
}

export function sharedLimits(redisUrl: string | null, log: Log): SharedLimits {
  if (!redisUrl) return { options: {}, close: async () => {} };
  // no offline queue: while Redis is away a count fails at once (and is counted here) instead of holding the request
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false });
  let healthy = true;
  const unreachable = (err: Error) => {
    if (healthy) log.warn({ err }, 'Redis (shared rate limits) unreachable: limits are counted in this process until it is back');
    healthy = false;
  };
  redis.on('error', unreachable);
  redis.on('ready', () => {
    if (!healthy) log.info('Redis (shared rate limits) reachable again');
    healthy = true;
  });
  const Store: FastifyRateLimitStoreCtor = class extends SharedOrLocal {
    constructor(options: FastifyRateLimitOptions) {
      const params = options as Flags;
      const flags = [params.continueExceeding === true, params.exponentialBackoff === true] as const;
      super(new RedisStore(...flags, redis, 'sj:rate:'), new LocalStore(...flags), unreachable);
    }
  };
  return {
    options: { store: Store },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
