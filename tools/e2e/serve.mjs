// The server the Playwright suite runs against (see apps/web-e2e/playwright.config.mts): a fresh PostgreSQL
// database, then FitFlow as deployed on PostgreSQL and Redis: the real API serving the built SPA on 127.0.0.1:4310
// (or E2E_PORT) and a worker delivering its events. On SIGTERM/SIGINT, or when either exits by itself, it stops
// both and drops the database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
// The same variables as the API's integration tests: where to create databases, which Redis to use.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const webRoot = 'dist/apps/web/browser';
const database = `fitflow_e2e_${Date.now()}_${process.pid}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href;

if (!existsSync(resolve(root, webRoot, 'index.html'))) {
  console.error(`e2e: ${webRoot}/index.html is missing; build the SPA first (npx nx run web:build)`);
  process.exit(1);
}

async function sql(statement) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const children = []; // the API's and the worker's processes, once started
let stopping = false;
let finished = false;

/** The keys the API and the worker wrote under this run's prefix (rate limits, job schedules). */
async function forgetRedisKeys() {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${database}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

async function finish(code) {
  if (finished) return;
  finished = true;
  await forgetRedisKeys().catch((error) => console.error('e2e: could not remove its Redis keys', error));
  try {
    await sql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    console.log(`e2e: dropped database ${database}`);
  } catch (error) {
    console.error(`e2e: could not drop database ${database}`, error);
  }
  process.exit(code);
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  // Still creating the database when empty: the start-up below notices and cleans up.
  for (const child of children) {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) continue;
    process.kill(-child.pid, signal);
    // Each shuts down gracefully; do not let a stuck one keep the database alive.
    setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(-child.pid, 'SIGKILL'), 10_000).unref();
  }
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

await sql(`CREATE DATABASE "${database}"`);
console.log(`e2e: created database ${database}`);
if (stopping) await finish(0);

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '4310',
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  // Its own Redis keys (sign-in limits, jobs, the outbox signal): suites side by side, or a dev server on the same
  // Redis, share none.
  REDIS_PREFIX: `${database}:`,
  JWT_SECRET: randomBytes(36).toString('base64url'), // 48 characters
  ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? 'admin@e2e.fitflow.test',
  ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? 'E2e-admin-password-2026',
  WEB_ROOT: webRoot,
  LOG_LEVEL: 'warn',
  RATE_LIMITS: 'login=10/1m,login-address=1000/1m',
};

/**
 * The local tsx binary, as `npx tsx` would find it, but without npm's wrapper process between us and the child.
 * Its own process group, so only we signal it, exactly once.
 */
function start(name, entryPoint) {
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [entryPoint], { cwd: root, stdio: 'inherit', detached: true, env });
  children.push(child);
  child.on('error', (error) => {
    console.error(`e2e: could not start the ${name}`, error);
    stop('SIGTERM');
    void finishWhenAllExited(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`e2e: the ${name} exited by itself (${signal ?? `code ${code}`})`);
    const failed = !stopping;
    stop('SIGTERM');
    void finishWhenAllExited(failed ? (code || 1) : 0);
  });
}

let exitCode = 0;
function finishWhenAllExited(code) {
  exitCode ||= code;
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) return finish(exitCode);
}

// The API migrates the database at start; the worker migrates too (a no-op once done, and safe at the same time).
start('API', 'apps/api/src/main.ts');
start('worker', 'apps/api/src/worker.ts');
