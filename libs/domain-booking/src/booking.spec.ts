import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { Booking, type NewBooking, cancellationRefusal, cancelledByOf } from './booking';
import { BOOKING_CANCELLED, BOOKING_CONFIRMED } from './booking-events';
import { CancellationPolicy } from './cancellation-policy';
import { session } from './session.fixture';
import { Spots } from './spot-grant';

const STARTS = '2026-12-03T07:00:00.000Z';
const hoursBefore = (hours: number) => new Date(new Date(STARTS).getTime() - hours * 3_600_000);
const policy = CancellationPolicy.default();

function newBooking(overrides: Partial<NewBooking> = {}): NewBooking {
  return {
    id: 'b-1',
    memberId: 'm-1',
    memberEmail: 'mo@example.com',
    memberName: 'Mo Member',
    session: { id: 's-1', name: 'Morning Yoga', startsAt: new Date(STARTS), endsAt: new Date('2026-12-03T08:00:00.000Z'), trainerName: 'Tara Trainer' },
    creditsSpent: 3,
    at: new Date('2026-12-01T07:00:00.000Z'),
    ...overrides,
  };
}

/** A booking on a spot the rule granted for an empty session. */
function create(details: NewBooking): Booking {
  const spot = Spots.forBooking({ session: session({ id: details.session.id }), memberId: details.memberId, now: details.at, takenSpots: 0, alreadyBooked: false, alreadyHolding: false });
  return Booking.create(spot, details);
}

function booked(overrides: Partial<NewBooking> = {}): Booking {
  const booking = create(newBooking(overrides));
  booking.pullEvents();
  return booking;
}

describe('Booking.create', () => {
  it('is confirmed and records a self-contained BookingConfirmed', () => {
    const booking = create(newBooking());
    expect(booking.status).toBe('confirmed');
    expect(booking.pullEvents()).toEqual([
      {
        type: BOOKING_CONFIRMED,
        aggregateId: 'b-1',
        occurredAt: '2026-12-01T07:00:00.000Z',
        payload: {
          bookingId: 'b-1',
          memberId: 'm-1',
          memberEmail: 'mo@example.com',
          memberName: 'Mo Member',
          sessionId: 's-1',
          sessionName: 'Morning Yoga',
          startsAt: STARTS,
          endsAt: '2026-12-03T08:00:00.000Z',
          trainerName: 'Tara Trainer',
          creditsSpent: 3,
          holdId: null,
        },
      },
    ]);
  });

  it.each([-1, 1.5])('refuses %d credits spent with VALIDATION_FAILED', (creditsSpent) => {
    expect(() => create(newBooking({ creditsSpent }))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('Booking.cancel', () => {
  it.each([
    [30, 100, 3],
    [24, 50, 1],
    [13, 50, 1],
    [12, 0, 0],
  ])('cancelled %i h before the start refunds %i %% = floor(3 × pct / 100) = %i credits', (hours, pct, credits) => {
    const booking = booked();
    booking.cancel(policy, hoursBefore(hours));
    expect(booking.snapshot()).toMatchObject({
      status: 'cancelled',
      cancelledAt: hoursBefore(hours),
      refundPercentage: pct,
      creditsRefunded: credits,
    });
  });

  it('records BookingCancelled with the refund', () => {
    const booking = booked();
    booking.cancel(policy, hoursBefore(30));
    expect(booking.pullEvents()).toMatchObject([
      {
        type: BOOKING_CANCELLED,
        aggregateId: 'b-1',
        payload: {
          bookingId: 'b-1',
          memberEmail: 'mo@example.com',
          sessionName: 'Morning Yoga',
          startsAt: STARTS,
          cancelledAt: hoursBefore(30).toISOString(),
          cancelledBy: 'member',
          reason: null,
          refundPercentage: 100,
          creditsRefunded: 3,
        },
      },
    ]);
  });

  it('is the member’s cancellation: no reason kept', () => {
    const booking = booked();
    booking.cancel(policy, hoursBefore(30));
    expect(booking.cancelledBy).toBe('member');
    expect(booking.snapshot().cancellationReason).toBeNull();
  });

  it.each([0, -1])('refuses once the session has started (%i h before) with INVALID_STATE', (hours) => {
    const booking = booked();
    expect(() => booking.cancel(policy, hoursBefore(hours))).toThrow(InvalidStateError);
    expect(booking.status).toBe('confirmed');
    expect(booking.pullEvents()).toEqual([]);
  });

  it('refuses a booking already cancelled with INVALID_STATE', () => {
    const booking = booked();
    booking.cancel(policy, hoursBefore(30));
    expect(() => booking.cancel(policy, hoursBefore(20))).toThrow(InvalidStateError);
    expect(booking.refundPercentage).toBe(100);
  });

  it('refuses a no-show with INVALID_STATE', () => {
    const booking = Booking.restore({ ...booked().snapshot(), status: 'no_show' });
    expect(() => booking.cancel(policy, hoursBefore(30))).toThrow(InvalidStateError);
  });
});

describe('cancellationRefusal', () => {
  const startsAt = new Date(STARTS);

  it('lets a confirmed booking be cancelled until a millisecond before its start', () => {
    expect(cancellationRefusal({ status: 'confirmed', startsAt, checkedInAt: null }, new Date(startsAt.getTime() - 1))).toBeNull();
    expect(cancellationRefusal({ status: 'confirmed', startsAt, checkedInAt: null }, startsAt)).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses a booking whose member is already checked in (early, before the start)', () => {
    const early = new Date(startsAt.getTime() - 20 * 60_000);
    expect(cancellationRefusal({ status: 'confirmed', startsAt, checkedInAt: early }, early)?.message).toBe(
      'You are checked in; the booking can no longer be cancelled',
    );
  });

  it('refuses a cancelled booking and a no-show, saying which', () => {
    expect(cancellationRefusal({ status: 'cancelled', startsAt, checkedInAt: null }, hoursBefore(48))?.message).toBe('This booking is cancelled and cannot be cancelled');
    expect(cancellationRefusal({ status: 'no_show', startsAt, checkedInAt: null }, hoursBefore(48))?.message).toBe('This booking is no-show and cannot be cancelled');
  });
});

describe('Booking.cancelByStudio', () => {
  it.each([
    ['48 h before the start', hoursBefore(48)],
    ['an hour before the start, when a member would get nothing back', hoursBefore(1)],
    ['after the start, when a late delivery runs', hoursBefore(-2)],
  ])('refunds every credit spent, cancelled %s', (_, at) => {
    const booking = booked({ creditsSpent: 3 });
    booking.cancelByStudio('Trainer is ill', at);
    expect(booking.snapshot()).toMatchObject({
      status: 'cancelled',
      cancelledAt: at,
      refundPercentage: 100,
      creditsRefunded: 3,
      cancellationReason: 'Trainer is ill',
    });
    expect(booking.cancelledBy).toBe('studio');
  });

  it('records a self-contained BookingCancelled that says the studio cancelled it and why', () => {
    const booking = booked();
    booking.cancelByStudio('Trainer is ill', hoursBefore(1));
    expect(booking.pullEvents()).toEqual([
      {
        type: BOOKING_CANCELLED,
        aggregateId: 'b-1',
        occurredAt: hoursBefore(1).toISOString(),
        payload: {
          bookingId: 'b-1',
          memberId: 'm-1',
          memberEmail: 'mo@example.com',
          memberName: 'Mo Member',
          sessionId: 's-1',
          sessionName: 'Morning Yoga',
          startsAt: STARTS,
          endsAt: '2026-12-03T08:00:00.000Z',
          trainerName: 'Tara Trainer',
          creditsSpent: 3,
          cancelledAt: hoursBefore(1).toISOString(),
          cancelledBy: 'studio',
          reason: 'Trainer is ill',
          refundPercentage: 100,
          creditsRefunded: 3,
        },
      },
    ]);
  });

  it('refunds nothing of a free class, and still says why', () => {
    const booking = booked({ creditsSpent: 0 });
    booking.cancelByStudio('Studio closed', hoursBefore(30));
    expect(booking.snapshot()).toMatchObject({ refundPercentage: 100, creditsRefunded: 0, cancellationReason: 'Studio closed' });
  });

  it('refuses a booking the member already cancelled with INVALID_STATE, and keeps the member’s refund', () => {
    const booking = booked();
    booking.cancel(policy, hoursBefore(20));
    booking.pullEvents();
    expect(() => booking.cancelByStudio('Trainer is ill', hoursBefore(10))).toThrow(InvalidStateError);
    expect(booking.snapshot()).toMatchObject({ refundPercentage: 50, creditsRefunded: 1, cancellationReason: null });
    expect(booking.cancelledBy).toBe('member');
    expect(booking.pullEvents()).toEqual([]);
  });

  it('refuses a no-show with INVALID_STATE', () => {
    const booking = Booking.restore({ ...booked().snapshot(), status: 'no_show' });
    expect(() => booking.cancelByStudio('Trainer is ill', hoursBefore(30))).toThrow(InvalidStateError);
  });
});

describe('cancelledByOf', () => {
  it('is null while not cancelled, the studio when a reason is kept, the member otherwise', () => {
    expect(cancelledByOf({ status: 'confirmed', cancellationReason: null })).toBeNull();
    expect(cancelledByOf({ status: 'no_show', cancellationReason: null })).toBeNull();
    expect(cancelledByOf({ status: 'cancelled', cancellationReason: null })).toBe('member');
    expect(cancelledByOf({ status: 'cancelled', cancellationReason: 'Snow' })).toBe('studio');
  });
});

describe('Booking.restore', () => {
  it.each([
    ['cancelled by its member', (booking: Booking) => booking.cancel(policy, hoursBefore(20))],
    ['cancelled by the studio', (booking: Booking) => booking.cancelByStudio('Snow', hoursBefore(20))],
  ])('rebuilds the same snapshot of a booking %s and records nothing', (_, cancel) => {
    const original = booked();
    cancel(original);
    const restored = Booking.restore(original.snapshot());
    expect(restored.snapshot()).toEqual(original.snapshot());
    expect(restored.cancelledBy).toBe(original.cancelledBy);
    expect(restored.pullEvents()).toEqual([]);
  });
});
