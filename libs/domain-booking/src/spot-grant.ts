import { InvalidStateError, InvalidValueError } from '@fitflow/domain-shared';
import type { ClassSession } from '@fitflow/domain-scheduling';
import { AlreadyBookedError, AlreadyHoldingError, HoldExpiredError, SessionFullError } from './errors';
import type { SpotHold } from './spot-hold';

/** What a granted spot may become: a confirmed `booking`, or a `hold` that keeps it for a while. */
export type SpotUse = 'booking' | 'hold';

/** What deciding on a spot needs, all read under the session row's lock. */
export interface SpotFacts {
  /** The session, as locked. */
  session: ClassSession;
  memberId: string;
  now: Date;
  /** Confirmed bookings plus holds whose `expiresAt` is still after `now`. */
  takenSpots: number;
  /** The member already holds a confirmed booking on the session. */
  alreadyBooked: boolean;
}

/** A hold also needs to know whether the member already has one: at most one pending hold per member and session. */
export interface HoldSpotFacts extends SpotFacts {
  alreadyHolding: boolean;
}

/** Confirming a hold: its spot is already counted among the taken ones, so only the hold and the session decide. */
export interface HeldSpotFacts {
  hold: SpotHold;
  session: ClassSession;
  now: Date;
  alreadyBooked: boolean;
}

// Not exported: only this module can construct a GrantedSpot, so only the rules below hand one out.
const GRANTING: unique symbol = Symbol('granting');

/**
 * Proof that the spot rule let `memberId` take a spot on `sessionId`. `Booking.create` and `SpotHold.create`
 * demand one, so neither can come into being without the rule; the ES private field makes the type nominal, so an
 * object literal cannot pass for it. `holdId` names the hold whose spot a booking takes over.
 */
export class GrantedSpot<TUse extends SpotUse = SpotUse> {
  readonly #use: TUse;

  constructor(
    granting: typeof GRANTING,
    use: TUse,
    readonly sessionId: string,
    readonly memberId: string,
    readonly holdId: string | null,
  ) {
    if (granting !== GRANTING) throw new InvalidStateError('Only the spot rule grants a spot');
    this.#use = use;
  }

  get use(): TUse {
    return this.#use;
  }

  /** Refuses to serve as another member's or another session's spot (VALIDATION_FAILED): a wiring mistake. */
  assertFor(memberId: string, sessionId: string): void {
    if (memberId !== this.memberId || sessionId !== this.sessionId) {
      throw new InvalidValueError('spot', 'The spot was granted to another member or on another session');
    }
  }
}

/**
 * The one place a spot is granted, whether it becomes a booking, a hold or a confirmed hold. Checked in this order:
 * the session must be published and not started (INVALID_STATE); the member must not have a confirmed booking on it
 * (ALREADY_BOOKED); for a hold, nor a pending one (ALREADY_HOLDING); and a spot must be free (SESSION_FULL).
 */
export const Spots = {
  forBooking({ session, memberId, now, takenSpots, alreadyBooked }: SpotFacts): GrantedSpot<'booking'> {
    assertOpen(session, now);
    if (alreadyBooked) throw new AlreadyBookedError(session.id);
    assertFree(session, takenSpots);
    return new GrantedSpot(GRANTING, 'booking', session.id, memberId, null);
  },

  forHold({ session, memberId, now, takenSpots, alreadyBooked, alreadyHolding }: HoldSpotFacts): GrantedSpot<'hold'> {
    assertOpen(session, now);
    if (alreadyBooked) throw new AlreadyBookedError(session.id);
    if (alreadyHolding) throw new AlreadyHoldingError(session.id);
    assertFree(session, takenSpots);
    return new GrantedSpot(GRANTING, 'hold', session.id, memberId, null);
  },

  /**
   * A pending hold's spot becomes its member's booking: the session must still be open (INVALID_STATE), the hold
   * still active at `now` (HOLD_EXPIRED: it stops counting at `expiresAt` exactly) and the member not yet booked
   * (ALREADY_BOOKED). No capacity check: the hold's spot is already among the taken ones.
   */
  forHeldSpot({ hold, session, now, alreadyBooked }: HeldSpotFacts): GrantedSpot<'booking'> {
    if (hold.sessionId !== session.id) throw new InvalidValueError('hold', 'The hold is not on this session');
    assertOpen(session, now);
    if (!hold.isActiveAt(now)) throw new HoldExpiredError(hold.id);
    if (alreadyBooked) throw new AlreadyBookedError(session.id);
    return new GrantedSpot(GRANTING, 'booking', session.id, hold.memberId, hold.id);
  },
};

function assertFree(session: ClassSession, takenSpots: number): void {
  if (takenSpots >= session.capacity.value) throw new SessionFullError(session.id);
}

function assertOpen(session: ClassSession, now: Date): void {
  switch (session.statusAt(now)) {
    case 'draft':
      throw new InvalidStateError('This session is not open for booking yet');
    case 'cancelled':
      throw new InvalidStateError('This session is cancelled');
    case 'in_progress':
    case 'completed':
      throw new InvalidStateError('This session has already started');
    case 'published':
      break;
  }
}
