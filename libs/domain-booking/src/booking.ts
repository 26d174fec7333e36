import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import type { ClassSession } from '@fitflow/domain-scheduling';
import {
  BOOKING_CANCELLED,
  BOOKING_CONFIRMED,
  BOOKING_MARKED_NO_SHOW,
  CHECK_IN_RECORDED,
  type BookingFacts,
  type CancelledBy,
} from './booking-events';
import { type BookingStatus, describeBookingStatus } from './booking-status';
import { type CheckIn, type CheckInGrace, type CheckInMethod, CheckInWindow } from './check-in';
import { AlreadyCheckedInError, InvalidCodeError } from './errors';
import { type CancellationPolicy, refundedCredits } from './cancellation-policy';
import { GrantedSpot } from './spot-grant';
import { type BookedSession, Stake, type StakeSnapshot } from './stake';

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
export interface BookingSnapshot extends StakeSnapshot {
  id: string;
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
  readonly #stake: Stake;
  readonly #creditsSpent: number;
  readonly #createdAt: Date;
  #status: BookingStatus;
  #cancelledAt: Date | null;
  #refundPercentage: number | null;
  #creditsRefunded: number | null;
  #cancellationReason: string | null;
  #checkedInAt: Date | null;
  readonly #holdId: string | null;

  private constructor(snapshot: BookingSnapshot) {
    super(snapshot.id);
    this.#stake = Stake.restore(snapshot);
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
      ...Stake.of({ id: memberId, email: memberEmail, name: memberName }, session).snapshot(),
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
    return this.#stake.member.id;
  }

  get sessionId(): string {
    return this.#stake.session.id;
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

  get checkedInAt(): Date | null {
    return this.#checkedInAt && new Date(this.#checkedInAt);
  }

  /** The status a reader sees at `now`: the no-show rule (`bookingStatusAt`) applies before any job has stored it. */
  statusAt(now: Date): BookingStatus {
    return bookingStatusAt({ status: this.#status, checkedInAt: this.#checkedInAt, endsAt: this.#stake.session.endsAt }, now);
  }

  /** Stored as confirmed, but a no-show by the rule at `now`: `markNoShow` is due. */
  isDueForNoShowAt(now: Date): boolean {
    return this.#status === 'confirmed' && this.statusAt(now) === 'no_show';
  }

  isOwnedBy(userId: string): boolean {
    return this.#stake.member.id === userId;
  }

  /**
   * Its member (or an admin) cancels a confirmed booking before its session starts (INVALID_STATE otherwise), refunding
   * `floor(creditsSpent × policy.refundFor(startsAt, now) / 100)` credits; records BookingCancelled.
   */
  cancel(policy: CancellationPolicy, now: Date): void {
    const refusal = cancellationRefusal({ status: this.#status, startsAt: this.#stake.session.startsAt, checkedInAt: this.#checkedInAt }, now);
    if (refusal) throw refusal;
    this.#cancelAt(now, policy.refundFor(this.#stake.session.startsAt, now), null);
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

  /**
   * A trainer or an admin (`by`) checks the member in at the door of `session` (this booking's, locked), by
   * `method`; records CheckInRecorded and answers the check-in, late when after the start plus `grace`. Refused with
   * ALREADY_CHECKED_IN the second time; INVALID_STATE unless the booking is confirmed, the class not cancelled and its
   * check-in window (`CheckInWindow`) open at `at`. A scanned code of a cancelled booking opens no door: INVALID_CODE.
   */
  checkIn(session: ClassSession, { method, at, grace, by }: { method: CheckInMethod; at: Date; grace: CheckInGrace; by: string }): CheckIn {
    this.#refuseCheckIn(session, method, at);
    this.#checkedInAt = new Date(at);
    const isLate = grace.isLate(session.slot.startsAt, at);
    this.record(domainEvent(CHECK_IN_RECORDED, this.id, at, { ...this.#facts(), checkedInAt: at.toISOString(), isLate, method, recordedBy: by }));
    return {
      bookingId: this.id,
      sessionId: this.#stake.session.id,
      sessionName: this.#stake.session.name,
      memberId: this.#stake.member.id,
      memberName: this.#stake.member.name,
      checkedInAt: new Date(at),
      isLate,
      method,
      recordedBy: by,
    };
  }

  /**
   * Its session ended without a check-in: the booking becomes a no-show (what every read already shows from
   * `endsAt`); records BookingMarkedNoShow. INVALID_STATE unless `isDueForNoShowAt(now)`.
   */
  markNoShow(now: Date): void {
    if (!this.isDueForNoShowAt(now)) {
      throw new InvalidStateError(
        this.#status === 'confirmed' ? 'This booking is not a no-show' : `This booking is ${describeBookingStatus(this.#status)} and cannot become a no-show`,
      );
    }
    this.#status = 'no_show';
    this.record(domainEvent(BOOKING_MARKED_NO_SHOW, this.id, now, { ...this.#facts(), markedAt: now.toISOString() }));
  }

  snapshot(): BookingSnapshot {
    return {
      id: this.id,
      ...this.#stake.snapshot(),
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

  /**
   * In this order: a cancelled booking is refused whatever happened before (its code is void), and a second scan
   * says "already checked in" even once the door has closed.
   */
  #refuseCheckIn(session: ClassSession, method: CheckInMethod, at: Date): void {
    if (session.id !== this.#stake.session.id) throw new InvalidValueError('session', 'The booking is not on this session');
    if (this.#status === 'cancelled' && method === 'qr') throw new InvalidCodeError('This code belongs to a cancelled booking');
    if (this.#status === 'cancelled') throw new InvalidStateError('This booking is cancelled and cannot be checked in');
    if (this.#checkedInAt) throw new AlreadyCheckedInError(this.id, this.#stake.member.name);
    if (this.#status !== 'confirmed') throw new InvalidStateError(`This booking is ${describeBookingStatus(this.#status)} and cannot be checked in`);
    if (session.status === 'cancelled') throw new InvalidStateError('This class is cancelled');
    const closed = CheckInWindow.of(session.slot).refusalAt(at);
    if (closed) throw closed;
  }

  #assertConfirmed(): void {
    const refusal = notConfirmedRefusal(this.#status);
    if (refusal) throw refusal;
  }

  /** `reason` null: the member cancelled; otherwise the studio did, for that reason. */
  #cancelAt(now: Date, refundPercentage: number, reason: string | null): void {
    const creditsRefunded = refundedCredits(this.#creditsSpent, refundPercentage);
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
      ...this.#stake.facts(),
      creditsSpent: this.#creditsSpent,
    };
  }
}

/**
 * Why its member could not cancel a booking at `now`, or null when they can: only a confirmed booking, and only
 * before its session starts, and not once its member is checked in (they came). `Booking.cancel` throws it; the read
 * side shows it.
 */
export function cancellationRefusal(
  booking: { status: BookingStatus; startsAt: Date; checkedInAt: Date | null },
  now: Date,
): InvalidStateError | null {
  return (
    notConfirmedRefusal(booking.status) ??
    (booking.checkedInAt ? new InvalidStateError('You are checked in; the booking can no longer be cancelled') : null) ??
    (now.getTime() >= booking.startsAt.getTime()
      ? new InvalidStateError('This session has already started; the booking can no longer be cancelled')
      : null)
  );
}

function notConfirmedRefusal(status: BookingStatus): InvalidStateError | null {
  return status === 'confirmed' ? null : new InvalidStateError(`This booking is ${describeBookingStatus(status)} and cannot be cancelled`);
}

/**
 * The no-show rule: a confirmed booking not checked in by the end of its session is a no-show from `endsAt`
 * (inclusive), whether or not the job that stores it has run. Every reader applies it; SQL readers must agree:
 *
 *   CASE WHEN b.status = 'confirmed' AND b.checked_in_at IS NULL AND s.ends_at <= $now THEN 'no_show' ELSE b.status END
 */
export function bookingStatusAt(booking: { status: BookingStatus; checkedInAt: Date | null; endsAt: Date }, now: Date): BookingStatus {
  const noShow = booking.status === 'confirmed' && booking.checkedInAt === null && now.getTime() >= booking.endsAt.getTime();
  return noShow ? 'no_show' : booking.status;
}
