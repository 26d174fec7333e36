import { InvalidStateError, InvalidValueError, ValueObject } from '@fitflow/domain-shared';

/** How a member was checked in: by a trainer's button (`manual`) or by scanning the member's code (`qr`). */
export const CHECK_IN_METHODS = ['manual', 'qr'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** The door opens this long before a session starts. */
export const CHECK_IN_OPENS_BEFORE_START_MS = 30 * 60_000;

/**
 * When members can be checked in to a session: from 30 minutes before its start (inclusive) until its end
 * (exclusive, the instant the session completes).
 */
export class CheckInWindow extends ValueObject<{ opensAtMs: number; closesAtMs: number }> {
  static of({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }): CheckInWindow {
    return new CheckInWindow({ opensAtMs: startsAt.getTime() - CHECK_IN_OPENS_BEFORE_START_MS, closesAtMs: endsAt.getTime() });
  }

  get opensAt(): Date {
    return new Date(this.props.opensAtMs);
  }

  get closesAt(): Date {
    return new Date(this.props.closesAtMs);
  }

  /** INVALID_STATE saying whether the door is not open yet or closed already; null while it is open at `now`. */
  refusalAt(now: Date): InvalidStateError | null {
    if (now.getTime() < this.props.opensAtMs) return new InvalidStateError('Check-in opens 30 minutes before the class starts');
    if (now.getTime() >= this.props.closesAtMs) return new InvalidStateError('This class is over: check-in has closed');
    return null;
  }
}

/** How long after a session's start a check-in still counts as on time (CHECKIN_GRACE): whole milliseconds, 0 or more. */
export class CheckInGrace extends ValueObject<{ ms: number }> {
  static ofMilliseconds(ms: number): CheckInGrace {
    if (!Number.isInteger(ms) || ms < 0) throw new InvalidValueError('checkInGrace', 'The check-in grace must be 0 or more whole milliseconds');
    return new CheckInGrace({ ms });
  }

  get milliseconds(): number {
    return this.props.ms;
  }

  /** Late when after `startsAt` + the grace: a check-in at that very instant is still on time. */
  isLate(startsAt: Date, checkedInAt: Date): boolean {
    return checkedInAt.getTime() > startsAt.getTime() + this.props.ms;
  }
}

/** A member's arrival at the door, as `Booking.checkIn` records it. */
export interface CheckIn {
  readonly bookingId: string;
  readonly sessionId: string;
  readonly sessionName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly checkedInAt: Date;
  readonly isLate: boolean;
  readonly method: CheckInMethod;
  /** The trainer or admin who checked the member in. */
  readonly recordedBy: string;
}
