import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { RateLimit } from '../../config';
import { HttpProblem } from '../problem';

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler limiting requests per key (`limits[name]` of RATE_LIMITS), answering 429 RATE_LIMITED. */
    limitBy: (name: string, key: (request: FastifyRequest) => string) => preHandlerHookHandler;
  }
}

export interface RateLimitingOptions {
  limits: Record<string, RateLimit>;
  /** Shared counters across API processes; in-process memory when absent. */
  redis?: Redis;
  /** The deployment's prefix for Redis keys (REDIS_PREFIX): counters live at `<prefix>rate:<name>:<key>`. */
  redisPrefix: string;
}

/** A fixed window: the first hit starts it, later hits count in it; answers `[hits, ms left]`. */
const FIXED_WINDOW = `
  local current = redis.call('INCR', KEYS[1])
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {current, ttl}
`;

/**
 * The plugin's own Redis store names each counter after its route, which `createRateLimit` does not pass on (the
 * keys read `undefinedundefined-login:…`); this store keeps the keys we give it, under the configured prefix.
 */
function redisStore(redis: Redis, keyPrefix: string): FastifyRateLimitStoreCtor {
  return class PrefixedRedisStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      (redis.eval(FIXED_WINDOW, 1, `${keyPrefix}${key}`, timeWindow) as Promise<[number, number]>).then(
        ([current, ttl]) => callback(null, { current, ttl }),
        (error: Error) => callback(error),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

export const rateLimitingPlugin = fp(
  async (app: FastifyInstance, options: RateLimitingOptions) => {
    await app.register(rateLimit, {
      global: false,
      ...(options.redis ? { store: redisStore(options.redis, `${options.redisPrefix}rate:`) } : {}),
    });

    // `createRateLimit` rather than `rateLimit()`: the plugin runs only one `rateLimit()` hook per request, and
    // sign-in needs two limits (per email and per address).
    app.decorate('limitBy', (name: string, key: (request: FastifyRequest) => string) => {
      const limit = options.limits[name];
      if (!limit) throw new Error(`No rate limit named ${name}`);
      const check = app.createRateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        keyGenerator: (request) => `${name}:${key(request)}`,
      });
      return async (request: FastifyRequest) => {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) return;
        const seconds = Math.max(1, result.ttlInSeconds);
        throw new HttpProblem('RATE_LIMITED', `Too many attempts. Try again in ${seconds} seconds.`, {
          retryAfterSeconds: seconds,
        });
      };
    });
  },
  { name: 'rate-limiting' },
);
