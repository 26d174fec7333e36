import { describe, expect, it } from 'vitest';
import { BOOKING_CONFIRMED, SessionFullError } from '@fitflow/domain-booking';
import { InvalidStateError } from '@fitflow/domain-shared';
import { AlreadyBookedError, SessionNotFoundError } from '../../errors';
import { BookingMother, CAST, type CastMember, HoldMother, SessionMother, actor, createBookingFakes } from '../../testing';
import { CreateBookingHandler } from './create-booking.handler';

function setUp(options: { now?: string; capacity?: number } = {}) {
  const fakes = createBookingFakes(options.now);
  const session = SessionMother.published({ capacity: options.capacity ?? 10, creditCost: 2 });
  fakes.sessions.seed(session);
  const handler = new CreateBookingHandler(fakes.uow, fakes.ids, fakes.clock);
  const book = (who: CastMember = 'member', sessionId = session.id) => handler.handle({ actor: actor(who), sessionId });
  return { ...fakes, session, handler, book };
}

describe('CreateBookingHandler', () => {
  it('books a spot and answers the confirmed Booking, spending the session’s credit cost', async () => {
    const { book, session, bookings } = setUp();
    const view = await book();
    expect(view).toMatchObject({
      sessionId: session.id,
      sessionName: 'Morning Yoga',
      trainerName: 'Tara Trainer',
      startsAt: '2026-12-03T07:00:00.000Z',
      status: 'confirmed',
      createdAt: '2026-12-01T07:00:00.000Z',
      creditsSpent: 2,
      cancelledAt: null,
      refundPercentage: null,
      creditsRefunded: null,
    });
    expect(bookings.row(view.id)).toMatchObject({ memberId: CAST.member.userId, status: 'confirmed' });
  });

  it('writes a self-contained BookingConfirmed to the outbox', async () => {
    const { book, bookings } = setUp();
    await book();
    expect(bookings.outbox).toMatchObject([
      { type: BOOKING_CONFIRMED, payload: { memberEmail: 'mo@example.com', memberName: 'Mo Member', sessionName: 'Morning Yoga', trainerName: 'Tara Trainer' } },
    ]);
  });

  it.each([
    ['a draft (booked by its own trainer, who can see it)', SessionMother.draft(), 'trainer'],
    ['a cancelled session', SessionMother.cancelled(), 'member'],
  ] as const)('refuses %s with INVALID_STATE', async (_, session, who) => {
    const { book, sessions, bookings } = setUp();
    sessions.seed(session);
    await expect(book(who, session.id)).rejects.toBeInstanceOf(InvalidStateError);
    expect(bookings.rows()).toEqual([]);
  });

  it('refuses a session that has started with INVALID_STATE', async () => {
    const { book, bookings } = setUp({ now: '2026-12-03T07:00:00.000Z' });
    await expect(book()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(bookings.rows()).toEqual([]);
  });

  it('refuses a member’s second confirmed booking with ALREADY_BOOKED', async () => {
    const { book, bookings } = setUp();
    await book();
    await expect(book()).rejects.toBeInstanceOf(AlreadyBookedError);
    expect(bookings.rows()).toHaveLength(1);
  });

  it('refuses a member who holds a spot on the session with ALREADY_HOLDING: the hold is theirs to confirm', async () => {
    const { book, holds, bookings, session, clock } = setUp();
    const hold = HoldMother.pending(session, 'member');
    holds.seed(hold);
    await expect(book()).rejects.toMatchObject({ code: 'ALREADY_HOLDING' });
    expect(bookings.rows()).toEqual([]);
    clock.set(hold.expiresAt);
    await expect(book()).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('lets a member book again after cancelling', async () => {
    const { book, bookings, session } = setUp();
    bookings.seed(BookingMother.cancelled(session));
    await expect(book()).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('refuses a full session with SESSION_FULL, counting confirmed bookings', async () => {
    const { book, bookings, session } = setUp({ capacity: 2 });
    bookings.seed(BookingMother.confirmed(session, 'otherMember'), BookingMother.confirmed(session, 'admin'));
    await expect(book()).rejects.toBeInstanceOf(SessionFullError);
  });

  it('counts unexpired holds as taken spots', async () => {
    const { book, sessions, session } = setUp({ capacity: 2 });
    sessions.setHeld(session.id, 2);
    await expect(book()).rejects.toMatchObject({ code: 'SESSION_FULL' });
  });

  it('does not count cancelled bookings as taken spots', async () => {
    const { book, bookings, session } = setUp({ capacity: 1 });
    bookings.seed(BookingMother.cancelled(session, 'otherMember'));
    await expect(book()).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('answers NOT_FOUND for an unknown session and for a draft the member may not see', async () => {
    const { book, sessions } = setUp();
    const hidden = SessionMother.draft();
    sessions.seed(hidden);
    await expect(book('member', 'no-such-session')).rejects.toBeInstanceOf(SessionNotFoundError);
    await expect(book('member', hidden.id)).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it('sells exactly the 10 spots when 20 members book at once; the other 10 get SESSION_FULL', async () => {
    const { handler, session, members, bookings, uow } = setUp({ capacity: 10 });
    const rush = Array.from({ length: 20 }, (_, i) => {
      const userId = `rush-${String(i).padStart(2, '0')}`;
      members.add(userId, `${userId}@example.com`, `Rusher ${i}`);
      return handler.handle({ actor: { userId, role: 'member' }, sessionId: session.id });
    });
    const results = await Promise.allSettled(rush);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toHaveLength(10);
    expect(refused.every((error) => error instanceof SessionFullError)).toBe(true);
    expect(bookings.confirmedCount(session.id)).toBe(10);
    expect(uow.commits).toBe(10);
  });

  it('gives one member sending 5 bookings at once exactly one booking', async () => {
    const { book, bookings, session } = setUp();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => book()));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(bookings.confirmedCount(session.id)).toBe(1);
  });
});
