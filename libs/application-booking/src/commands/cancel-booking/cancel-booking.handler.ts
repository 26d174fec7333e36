import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import { BookingNotFoundError, type CancellationPolicy } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import { toBookingView } from '../../booking-view';
import type { BookingRepositories, BookingView } from '../../ports';

export interface CancelBookingCommand {
  actor: Actor;
  bookingId: string;
}

/**
 * The booking's member or an admin cancels a confirmed booking before its session starts (INVALID_STATE
 * otherwise); anyone else gets NOT_FOUND, as API.md says, so booking ids cannot be probed. The answer carries
 * `refundPercentage` and `creditsRefunded` from the studio's policy. Giving the credits back is out of scope for
 * now: BookingCancelled, written in the same transaction, carries what the credits issue will refund.
 */
export class CancelBookingHandler implements Handler<CancelBookingCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly policy: CancellationPolicy,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, bookingId }: CancelBookingCommand): Promise<BookingView> {
    return this.uow.transaction(async ({ bookings }) => {
      const booking = await bookings.getForUpdate(bookingId);
      if (!booking || !(actor.role === 'admin' || booking.isOwnedBy(actor.userId))) {
        throw new BookingNotFoundError(bookingId);
      }
      booking.cancel(this.policy, this.clock.now());
      await bookings.save(booking);
      return toBookingView(booking.snapshot());
    });
  }
}
