import { describe, expect, it } from 'vitest';
import { BOOKING_CANCELLED, BookingNotFoundError } from '@fitflow/domain-booking';
import { CREDITS_REFUNDED } from '@fitflow/domain-membership';
import { CancellationReason } from '@fitflow/domain-scheduling';
import { BookingMother, CAST, type CastMember, SessionMother, actor, createBookingFakes } from '../../testing';
import { CancelBookingHandler } from './cancel-booking.handler';

function setUp(now?: string) {
  const fakes = createBookingFakes(now);
  const session = SessionMother.published({ creditCost: 3 });
  fakes.sessions.seed(session);
  const booking = BookingMother.confirmed(session, 'member');
  fakes.bookings.seed(booking);
  const handler = new CancelBookingHandler(fakes.uow, fakes.policy, fakes.clock);
  const cancel = (who: CastMember = 'member', bookingId = booking.id) => handler.handle({ actor: actor(who), bookingId });
  return { ...fakes, session, booking, cancel };
}

describe('CancelBookingHandler', () => {
  it.each(['member', 'admin'] as const)('lets the %s cancel more than 24 h before: 100 %% back', async (who) => {
    const { cancel } = setUp();
    await expect(cancel(who)).resolves.toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-12-01T07:00:00.000Z',
      refundPercentage: 100,
      creditsSpent: 3,
      creditsRefunded: 3,
      cancelledBy: 'member',
      cancellationReason: null,
    });
  });

  it('gives the studio’s terms to a member who cancels after the studio cancelled the class, before its cascade', async () => {
    const fakes = createBookingFakes('2026-12-03T06:00:00.000Z'); // within 12 h of the start: the policy gives 0 %
    const session = SessionMother.published({ creditCost: 3 });
    const booking = BookingMother.confirmed(session, 'member');
    session.cancel(CancellationReason.create('Flooded changing rooms'), new Date('2026-12-03T05:00:00.000Z'), 'Tess Trainer');
    fakes.sessions.seed(session);
    fakes.bookings.seed(booking);

    const cancelled = await new CancelBookingHandler(fakes.uow, fakes.policy, fakes.clock).handle({ actor: actor('member'), bookingId: booking.id });

    expect(cancelled).toMatchObject({ refundPercentage: 100, creditsRefunded: 3, cancelledBy: 'studio', cancellationReason: 'Flooded changing rooms' });
  });

  it('locks the session’s row before the booking’s', async () => {
    const { cancel, locks, session, booking } = setUp();
    await cancel();
    expect(locks.taken).toEqual([`session:${session.id}`, `booking:${booking.id}`]);
  });

  it('refunds floor(3 × 50 / 100) = 1 credit exactly 24 h before the start', async () => {
    const { cancel } = setUp('2026-12-02T07:00:00.000Z');
    await expect(cancel()).resolves.toMatchObject({ refundPercentage: 50, creditsRefunded: 1 });
  });

  it('refunds nothing exactly 12 h before the start', async () => {
    const { cancel } = setUp('2026-12-02T19:00:00.000Z');
    await expect(cancel()).resolves.toMatchObject({ refundPercentage: 0, creditsRefunded: 0 });
  });

  it('writes BookingCancelled with the refund to the outbox', async () => {
    const { cancel, bookings, booking } = setUp();
    await cancel();
    expect(bookings.outbox).toMatchObject([
      {
        type: BOOKING_CANCELLED,
        aggregateId: booking.id,
        payload: { refundPercentage: 100, creditsRefunded: 3, memberEmail: 'mo@example.com', cancelledBy: 'member', reason: null },
      },
    ]);
  });

  it('refuses once the session has started with INVALID_STATE and keeps the booking', async () => {
    const { cancel, bookings, booking } = setUp('2026-12-03T07:00:00.000Z');
    await expect(cancel()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(bookings.row(booking.id)?.status).toBe('confirmed');
    expect(bookings.outbox).toEqual([]);
  });

  it('refuses a booking already cancelled with INVALID_STATE', async () => {
    const { cancel } = setUp();
    await cancel();
    await expect(cancel()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it.each(['otherMember', 'trainer'] as const)('answers NOT_FOUND to %s, as API.md says, keeps the booking and locks nothing', async (who) => {
    const { cancel, bookings, booking, locks } = setUp();
    await expect(cancel(who)).rejects.toBeInstanceOf(BookingNotFoundError);
    expect(bookings.row(booking.id)?.status).toBe('confirmed');
    expect(locks.taken).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown booking', async () => {
    const { cancel } = setUp();
    await expect(cancel('admin', 'no-such-booking')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('CancelBookingHandler and the member’s credits', () => {
  const MEMBER = CAST.member.userId;
  const NEXT_YEAR = new Date('2027-12-01T00:00:00.000Z');

  function funded(now?: string) {
    const fakes = setUp(now);
    fakes.memberships.fund(MEMBER, 4, NEXT_YEAR);
    return fakes;
  }

  it.each(['member', 'admin'] as const)('gives the member all 3 credits back in the same transaction when the %s cancels', async (who) => {
    const { cancel, memberships, booking, uow } = funded();
    await cancel(who);
    expect(uow.commits).toBe(1);
    expect(memberships.balanceOf(MEMBER)).toBe(7);
    expect(memberships.ledgerOf(MEMBER)).toEqual([
      expect.objectContaining({
        type: 'refund',
        amount: 3,
        balanceAfter: 7,
        bookingId: booking.id,
        description: 'Refund for Morning Yoga (100 %)',
      }),
    ]);
    expect(memberships.outbox).toMatchObject([
      {
        type: CREDITS_REFUNDED,
        payload: { bookingId: booking.id, credits: 3, balanceAfter: 7, refundPercentage: 100, memberEmail: 'mo@example.com' },
      },
    ]);
  });

  it('gives floor(3 × 50 / 100) = 1 credit back exactly 24 h before the start', async () => {
    const { cancel, memberships } = funded('2026-12-02T07:00:00.000Z');
    await cancel();
    expect(memberships.balanceOf(MEMBER)).toBe(5);
    expect(memberships.ledgerOf(MEMBER)).toMatchObject([{ type: 'refund', amount: 1, description: 'Refund for Morning Yoga (50 %)' }]);
  });

  it('writes no ledger line when nothing comes back', async () => {
    const { cancel, memberships } = funded('2026-12-02T19:00:00.000Z');
    await expect(cancel()).resolves.toMatchObject({ creditsRefunded: 0 });
    expect(memberships.balanceOf(MEMBER)).toBe(4);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(memberships.outbox).toEqual([]);
  });

  it('gives nothing back for a refused cancel, nor for a second one', async () => {
    const started = funded('2026-12-03T07:00:00.000Z');
    await expect(started.cancel()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(started.memberships.ledgerOf(MEMBER)).toEqual([]);
    const twice = funded();
    await twice.cancel();
    await expect(twice.cancel()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(twice.memberships.balanceOf(MEMBER)).toBe(7);
    expect(twice.memberships.ledgerOf(MEMBER)).toHaveLength(1);
  });

  it('gives everything back, even late, when the studio cancelled the class before its cascade reached the booking', async () => {
    const fakes = createBookingFakes('2026-12-03T06:00:00.000Z');
    const session = SessionMother.published({ creditCost: 3 });
    const booking = BookingMother.confirmed(session, 'member');
    session.cancel(CancellationReason.create('Flooded changing rooms'), new Date('2026-12-03T05:00:00.000Z'), 'Tess Trainer');
    fakes.sessions.seed(session);
    fakes.bookings.seed(booking);
    fakes.memberships.fund(MEMBER, 4, NEXT_YEAR);
    await new CancelBookingHandler(fakes.uow, fakes.policy, fakes.clock).handle({ actor: actor('member'), bookingId: booking.id });
    expect(fakes.memberships.ledgerOf(MEMBER)).toMatchObject([
      { type: 'refund', amount: 3, description: 'Refund for Morning Yoga (100 %)' },
    ]);
  });
});
