import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { Booking } from './booking';
import { AlreadyBookedError, AlreadyHoldingError, HoldExpiredError, SessionFullError } from './errors';
import { GrantedSpot, type SpotFacts, Spots } from './spot-grant';
import { SpotHold } from './spot-hold';
import { ENDS, NOW, STARTS, session } from './session.fixture';

const EXPIRES = new Date('2026-12-01T07:10:00.000Z');

const open: SpotFacts = { session: session(), memberId: 'm-1', now: NOW, takenSpots: 9, alreadyBooked: false, alreadyHolding: false };
const openForHold = open;
const bookedSession = { id: 's-1', name: 'Morning Yoga', startsAt: STARTS, endsAt: ENDS, trainerName: 'Tara Trainer' };
const member = { memberId: 'm-1', memberEmail: 'mo@example.com', memberName: 'Mo Member' };

function pendingHold(): SpotHold {
  return SpotHold.create(Spots.forHold(openForHold), { id: 'h-1', ...member, session: bookedSession, source: 'member', at: NOW, expiresAt: EXPIRES });
}

describe('Spots.forBooking', () => {
  it('grants the last free spot of a published session to the member', () => {
    expect(Spots.forBooking(open)).toMatchObject({ sessionId: 's-1', memberId: 'm-1', holdId: null, use: 'booking' });
  });

  it.each(['draft', 'cancelled'] as const)('refuses a %s session with INVALID_STATE', (status) => {
    expect(() => Spots.forBooking({ ...open, session: session({ status }) })).toThrow(InvalidStateError);
  });

  it('refuses a session that has started with INVALID_STATE, from its first second', () => {
    expect(() => Spots.forBooking({ ...open, now: STARTS })).toThrow(InvalidStateError);
    expect(() => Spots.forBooking({ ...open, now: ENDS })).toThrow(InvalidStateError);
  });

  it('refuses a member who already holds a confirmed booking with ALREADY_BOOKED', () => {
    expect(() => Spots.forBooking({ ...open, alreadyBooked: true })).toThrow(AlreadyBookedError);
  });

  it('refuses a full session with SESSION_FULL', () => {
    expect(() => Spots.forBooking({ ...open, takenSpots: 10 })).toThrow(expect.objectContaining({ code: 'SESSION_FULL' }));
    expect(() => Spots.forBooking({ ...open, takenSpots: 11 })).toThrow(SessionFullError);
  });

  it('names ALREADY_BOOKED before SESSION_FULL, and a started session before both', () => {
    expect(() => Spots.forBooking({ ...open, takenSpots: 10, alreadyBooked: true })).toThrow(AlreadyBookedError);
    expect(() => Spots.forBooking({ ...open, now: STARTS, takenSpots: 10, alreadyBooked: true })).toThrow(InvalidStateError);
  });
});

describe('Spots.forBooking beside a hold', () => {
  it('refuses a member with an active hold with ALREADY_HOLDING: the hold is their spot, to confirm or release', () => {
    expect(() => Spots.forBooking({ ...open, alreadyHolding: true })).toThrow(AlreadyHoldingError);
  });
});

describe('Spots.refusal', () => {
  const situation = { sessionId: 's-1', status: 'published', capacity: 10, takenSpots: 9, alreadyBooked: false, alreadyHolding: false } as const;

  it('answers null exactly when the grants grant, and otherwise the error they throw', () => {
    expect(Spots.refusal(situation)).toBeNull();
    expect(Spots.refusal({ ...situation, takenSpots: 10 })).toBeInstanceOf(SessionFullError);
    expect(Spots.refusal({ ...situation, alreadyHolding: true })).toBeInstanceOf(AlreadyHoldingError);
    expect(Spots.refusal({ ...situation, alreadyBooked: true, alreadyHolding: true })).toBeInstanceOf(AlreadyBookedError);
    expect(Spots.refusal({ ...situation, status: 'in_progress' })).toMatchObject({ code: 'INVALID_STATE', message: 'This session has already started' });
    expect(Spots.refusal({ ...situation, status: 'draft' })).toMatchObject({ message: 'This session is not open for booking yet' });
  });

  it('agrees with forBooking on every combination of the facts', () => {
    for (const status of ['draft', 'published', 'cancelled'] as const) {
      for (const takenSpots of [9, 10]) {
        for (const alreadyBooked of [false, true]) {
          for (const alreadyHolding of [false, true]) {
            const facts = { ...open, session: session({ status }), takenSpots, alreadyBooked, alreadyHolding };
            const refusal = Spots.refusal({ sessionId: 's-1', status, capacity: 10, takenSpots, alreadyBooked, alreadyHolding });
            if (refusal) expect(() => Spots.forBooking(facts)).toThrow(refusal.constructor as new () => Error);
            else expect(() => Spots.forBooking(facts)).not.toThrow();
          }
        }
      }
    }
  });
});

describe('Spots.forHold', () => {
  it('grants a spot for a hold, under the same rule as a booking', () => {
    expect(Spots.forHold(openForHold)).toMatchObject({ use: 'hold', memberId: 'm-1' });
    expect(() => Spots.forHold({ ...openForHold, takenSpots: 10 })).toThrow(SessionFullError);
    expect(() => Spots.forHold({ ...openForHold, alreadyBooked: true })).toThrow(AlreadyBookedError);
    expect(() => Spots.forHold({ ...openForHold, session: session({ status: 'cancelled' }) })).toThrow(InvalidStateError);
  });

  it('refuses a second pending hold of the member with ALREADY_HOLDING, before SESSION_FULL', () => {
    expect(() => Spots.forHold({ ...openForHold, alreadyHolding: true, takenSpots: 10 })).toThrow(AlreadyHoldingError);
  });
});

describe('Spots.forHeldSpot', () => {
  it('grants the hold’s own spot however full the session is, naming the hold', () => {
    const hold = pendingHold();
    expect(Spots.forHeldSpot({ hold, session: session({ capacity: 1 }), now: NOW, alreadyBooked: false })).toMatchObject({
      use: 'booking',
      memberId: 'm-1',
      holdId: 'h-1',
    });
  });

  it('refuses with HOLD_EXPIRED from expiresAt exactly, and grants a millisecond before', () => {
    const hold = pendingHold();
    const facts = { hold, session: session(), alreadyBooked: false };
    expect(() => Spots.forHeldSpot({ ...facts, now: new Date(EXPIRES.getTime() - 1) })).not.toThrow();
    expect(() => Spots.forHeldSpot({ ...facts, now: EXPIRES })).toThrow(HoldExpiredError);
  });

  it('refuses a released hold with HOLD_EXPIRED', () => {
    const hold = pendingHold();
    hold.release(NOW);
    expect(() => Spots.forHeldSpot({ hold, session: session(), now: NOW, alreadyBooked: false })).toThrow(HoldExpiredError);
  });

  it('refuses a cancelled session with INVALID_STATE and a member already booked with ALREADY_BOOKED', () => {
    const hold = pendingHold();
    expect(() => Spots.forHeldSpot({ hold, session: session({ status: 'cancelled' }), now: NOW, alreadyBooked: false })).toThrow(InvalidStateError);
    expect(() => Spots.forHeldSpot({ hold, session: session(), now: NOW, alreadyBooked: true })).toThrow(AlreadyBookedError);
  });
});

describe('a granted spot', () => {
  const details = { id: 'b-1', ...member, session: bookedSession, creditsSpent: 2, at: NOW };

  it('cannot be made outside the spot rule', () => {
    // @ts-expect-error the granting token is the spot rule's own
    expect(() => new GrantedSpot(Symbol('granting'), 'booking', 's-1', 'm-1', null)).toThrow(InvalidStateError);
    // @ts-expect-error nor does a look-alike object pass for one
    expect(() => Booking.create({ use: 'booking', sessionId: 's-1', memberId: 'm-1', holdId: null }, details)).toThrow();
  });

  it('serves only its member, its session and its use', () => {
    const spot = Spots.forBooking(open);
    expect(() => Booking.create(spot, { ...details, memberId: 'm-2' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => Booking.create(spot, { ...details, session: { ...bookedSession, id: 's-2' } })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const holdSpot = Spots.forHold(openForHold);
    // @ts-expect-error a spot granted for a hold is not one for a booking
    expect(() => Booking.create(holdSpot, details)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('carries the hold into the booking it becomes', () => {
    const booking = Booking.create(Spots.forHeldSpot({ hold: pendingHold(), session: session(), now: NOW, alreadyBooked: false }), details);
    expect(booking.holdId).toBe('h-1');
    expect(booking.snapshot().holdId).toBe('h-1');
    expect(booking.pullEvents()[0]?.payload).toMatchObject({ bookingId: 'b-1', holdId: 'h-1' });
  });
});
