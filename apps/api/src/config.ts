import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RefundTier } from '@fitflow/domain-booking';

/** Parses `90s`, `10m`, `2h`, `1d` into milliseconds. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return null;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration like 90s, 10m or 2h` });
        return z.NEVER;
      }
      return ms;
    });

export interface RateLimit {
  max: number;
  windowMs: number;
}

const DEFAULT_RATE_LIMITS = 'hold=5/1m,login=10/1m,login-address=100/1m';

/** `hold=5/1m,login=10/1m`: per-endpoint limits, merged over the defaults. */
const rateLimits = z
  .string()
  .default(DEFAULT_RATE_LIMITS)
  .transform((text, ctx) => {
    const limits: Record<string, RateLimit> = {};
    for (const entry of `${DEFAULT_RATE_LIMITS},${text}`.split(',').filter((part) => part.trim())) {
      const match = /^\s*([a-z-]+)=(\d+)\/(\w+)\s*$/.exec(entry);
      const windowMs = match ? parseDuration(match[3]) : null;
      if (!match || windowMs === null || Number(match[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not a limit like login=10/1m` });
        return z.NEVER;
      }
      limits[match[1]] = { max: Number(match[2]), windowMs };
    }
    return limits;
  });

/** `24:100,12:50`: refund tiers from the largest number of hours before the start. */
const cancellationPolicy = z
  .string()
  .default('24:100,12:50')
  .transform((text, ctx) => {
    const parsed: RefundTier[] = text.split(',').flatMap((entry) => {
      const match = /^\s*(\d+):(\d+)\s*$/.exec(entry);
      return match ? [{ hoursBefore: Number(match[1]), refundPercentage: Number(match[2]) }] : [];
    });
    const valid = parsed.length === text.split(',').length && parsed.every((tier) => tier.refundPercentage <= 100);
    const descending = parsed.every((tier, i) => i === 0 || tier.hoursBefore < parsed[i - 1].hoursBefore);
    if (!valid || !descending) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a list like 24:100,12:50 (hours descending, percent 0..100)` });
      return z.NEVER;
    }
    return parsed;
  });

const timeZone = z
  .string()
  .default('UTC')
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not an IANA time zone such as Europe/Berlin' },
  );

const optionalUrl = z.url().optional();

/** The SDK takes a host, a port and a protocol, so a base other than Stripe's is an http(s) origin without a path. */
const STRIPE_API_BASE_RULE = 'must be an http(s) origin without a path, such as http://127.0.0.1:12111';
const stripeApiBase = z
  .url({ protocol: /^https?$/, message: STRIPE_API_BASE_RULE })
  .refine((text) => new URL(text).pathname === '/', { message: STRIPE_API_BASE_RULE })
  .optional();

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('.fitflow-data'),
  REDIS_URL: optionalUrl,
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, { message: 'must be 1 to 64 letters, digits or . _ : - such as fitflow:' })
    .default('fitflow:'),
  JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  STUDIO_NAME: z.string().min(1).default('FitFlow Studio'),
  STUDIO_TIME_ZONE: timeZone,
  STUDIO_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as EUR' })
    .default('EUR'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, { message: 'must start with sk_ or rk_ (a secret or restricted key)' }).optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith('pk_', { message: 'must start with pk_' }).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', { message: 'must start with whsec_' }).optional(),
  STRIPE_API_BASE: stripeApiBase,
  PAYMENTS_TEST_MODE: flag,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('FitFlow <no-reply@fitflow.local>'),
  RATE_LIMITS: rateLimits,
  HOLD_DURATION: duration('10m'),
  WAITLIST_HOLD_DURATION: duration('5m'),
  HOLD_SWEEP_INTERVAL: duration('1m'),
  WAITLIST_CUTOFF: duration('30m'),
  CHECKIN_GRACE: duration('10m'),
  NO_SHOW_SWEEP_INTERVAL: duration('1m'),
  CREDIT_EXPIRY_INTERVAL: duration('1h'),
  CANCELLATION_POLICY: cancellationPolicy,
  EVENT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  EVENT_RETRY_DELAY: duration('10s'),
  EVENT_LEASE: duration('2m'),
  IDEMPOTENCY_LEASE: duration('1m'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_ROOT: z.string().optional(),
  TRUST_PROXY: flag,
  DEMO_DATA: flag,
});

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Starts every Redis key the API writes, so deployments (and test runs) sharing one Redis never meet. */
  redisPrefix: string;
  jwtSecret: string;
  /** True when no secret was configured and a random one serves this process only. */
  jwtSecretGenerated: boolean;
  admin: { email: string; password: string } | undefined;
  studio: { name: string; timeZone: string; currency: string };
  /** Stripe when `secretKey` is set; the test-mode gateway otherwise. `apiBase` points the SDK elsewhere (tests). */
  stripe: {
    secretKey: string | undefined;
    webhookSecret: string | undefined;
    apiBase: string | undefined;
    publishableKey: string | undefined;
  };
  rateLimits: Record<string, RateLimit>;
  holdDurationMs: number;
  waitlistHoldDurationMs: number;
  /** How often the sweep expires holds whose expiry job was lost. */
  holdSweepIntervalMs: number;
  waitlistCutoffMs: number;
  checkInGraceMs: number;
  /** How often the sweep marks the no-shows of classes whose no-show job was lost. */
  noShowSweepIntervalMs: number;
  /** How often the credit expiry job runs (`CREDIT_EXPIRY_INTERVAL`, hourly: a restart never skips a day). */
  creditExpiryIntervalMs: number;
  cancellationPolicy: RefundTier[];
  /** How the worker delivers events to subscribers: see `EventEngine`. */
  events: { maxAttempts: number; firstRetryDelayMs: number; leaseMs: number };
  /** How long a request may hold its Idempotency-Key before a retry takes it over (its process died). */
  idempotencyLeaseMs: number;
  logLevel: string;
  webRoot: string | undefined;
  demoData: boolean;
  /** Behind a reverse proxy (nginx): take the client address from X-Forwarded-For, for per-address limits. */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Reads the environment once at start-up; a bad variable fails with one line that names it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = result.data;
  const production = e.NODE_ENV === 'production';
  if (!e.JWT_SECRET && production) {
    throw new ConfigError('Invalid configuration: JWT_SECRET must be set (at least 32 characters) in production');
  }
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (production && !e.STRIPE_SECRET_KEY && !e.PAYMENTS_TEST_MODE) {
    // The test-mode gateway sells credits for Stripe's test card ids: free credits for anyone, unless asked for.
    throw new ConfigError('Invalid configuration: STRIPE_SECRET_KEY must be set in production (or PAYMENTS_TEST_MODE=true to sell with test cards)');
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    // Without it every webhook is refused, and a purchase paid after its request (3-D Secure) is never credited.
    throw new ConfigError('Invalid configuration: STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY');
  }
  if (e.STRIPE_PUBLISHABLE_KEY && !e.STRIPE_SECRET_KEY) {
    // Without the secret key the test-mode gateway would take the SPA's real cards and charge nothing.
    throw new ConfigError('Invalid configuration: STRIPE_PUBLISHABLE_KEY is set but STRIPE_SECRET_KEY is not');
  }
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !e.JWT_SECRET,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    studio: { name: e.STUDIO_NAME, timeZone: e.STUDIO_TIME_ZONE, currency: e.STUDIO_CURRENCY },
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      apiBase: e.STRIPE_API_BASE,
      publishableKey: e.STRIPE_PUBLISHABLE_KEY,
    },
    rateLimits: e.RATE_LIMITS,
    holdDurationMs: e.HOLD_DURATION,
    waitlistHoldDurationMs: e.WAITLIST_HOLD_DURATION,
    holdSweepIntervalMs: e.HOLD_SWEEP_INTERVAL,
    waitlistCutoffMs: e.WAITLIST_CUTOFF,
    checkInGraceMs: e.CHECKIN_GRACE,
    noShowSweepIntervalMs: e.NO_SHOW_SWEEP_INTERVAL,
    creditExpiryIntervalMs: e.CREDIT_EXPIRY_INTERVAL,
    cancellationPolicy: e.CANCELLATION_POLICY,
    events: { maxAttempts: e.EVENT_ATTEMPTS, firstRetryDelayMs: e.EVENT_RETRY_DELAY, leaseMs: e.EVENT_LEASE },
    idempotencyLeaseMs: e.IDEMPOTENCY_LEASE,
    logLevel: e.LOG_LEVEL,
    webRoot: e.WEB_ROOT,
    demoData: e.DEMO_DATA,
    trustProxy: e.TRUST_PROXY,
  };
}
