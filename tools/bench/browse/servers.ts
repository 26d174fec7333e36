/**
 * The servers the browse benchmark compares, in one child process so the load generator has the parent: a bare
 * Fastify JSON route, a reference route (one indexed 20-row SELECT through Kysely and `pg`), the API, and the API
 * once more with the per-request account read (who the caller is now: one primary-key SELECT) answered from memory,
 * so one run under one machine load shows what that read costs.
 */
import Fastify from 'fastify';
import { pino } from 'pino';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it builds
   and seeds with the API's own modules; nothing imports the benchmark. */
import { CurrentActorHandler, type UsersFinder } from '@fitflow/application-membership';
import { buildApp } from '../../../apps/api/src/app';
import { compose } from '../../../apps/api/src/composition';
import { loadConfig } from '../../../apps/api/src/config';
import { connectPostgres } from '../../../apps/api/src/infrastructure/database/connect';
/* eslint-enable @nx/enforce-module-boundaries */

const [barePort, referencePort, apiPort, apiWithoutAccountReadPort] = [4401, 4402, 4403, 4404];
const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) throw new Error('DATABASE_URL is required');

const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok', items: [{ id: 1, name: 'Morning Yoga' }] }));
await bare.listen({ port: barePort, host: '127.0.0.1' });

const reference = Fastify({ logger: false });
const { db } = connectPostgres(databaseUrl, { poolSize: 10 });
reference.get('/reference', async () =>
  db
    .selectFrom('class_sessions')
    .select(['id', 'name', 'starts_at', 'ends_at', 'capacity', 'status'])
    .where('status', '<>', 'draft')
    .where('starts_at', '>=', new Date(process.env['BENCH_FROM'] ?? Date.now()))
    .orderBy('starts_at')
    .orderBy('id')
    .limit(20)
    .execute(),
);
await reference.listen({ port: referencePort, host: '127.0.0.1' });

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMITS: 'login=1000/1m,login-address=100000/1m' });
const composition = await compose(config, pino({ level: 'silent' }));
const api = await buildApp({ ...composition.deps, logger: false });
await api.listen({ port: apiPort, host: '127.0.0.1' });

// Every caller is taken for a member, without asking the database: only for measuring, never for serving.
const everyoneAMember = { accessOf: async () => ({ role: 'member', credentialsVersion: 0 }) } as unknown as UsersFinder;
const apiWithoutAccountRead = await buildApp({
  ...composition.deps,
  currentActor: new CurrentActorHandler(everyoneAMember),
  logger: false,
});
await apiWithoutAccountRead.listen({ port: apiWithoutAccountReadPort, host: '127.0.0.1' });

process.send?.({ ready: true, ports: { barePort, referencePort, apiPort, apiWithoutAccountReadPort } });
process.on('SIGTERM', async () => {
  await Promise.all([bare.close(), reference.close(), api.close(), apiWithoutAccountRead.close()]);
  await db.destroy();
  await composition.close();
  process.exit(0);
});
