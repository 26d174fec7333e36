import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { AppConfig } from './config';
import { connectDatabase, type DatabaseHandle } from './infrastructure/database/connect';
import { KyselyUnitOfWork, type RepositoryFactory } from './infrastructure/database/kysely-unit-of-work';
import { migrateToLatest } from './infrastructure/database/migrate';
import type { Database } from './infrastructure/database/schema';
import { IdempotentUnitOfWork } from './infrastructure/idempotency/idempotent-unit-of-work';
import { KyselyIdempotencyStore } from './infrastructure/idempotency/kysely-idempotency-store';
import { OutboxSignal } from './infrastructure/events/outbox-signal';
import { BullMqJobs } from './infrastructure/jobs/bullmq-jobs';
import { InProcessJobs } from './infrastructure/jobs/in-process-jobs';
import type { JobsRunner } from './infrastructure/jobs/job-definitions';
import { SystemClock, UuidGenerator } from './infrastructure/system';

export interface CoreOptions {
  /** An open database (tests: a fresh one, or a second "process" on the same one); else from the config. */
  readonly database?: DatabaseHandle;
  /** Tests move time forward with their own clock; the system clock otherwise. */
  readonly clock?: Clock;
}

/** What every module builds on: configuration, logger, clock, ids, the database and its units of work, Redis. */
export interface Core {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly database: DatabaseHandle;
  readonly db: Kysely<Database>;
  readonly redis: Redis | undefined;
  readonly idempotency: KyselyIdempotencyStore;
  /** Tells whoever relays the outbox that a commit wrote events (this process, or the workers through Redis). */
  readonly outboxSignal: OutboxSignal;
  /** Delayed and repeating jobs: BullMQ with Redis, this process's timers without. */
  readonly jobs: JobsRunner;
  unitOfWork<TRepos>(repositories: RepositoryFactory<TRepos>): UnitOfWork<TRepos>;
  /** For commands behind `config: { idempotent: true }` routes: see IdempotentUnitOfWork. */
  idempotentUnitOfWork<TRepos>(repositories: RepositoryFactory<TRepos>): UnitOfWork<TRepos>;
  close(): Promise<void>;
}

export async function createCore(config: AppConfig, logger: Logger, options: CoreOptions = {}): Promise<Core> {
  const database = options.database ?? (await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(database.db);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true }) : undefined;
  await redis?.connect();
  const outboxSignal = new OutboxSignal(redis, `${config.redisPrefix}outbox`, logger);
  const afterCommit = { afterCommit: () => outboxSignal.notify() };
  const idempotency = new KyselyIdempotencyStore(database.db, config.idempotencyLeaseMs / 1000);
  const clock = options.clock ?? new SystemClock();
  const jobs = redis
    ? new BullMqJobs({ connection: redis, prefix: config.redisPrefix, clock, logger })
    : new InProcessJobs({ clock, logger });
  return {
    config,
    logger,
    clock,
    ids: new UuidGenerator(),
    database,
    db: database.db,
    redis,
    idempotency,
    outboxSignal,
    jobs,
    // Every repository on the transaction: PGlite has one connection, so a query on `db` inside it would wait forever.
    unitOfWork: (repositories) => new KyselyUnitOfWork(database.db, repositories, afterCommit),
    idempotentUnitOfWork: (repositories) => new IdempotentUnitOfWork(database.db, repositories, afterCommit, idempotency),
    async close() {
      await jobs.close();
      outboxSignal.close();
      redis?.disconnect();
      await database.close();
    },
  };
}
