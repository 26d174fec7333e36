import type { Logger } from 'pino';
import type { AppDependencies } from './app';
import type { AppConfig } from './config';
import { createCore, type Core, type CoreOptions } from './core';
import { ping } from './infrastructure/database/connect';
import { EventEngine } from './infrastructure/events/event-engine';
import { attendanceModule } from './modules/attendance';
import { bookingModule } from './modules/booking';
import { creditsModule } from './modules/credits';
import { membershipModule } from './modules/membership';
import type { AppModule } from './modules/module';
import { platformModule } from './modules/platform';
import { schedulingModule } from './modules/scheduling';

/** Which entry point composes: `main.ts` serves HTTP, `worker.ts` delivers events and runs jobs. */
export type ProcessRole = 'api' | 'worker';

export interface ComposeOptions extends CoreOptions {
  readonly role?: ProcessRole;
}

/**
 * The one place that wires ports to adapters: the core, then one module per bounded context. Events and jobs run
 * in the worker on PostgreSQL with Redis, and in this very process in the embedded default.
 */
export async function compose(config: AppConfig, logger: Logger, options: ComposeOptions = {}) {
  const core = await createCore(config, logger, options);
  const membership = membershipModule(core);
  const credits = creditsModule(core);
  const bookings = bookingModule(core, credits.balances);
  const scheduling = schedulingModule(core, bookings.outlooks);
  const attendance = attendanceModule(core);
  const modules: AppModule[] = [membership, credits, scheduling, bookings, attendance, platformModule(core)];

  // Apart only on the shared shape (PostgreSQL and Redis): PGlite belongs to the one process that opened it.
  const workerRunsIt = Boolean(config.redisUrl) && core.database.kind === 'postgres';
  const runsBackgroundWork = options.role === 'worker' || !workerRunsIt;
  if (runsBackgroundWork) await core.jobs.startRunning(modules.flatMap((module) => module.jobs ?? []));
  const events = runsBackgroundWork ? new EventEngine(core, modules.flatMap((module) => module.subscribers ?? [])) : undefined;
  await events?.start();

  const readinessChecks: Record<string, () => Promise<unknown>> = { database: () => ping(core.db) };
  const { redis } = core;
  if (redis) readinessChecks['redis'] = () => redis.ping();

  const deps: Omit<AppDependencies, 'logger'> = {
    config,
    currentActor: membership.handlers.currentActor,
    routes: modules.flatMap((module) => (module.routes ? [module.routes] : [])),
    idempotency: core.idempotency,
    readinessChecks,
    ...(redis ? { redis } : {}),
  };
  return {
    deps,
    core,
    clock: core.clock,
    database: core.database,
    handlers: {
      membership: membership.handlers,
      credits: credits.handlers,
      scheduling: scheduling.handlers,
      bookings: bookings.handlers,
      attendance: attendance.handlers,
    },
    ensureAdmin: membership.handlers.ensureAdmin,
    /** Which gateway takes cards: Stripe, or the test-mode stand-in of the embedded default. */
    paymentsMode: credits.payments.mode,
    /** Only where this process runs them (the worker, or the embedded default). */
    events,
    async close() {
      await events?.stop();
      await core.close();
    },
  };
}

export type Composition = Awaited<ReturnType<typeof compose>>;
export type { Core };
