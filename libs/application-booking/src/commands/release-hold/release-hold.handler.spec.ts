import { describe, expect, it } from 'vitest';
import { HOLD_RELEASED, HoldExpiredError, HoldNotFoundError } from '@fitflow/domain-booking';
import { type CastMember, HoldMother, SessionMother, actor, createBookingFakes } from '../../testing';
import { ReleaseHoldHandler } from './release-hold.handler';

function setUp() {
  const fakes = createBookingFakes();
  const session = SessionMother.published({ capacity: 1 });
  fakes.sessions.seed(session);
  const held = HoldMother.pending(session);
  fakes.holds.seed(held);
  const handler = new ReleaseHoldHandler(fakes.holdUow, fakes.clock);
  const release = (who: CastMember = 'member', holdId = held.id) => handler.handle({ actor: actor(who), holdId });
  return { ...fakes, session, held, release };
}

describe('ReleaseHoldHandler', () => {
  it('gives the spot back and writes HoldReleased, locking the session before the hold', async () => {
    const { release, held, holds, session, locks, clock } = setUp();
    expect(holds.activeCount(session.id, clock.now())).toBe(1);
    await release();
    expect(holds.activeCount(session.id, clock.now())).toBe(0);
    expect(holds.row(held.id)?.status).toBe('released');
    expect(holds.outbox).toMatchObject([{ type: HOLD_RELEASED, aggregateId: held.id }]);
    expect(locks.taken).toEqual([`session:${session.id}`, `hold:${held.id}`]);
  });

  it('refuses with HOLD_EXPIRED at expiresAt exactly, and a millisecond before releases', async () => {
    const lapsed = setUp();
    lapsed.clock.set(lapsed.held.expiresAt);
    await expect(lapsed.release()).rejects.toBeInstanceOf(HoldExpiredError);
    const inTime = setUp();
    inTime.clock.set(new Date(inTime.held.expiresAt.getTime() - 1));
    await expect(inTime.release()).resolves.toBeUndefined();
  });

  it('answers NOT_FOUND to anyone but the hold’s member', async () => {
    const { release, holds, held } = setUp();
    await expect(release('otherMember')).rejects.toBeInstanceOf(HoldNotFoundError);
    await expect(release('member', 'no-such-hold')).rejects.toBeInstanceOf(HoldNotFoundError);
    expect(holds.row(held.id)?.status).toBe('pending');
  });
});
