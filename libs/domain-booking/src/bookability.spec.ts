import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { type BookingRequestFacts, assertBookable } from './bookability';
import { AlreadyBookedError, SessionFullError } from './errors';

const open: BookingRequestFacts = { sessionId: 's-1', sessionStatus: 'published', capacity: 10, takenSpots: 9, alreadyBooked: false };

describe('assertBookable', () => {
  it('lets a member take the last free spot of a published session', () => {
    expect(() => assertBookable(open)).not.toThrow();
  });

  it.each(['draft', 'cancelled', 'in_progress', 'completed'] as const)('refuses a %s session with INVALID_STATE', (sessionStatus) => {
    expect(() => assertBookable({ ...open, sessionStatus })).toThrow(InvalidStateError);
  });

  it('refuses a member who already holds a confirmed booking with ALREADY_BOOKED', () => {
    expect(() => assertBookable({ ...open, alreadyBooked: true })).toThrow(AlreadyBookedError);
  });

  it('refuses a full session with SESSION_FULL', () => {
    expect(() => assertBookable({ ...open, takenSpots: 10 })).toThrow(expect.objectContaining({ code: 'SESSION_FULL' }));
    expect(() => assertBookable({ ...open, takenSpots: 11 })).toThrow(SessionFullError);
  });

  it('names ALREADY_BOOKED before SESSION_FULL, and a started session before both', () => {
    expect(() => assertBookable({ ...open, takenSpots: 10, alreadyBooked: true })).toThrow(AlreadyBookedError);
    expect(() => assertBookable({ ...open, sessionStatus: 'in_progress', takenSpots: 10, alreadyBooked: true })).toThrow(
      InvalidStateError,
    );
  });
});
