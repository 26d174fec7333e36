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
