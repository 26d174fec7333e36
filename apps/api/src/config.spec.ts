import { describe, expect, it } from 'vitest';
import { loadConfig, parseDuration } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '.fitflow-data',
      studio: { name: 'FitFlow Studio', timeZone: 'UTC', currency: 'EUR' },
      holdDurationMs: 600_000,
      waitlistHoldDurationMs: 300_000,
      cancellationPolicy: [
        { hoursBefore: 24, refundPercentage: 100 },
        { hoursBefore: 12, refundPercentage: 50 },
      ],
      rateLimits: { hold: { max: 5, windowMs: 60_000 }, login: { max: 10, windowMs: 60_000 } },
      jwtSecretGenerated: true,
      redisPrefix: 'fitflow:',
    });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET must be at least 32 characters$/],
    [{ STUDIO_TIME_ZONE: 'Mars/Olympus' }, /^Invalid configuration: STUDIO_TIME_ZONE /],
    [{ HOLD_DURATION: 'ten minutes' }, /^Invalid configuration: HOLD_DURATION /],
    [{ CANCELLATION_POLICY: '12:50,24:100' }, /^Invalid configuration: CANCELLATION_POLICY /],
    [{ RATE_LIMITS: 'hold=five' }, /^Invalid configuration: RATE_LIMITS /],
    [{ REDIS_PREFIX: 'has spaces:' }, /^Invalid configuration: REDIS_PREFIX /],
    [{ REDIS_PREFIX: '' }, /^Invalid configuration: REDIS_PREFIX /],
    [{ DATABASE_URL: 'not a url' }, /^Invalid configuration: DATABASE_URL /],
    [{ ADMIN_EMAIL: 'a@b.test' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET must be set/],
    [{ STRIPE_SECRET_KEY: 'pk_test_123' }, /^Invalid configuration: STRIPE_SECRET_KEY must start with sk_ or rk_/],
    [{ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_PUBLISHABLE_KEY: 'sk_1' }, /^Invalid configuration: STRIPE_PUBLISHABLE_KEY must start/],
    [{ STRIPE_PUBLISHABLE_KEY: 'pk_test_1' }, /^Invalid configuration: STRIPE_PUBLISHABLE_KEY is set but STRIPE_SECRET_KEY is not$/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, /^Invalid configuration: STRIPE_SECRET_KEY must be set in production/],
    [{ STRIPE_SECRET_KEY: 'sk_test_1' }, /^Invalid configuration: STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY$/],
    [{ IDEMPOTENCY_LEASE: 'forever' }, /^Invalid configuration: IDEMPOTENCY_LEASE /],
    [{ STRIPE_WEBHOOK_SECRET: 'secret' }, /^Invalid configuration: STRIPE_WEBHOOK_SECRET must start with whsec_$/],
    [{ STRIPE_API_BASE: 'ftp://127.0.0.1:21' }, /^Invalid configuration: STRIPE_API_BASE must be an http\(s\) origin/],
    [{ STRIPE_API_BASE: 'http://127.0.0.1:12111/v1' }, /^Invalid configuration: STRIPE_API_BASE must be an http\(s\) origin/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the Stripe settings into one group, empty when Stripe is not configured', () => {
    const unset = { secretKey: undefined, webhookSecret: undefined, apiBase: undefined, publishableKey: undefined };
    expect(loadConfig({}).stripe).toEqual(unset);
    const { stripe } = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
    });
    expect(stripe).toEqual({
      secretKey: 'sk_test_123',
      webhookSecret: 'whsec_123',
      apiBase: 'http://127.0.0.1:12111',
      publishableKey: 'pk_test_123',
    });
  });

  it('sells with test cards in production only when PAYMENTS_TEST_MODE says so', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PAYMENTS_TEST_MODE: 'true' }).production).toBe(true);
  });

  it('merges configured rate limits over the defaults', () => {
    const { rateLimits } = loadConfig({ RATE_LIMITS: 'login=3/30s' });
    expect(rateLimits['login']).toEqual({ max: 3, windowMs: 30_000 });
    expect(rateLimits['login-address']).toEqual({ max: 100, windowMs: 60_000 });
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['10', null],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
