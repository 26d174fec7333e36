import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { Booking, Spots } from '@fitflow/domain-booking';
import { isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import { BookingCredits } from '../../booking-credits';
import { toBookingView } from '../../booking-view';
import { SessionNotFoundError } from '../../errors';
import type { BookingRepositories, BookingView } from '../../ports';
import { stakeFactsOf } from '../../stake-facts';

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
 * Every booking of a session queues behind its lock, so the statements run under it are started together and share
 * round trips (the unit of work pipelines them): the lock; the spot count with the caller's own booking, the member's
 * and the trainer's names and the member's balance (locked; a free class locks none); the booking with its credits;
 * the commit. A refusal (most answers in a rush for a popular class) rolls back after the second. `creditsSpent` is
 * the session's credit cost, taken from the member's balance in the same transaction (402 INSUFFICIENT_CREDITS or
 * CREDITS_EXPIRED otherwise, and nothing is booked).
 */
export class CreateBookingHandler implements Handler<CreateBookingCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, sessionId }: CreateBookingCommand): Promise<BookingView> {
    return this.uow.transaction(async ({ bookings, sessions, members, memberships }) => {
      const session = await sessions.getForUpdate(sessionId);
      if (!session || !isSessionVisibleTo(session, actor)) throw new SessionNotFoundError(sessionId);
      const now = this.clock.now();
      const creditCost = session.creditCost.value;
      const [situation, stake, balance] = await Promise.all([
        sessions.spotsFor(session, actor.userId),
        stakeFactsOf(members, actor.userId, session),
        BookingCredits.balanceFor(memberships, actor.userId, creditCost),
      ]);
      const spot = Spots.forBooking({ session, memberId: actor.userId, now, ...situation });
      const booking = Booking.create(spot, { id: this.ids.next(), ...stake, creditsSpent: creditCost, at: now });
      const credits = BookingCredits.charge(balance, booking, now);
      await Promise.all([bookings.save(booking), credits.save(memberships)]);
      return toBookingView(booking.snapshot());
    });
  }
}
