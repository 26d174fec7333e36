import rateLimit from '@fastify/rate-limit';
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
}

export const rateLimitingPlugin = fp(
  async (app: FastifyInstance, options: RateLimitingOptions) => {
    await app.register(rateLimit, {
      global: false,
      ...(options.redis ? { redis: options.redis } : {}),
      nameSpace: 'fitflow:rate:',
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
