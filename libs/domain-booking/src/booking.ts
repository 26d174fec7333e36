import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import { BOOKING_CANCELLED, BOOKING_CONFIRMED, type BookingFacts } from './booking-events';
import type { BookingStatus } from './booking-status';
import type { CancellationPolicy } from './cancellation-policy';

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
  checkedInAt: Date | null;
}

/** A member's spot in one session. Confirmed when created; `cancel` applies the studio's refund policy. */
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
  readonly #checkedInAt: Date | null;

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
    this.#checkedInAt = snapshot.checkedInAt && new Date(snapshot.checkedInAt);
  }

  /** A confirmed booking; records BookingConfirmed. Whether the session may be booked is `assertBookable`'s job. */
  static create({ id, memberId, memberEmail, memberName, session, creditsSpent, at }: NewBooking): Booking {
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
      checkedInAt: null,
    });
    booking.record(domainEvent(BOOKING_CONFIRMED, id, at, booking.#facts()));
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

  isOwnedBy(userId: string): boolean {
    return this.#memberId === userId;
  }

  /**
   * Cancels a confirmed booking before its session starts (INVALID_STATE otherwise), refunding
   * `floor(creditsSpent × policy.refundFor(startsAt, now) / 100)` credits; records BookingCancelled.
   */
  cancel(policy: CancellationPolicy, now: Date): void {
    if (this.#status !== 'confirmed') throw new InvalidStateError(`This booking is ${this.#status} and cannot be cancelled`);
    if (now.getTime() >= this.#session.startsAt.getTime()) {
      throw new InvalidStateError('This session has already started; the booking can no longer be cancelled');
    }
    const refundPercentage = policy.refundFor(this.#session.startsAt, now);
    const creditsRefunded = Math.floor((this.#creditsSpent * refundPercentage) / 100);
    this.#status = 'cancelled';
    this.#cancelledAt = new Date(now);
    this.#refundPercentage = refundPercentage;
    this.#creditsRefunded = creditsRefunded;
    this.record(
      domainEvent(BOOKING_CANCELLED, this.id, now, {
        ...this.#facts(),
        cancelledAt: now.toISOString(),
        refundPercentage,
        creditsRefunded,
      }),
    );
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
      checkedInAt: this.#checkedInAt && new Date(this.#checkedInAt),
    };
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
