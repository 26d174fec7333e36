import { describe, expect, it } from 'vitest';
import { HOLD_EXPIRED } from '@fitflow/domain-booking';
import { HoldMother, SessionMother, createBookingFakes } from '../../testing';
import { ExpireHoldsHandler } from './expire-holds.handler';

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
