import {
  CancelBookingHandler,
  CancelBookingsOfCancelledSession,
  CreateBookingHandler,
  GetBookingHandler,
  ListMyBookingsHandler,
  type BookingRepositories,
} from '@fitflow/application-booking';
import { CancellationPolicy } from '@fitflow/domain-booking';
import type { Core } from '../core';
import { bookingRoutes } from '../http/routes/bookings';
import type { RepositoryFactory } from '../infrastructure/database/kysely-unit-of-work';
import { KyselyBookingRepository } from '../infrastructure/persistence/booking/kysely-booking-repository';
import { KyselyMemberDirectory } from '../infrastructure/persistence/booking/kysely-member-directory';
import { KyselySessionLocks } from '../infrastructure/persistence/booking/kysely-session-locks';
import { KyselyUserBookingsFinder } from '../infrastructure/persistence/booking/kysely-user-bookings-finder';
import type { AppModule } from './module';

/** Booking a spot, My Bookings, cancelling; and the bookings of a class the studio cancels. */
export function bookingModule({ config, clock, ids, unitOfWork, idempotentUnitOfWork, db }: Core) {
  const repositories: RepositoryFactory<BookingRepositories> = (trx, outbox) => ({
    bookings: new KyselyBookingRepository(trx, outbox),
    sessions: new KyselySessionLocks(trx, clock),
    members: new KyselyMemberDirectory(trx),
  });
  // Booking routes are idempotent: a booking commits with the proof of it under the request's key.
  const uow = idempotentUnitOfWork(repositories);
  const finder = new KyselyUserBookingsFinder(db);

  const handlers = {
    createBooking: new CreateBookingHandler(uow, ids, clock),
    cancelBooking: new CancelBookingHandler(uow, CancellationPolicy.create(config.cancellationPolicy), clock),
    getBooking: new GetBookingHandler(finder),
    listMyBookings: new ListMyBookingsHandler(finder, clock),
  };
  return {
    handlers,
    routes: async (api) => void (await api.register(bookingRoutes, { handlers, studio: config.studio })),
    subscribers: [new CancelBookingsOfCancelledSession(unitOfWork(repositories))],
  } satisfies AppModule;
}

export type BookingHandlers = ReturnType<typeof bookingModule>['handlers'];
