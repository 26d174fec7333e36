import type { Actor, Handler, Page } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { BookingScope, BookingView, UserBookingsFinder } from '../../ports';

export const DEFAULT_BOOKINGS_PAGE_SIZE = 20;

export interface ListMyBookingsQuery {
  actor: Actor;
  scope: BookingScope;
  page?: number;
  pageSize?: number;
}

/** My Bookings: the caller's own bookings of one tab (upcoming, past, cancelled), judged at the clock's now. */
export class ListMyBookingsHandler implements Handler<ListMyBookingsQuery, Page<BookingView>> {
  constructor(
    private readonly finder: UserBookingsFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, scope, page = 1, pageSize = DEFAULT_BOOKINGS_PAGE_SIZE }: ListMyBookingsQuery): Promise<Page<BookingView>> {
    return this.finder.list({ memberId: actor.userId, scope, page, pageSize, now: this.clock.now() });
  }
}
