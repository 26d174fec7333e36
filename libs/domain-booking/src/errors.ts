import { DomainError } from '@fitflow/domain-shared';

/** Every spot of the session is taken (confirmed bookings plus unexpired holds, counted under the session's lock). */
export class SessionFullError extends DomainError {
  readonly code = 'SESSION_FULL';

  constructor(readonly sessionId: string) {
    super('This session is full');
  }
}

/** The member already holds a confirmed booking on this session. */
export class AlreadyBookedError extends DomainError {
  readonly code = 'ALREADY_BOOKED';

  constructor(readonly sessionId: string) {
    super('You have already booked this session');
  }
}

/** No such booking, or one the caller may not see (answered the same, so ids cannot be probed). */
export class BookingNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly bookingId: string) {
    super('No such booking');
  }
}

/** The hold lapsed (its `expiresAt` has come) or was released: its spot is no longer the member's. */
export class HoldExpiredError extends DomainError {
  readonly code = 'HOLD_EXPIRED';

  constructor(readonly holdId: string) {
    super('This hold has expired');
  }
}

/** The member already has a pending hold on this session (one at a time per member and session). */
export class AlreadyHoldingError extends DomainError {
  readonly code = 'ALREADY_HOLDING';

  constructor(readonly sessionId: string) {
    super('You already hold a spot in this session: confirm or release it');
  }
}

/** No such hold, or one the caller may not see (answered the same, so ids cannot be probed). */
export class HoldNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly holdId: string) {
    super('No such hold');
  }
}

/** The booking was checked in already: a second scan or tap at the door changes nothing. */
export class AlreadyCheckedInError extends DomainError {
  readonly code = 'ALREADY_CHECKED_IN';

  constructor(
    readonly bookingId: string,
    memberName: string,
  ) {
    super(`${memberName} is already checked in`);
  }
}

/**
 * A check-in code that opens no door here: not one of ours (malformed or forged), of a booking that is gone or
 * cancelled, or of a class the scanning trainer does not lead. One answer for all, so a code tells nothing.
 */
export class InvalidCodeError extends DomainError {
  readonly code = 'INVALID_CODE';

  constructor(message = 'This is not a valid check-in code for your classes') {
    super(message);
  }
}
