import { type DomainError, InvalidStateError, InvalidValueError } from '@fitflow/domain-shared';
import type { ClassSession, SessionStatus } from '@fitflow/domain-scheduling';
import { AlreadyBookedError, AlreadyHoldingError, HoldExpiredError, SessionFullError } from './errors';
import type { SpotHold } from './spot-hold';

/** What a granted spot may become: a confirmed `booking`, or a `hold` that keeps it for a while. */
export type SpotUse = 'booking' | 'hold';

/**
 * A session's spots as the rule sees them at one instant, for one member. The write side reads it under the
 * session row's lock (`SpotFacts`); the read side from the schedule, to tell a caller what they can do now.
 */
export interface SpotSituation {
  sessionId: string;
  /** The session's status at the instant (`statusAt(now)`): `in_progress` and `completed` from the clock. */
  status: SessionStatus;
  capacity: number;
  /** Confirmed bookings plus holds whose `expiresAt` is still after the instant. */
  takenSpots: number;
  /** The member holds a confirmed booking on the session. */
  alreadyBooked: boolean;
  /** The member has a pending hold on the session that is still active. */
  alreadyHolding: boolean;
}

/** What deciding on a spot needs, all read under the session row's lock. */
export interface SpotFacts {
  /** The session, as locked. */
  session: ClassSession;
  memberId: string;
  now: Date;
  /** Confirmed bookings plus holds whose `expiresAt` is still after `now`. */
  takenSpots: number;
  alreadyBooked: boolean;
  /** An active pending hold of the member: booking beside it would take a second spot, holding again a second hold. */
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
 * The one place a spot is granted, whether it becomes a booking, a hold or a confirmed hold, and the one place that
 * says why not. Checked in this order: the session must be published and not started (INVALID_STATE); the member
 * must have neither a confirmed booking on it (ALREADY_BOOKED) nor an active hold (ALREADY_HOLDING: confirm or
 * release it); and a spot must be free (SESSION_FULL).
 */
export const Spots = {
  /** The error the grant would throw for this situation, or null when it would grant the spot. */
  refusal(situation: SpotSituation): DomainError | null {
    const { sessionId, status, capacity, takenSpots, alreadyBooked, alreadyHolding } = situation;
    return (
      closedRefusal(status) ??
      (alreadyBooked ? new AlreadyBookedError(sessionId) : null) ??
      (alreadyHolding ? new AlreadyHoldingError(sessionId) : null) ??
      (takenSpots >= capacity ? new SessionFullError(sessionId) : null)
    );
  },

  forBooking(facts: SpotFacts): GrantedSpot<'booking'> {
    throwIfRefused(Spots.refusal(situationOf(facts)));
    return new GrantedSpot(GRANTING, 'booking', facts.session.id, facts.memberId, null);
  },

  forHold(facts: SpotFacts): GrantedSpot<'hold'> {
    throwIfRefused(Spots.refusal(situationOf(facts)));
    return new GrantedSpot(GRANTING, 'hold', facts.session.id, facts.memberId, null);
  },

  /**
   * A pending hold's spot becomes its member's booking: the session must still be open (INVALID_STATE), the hold
   * still active at `now` (HOLD_EXPIRED: it stops counting at `expiresAt` exactly) and the member not yet booked
   * (ALREADY_BOOKED). No capacity check: the hold's spot is already among the taken ones.
   */
  forHeldSpot({ hold, session, now, alreadyBooked }: HeldSpotFacts): GrantedSpot<'booking'> {
    if (hold.sessionId !== session.id) throw new InvalidValueError('hold', 'The hold is not on this session');
    throwIfRefused(closedRefusal(session.statusAt(now)));
    if (!hold.isActiveAt(now)) throw new HoldExpiredError(hold.id);
    if (alreadyBooked) throw new AlreadyBookedError(session.id);
    return new GrantedSpot(GRANTING, 'booking', session.id, hold.memberId, hold.id);
  },
};

function situationOf({ session, now, takenSpots, alreadyBooked, alreadyHolding }: SpotFacts): SpotSituation {
  const status = session.statusAt(now);
  return { sessionId: session.id, status, capacity: session.capacity.value, takenSpots, alreadyBooked, alreadyHolding };
}

function throwIfRefused(refusal: DomainError | null): void {
  if (refusal) throw refusal;
}

/** Only a published session that has not started takes bookings and holds. */
function closedRefusal(status: SessionStatus): InvalidStateError | null {
  switch (status) {
    case 'draft':
      return new InvalidStateError('This session is not open for booking yet');
    case 'cancelled':
      return new InvalidStateError('This session is cancelled');
    case 'in_progress':
    case 'completed':
      return new InvalidStateError('This session has already started');
    case 'published':
      return null;
  }
}
