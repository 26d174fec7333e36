import { describe, expect, it } from 'vitest';
import { BOOKING_CONFIRMED, HOLD_CONFIRMED, HoldExpiredError, HoldNotFoundError } from '@fitflow/domain-booking';
import { CreditsExpiredError, InsufficientCreditsError } from '@fitflow/domain-membership';
import { InvalidStateError } from '@fitflow/domain-shared';
import { AlreadyBookedError } from '../../errors';
import {
  BookingMother,
  CAST,
  type CastMember,
  FAKE_NOW,
  FUNDED_CREDITS,
  HoldMother,
  SessionMother,
  actor,
  createBookingFakes,
} from '../../testing';
import { ConfirmHoldHandler } from './confirm-hold.handler';

function setUp(options: { capacity?: number } = {}) {
  const fakes = createBookingFakes();
  const session = SessionMother.published({ capacity: options.capacity ?? 10, creditCost: 2 });
  fakes.sessions.seed(session);
  const held = HoldMother.pending(session);
  fakes.holds.seed(held);
  const handler = new ConfirmHoldHandler(fakes.holdUow, fakes.ids, fakes.clock);
  const confirm = (who: CastMember = 'member', holdId = held.id) => handler.handle({ actor: actor(who), holdId });
  return { ...fakes, session, held, confirm };
}

describe('ConfirmHoldHandler', () => {
  it('turns the hold into a confirmed booking that names it, in one transaction', async () => {
    const { confirm, held, holds, bookings, uow, holdUow } = setUp();
    const view = await confirm();
    expect(view).toMatchObject({ status: 'confirmed', creditsSpent: 2, sessionName: 'Morning Yoga', trainerName: 'Tara Trainer' });
    expect(bookings.row(view.id)).toMatchObject({ memberId: CAST.member.userId, holdId: held.id });
    expect(holds.row(held.id)).toMatchObject({ status: 'confirmed', bookingId: view.id });
    expect(holds.outbox).toMatchObject([{ type: HOLD_CONFIRMED, payload: { bookingId: view.id } }]);
    expect(bookings.outbox).toMatchObject([{ type: BOOKING_CONFIRMED, payload: { holdId: held.id, memberEmail: 'mo@example.com' } }]);
    expect(holdUow.commits + uow.commits).toBe(1);
  });

  it('confirms a millisecond before expiresAt, even in a session full with holds and bookings', async () => {
    const { confirm, held, bookings, session, clock } = setUp({ capacity: 1 });
    bookings.seed(BookingMother.confirmed(session, 'otherMember'));
    clock.set(new Date(held.expiresAt.getTime() - 1));
    await expect(confirm()).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('refuses with HOLD_EXPIRED at expiresAt exactly, before any expiry ran, and books nothing', async () => {
    const { confirm, held, bookings, holds, clock } = setUp();
    clock.set(held.expiresAt);
    await expect(confirm()).rejects.toBeInstanceOf(HoldExpiredError);
    expect(bookings.rows()).toEqual([]);
    expect(holds.row(held.id)?.status).toBe('pending');
  });

  it('refuses a released or expired hold with HOLD_EXPIRED', async () => {
    const { confirm, holds, session } = setUp();
    const released = HoldMother.settled(session, 'released', 'otherMember');
    const expired = HoldMother.settled(session, 'expired', 'otherMember');
    holds.seed(released, expired);
    await expect(confirm('otherMember', released.id)).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    await expect(confirm('otherMember', expired.id)).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
  });

  it('refuses when the member booked meanwhile with ALREADY_BOOKED, and a cancelled session with INVALID_STATE', async () => {
    const booked = setUp();
    booked.bookings.seed(BookingMother.confirmed(booked.session));
    await expect(booked.confirm()).rejects.toBeInstanceOf(AlreadyBookedError);
    const cancelled = setUp();
    const session = SessionMother.cancelled({ id: cancelled.session.id });
    cancelled.sessions.seed(session);
    await expect(cancelled.confirm()).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('answers NOT_FOUND to anyone but the hold’s member, and for an unknown hold, taking no lock', async () => {
    const { confirm, locks } = setUp();
    await expect(confirm('otherMember')).rejects.toBeInstanceOf(HoldNotFoundError);
    await expect(confirm('admin')).rejects.toBeInstanceOf(HoldNotFoundError);
    await expect(confirm('member', 'no-such-hold')).rejects.toBeInstanceOf(HoldNotFoundError);
    expect(locks.taken).toEqual([]);
  });

  it('locks the session before the hold', async () => {
    const { confirm, locks, session, held } = setUp();
    await confirm();
    expect(locks.taken).toEqual([`session:${session.id}`, `hold:${held.id}`]);
  });

  it('confirms once when the member confirms twice at once', async () => {
    const { confirm, bookings } = setUp();
    const results = await Promise.allSettled([confirm(), confirm()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(bookings.rows()).toHaveLength(1);
  });
});

describe('ConfirmHoldHandler and the member’s credits', () => {
  const MEMBER = CAST.member.userId;
  const NEXT_YEAR = new Date('2027-12-01T00:00:00.000Z');

  it('spends the session’s cost in the confirming transaction, with one ledger line naming the booking', async () => {
    const { confirm, memberships, holdUow } = setUp();
    const view = await confirm();
    expect(holdUow.commits).toBe(1);
    expect(memberships.balanceOf(MEMBER)).toBe(FUNDED_CREDITS - 2);
    expect(memberships.ledgerOf(MEMBER)).toEqual([
      expect.objectContaining({ type: 'booking', amount: -2, balanceAfter: FUNDED_CREDITS - 2, bookingId: view.id }),
    ]);
  });

  it('refuses with INSUFFICIENT_CREDITS and leaves the hold pending, so the member can buy credits and confirm it', async () => {
    const { confirm, memberships, holds, held, bookings } = setUp();
    memberships.fund(MEMBER, 1, NEXT_YEAR);
    await expect(confirm()).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect(holds.row(held.id)).toMatchObject({ status: 'pending', bookingId: null });
    expect(holds.outbox).toEqual([]);
    expect(bookings.rows()).toEqual([]);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);

    memberships.fund(MEMBER, 2, NEXT_YEAR);
    await expect(confirm()).resolves.toMatchObject({ status: 'confirmed' });
    expect(memberships.balanceOf(MEMBER)).toBe(0);
  });

  it('refuses credits whose validUntil has come with CREDITS_EXPIRED, and leaves the hold pending', async () => {
    const { confirm, memberships, holds, held, bookings } = setUp();
    memberships.fund(MEMBER, 10, new Date(FAKE_NOW));
    await expect(confirm()).rejects.toBeInstanceOf(CreditsExpiredError);
    expect(holds.row(held.id)?.status).toBe('pending');
    expect(bookings.rows()).toEqual([]);
    expect(memberships.balanceOf(MEMBER)).toBe(10);
  });

  it('spends once when the member confirms twice at once', async () => {
    const { confirm, memberships } = setUp();
    memberships.fund(MEMBER, 5, NEXT_YEAR);
    await Promise.allSettled([confirm(), confirm()]);
    expect(memberships.balanceOf(MEMBER)).toBe(3);
    expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
  });
});
