import { type Actor, commitBehind, type Handler, type IdGenerator, type UnitOfWork } from '@fitflow/application-shared';
import { Booking, Spots } from '@fitflow/domain-booking';
import { isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import { BookingCredits } from '../../booking-credits';
import { toBookingView } from '../../booking-view';
import { SessionNotFoundError, SpotTakenMeanwhileError } from '../../errors';
import type { BookingRepositories, BookingView } from '../../ports';
import { stakeFacts } from '../../stake-facts';

export interface CreateBookingCommand {
  actor: Actor;
  sessionId: string;
}

/** How a booking holds the session's row while it decides: shared with other bookings, or alone. */
type SessionHold = 'shared' | 'locked';

/**
 * The signed-in caller books a spot. The spot rule (`Spots.forBooking`) decides on the session's row and its spots,
 * read with that row held: it refuses a session that is not published or has started (INVALID_STATE), a second
 * confirmed booking of the caller (ALREADY_BOOKED), a booking beside the caller's active hold (ALREADY_HOLDING: that
 * spot is theirs to confirm) and a full session (SESSION_FULL). An unknown session, or a draft the caller may not
 * see, is NOT_FOUND. `creditsSpent` is the session's credit cost, taken from the member's balance in the same
 * transaction (402 INSUFFICIENT_CREDITS or CREDITS_EXPIRED otherwise, and nothing is booked).
 *
 * Bookings of a popular class arrive together, so a booking first shares the session's row with the others
 * (`shareForSpot`): nothing about the session can change meanwhile, but the spots can, so its insert goes out with
 * `confirmClaim` and the commit, in one round trip, after its credits. The bookings queue only on the booked count's
 * row, for that one round trip, instead of on the session's row for three. A booking whose spot was taken meanwhile
 * (the last spots of a rush) rolls back and is decided again with the row locked (`lockForSpot`), where the count
 * cannot move. A refusal rolls back after the first round trip either way.
 */
export class CreateBookingHandler implements Handler<CreateBookingCommand, BookingView> {
  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(command: CreateBookingCommand): Promise<BookingView> {
    try {
      return await this.#book(command, 'shared');
    } catch (error) {
      if (error instanceof SpotTakenMeanwhileError) return this.#book(command, 'locked');
      throw error;
    }
  }

  #book({ actor, sessionId }: CreateBookingCommand, hold: SessionHold): Promise<BookingView> {
    return this.uow.transaction(async ({ bookings, sessions, members, memberships }) => {
      // One round trip, in ARCHITECTURE.md's lock order: the session, then the balance.
      const [check, found, balance] = await Promise.all([
        hold === 'shared' ? sessions.shareForSpot(sessionId, actor.userId) : sessions.lockForSpot(sessionId, actor.userId),
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
      // The credits first: the booking's insert takes the booked count's row, held from there to the commit.
      return commitBehind(
        toBookingView(booking.snapshot()),
        credits.save(memberships),
        bookings.save(booking),
        hold === 'shared' ? sessions.confirmClaim(check, spot) : Promise.resolve(),
      );
    });
  }
}
