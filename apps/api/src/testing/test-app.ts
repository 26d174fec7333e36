import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../app';
import { compose, type Composition } from '../composition';
import type { Clock } from '@fitflow/domain-shared';
import { loadConfig, type AppConfig } from '../config';
import type { DatabaseHandle, DatabaseKind } from '../infrastructure/database/connect';
import { createTestDatabase } from './databases';
import { TEST_JWT_SECRET } from './test-env';

/**
 * This test file's own Redis key prefix: a module is evaluated once per test file, so the apps of one file share
 * their rate-limit counters (as two processes of one deployment do) and parallel files never meet.
 */
export const TEST_REDIS_PREFIX = `fitflow-test-${randomBytes(6).toString('hex')}:`;

export const TEST_ADMIN = { email: 'admin@fitflow.test', password: 'Admin-pass-for-tests-2026', name: 'Test Admin' };

export interface TestApp {
  app: FastifyInstance;
  config: AppConfig;
  composition: Composition;
  close(): Promise<void>;
}

/** The real app on a fresh database of `kind`, with an admin account; `env` overrides the configuration. */
export async function createTestApp(kind: DatabaseKind, env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  return createTestAppOn(await createTestDatabase(kind), env, clock);
}

/**
 * The real app on an existing database (e.g. a second "process" on the same PostgreSQL database); closing it
 * closes `database`.
 */
export async function createTestAppOn(database: DatabaseHandle, env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const config = loadConfig({
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: TEST_REDIS_PREFIX,
    ...env,
  });
  const composition = await compose(config, pino({ level: 'silent' }), { database, ...(clock ? { clock } : {}) });
  await composition.ensureAdmin.handle(TEST_ADMIN);
  const app = await buildApp({ ...composition.deps, logger: false });
  await app.ready();
  return {
    app,
    config,
    composition,
    async close() {
      await app.close();
      await composition.close();
    },
  };
}

let counter = 0;

/** A unique, valid registration for one test. */
export function newMember(overrides: Partial<{ email: string; password: string; name: string }> = {}) {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}`;
  return { email: `member-${unique}@example.test`, password: `Correct-horse-${unique}`, name: `Member ${counter}`, ...overrides };
}

/** What `signUp` gives every account unless told otherwise: more than any test's bookings cost. */
export const TEST_CREDITS = 100;

/**
 * Registers and signs in; returns the account and its bearer header. The account starts with `credits` (TEST_CREDITS
 * unless said; 0 for none), granted by the test admin as an adjustment, so tests of booking rules can book.
 */
export async function signUp(app: FastifyInstance, { credits = TEST_CREDITS, ...overrides }: Parameters<typeof newMember>[0] & { credits?: number } = {}) {
  const account = newMember(overrides);
  const registered = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: account });
  const { id } = registered.json() as { id: string };
  if (credits > 0) await grantCredits(app, id, credits);
  const tokens = await signIn(app, account.email, account.password);
  return { ...account, id, ...tokens };
}

const adminSignIns = new WeakMap<FastifyInstance, Promise<{ authorization: string }>>();

/** The test admin adds `amount` credits to `userId`'s balance through the API (POST /users/{id}/credits). */
export async function grantCredits(app: FastifyInstance, userId: string, amount: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    let headers = adminSignIns.get(app);
    if (!headers) {
      headers = signIn(app, TEST_ADMIN.email, TEST_ADMIN.password).then((tokens) => tokens.headers);
      adminSignIns.set(app, headers);
    }
    const payload = { amount, reason: 'Credits for the test' };
    const response = await app.inject({ method: 'POST', url: `/api/v1/users/${userId}/credits`, headers: await headers, payload });
    if (response.statusCode === 201) return;
    // A test that moved its clock past the admin's token: sign in again, once.
    adminSignIns.delete(app);
    if (response.statusCode !== 401 || attempt > 0) throw new Error(`granting credits failed: ${response.statusCode} ${response.body}`);
  }
}

export async function signIn(app: FastifyInstance, email: string, password: string) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const tokens = response.json() as { accessToken: string; refreshToken: string };
  return { ...tokens, headers: { authorization: `Bearer ${tokens.accessToken}` } };
}
