import { describe, expect, it, vi } from 'vitest';
import { HOLD_CREATED, HOLD_EXPIRED } from '@fitflow/domain-booking';
import { InvalidStateError } from '@fitflow/domain-shared';
import { AlreadyBookedError, SessionFullError, SessionNotFoundError } from '../../errors';
import { BookingMother, CAST, type CastMember, HoldMother, SessionMother, actor, createBookingFakes } from '../../testing';
import { CreateHoldHandler } from './create-hold.handler';

const DURATIONS = { holdDurationMs: 10 * 60_000, waitlistHoldDurationMs: 5 * 60_000 };

function setUp(options: { capacity?: number } = {}) {
  const fakes = createBookingFakes();
  const session = SessionMother.published({ capacity: options.capacity ?? 10 });
  fakes.sessions.seed(session);
  const handler = new CreateHoldHandler(fakes.holdUow, fakes.ids, fakes.clock, DURATIONS);
  const hold = (who: CastMember = 'member', sessionId = session.id) => handler.handle({ actor: actor(who), sessionId });
  return { ...fakes, session, handler, hold };
}

describe('CreateHoldHandler', () => {
  it('holds a spot for the member’s hold duration and writes a self-contained HoldCreated', async () => {
    const { hold, holds } = setUp();
    const { hold: view, created } = await hold();
    expect(created).toBe(true);
    expect(view).toMatchObject({ status: 'pending', source: 'member', createdAt: '2026-12-01T07:00:00.000Z', expiresAt: '2026-12-01T07:10:00.000Z' });
    expect(holds.row(view.id)).toMatchObject({ memberId: CAST.member.userId, status: 'pending' });
    expect(holds.outbox).toMatchObject([{ type: HOLD_CREATED, payload: { memberEmail: 'mo@example.com', trainerName: 'Tara Trainer', source: 'member' } }]);
  });

  it('decides a first hold beside the session’s other spot-takers, and checks its claim with the hold', async () => {
    const { hold, sessions, holdUow } = setUp();
    const shareForSpot = vi.spyOn(sessions, 'shareForSpot');
    const confirmClaim = vi.spyOn(sessions, 'confirmClaim');
    const getForUpdate = vi.spyOn(sessions, 'getForUpdate');
    await expect(hold()).resolves.toMatchObject({ created: true });
    expect([shareForSpot, confirmClaim].map((spy) => spy.mock.calls.length)).toEqual([1, 1]);
    expect(getForUpdate).not.toHaveBeenCalled();
    expect([holdUow.commits, holdUow.rollbacks]).toEqual([1, 0]);
  });

  it('rolls back when the last spot it saw was taken meanwhile, and answers SESSION_FULL decided under the lock', async () => {
    const { hold, holds, sessions, session, holdUow } = setUp({ capacity: 1 });
    holds.seed(HoldMother.pending(session, 'otherMember'));
    const shareForSpot = sessions.shareForSpot.bind(sessions);
    // Read before the other member's hold committed: one spot free.
    vi.spyOn(sessions, 'shareForSpot').mockImplementationOnce(async (...args) => {
      const check = await shareForSpot(...args);
      return check && { ...check, spots: { ...check.spots, takenSpots: 0 } };
    });
    await expect(hold()).rejects.toBeInstanceOf(SessionFullError);
    expect([holdUow.commits, holdUow.rollbacks]).toEqual([0, 2]);
    expect(holds.rows().filter((row) => row.status === 'pending')).toHaveLength(1);
  });

  it('gives a waitlist hold the waitlist’s duration', async () => {
    const { handler, session } = setUp();
    const { hold } = await handler.handle({ actor: actor('member'), sessionId: session.id, source: 'waitlist' });
    expect(hold).toMatchObject({ source: 'waitlist', expiresAt: '2026-12-01T07:05:00.000Z' });
  });

  it('ends a hold made 3 minutes before the class at its start, not past it', async () => {
    const { hold, clock, session } = setUp();
    clock.set(new Date(session.slot.startsAt.getTime() - 3 * 60_000));
    const { hold: view } = await hold();
    expect(view.expiresAt).toBe(session.slot.startsAt.toISOString());
  });

  it('answers the member’s active hold again instead of a second one', async () => {
    const { hold, holds, clock } = setUp();
    const first = await hold();
    clock.set(new Date(Date.parse(first.hold.expiresAt) - 1));
    await expect(hold()).resolves.toEqual({ hold: first.hold, created: false });
    expect(holds.rows()).toHaveLength(1);
  });

  it('answers a member asking 5 times at once with one new hold and that hold 4 times', async () => {
    const { hold, holds } = setUp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => hold()));
    expect(answers.map((answer) => answer.created).sort()).toEqual([false, false, false, false, true]);
    expect(new Set(answers.map((answer) => answer.hold.id)).size).toBe(1);
    expect(holds.rows()).toHaveLength(1);
  });

  it('expires the member’s lapsed hold at expiresAt exactly and holds a new spot', async () => {
    const { hold, holds, clock } = setUp();
    const first = await hold();
    clock.set(first.hold.expiresAt);
    const second = await hold();
    expect(second.created).toBe(true);
    expect(holds.row(first.hold.id)?.status).toBe('expired');
    expect(holds.outbox.map((event) => event.type)).toEqual([HOLD_CREATED, HOLD_EXPIRED, HOLD_CREATED]);
  });

  it('counts other members’ active holds, and stops counting one at its expiresAt exactly', async () => {
    const { hold, holds, session, clock } = setUp({ capacity: 1 });
    const other = HoldMother.pending(session, 'otherMember');
    holds.seed(other);
    await expect(hold()).rejects.toBeInstanceOf(SessionFullError);
    clock.set(other.expiresAt);
    await expect(hold()).resolves.toMatchObject({ created: true });
  });

  it('refuses a full session with SESSION_FULL, counting confirmed bookings', async () => {
    const { hold, bookings, session, holds } = setUp({ capacity: 1 });
    bookings.seed(BookingMother.confirmed(session, 'otherMember'));
    await expect(hold()).rejects.toMatchObject({ code: 'SESSION_FULL' });
    expect(holds.rows()).toEqual([]);
  });

  it('refuses a member who already booked with ALREADY_BOOKED', async () => {
    const { hold, bookings, session } = setUp();
    bookings.seed(BookingMother.confirmed(session));
    await expect(hold()).rejects.toBeInstanceOf(AlreadyBookedError);
  });

  it('refuses a cancelled session with INVALID_STATE, and answers NOT_FOUND for an unknown one', async () => {
    const { hold, sessions } = setUp();
    const cancelled = SessionMother.cancelled();
    sessions.seed(cancelled);
    await expect(hold('member', cancelled.id)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(hold('member', 'no-such-session')).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it('holds exactly the 3 free spots when 6 members ask at once', async () => {
    const { handler, session, members, holds } = setUp({ capacity: 3 });
    const rush = Array.from({ length: 6 }, (_, i) => {
      const userId = `rush-${i}`;
      members.add(userId, `${userId}@example.com`, `Rusher ${i}`);
      return handler.handle({ actor: { userId, role: 'member' }, sessionId: session.id });
    });
    const results = await Promise.allSettled(rush);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(holds.rows()).toHaveLength(3);
  });
});
