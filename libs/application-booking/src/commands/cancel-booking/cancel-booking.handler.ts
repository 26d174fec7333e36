import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import { BookingNotFoundError, type CancellationPolicy } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import { BookingCredits } from '../../booking-credits';
import { toBookingView } from '../../booking-view';
import { mayCancelBooking } from '../../permissions';
import type { BookingRepositories, BookingView } from '../../ports';

export interface CancelBookingCommand {
  actor: Actor;
  bookingId: string;
}

/**
 * The booking's member or an admin cancels a confirmed booking before its session starts (INVALID_STATE
 * otherwise); anyone else gets NOT_FOUND, as API.md says, so booking ids cannot be probed. The answer carries
 * `refundPercentage` and `creditsRefunded` from the studio's policy, and BookingCancelled, written in the same
 * transaction, carries them too; the refunded credits return to the member's balance in that transaction.
 *
 * Lock order (see `LockedSession`): an unlocked read finds the booking's session, whose row is locked first, then
 * the booking's row is locked and the decision taken on it, and the member's balance last. The caller's right to the booking is checked before
 * any lock, so a caller without one takes none.
 */
export class CancelBookingHandler implements Handler<CancelBookingCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly policy: CancellationPolicy,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, bookingId }: CancelBookingCommand): Promise<BookingView> {
    return this.uow.transaction(async ({ bookings, sessions, memberships }) => {
      const found = await bookings.get(bookingId);
      if (!found || !mayCancelBooking(actor, found.memberId)) {
        throw new BookingNotFoundError(bookingId);
      }
      const session = await sessions.getForUpdate(found.sessionId);
      const booking = session && (await bookings.getForUpdate(session, bookingId));
      if (!booking) throw new BookingNotFoundError(bookingId);
      // The studio cancelled the class and its cascade has not reached this booking yet: the studio's terms apply.
      const now = this.clock.now();
      if (session.status === 'cancelled') booking.cancelByStudio(session.cancellationReason ?? 'The class was cancelled', now);
      else booking.cancel(this.policy, now);
      await bookings.save(booking);
      await BookingCredits.refund(memberships, booking, now);
      return toBookingView(booking.snapshot());
    });
  }
}
