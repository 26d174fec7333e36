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
  type SessionOutlookView,
  ScheduleHoldExpiry,
  holdIdOfExpiryJob,
} from '@fitflow/application-booking';
import { CancellationPolicy } from '@fitflow/domain-booking';
import type { CreditsFinder } from '@fitflow/application-membership';
import type { Actor } from '@fitflow/application-shared';
import type { SessionView } from '@fitflow/application-scheduling';
import type { Core } from '../core';
import { bookingRoutes } from '../http/routes/bookings';
import { holdRoutes } from '../http/routes/holds';
import { bookingRepositories } from '../infrastructure/persistence/booking/booking-repositories';
import { KyselyUserBookingsFinder } from '../infrastructure/persistence/booking/kysely-user-bookings-finder';
import type { AppModule } from './module';

/** Holds expired in one run of the sweep; the next run takes the rest. */
const EXPIRY_BATCH = 200;

/** Booking a spot, holding one, My Bookings, cancelling; and the bookings of a class the studio cancels. */
export function bookingModule({ config, clock, ids, jobs, unitOfWork, idempotentUnitOfWork, db }: Core, balances: Pick<CreditsFinder, 'membershipOf'>) {
  const repositories = bookingRepositories(clock);
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
    subscribers: [new CancelBookingsOfCancelledSession(background, clock), new ScheduleHoldExpiry(jobs)],
    // A hold's job expires that hold on time; the sweep catches any hold whose job was lost (Redis is not the truth).
    jobs: [
      { name: HOLD_EXPIRY_JOB, run: async (data) => void (await expireHold.handle({ holdId: holdIdOfExpiryJob(data) })) },
      { name: HOLD_EXPIRY_SWEEP, everyMs: config.holdSweepIntervalMs, run: async () => void (await expireHolds.handle({ limit: EXPIRY_BATCH })) },
    ],
  } satisfies AppModule;
  /** The booking context's decisions on sessions, for the schedule's routes: one balance read per request. */
  const sessionOutlooks: SessionOutlooks = {
    async forViewer(viewer) {
      const balance = viewer ? await balances.membershipOf(viewer.userId) : undefined;
      return (session) => outlooks.forSession(session, viewer, { balance });
    },
  };
  return { ...module, outlooks: sessionOutlooks };
}

export type BookingHandlers = ReturnType<typeof bookingModule>['handlers'];

/** What a viewer can do with sessions, decided with their balance read once for a whole page. */
export interface SessionOutlooks {
  forViewer(viewer: Actor | null): Promise<(session: SessionView) => SessionOutlookView>;
}
