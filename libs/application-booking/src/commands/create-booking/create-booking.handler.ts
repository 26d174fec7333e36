import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { Booking, Spots } from '@fitflow/domain-booking';
import { isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import { BookingCredits } from '../../booking-credits';
import { toBookingView } from '../../booking-view';
import { SessionNotFoundError } from '../../errors';
import type { BookingRepositories, BookingView } from '../../ports';
import { stakeFacts } from '../../stake-facts';

export interface CreateBookingCommand {
  actor: Actor;
  sessionId: string;
}

/**
 * The signed-in caller books a spot. Inside one transaction it locks the session's row, counts the taken spots
 * under that lock and asks the spot rule (`Spots.forBooking`), which refuses a session that is not published or has
 * started (INVALID_STATE), a second confirmed booking of the caller (ALREADY_BOOKED), a booking beside the caller's
 * active hold (ALREADY_HOLDING: that spot is theirs to confirm) and a full session (SESSION_FULL). An unknown session,
 * or a draft the caller may not see, is NOT_FOUND.
 *
 * Every booking of a session queues behind its lock, so what is done under it takes two round trips and the commit:
 * the lock with the spot count (the session's booked count, its unexpired holds and the caller's own stake), the
 * member's name and balance, locked whatever the class costs (a free class spends nothing from it), all started
 * together (a member's first balance is opened on the way: one more); then the booking with its credits, written
 * together (the unit of work pipelines them). A refusal (most answers in a rush for a popular class) rolls back
 * after the first. `creditsSpent` is the session's credit cost,
 * taken from the member's balance in the same transaction (402 INSUFFICIENT_CREDITS or CREDITS_EXPIRED otherwise,
 * and nothing is booked).
 */
export class CreateBookingHandler implements Handler<CreateBookingCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, sessionId }: CreateBookingCommand): Promise<BookingView> {
    return this.uow.transaction(async ({ bookings, sessions, members, memberships }) => {
      // One round trip under the session's lock, locking in ARCHITECTURE.md's order (the session, then the balance).
      const [check, found, balance] = await Promise.all([
        sessions.lockForSpot(sessionId, actor.userId),
        members.findAll([actor.userId]),
        BookingCredits.lockBalance(memberships, actor.userId),
      ]);
      if (!check || !isSessionVisibleTo(check.session, actor)) throw new SessionNotFoundError(sessionId);
      const { session, spots, trainerName } = check;
      const now = this.clock.now();
      const stake = stakeFacts(found, actor.userId, session, trainerName);
      const spot = Spots.forBooking({ session, memberId: actor.userId, now, ...spots });
      const booking = Booking.create(spot, { id: this.ids.next(), ...stake, creditsSpent: session.creditCost.value, at: now });
      const credits = BookingCredits.charge(balance, booking, now);
      await Promise.all([bookings.save(booking), credits.save(memberships)]);
      return toBookingView(booking.snapshot());
    });
  }
}
