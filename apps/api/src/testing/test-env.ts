import { Redis } from 'ioredis';

/** This machine's Redis, shared with other runs too: every test keeps its keys under a prefix of its own. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A signing secret long enough for every check of the configuration. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Deletes every key under `prefix`: what a test's processes left behind, or a job a test means to lose. */
export async function forgetRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
