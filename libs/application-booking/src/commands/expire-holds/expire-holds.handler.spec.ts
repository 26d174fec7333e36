import { describe, expect, it } from 'vitest';
import { HOLD_EXPIRED } from '@fitflow/domain-booking';
import { HoldMother, SessionMother, createBookingFakes } from '../../testing';
import { ExpireHoldHandler, ExpireHoldsHandler } from './expire-holds.handler';

const AT = (iso: string) => new Date(iso);

function setUp() {
  const fakes = createBookingFakes();
  const session = SessionMother.published();
  fakes.sessions.seed(session);
  const early = HoldMother.pending(session, 'member', { expiresAt: AT('2026-12-01T07:05:00.000Z') });
  const late = HoldMother.pending(session, 'otherMember', { expiresAt: AT('2026-12-01T07:10:00.000Z') });
  fakes.holds.seed(early, late);
  const handler = new ExpireHoldsHandler(fakes.holdUow, fakes.clock);
  return { ...fakes, session, early, late, expire: (limit = 100) => handler.handle({ limit }) };
}

describe('ExpireHoldsHandler', () => {
  it('expires nothing a millisecond before the first expiresAt', async () => {
    const { expire, clock, holds } = setUp();
    clock.set('2026-12-01T07:04:59.999Z');
    await expect(expire()).resolves.toBe(0);
    expect(holds.outbox).toEqual([]);
  });

  it('expires a hold at its expiresAt exactly, and only the holds that are due', async () => {
    const { expire, clock, holds, early, late } = setUp();
    clock.set('2026-12-01T07:05:00.000Z');
    await expect(expire()).resolves.toBe(1);
    expect(holds.row(early.id)?.status).toBe('expired');
    expect(holds.row(late.id)?.status).toBe('pending');
    expect(holds.outbox).toMatchObject([{ type: HOLD_EXPIRED, aggregateId: early.id, payload: { expiresAt: '2026-12-01T07:05:00.000Z' } }]);
  });

  it('takes at most `limit` holds, earliest deadline first, and a second run does nothing more', async () => {
    const { expire, clock, holds, early, late } = setUp();
    clock.set('2026-12-01T08:00:00.000Z');
    await expect(expire(1)).resolves.toBe(1);
    expect(holds.row(early.id)?.status).toBe('expired');
    await expect(expire()).resolves.toBe(1);
    expect(holds.row(late.id)?.status).toBe('expired');
    await expect(expire()).resolves.toBe(0);
    expect(holds.outbox).toHaveLength(2);
  });

  it('leaves a hold settled since the list was read', async () => {
    const { clock, holds, early, late, holdUow, session } = setUp();
    clock.set('2026-12-01T08:00:00.000Z');
    const handler = new ExpireHoldsHandler(holdUow, clock);
    const run = handler.handle({ limit: 100 });
    // Queued behind the sweep's first (listing) transaction, before its per-hold ones: the member releases in time.
    void holdUow.transaction(async ({ sessions, holds: repo }) => {
      const locked = await sessions.getForUpdate(session.id);
      const hold = locked && (await repo.getForUpdate(locked, early.id));
      if (!hold) throw new Error('hold missing');
      hold.release(new Date('2026-12-01T07:00:00.000Z'));
      await repo.save(hold);
    });
    await expect(run).resolves.toBe(1);
    expect(holds.row(early.id)?.status).toBe('released');
    expect(holds.row(late.id)?.status).toBe('expired');
  });

  it('locks each hold’s session before the hold', async () => {
    const { expire, clock, locks, session, early } = setUp();
    clock.set('2026-12-01T07:05:00.000Z');
    await expire();
    expect(locks.taken).toEqual([`session:${session.id}`, `hold:${early.id}`]);
  });
});

describe('ExpireHoldHandler (a hold’s own job)', () => {
  function setUpJob() {
    const fakes = setUp();
    const handler = new ExpireHoldHandler(fakes.holdUow, fakes.clock);
    /** The member settles the early hold in time (07:01), its session locked first as every command does. */
    const settleEarly = (how: 'confirm' | 'release') =>
      fakes.holdUow.transaction(async ({ sessions, holds }) => {
        const locked = await sessions.getForUpdate(fakes.session.id);
        const hold = locked && (await holds.getForUpdate(locked, fakes.early.id));
        if (!hold) throw new Error('hold missing');
        if (how === 'confirm') hold.confirm('booking-1', AT('2026-12-01T07:01:00.000Z'));
        else hold.release(AT('2026-12-01T07:01:00.000Z'));
        await holds.save(hold);
      });
    return { ...fakes, settleEarly, expireOne: (holdId: string) => handler.handle({ holdId }) };
  }

  it('expires its own hold at its expiresAt, and leaves every other due hold to the sweep', async () => {
    const { expireOne, clock, holds, early, late } = setUpJob();
    clock.set('2026-12-01T08:00:00.000Z');
    await expect(expireOne(late.id)).resolves.toBe(true);
    expect(holds.row(late.id)?.status).toBe('expired');
    expect(holds.row(early.id)?.status).toBe('pending');
    expect(holds.outbox).toMatchObject([{ type: HOLD_EXPIRED, aggregateId: late.id }]);
  });

  it('does nothing a millisecond early, nor when run again, nor for an unknown hold', async () => {
    const { expireOne, clock, holds, early } = setUpJob();
    clock.set('2026-12-01T07:04:59.999Z');
    await expect(expireOne(early.id)).resolves.toBe(false);
    expect(holds.row(early.id)?.status).toBe('pending');
    clock.set('2026-12-01T07:05:00.000Z');
    await expect(expireOne(early.id)).resolves.toBe(true);
    await expect(expireOne(early.id)).resolves.toBe(false);
    await expect(expireOne('no-such-hold')).resolves.toBe(false);
    expect(holds.outbox).toHaveLength(1);
  });

  it.each(['confirm', 'release'] as const)('leaves a hold its member chose to %s before the job ran', async (how) => {
    const { expireOne, settleEarly, clock, holds, early } = setUpJob();
    await settleEarly(how);
    const settledEvents = holds.outbox.length;
    clock.set('2026-12-01T08:00:00.000Z');
    await expect(expireOne(early.id)).resolves.toBe(false);
    expect(holds.row(early.id)?.status).toBe(how === 'confirm' ? 'confirmed' : 'released');
    expect(holds.outbox).toHaveLength(settledEvents);
  });

  it('waits for a transaction holding the hold’s session, then leaves the hold it released', async () => {
    const { expireOne, settleEarly, clock, holds, early } = setUpJob();
    clock.set('2026-12-01T08:00:00.000Z');
    const releasing = settleEarly('release');
    const job = expireOne(early.id);
    await releasing;
    await expect(job).resolves.toBe(false);
    expect(holds.row(early.id)?.status).toBe('released');
  });

  it('locks the hold’s session before the hold', async () => {
    const { expireOne, clock, locks, session, early } = setUpJob();
    clock.set('2026-12-01T07:05:00.000Z');
    await expireOne(early.id);
    expect(locks.taken).toEqual([`session:${session.id}`, `hold:${early.id}`]);
  });
});
