import { describe, expect, it, vi } from 'vitest';
import { BOOKING_CONFIRMED, SessionFullError } from '@fitflow/domain-booking';
import { CREDITS_DEDUCTED, CreditsExpiredError, InsufficientCreditsError } from '@fitflow/domain-membership';
import { InvalidStateError } from '@fitflow/domain-shared';
import { AlreadyBookedError, SessionNotFoundError, SpotTakenMeanwhileError } from '../../errors';
import { BookingMother, CAST, type CastMember, FAKE_NOW, HoldMother, SessionMother, actor, createBookingFakes } from '../../testing';
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

  it('asks for the session’s row before the member’s balance (ARCHITECTURE.md’s lock order), also for a free class', async () => {
    const { handler, sessions, memberships } = setUp();
    const free = SessionMother.published({ creditCost: 0 });
    sessions.seed(free);
    const asked: string[] = [];
    const shareForSpot = sessions.shareForSpot.bind(sessions);
    const getForUpdate = memberships.getForUpdate.bind(memberships);
    vi.spyOn(sessions, 'shareForSpot').mockImplementation((...args) => (asked.push('session'), shareForSpot(...args)));
    vi.spyOn(memberships, 'getForUpdate').mockImplementation((...args) => (asked.push('balance'), getForUpdate(...args)));
    await handler.handle({ actor: actor('member'), sessionId: free.id });
    expect(asked).toEqual(['session', 'balance']);
  });

  it('shares the session’s row, and starts the credits, then the booking, then the check of its claim, together', async () => {
    const { book, sessions, memberships, bookings, session } = setUp();
    memberships.fund(CAST.member.userId, 5, new Date('2027-12-01T00:00:00.000Z'));
    const started: string[] = [];
    const lockForSpot = vi.spyOn(sessions, 'lockForSpot');
    const [saveCredits, saveBooking, claim] = [memberships.save.bind(memberships), bookings.save.bind(bookings), sessions.confirmClaim.bind(sessions)];
    vi.spyOn(memberships, 'save').mockImplementation((membership) => (started.push('credits'), saveCredits(membership)));
    vi.spyOn(bookings, 'save').mockImplementation((booking) => (started.push('booking'), saveBooking(booking)));
    vi.spyOn(sessions, 'confirmClaim').mockImplementation((check, spot) => (started.push('claim'), claim(check, spot)));
    await expect(book()).resolves.toMatchObject({ status: 'confirmed' });
    expect(started).toEqual(['credits', 'booking', 'claim']);
    expect(lockForSpot).not.toHaveBeenCalled();
    expect(bookings.confirmedCount(session.id)).toBe(1);
  });

  /** The spots as the booking read them before `others` booked too (bookings that shared the session's row). */
  function readBeforeOthers(sessions: ReturnType<typeof setUp>['sessions'], others: number) {
    const shareForSpot = sessions.shareForSpot.bind(sessions);
    return vi.spyOn(sessions, 'shareForSpot').mockImplementationOnce(async (...args) => {
      const check = await shareForSpot(...args);
      return check && { ...check, spots: { ...check.spots, takenSpots: check.spots.takenSpots - others } };
    });
  }

  it('keeps its claim when others took spots meanwhile but not the one it saw last', async () => {
    const { book, bookings, sessions, session, uow } = setUp({ capacity: 2 });
    bookings.seed(BookingMother.confirmed(session, 'otherMember'));
    readBeforeOthers(sessions, 1);
    const lockForSpot = vi.spyOn(sessions, 'lockForSpot');
    await expect(book()).resolves.toMatchObject({ status: 'confirmed' });
    expect(lockForSpot).not.toHaveBeenCalled();
    expect([uow.commits, uow.rollbacks]).toEqual([1, 0]);
  });

  it('rolls back when the last spot it saw was taken meanwhile, and answers SESSION_FULL decided under the lock', async () => {
    const { book, bookings, sessions, session, uow, memberships } = setUp({ capacity: 1 });
    memberships.fund(CAST.member.userId, 5, new Date('2027-12-01T00:00:00.000Z'));
    bookings.seed(BookingMother.confirmed(session, 'otherMember'));
    readBeforeOthers(sessions, 1);
    const lockForSpot = vi.spyOn(sessions, 'lockForSpot');
    await expect(book()).rejects.toBeInstanceOf(SessionFullError);
    expect(lockForSpot).toHaveBeenCalledOnce();
    expect([uow.commits, uow.rollbacks]).toEqual([0, 2]);
    expect(bookings.confirmedCount(session.id)).toBe(1);
    expect(memberships.balanceOf(CAST.member.userId)).toBe(5);
  });

  it('decides again under the lock when its claim fails, and books when a spot is free there', async () => {
    const { book, sessions, session, uow, bookings } = setUp({ capacity: 1 });
    vi.spyOn(sessions, 'confirmClaim').mockRejectedValueOnce(new SpotTakenMeanwhileError(session.id));
    const lockForSpot = vi.spyOn(sessions, 'lockForSpot');
    await expect(book()).resolves.toMatchObject({ status: 'confirmed', sessionId: session.id });
    expect(lockForSpot).toHaveBeenCalledOnce();
    expect([uow.commits, uow.rollbacks]).toEqual([1, 1]);
    expect(bookings.confirmedCount(session.id)).toBe(1);
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

describe('CreateBookingHandler and the member’s credits', () => {
  const MEMBER = CAST.member.userId;
  const NEXT_YEAR = new Date('2027-12-01T00:00:00.000Z');

  function costing(creditCost: number) {
    const fakes = setUp();
    const session = SessionMother.published({ creditCost });
    fakes.sessions.seed(session);
    return { ...fakes, session, bookIt: () => fakes.book('member', session.id) };
  }

  it('refuses a 3-credit class to a member with 2 credits with INSUFFICIENT_CREDITS, and saves nothing', async () => {
    const { bookIt, memberships, bookings, uow } = costing(3);
    memberships.fund(MEMBER, 2, NEXT_YEAR);
    await expect(bookIt()).rejects.toBeInstanceOf(InsufficientCreditsError);
    await expect(bookIt()).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS', needed: 3, available: 2 });
    expect(bookings.rows()).toEqual([]);
    expect(bookings.outbox).toEqual([]);
    expect(memberships.balanceOf(MEMBER)).toBe(2);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(memberships.outbox).toEqual([]);
    expect(uow.commits).toBe(0);
  });

  it('refuses credits whose validUntil has come with CREDITS_EXPIRED, before any expiry job, and saves nothing', async () => {
    const { bookIt, memberships, bookings } = costing(3);
    memberships.fund(MEMBER, 10, new Date(FAKE_NOW));
    await expect(bookIt()).rejects.toBeInstanceOf(CreditsExpiredError);
    expect(bookings.rows()).toEqual([]);
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
  });

  it('spends the cost in the booking’s transaction, with one ledger line and one CreditsDeducted naming the booking', async () => {
    const { bookIt, memberships, uow } = costing(3);
    memberships.fund(MEMBER, 5, NEXT_YEAR);
    const view = await bookIt();
    expect(uow.commits).toBe(1);
    expect(memberships.balanceOf(MEMBER)).toBe(2);
    expect(memberships.ledgerOf(MEMBER)).toEqual([
      expect.objectContaining({ type: 'booking', amount: -3, balanceAfter: 2, description: 'Booked Morning Yoga', bookingId: view.id }),
    ]);
    expect(memberships.outbox).toMatchObject([
      {
        type: CREDITS_DEDUCTED,
        payload: { bookingId: view.id, sessionName: 'Morning Yoga', memberEmail: 'mo@example.com', credits: 3, balanceAfter: 2 },
      },
    ]);
  });

  it('spends the last credits', async () => {
    const { bookIt, memberships } = costing(3);
    memberships.fund(MEMBER, 3, NEXT_YEAR);
    await expect(bookIt()).resolves.toMatchObject({ status: 'confirmed' });
    expect(memberships.balanceOf(MEMBER)).toBe(0);
  });

  it('books a free class without credits, even expired ones, and writes no ledger line', async () => {
    const { bookIt, memberships } = costing(0);
    memberships.fund(MEMBER, 4, new Date(FAKE_NOW));
    await expect(bookIt()).resolves.toMatchObject({ status: 'confirmed', creditsSpent: 0 });
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(memberships.outbox).toEqual([]);
  });

  it('puts the booking and the credits back together when the transaction fails after the deduction', async () => {
    const { bookIt, memberships, bookings } = costing(3);
    memberships.fund(MEMBER, 5, NEXT_YEAR);
    const save = memberships.save.bind(memberships);
    vi.spyOn(memberships, 'save').mockImplementationOnce(async (membership) => {
      await save(membership);
      throw new Error('connection lost');
    });
    await expect(bookIt()).rejects.toThrow('connection lost');
    expect(bookings.rows()).toEqual([]);
    expect(memberships.balanceOf(MEMBER)).toBe(5);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(memberships.outbox).toEqual([]);
  });

  it('spends nothing when the booking is refused for another reason', async () => {
    const { memberships, bookings, session, book } = costing(3);
    bookings.seed(BookingMother.confirmed(session, 'member'));
    memberships.fund(MEMBER, 5, NEXT_YEAR);
    await expect(book('member', session.id)).rejects.toBeInstanceOf(AlreadyBookedError);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
  });
});
