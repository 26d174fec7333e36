import { InvalidStateError } from '@fitflow/domain-shared';
import type { SessionStatus } from '@fitflow/domain-scheduling';
import { AlreadyBookedError, SessionFullError } from './errors';

/** What deciding a booking needs, all read under the session's lock. */
export interface BookingRequestFacts {
  sessionId: string;
  /** The session's status at the moment of booking (`ClassSession.statusAt(now)`). */
  sessionStatus: SessionStatus;
  capacity: number;
  /** Confirmed bookings plus unexpired holds. */
  takenSpots: number;
  /** The member already holds a confirmed booking on this session. */
  alreadyBooked: boolean;
}

/**
 * The booking rule, checked in this order: the session must be published and not started (INVALID_STATE), the
 * member must not hold a confirmed booking on it yet (ALREADY_BOOKED), and a spot must be free (SESSION_FULL).
 */
export function assertBookable({ sessionId, sessionStatus, capacity, takenSpots, alreadyBooked }: BookingRequestFacts): void {
  switch (sessionStatus) {
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
  if (alreadyBooked) throw new AlreadyBookedError(sessionId);
  if (takenSpots >= capacity) throw new SessionFullError(sessionId);
}
