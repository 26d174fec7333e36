import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import { BOOKING_CANCELLED, BOOKING_CONFIRMED, type BookingFacts, type CancelledBy } from './booking-events';
import type { BookingStatus } from './booking-status';
import type { CancellationPolicy } from './cancellation-policy';
import { GrantedSpot } from './spot-grant';

/** The session as a booking keeps it: enough for its events and its view without querying back. */
export interface BookedSession {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  trainerName: string;
}

export interface NewBooking {
  id: string;
  memberId: string;
  memberEmail: string;
  memberName: string;
  session: BookedSession;
  /** Whole credits paid for the spot (0 for a free class). */
  creditsSpent: number;
  at: Date;
}

/**
 * As stored. The member's email and name and the session's facts are read with the booking (joined by the
 * repository), so `cancel` can record a self-contained event.
 */
export interface BookingSnapshot {
  id: string;
  memberId: string;
  memberEmail: string;
  memberName: string;
  sessionId: string;
  sessionName: string;
  trainerName: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  creditsSpent: number;
  createdAt: Date;
  cancelledAt: Date | null;
  refundPercentage: number | null;
  creditsRefunded: number | null;
  /** The studio's reason when it cancelled the booking (by cancelling the session); null otherwise. */
  cancellationReason: string | null;
  checkedInAt: Date | null;
  /** The hold whose spot this booking took over; null for a direct booking. */
  holdId: string | null;
}

/** Who cancelled the booking; null while it is not cancelled. Only the studio's cancellations carry a reason. */
export function cancelledByOf({ status, cancellationReason }: Pick<BookingSnapshot, 'status' | 'cancellationReason'>): CancelledBy | null {
  if (status !== 'cancelled') return null;
  return cancellationReason === null ? 'member' : 'studio';
}

/**
 * A member's spot in one session. Confirmed when created; `cancel` applies the studio's refund policy,
 * `cancelByStudio` refunds in full.
 */
export class Booking extends AggregateRoot {
  readonly #memberId: string;
  readonly #memberEmail: string;
  readonly #memberName: string;
  readonly #session: Readonly<BookedSession>;
  readonly #creditsSpent: number;
  readonly #createdAt: Date;
  #status: BookingStatus;
  #cancelledAt: Date | null;
  #refundPercentage: number | null;
  #creditsRefunded: number | null;
  #cancellationReason: string | null;
  readonly #checkedInAt: Date | null;
  readonly #holdId: string | null;

  private constructor(snapshot: BookingSnapshot) {
    super(snapshot.id);
    this.#memberId = snapshot.memberId;
    this.#memberEmail = snapshot.memberEmail;
    this.#memberName = snapshot.memberName;
    this.#session = Object.freeze({
      id: snapshot.sessionId,
      name: snapshot.sessionName,
      startsAt: new Date(snapshot.startsAt),
      endsAt: new Date(snapshot.endsAt),
      trainerName: snapshot.trainerName,
    });
    this.#creditsSpent = snapshot.creditsSpent;
    this.#createdAt = new Date(snapshot.createdAt);
    this.#status = snapshot.status;
    this.#cancelledAt = snapshot.cancelledAt && new Date(snapshot.cancelledAt);
    this.#refundPercentage = snapshot.refundPercentage;
    this.#creditsRefunded = snapshot.creditsRefunded;
    this.#cancellationReason = snapshot.cancellationReason;
    this.#checkedInAt = snapshot.checkedInAt && new Date(snapshot.checkedInAt);
    this.#holdId = snapshot.holdId;
  }

  /**
   * A confirmed booking on the spot `Spots.forBooking` or `Spots.forHeldSpot` granted (to this member, on this
   * session); records BookingConfirmed.
   */
  static create(spot: GrantedSpot<'booking'>, details: NewBooking): Booking {
    if (spot.use !== 'booking') throw new InvalidValueError('spot', 'A booking needs a spot granted for a booking');
    spot.assertFor(details.memberId, details.session.id);
    return Booking.#confirmed(details, spot.holdId);
  }

  static #confirmed({ id, memberId, memberEmail, memberName, session, creditsSpent, at }: NewBooking, holdId: string | null): Booking {
    if (!Number.isInteger(creditsSpent) || creditsSpent < 0) {
      throw new InvalidValueError('creditsSpent', 'Credits spent must be a whole number of at least 0');
    }
    const booking = new Booking({
      id,
      memberId,
      memberEmail,
      memberName,
      sessionId: session.id,
      sessionName: session.name,
      trainerName: session.trainerName,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      status: 'confirmed',
      creditsSpent,
      createdAt: at,
      cancelledAt: null,
      refundPercentage: null,
      creditsRefunded: null,
      cancellationReason: null,
      checkedInAt: null,
      holdId,
    });
    booking.record(domainEvent(BOOKING_CONFIRMED, id, at, { ...booking.#facts(), holdId }));
    return booking;
  }

  static restore(snapshot: BookingSnapshot): Booking {
    return new Booking(snapshot);
  }

  get memberId(): string {
    return this.#memberId;
  }

  get sessionId(): string {
    return this.#session.id;
  }

  get status(): BookingStatus {
    return this.#status;
  }

  get holdId(): string | null {
    return this.#holdId;
  }

  get creditsSpent(): number {
    return this.#creditsSpent;
  }

  get refundPercentage(): number | null {
    return this.#refundPercentage;
  }

  get creditsRefunded(): number | null {
    return this.#creditsRefunded;
  }

  get cancelledAt(): Date | null {
    return this.#cancelledAt && new Date(this.#cancelledAt);
  }

  get cancelledBy(): CancelledBy | null {
    return cancelledByOf({ status: this.#status, cancellationReason: this.#cancellationReason });
  }

  get cancellationReason(): string | null {
    return this.#cancellationReason;
  }

  isOwnedBy(userId: string): boolean {
    return this.#memberId === userId;
  }

  /**
   * Its member (or an admin) cancels a confirmed booking before its session starts (INVALID_STATE otherwise), refunding
   * `floor(creditsSpent × policy.refundFor(startsAt, now) / 100)` credits; records BookingCancelled.
   */
  cancel(policy: CancellationPolicy, now: Date): void {
    this.#assertConfirmed();
    if (now.getTime() >= this.#session.startsAt.getTime()) {
      throw new InvalidStateError('This session has already started; the booking can no longer be cancelled');
    }
    this.#cancelAt(now, policy.refundFor(this.#session.startsAt, now), null);
  }

  /**
   * The studio cancelled the session: a confirmed booking is cancelled with a full refund, however close to (or
   * past) the start this runs, and keeps the studio's `reason`; records BookingCancelled. INVALID_STATE unless
   * confirmed.
   */
  cancelByStudio(reason: string, now: Date): void {
    this.#assertConfirmed();
    this.#cancelAt(now, 100, reason);
  }

  snapshot(): BookingSnapshot {
    return {
      id: this.id,
      memberId: this.#memberId,
      memberEmail: this.#memberEmail,
      memberName: this.#memberName,
      sessionId: this.#session.id,
      sessionName: this.#session.name,
      trainerName: this.#session.trainerName,
      startsAt: new Date(this.#session.startsAt),
      endsAt: new Date(this.#session.endsAt),
      status: this.#status,
      creditsSpent: this.#creditsSpent,
      createdAt: new Date(this.#createdAt),
      cancelledAt: this.#cancelledAt && new Date(this.#cancelledAt),
      refundPercentage: this.#refundPercentage,
      creditsRefunded: this.#creditsRefunded,
      cancellationReason: this.#cancellationReason,
      checkedInAt: this.#checkedInAt && new Date(this.#checkedInAt),
      holdId: this.#holdId,
    };
  }

  #assertConfirmed(): void {
    if (this.#status !== 'confirmed') throw new InvalidStateError(`This booking is ${this.#status} and cannot be cancelled`);
  }

  /** `reason` null: the member cancelled; otherwise the studio did, for that reason. */
  #cancelAt(now: Date, refundPercentage: number, reason: string | null): void {
    const creditsRefunded = Math.floor((this.#creditsSpent * refundPercentage) / 100);
    this.#status = 'cancelled';
    this.#cancelledAt = new Date(now);
    this.#refundPercentage = refundPercentage;
    this.#creditsRefunded = creditsRefunded;
    this.#cancellationReason = reason;
    this.record(
      domainEvent(BOOKING_CANCELLED, this.id, now, {
        ...this.#facts(),
        cancelledAt: now.toISOString(),
        cancelledBy: reason === null ? 'member' : 'studio',
        reason,
        refundPercentage,
        creditsRefunded,
      }),
    );
  }

  #facts(): BookingFacts {
    return {
      bookingId: this.id,
      memberId: this.#memberId,
      memberEmail: this.#memberEmail,
      memberName: this.#memberName,
      sessionId: this.#session.id,
      sessionName: this.#session.name,
      startsAt: this.#session.startsAt.toISOString(),
      endsAt: this.#session.endsAt.toISOString(),
      trainerName: this.#session.trainerName,
      creditsSpent: this.#creditsSpent,
    };
  }
}
