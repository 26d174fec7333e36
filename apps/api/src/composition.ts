import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  AuthenticateUserHandler,
  ChangeUserRoleHandler,
  EnsureAdminHandler,
  GetMeHandler,
  ListTrainersHandler,
  ListUsersHandler,
  LogoutHandler,
  RefreshTokenHandler,
  RegisterUserHandler,
  type MembershipRepositories,
} from '@fitflow/application-membership';
import { InMemoryEventBus, OutboxRelay } from '@fitflow/application-shared';
import type { AppDependencies } from './app';
import type { AppConfig } from './config';
import type { MembershipHandlers } from './composition-types';
import { connectDatabase, ping, type DatabaseHandle } from './infrastructure/database/connect';
import { KyselyOutboxReader } from './infrastructure/database/kysely-outbox';
import { KyselyUnitOfWork } from './infrastructure/database/kysely-unit-of-work';
import { migrateToLatest } from './infrastructure/database/migrate';
import { LoggingEventBus } from './infrastructure/events/logging-event-bus';
import { KyselyRefreshTokenRepository } from './infrastructure/persistence/membership/kysely-refresh-token-repository';
import { KyselyUserRepository } from './infrastructure/persistence/membership/kysely-user-repository';
import { KyselyUsersFinder } from './infrastructure/persistence/membership/kysely-users-finder';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { BreachedPasswordList } from './infrastructure/security/common-passwords';
import { JwtAccessTokenIssuer, RandomRefreshTokenSecrets } from './infrastructure/security/tokens';
import { SystemClock, UuidGenerator } from './infrastructure/system';

export interface Composition {
  deps: Omit<AppDependencies, 'logger'>;
  ensureAdmin: EnsureAdminHandler;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The one place that wires ports to adapters, by plain constructor calls. */
export async function compose(config: AppConfig, logger: Logger, database?: DatabaseHandle): Promise<Composition> {
  const handle = database ?? (await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(handle.db);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true }) : undefined;
  await redis?.connect();

  const bus = new LoggingEventBus(new InMemoryEventBus(), logger);
  const relay = new OutboxRelay(new KyselyOutboxReader(handle.db, handle.kind), bus, {
    onError: (error) => logger.error({ err: error }, 'outbox relay failed; the events stay pending'),
  });
  const uow = new KyselyUnitOfWork<MembershipRepositories>(
    handle.db,
    (trx, outbox) => ({ users: new KyselyUserRepository(trx, outbox), refreshTokens: new KyselyRefreshTokenRepository(trx, outbox) }),
    { afterCommit: () => void relay.wake() },
  );
  relay.start();

  const clock = new SystemClock();
  const ids = new UuidGenerator();
  const hasher = new Argon2PasswordHasher();
  const passwords = new BreachedPasswordList();
  const finder = new KyselyUsersFinder(handle.db);
  const tokens = { issuer: new JwtAccessTokenIssuer(config.jwtSecret), secrets: new RandomRefreshTokenSecrets() };

  const membership: MembershipHandlers = {
    register: new RegisterUserHandler(uow, hasher, passwords, ids, clock),
    authenticate: new AuthenticateUserHandler(uow, hasher, tokens.issuer, tokens.secrets, ids, clock),
    refresh: new RefreshTokenHandler(uow, tokens.issuer, tokens.secrets, ids, clock),
    logout: new LogoutHandler(uow, tokens.secrets, clock),
    getMe: new GetMeHandler(finder),
    listUsers: new ListUsersHandler(finder),
    listTrainers: new ListTrainersHandler(finder),
    changeRole: new ChangeUserRoleHandler(uow, clock),
  };

  const readinessChecks: Record<string, () => Promise<unknown>> = { database: () => ping(handle.db) };
  if (redis) readinessChecks['redis'] = () => redis.ping();

  return {
    deps: { config, membership, readinessChecks, ...(redis ? { redis } : {}) },
    ensureAdmin: new EnsureAdminHandler(uow, hasher, passwords, ids, clock),
    database: handle,
    async close() {
      await relay.stop();
      await relay.wake();
      redis?.disconnect();
      await handle.close();
    },
  };
}
