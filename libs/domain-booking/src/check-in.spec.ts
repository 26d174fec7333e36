import { describe, expect, it } from 'vitest';
import { FixedClock } from '@fitflow/domain-shared';
import { Booking, type BookingSnapshot, bookingStatusAt } from './booking';
import { BOOKING_MARKED_NO_SHOW, CHECK_IN_RECORDED } from './booking-events';
import { CheckInGrace, CheckInWindow } from './check-in';
import { ENDS, STARTS, session } from './session.fixture';

const TEN_MINUTES = CheckInGrace.ofMilliseconds(10 * 60_000);
const minutesFromStart = (minutes: number) => new Date(STARTS.getTime() + minutes * 60_000);

function stored(overrides: Partial<BookingSnapshot> = {}): Booking {
  return Booking.restore({
    id: 'b-1',
    memberId: 'm-1',
    memberEmail: 'mo@example.com',
    memberName: 'Mo Member',
    sessionId: 's-1',
    sessionName: 'Morning Yoga',
    trainerName: 'Tara Trainer',
    startsAt: STARTS,
    endsAt: ENDS,
    status: 'confirmed',
    creditsSpent: 2,
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    cancelledAt: null,
    refundPercentage: null,
    creditsRefunded: null,
    cancellationReason: null,
    checkedInAt: null,
    holdId: null,
    ...overrides,
  });
}

/** Checks `booking` in to the fixture's session at the clock's now, as trainer t-1. */
const checkIn = (booking: Booking, clock: FixedClock, method: 'manual' | 'qr' = 'manual') =>
  booking.checkIn(session(), { method, at: clock.now(), grace: TEN_MINUTES, by: 't-1' });

describe('CheckInWindow', () => {
  const window = CheckInWindow.of({ startsAt: STARTS, endsAt: ENDS });

  it('opens 30 minutes before the start, to the millisecond', () => {
    expect(window.opensAt).toEqual(minutesFromStart(-30));
    expect(window.refusalAt(new Date(minutesFromStart(-30).getTime() - 1))).toMatchObject({ code: 'INVALID_STATE', message: 'Check-in opens 30 minutes before the class starts' });
    expect(window.refusalAt(minutesFromStart(-30))).toBeNull();
  });

  it('closes at the end: open a millisecond before it, closed at it', () => {
    expect(window.closesAt).toEqual(ENDS);
    expect(window.refusalAt(new Date(ENDS.getTime() - 1))).toBeNull();
    expect(window.refusalAt(ENDS)).toMatchObject({ code: 'INVALID_STATE', message: 'This class is over: check-in has closed' });
  });
});

describe('CheckInGrace', () => {
  it('counts a check-in at the start plus the grace as on time, and a millisecond later as late', () => {
    const edge = minutesFromStart(10);
    expect(TEN_MINUTES.isLate(STARTS, edge)).toBe(false);
    expect(TEN_MINUTES.isLate(STARTS, new Date(edge.getTime() + 1))).toBe(true);
    expect(TEN_MINUTES.isLate(STARTS, minutesFromStart(-20))).toBe(false);
  });

  it('refuses a negative or fractional grace with VALIDATION_FAILED', () => {
    expect(() => CheckInGrace.ofMilliseconds(-1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'checkInGrace' }));
    expect(() => CheckInGrace.ofMilliseconds(1.5)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(CheckInGrace.ofMilliseconds(0).isLate(STARTS, new Date(STARTS.getTime() + 1))).toBe(true);
  });
});

describe('Booking.checkIn', () => {
  it('checks a confirmed booking in while the door is open and records a self-contained CheckInRecorded', () => {
    const clock = new FixedClock(minutesFromStart(-5));
    const booking = stored();

    const recorded = checkIn(booking, clock, 'qr');

    expect(recorded).toEqual({
      bookingId: 'b-1',
      sessionId: 's-1',
      sessionName: 'Morning Yoga',
      memberId: 'm-1',
      memberName: 'Mo Member',
      checkedInAt: clock.now(),
      isLate: false,
      method: 'qr',
      recordedBy: 't-1',
    });
    expect(booking.checkedInAt).toEqual(clock.now());
    expect(booking.status).toBe('confirmed');
    const [event] = booking.pullEvents();
    expect(event).toMatchObject({ type: CHECK_IN_RECORDED, aggregateId: 'b-1', occurredAt: clock.now().toISOString() });
    expect(event?.payload).toEqual({
      bookingId: 'b-1',
      memberId: 'm-1',
      memberEmail: 'mo@example.com',
      memberName: 'Mo Member',
      sessionId: 's-1',
      sessionName: 'Morning Yoga',
      startsAt: STARTS.toISOString(),
      endsAt: ENDS.toISOString(),
      trainerName: 'Tara Trainer',
      creditsSpent: 2,
      checkedInAt: clock.now().toISOString(),
      isLate: false,
      method: 'qr',
      recordedBy: 't-1',
    });
  });

  it('flags a check-in after the start plus the grace as late, and one at that instant as on time', () => {
    const clock = new FixedClock(minutesFromStart(10));
    expect(checkIn(stored(), clock).isLate).toBe(false);
    clock.set(new Date(minutesFromStart(10).getTime() + 1));
    expect(checkIn(stored(), clock).isLate).toBe(true);
  });

  it('refuses outside the window with INVALID_STATE and records nothing', () => {
    const clock = new FixedClock(minutesFromStart(-31));
    const early = stored();
    expect(() => checkIn(early, clock)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(early.checkedInAt).toBeNull();
    expect(early.pullEvents()).toEqual([]);
    clock.set(ENDS);
    expect(() => checkIn(stored(), clock)).toThrow('This class is over: check-in has closed');
  });

  it('refuses a second check-in with ALREADY_CHECKED_IN naming the member, even after the door closed', () => {
    const clock = new FixedClock(minutesFromStart(-1));
    const booking = stored();
    checkIn(booking, clock);
    expect(() => checkIn(booking, clock)).toThrow(expect.objectContaining({ code: 'ALREADY_CHECKED_IN', message: 'Mo Member is already checked in' }));
    clock.set(ENDS);
    expect(() => checkIn(booking, clock)).toThrow(expect.objectContaining({ code: 'ALREADY_CHECKED_IN' }));
  });

  it('refuses a cancelled booking: INVALID_STATE by hand, INVALID_CODE when its code is scanned', () => {
    const clock = new FixedClock(minutesFromStart(0));
    const cancelled = () => stored({ status: 'cancelled', cancelledAt: new Date('2026-11-02T00:00:00.000Z'), refundPercentage: 100, creditsRefunded: 2 });
    expect(() => checkIn(cancelled(), clock, 'manual')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => checkIn(cancelled(), clock, 'qr')).toThrow(expect.objectContaining({ code: 'INVALID_CODE' }));
    const cancelledAfterCheckIn = stored({ status: 'cancelled', checkedInAt: minutesFromStart(-20), cancelledAt: minutesFromStart(-10), refundPercentage: 0, creditsRefunded: 0 });
    expect(() => checkIn(cancelledAfterCheckIn, clock, 'qr')).toThrow(expect.objectContaining({ code: 'INVALID_CODE' }));
  });

  it('refuses a booking of a cancelled class with INVALID_STATE, and a session it is not on', () => {
    const at = minutesFromStart(0);
    expect(() => stored().checkIn(session({ status: 'cancelled', cancellationReason: 'Flood' }), { method: 'manual', at, grace: TEN_MINUTES, by: 't-1' })).toThrow(
      'This class is cancelled',
    );
    expect(() => stored().checkIn(session({ id: 's-2' }), { method: 'manual', at, grace: TEN_MINUTES, by: 't-1' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('the no-show rule', () => {
  it('makes a confirmed booking without a check-in a no-show from its end, to the millisecond', () => {
    const booking = stored();
    expect(booking.statusAt(new Date(ENDS.getTime() - 1))).toBe('confirmed');
    expect(booking.statusAt(ENDS)).toBe('no_show');
    expect(bookingStatusAt({ status: 'confirmed', checkedInAt: null, endsAt: ENDS }, ENDS)).toBe('no_show');
  });

  it('leaves a checked-in booking confirmed and a cancelled one cancelled after the end', () => {
    const clock = new FixedClock(minutesFromStart(-10));
    const booking = stored();
    checkIn(booking, clock);
    expect(booking.statusAt(ENDS)).toBe('confirmed');
    expect(stored({ status: 'cancelled' }).statusAt(ENDS)).toBe('cancelled');
  });

  it('marks a no-show once due, recording BookingMarkedNoShow, and refuses before the end and a second time', () => {
    const booking = stored();
    expect(booking.isDueForNoShowAt(new Date(ENDS.getTime() - 1))).toBe(false);
    expect(() => booking.markNoShow(new Date(ENDS.getTime() - 1))).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));

    booking.markNoShow(ENDS);

    expect(booking.status).toBe('no_show');
    expect(booking.pullEvents()).toEqual([
      expect.objectContaining({ type: BOOKING_MARKED_NO_SHOW, aggregateId: 'b-1', payload: expect.objectContaining({ bookingId: 'b-1', markedAt: ENDS.toISOString() }) }),
    ]);
    expect(booking.isDueForNoShowAt(ENDS)).toBe(false);
    expect(() => booking.markNoShow(ENDS)).toThrow('This booking is no-show and cannot become a no-show');
  });

  it('never marks a checked-in booking', () => {
    const clock = new FixedClock(minutesFromStart(5));
    const booking = stored();
    checkIn(booking, clock);
    expect(booking.isDueForNoShowAt(ENDS)).toBe(false);
    expect(() => booking.markNoShow(ENDS)).toThrow('This booking is not a no-show');
  });
});
