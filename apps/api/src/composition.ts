import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  AuthenticateUserHandler,
  ChangeUserRoleHandler,
  CurrentActorHandler,
  EnsureAdminHandler,
  GetMeHandler,
  ListTrainersHandler,
  ListUsersHandler,
  LogoutHandler,
  RefreshTokenHandler,
  RegisterUserHandler,
  type MembershipRepositories,
} from '@fitflow/application-membership';
import {
  CancelBookingHandler,
  CreateBookingHandler,
  GetBookingHandler,
  ListMyBookingsHandler,
  type BookingRepositories,
} from '@fitflow/application-booking';
import {
  CancelSessionHandler,
  CreateTemplateHandler,
  DeleteTemplateHandler,
  GetSessionHandler,
  GetTemplateHandler,
  ListSessionsHandler,
  ListTemplatesHandler,
  PublishSessionHandler,
  ScheduleSessionsHandler,
  UpdateSessionHandler,
  UpdateTemplateHandler,
  type SchedulingRepositories,
} from '@fitflow/application-scheduling';
import { InMemoryEventBus, OutboxRelay } from '@fitflow/application-shared';
import { CancellationPolicy } from '@fitflow/domain-booking';
import type { AppDependencies } from './app';
import type { AppConfig } from './config';
import type { BookingHandlers, MembershipHandlers, SchedulingHandlers } from './composition-types';
import { connectDatabase, ping, type DatabaseHandle } from './infrastructure/database/connect';
import { KyselyOutboxReader } from './infrastructure/database/kysely-outbox';
import { KyselyUnitOfWork } from './infrastructure/database/kysely-unit-of-work';
import { migrateToLatest } from './infrastructure/database/migrate';
import { IdempotentUnitOfWork } from './infrastructure/idempotency/idempotent-unit-of-work';
import { KyselyIdempotencyStore } from './infrastructure/idempotency/kysely-idempotency-store';
import { LoggingEventBus } from './infrastructure/events/logging-event-bus';
import { KyselyBookingRepository } from './infrastructure/persistence/booking/kysely-booking-repository';
import { KyselyMemberDirectory } from './infrastructure/persistence/booking/kysely-member-directory';
import { KyselySessionLocks } from './infrastructure/persistence/booking/kysely-session-locks';
import { KyselyUserBookingsFinder } from './infrastructure/persistence/booking/kysely-user-bookings-finder';
import { KyselyRefreshTokenRepository } from './infrastructure/persistence/membership/kysely-refresh-token-repository';
import { KyselyUserRepository } from './infrastructure/persistence/membership/kysely-user-repository';
import { KyselyUsersFinder } from './infrastructure/persistence/membership/kysely-users-finder';
import { KyselyClassSessionRepository } from './infrastructure/persistence/scheduling/kysely-class-session-repository';
import { KyselyClassTemplateRepository } from './infrastructure/persistence/scheduling/kysely-class-template-repository';
import { KyselyClassTemplatesFinder } from './infrastructure/persistence/scheduling/kysely-class-templates-finder';
import { KyselySessionOccupancy } from './infrastructure/persistence/scheduling/kysely-session-occupancy';
import { KyselySessionsFinder } from './infrastructure/persistence/scheduling/kysely-sessions-finder';
import { KyselyTrainerDirectory } from './infrastructure/persistence/scheduling/kysely-trainer-directory';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { BreachedPasswordList } from './infrastructure/security/common-passwords';
import { ZxcvbnPasswordStrength } from './infrastructure/security/password-strength';
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
  const clock = new SystemClock();
  const afterCommit = { afterCommit: () => void relay.wake() };
  const uow = new KyselyUnitOfWork<MembershipRepositories>(
    handle.db,
    (trx, outbox) => ({ users: new KyselyUserRepository(trx, outbox), refreshTokens: new KyselyRefreshTokenRepository(trx, outbox) }),
    afterCommit,
  );
  // Every repository on `trx`: PGlite has one connection, so a query on `db` inside the transaction would wait forever.
  const schedulingUow = new KyselyUnitOfWork<SchedulingRepositories>(
    handle.db,
    (trx, outbox) => ({
      templates: new KyselyClassTemplateRepository(trx, outbox),
      sessions: new KyselyClassSessionRepository(trx, outbox),
      occupancy: new KyselySessionOccupancy(trx, clock),
      trainers: new KyselyTrainerDirectory(trx),
    }),
    afterCommit,
  );
  const idempotency = new KyselyIdempotencyStore(handle.db);
  // Booking routes are idempotent: a booking commits with the proof of it under the request's key.
  const bookingUow = new IdempotentUnitOfWork<BookingRepositories>(
    handle.db,
    (trx, outbox) => ({
      bookings: new KyselyBookingRepository(trx, outbox),
      sessions: new KyselySessionLocks(trx, clock),
      members: new KyselyMemberDirectory(trx),
    }),
    afterCommit,
    idempotency,
  );
  relay.start();

  const ids = new UuidGenerator();
  const hasher = new Argon2PasswordHasher();
  const passwords = new BreachedPasswordList();
  const finder = new KyselyUsersFinder(handle.db);
  const tokens = { issuer: new JwtAccessTokenIssuer(config.jwtSecret), secrets: new RandomRefreshTokenSecrets() };

  const membership: MembershipHandlers = {
    register: new RegisterUserHandler(uow, hasher, passwords, ids, clock, new ZxcvbnPasswordStrength()),
    authenticate: new AuthenticateUserHandler(uow, hasher, tokens.issuer, tokens.secrets, ids, clock),
    refresh: new RefreshTokenHandler(uow, tokens.issuer, tokens.secrets, ids, clock),
    logout: new LogoutHandler(uow, tokens.secrets, clock),
    getMe: new GetMeHandler(finder),
    currentActor: new CurrentActorHandler(finder),
    listUsers: new ListUsersHandler(finder),
    listTrainers: new ListTrainersHandler(finder),
    changeRole: new ChangeUserRoleHandler(uow, clock),
  };

  const templatesFinder = new KyselyClassTemplatesFinder(handle.db);
  const sessionsFinder = new KyselySessionsFinder(handle.db, clock);
  const studio = { timeZone: config.studio.timeZone };
  const scheduling: SchedulingHandlers = {
    listTemplates: new ListTemplatesHandler(templatesFinder),
    getTemplate: new GetTemplateHandler(templatesFinder),
    createTemplate: new CreateTemplateHandler(schedulingUow, ids, clock),
    updateTemplate: new UpdateTemplateHandler(schedulingUow, templatesFinder, clock),
    deleteTemplate: new DeleteTemplateHandler(schedulingUow, clock),
    scheduleSessions: new ScheduleSessionsHandler(schedulingUow, ids, clock, studio),
    updateSession: new UpdateSessionHandler(schedulingUow, sessionsFinder, clock),
    publishSession: new PublishSessionHandler(schedulingUow, sessionsFinder, clock),
    cancelSession: new CancelSessionHandler(schedulingUow, sessionsFinder, clock),
    listSessions: new ListSessionsHandler(sessionsFinder),
    getSession: new GetSessionHandler(sessionsFinder),
  };

  const bookingsFinder = new KyselyUserBookingsFinder(handle.db);
  const bookings: BookingHandlers = {
    createBooking: new CreateBookingHandler(bookingUow, ids, clock),
    cancelBooking: new CancelBookingHandler(bookingUow, CancellationPolicy.create(config.cancellationPolicy), clock),
    getBooking: new GetBookingHandler(bookingsFinder),
    listMyBookings: new ListMyBookingsHandler(bookingsFinder, clock),
  };

  const ensureAdmin = new EnsureAdminHandler(uow, hasher, passwords, ids, clock);

  const readinessChecks: Record<string, () => Promise<unknown>> = { database: () => ping(handle.db) };
  if (redis) readinessChecks['redis'] = () => redis.ping();

  return {
    deps: { config, membership, scheduling, bookings, idempotency, readinessChecks, ...(redis ? { redis } : {}) },
    ensureAdmin,
    database: handle,
    async close() {
      await relay.stop();
      await relay.wake();
      redis?.disconnect();
      await handle.close();
    },
  };
}
