import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { Booking, HoldNotFoundError, Spots } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import { BookingCredits } from '../../booking-credits';
import { toBookingView } from '../../booking-view';
import type { BookingView, HoldRepositories } from '../../ports';

export interface ConfirmHoldCommand {
  actor: Actor;
  holdId: string;
}

/**
 * The hold's member turns it into a confirmed booking, in one transaction: the hold is confirmed and the booking
 * (which names the hold) saved together. The spot rule (`Spots.forHeldSpot`) refuses a hold that has lapsed at
 * `expiresAt` exactly or was released or expired (HOLD_EXPIRED), a session no longer open (INVALID_STATE) and a
 * member booked meanwhile (ALREADY_BOOKED). Anyone but its member gets NOT_FOUND, so hold ids cannot be probed.
 *
 * Lock order (see `LockedSession`): an unlocked read finds the hold's session, whose row is locked first, then the
 * hold's row, then the member's balance. `creditsSpent` is the session's credit cost, spent in the same transaction
 * (402 INSUFFICIENT_CREDITS or CREDITS_EXPIRED otherwise: the hold stays pending, so the member can buy credits and
 * confirm before it lapses).
 */
export class ConfirmHoldHandler implements Handler<ConfirmHoldCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, holdId }: ConfirmHoldCommand): Promise<BookingView> {
    return this.uow.transaction(async ({ holds, bookings, sessions, memberships }) => {
      const found = await holds.get(holdId);
      if (!found?.isOwnedBy(actor.userId)) throw new HoldNotFoundError(holdId);
      const session = await sessions.getForUpdate(found.sessionId);
      const hold = session && (await holds.getForUpdate(session, holdId));
      if (!hold) throw new HoldNotFoundError(holdId);
      const now = this.clock.now();
      const creditCost = session.creditCost.value;
      // Started together, so they share a round trip under the session's lock; they still lock in this order.
      const [{ alreadyBooked }, balance] = await Promise.all([
        sessions.spotsFor(session, hold.memberId),
        BookingCredits.balanceFor(memberships, hold.memberId, creditCost),
      ]);
      const spot = Spots.forHeldSpot({ hold, session, now, alreadyBooked });
      const booking = Booking.create(spot, {
        id: this.ids.next(),
        memberId: hold.memberId,
        memberEmail: hold.memberEmail,
        memberName: hold.memberName,
        session: hold.session,
        creditsSpent: creditCost,
        at: now,
      });
      const credits = BookingCredits.charge(balance, booking, now);
      hold.confirm(booking.id, now);
      await Promise.all([holds.save(hold), bookings.save(booking), credits.save(memberships)]);
      return toBookingView(booking.snapshot());
    });
  }
}
