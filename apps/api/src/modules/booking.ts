import {
  CancelBookingHandler,
  CancelBookingsOfCancelledSession,
  ConfirmHoldHandler,
  CreateBookingHandler,
  CreateHoldHandler,
  ExpireHoldHandler,
  ExpireHoldsHandler,
  GetBookingHandler,
  GetHoldHandler,
  HOLD_EXPIRY_JOB,
  HOLD_EXPIRY_SWEEP,
  ListMyBookingsHandler,
  Outlooks,
  ReleaseHoldHandler,
  ScheduleHoldExpiry,
  holdIdOfExpiryJob,
  type HoldRepositories,
} from '@fitflow/application-booking';
import { CancellationPolicy } from '@fitflow/domain-booking';
import type { Core } from '../core';
import { bookingRoutes } from '../http/routes/bookings';
import { holdRoutes } from '../http/routes/holds';
import type { RepositoryFactory } from '../infrastructure/database/kysely-unit-of-work';
import { KyselyBookingRepository } from '../infrastructure/persistence/booking/kysely-booking-repository';
import { KyselyHoldRepository } from '../infrastructure/persistence/booking/kysely-hold-repository';
import { KyselyMemberDirectory } from '../infrastructure/persistence/booking/kysely-member-directory';
import { KyselySessionLocks } from '../infrastructure/persistence/booking/kysely-session-locks';
import { KyselyUserBookingsFinder } from '../infrastructure/persistence/booking/kysely-user-bookings-finder';
import type { AppModule } from './module';

/** Holds expired in one run of the sweep; the next run takes the rest. */
const EXPIRY_BATCH = 200;

/** Booking a spot, holding one, My Bookings, cancelling; and the bookings of a class the studio cancels. */
export function bookingModule({ config, clock, ids, jobs, unitOfWork, idempotentUnitOfWork, db }: Core) {
  const repositories: RepositoryFactory<HoldRepositories> = (trx, outbox) => ({
    bookings: new KyselyBookingRepository(trx, outbox),
    holds: new KyselyHoldRepository(trx, outbox),
    sessions: new KyselySessionLocks(trx, clock),
    members: new KyselyMemberDirectory(trx),
  });
  // Booking and hold routes are idempotent: a change commits with the proof of it under the request's key.
  const uow = idempotentUnitOfWork(repositories);
  // Subscribers and jobs run outside any request: the plain unit of work.
  const background = unitOfWork(repositories);
  const finder = new KyselyUserBookingsFinder(db, clock);
  const durations = { holdDurationMs: config.holdDurationMs, waitlistHoldDurationMs: config.waitlistHoldDurationMs };
  const expireHolds = new ExpireHoldsHandler(background, clock);
  const expireHold = new ExpireHoldHandler(background, clock);
  const policy = CancellationPolicy.create(config.cancellationPolicy);
  const outlooks = new Outlooks(policy, clock);

  const handlers = {
    createBooking: new CreateBookingHandler(uow, ids, clock),
    cancelBooking: new CancelBookingHandler(uow, policy, clock),
    getBooking: new GetBookingHandler(finder),
    listMyBookings: new ListMyBookingsHandler(finder, clock),
    createHold: new CreateHoldHandler(uow, ids, clock, durations),
    getHold: new GetHoldHandler(uow),
    confirmHold: new ConfirmHoldHandler(uow, ids, clock),
    releaseHold: new ReleaseHoldHandler(uow, clock),
    expireHolds,
  };
  const module = {
    handlers,
    routes: async (api) => {
      await api.register(bookingRoutes, { handlers, outlooks, studio: config.studio });
      await api.register(holdRoutes, { handlers, outlooks });
    },
    subscribers: [new CancelBookingsOfCancelledSession(background), new ScheduleHoldExpiry(jobs)],
    // A hold's job expires that hold on time; the sweep catches any hold whose job was lost (Redis is not the truth).
    jobs: [
      { name: HOLD_EXPIRY_JOB, run: async (data) => void (await expireHold.handle({ holdId: holdIdOfExpiryJob(data) })) },
      { name: HOLD_EXPIRY_SWEEP, everyMs: config.holdSweepIntervalMs, run: async () => void (await expireHolds.handle({ limit: EXPIRY_BATCH })) },
    ],
  } satisfies AppModule;
  /** The booking context's decisions on sessions, for the schedule's routes. */
  return { ...module, outlooks };
}

export type BookingHandlers = ReturnType<typeof bookingModule>['handlers'];
