import { describe, expect, it } from 'vitest';
import type { SessionView } from '@fitflow/application-scheduling';
import { CancellationPolicy } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import type { BookingView } from '../../ports';
import { actor } from '../../testing';
import { Outlooks } from './outlooks';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const STARTS = '2026-12-02T19:00:00.000Z'; // 36 h ahead: 100 % until 24 h before
const outlooks = new Outlooks(CancellationPolicy.default(), new FixedClock(NOW));

function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 's-1',
    name: 'Morning Yoga',
    description: '',
    templateId: null,
    trainerId: 't-1',
    trainerName: 'Tara Trainer',
    startsAt: STARTS,
    endsAt: '2026-12-02T20:00:00.000Z',
    capacity: 10,
    creditCost: 3,
    bookedCount: 8,
    heldCount: 1,
    availableSpots: 1,
    waitlistCount: 0,
    status: 'published',
    cancellationReason: null,
    me: { bookingId: null, holdId: null, waitlistPosition: null },
    ...overrides,
  };
}

function booking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    id: 'b-1',
    sessionId: 's-1',
    sessionName: 'Morning Yoga',
    trainerName: 'Tara Trainer',
    startsAt: STARTS,
    endsAt: '2026-12-02T20:00:00.000Z',
    status: 'confirmed',
    createdAt: '2026-11-30T07:00:00.000Z',
    cancelledAt: null,
    refundPercentage: null,
    creditsSpent: 3,
    creditsRefunded: null,
    cancelledBy: null,
    cancellationReason: null,
    checkedInAt: null,
    isLate: false,
    ...overrides,
  };
}

const member = actor('member');
const allowed = { allowed: true, code: null, reason: null };

describe('Outlooks.forSession', () => {
  it('lets a member book or hold the last free spot, counting held spots as taken', () => {
    expect(outlooks.forSession(session(), member).actions).toEqual({ book: allowed, hold: allowed });
    expect(outlooks.forSession(session({ heldCount: 2 }), member).actions.book).toEqual({
      allowed: false,
      code: 'SESSION_FULL',
      reason: 'This session is full',
    });
  });

  it('tells the member why not, with the code the API would answer', () => {
    const booked = outlooks.forSession(session({ me: { bookingId: 'b-1', holdId: null, waitlistPosition: null } }), member);
    expect(booked.actions.book).toMatchObject({ allowed: false, code: 'ALREADY_BOOKED' });
    const holding = outlooks.forSession(session({ heldCount: 2, me: { bookingId: null, holdId: 'h-1', waitlistPosition: null } }), member);
    // Booking beside one's hold is refused; asking for a hold again answers that very hold, full class or not.
    expect(holding.actions).toEqual({ book: expect.objectContaining({ code: 'ALREADY_HOLDING' }), hold: allowed });
    expect(outlooks.forSession(session({ status: 'cancelled' }), member).actions.book).toMatchObject({ code: 'INVALID_STATE', reason: 'This session is cancelled' });
  });

  it('closes a session at its start even when the schedule read it a moment before', () => {
    const startedSinceRead = outlooks.forSession(session(), member, { now: new Date(STARTS) });
    expect(startedSinceRead.actions.book).toMatchObject({ code: 'INVALID_STATE', reason: 'This session has already started' });
  });

  it('tells a member who cannot pay why, as booking would answer, and still lets them hold the spot while they buy', () => {
    const broke = outlooks.forSession(session(), member, { balance: { balance: 2, validUntil: null } });
    expect(broke.actions).toEqual({
      book: { allowed: false, code: 'INSUFFICIENT_CREDITS', reason: 'This class costs 3 credits; you have 2 credits' },
      hold: allowed,
    });
    expect(outlooks.forSession(session(), member, { balance: null }).actions.book).toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    const expired = { balance: 9, validUntil: new Date('2026-11-30T00:00:00.000Z') };
    expect(outlooks.forSession(session(), member, { balance: expired }).actions.book).toMatchObject({ code: 'CREDITS_EXPIRED' });
    expect(outlooks.forSession(session(), member, { balance: { balance: 3, validUntil: null } }).actions.book).toEqual(allowed);
    // A full class says so first: buying credits would not help.
    expect(outlooks.forSession(session({ bookedCount: 10 }), member, { balance: null }).actions.book).toMatchObject({ code: 'SESSION_FULL' });
  });

  it('asks an anonymous visitor to sign in only where a member could book: a full class is full for everyone', () => {
    const { me: _, ...anonymous } = session();
    expect(outlooks.forSession(anonymous, null).actions).toEqual({
      book: { allowed: false, code: 'UNAUTHENTICATED', reason: 'Sign in to book this class' },
      hold: { allowed: false, code: 'UNAUTHENTICATED', reason: 'Sign in to hold a spot' },
    });
    expect(outlooks.forSession({ ...anonymous, bookedCount: 10 }, null).actions.book).toMatchObject({ code: 'SESSION_FULL' });
  });

  it('tells what cancelling a booking of it would refund now, at its credit cost, and when that drops', () => {
    expect(outlooks.forSession(session(), member).refundOutlook).toEqual({
      percentage: 100,
      credits: 3,
      changesAt: '2026-12-01T19:00:00.000Z',
      nextPercentage: 50,
      nextCredits: 1,
    });
  });
});

describe('Outlooks.forBooking', () => {
  const own = { actor: member, memberId: member.userId };

  it('lets its member cancel a confirmed booking before the start, with the refund now and next', () => {
    expect(outlooks.forBooking(booking(), own)).toEqual({
      actions: { cancel: allowed },
      refundOutlook: { percentage: 100, credits: 3, changesAt: '2026-12-01T19:00:00.000Z', nextPercentage: 50, nextCredits: 1 },
    });
  });

  it('refuses a cancelled booking and one whose class has started, with no refund outlook', () => {
    expect(outlooks.forBooking(booking({ status: 'cancelled' }), own)).toEqual({
      actions: { cancel: { allowed: false, code: 'INVALID_STATE', reason: 'This booking is cancelled and cannot be cancelled' } },
      refundOutlook: null,
    });
    expect(outlooks.forBooking(booking(), own, new Date(STARTS)).actions.cancel).toMatchObject({ allowed: false, code: 'INVALID_STATE' });
  });

  it('lets an admin cancel a member’s booking, and tells the class’s trainer they cannot', () => {
    expect(outlooks.forBooking(booking(), { actor: actor('admin'), memberId: member.userId }).actions.cancel).toEqual(allowed);
    expect(outlooks.forBooking(booking(), { actor: actor('trainer'), memberId: member.userId })).toEqual({
      actions: { cancel: { allowed: false, code: 'FORBIDDEN', reason: 'Only its member or an admin can cancel a booking' } },
      refundOutlook: null,
    });
  });
});
