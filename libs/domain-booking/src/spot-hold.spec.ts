import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '@fitflow/domain-shared';
import { HoldExpiredError } from './errors';
import { HOLD_CONFIRMED, HOLD_CREATED, HOLD_EXPIRED, HOLD_RELEASED } from './hold-events';
import { ENDS, NOW, STARTS, session } from './session.fixture';
import { Spots } from './spot-grant';
import { type NewSpotHold, SpotHold } from './spot-hold';

const EXPIRES = new Date('2026-12-01T07:10:00.000Z');
const JUST_BEFORE = new Date(EXPIRES.getTime() - 1);

function newHold(overrides: Partial<NewSpotHold> = {}): NewSpotHold {
  return {
    id: 'h-1',
    memberId: 'm-1',
    memberEmail: 'mo@example.com',
    memberName: 'Mo Member',
    session: { id: 's-1', name: 'Morning Yoga', startsAt: STARTS, endsAt: ENDS, trainerName: 'Tara Trainer' },
    source: 'member',
    at: NOW,
    expiresAt: EXPIRES,
    ...overrides,
  };
}

function create(overrides: Partial<NewSpotHold> = {}): SpotHold {
  const spot = Spots.forHold({ session: session(), memberId: 'm-1', now: NOW, takenSpots: 0, alreadyBooked: false, alreadyHolding: false });
  return SpotHold.create(spot, newHold(overrides));
}

function pending(overrides: Partial<NewSpotHold> = {}): SpotHold {
  const hold = create(overrides);
  hold.pullEvents();
  return hold;
}

const facts = {
  holdId: 'h-1',
  memberId: 'm-1',
  memberEmail: 'mo@example.com',
  memberName: 'Mo Member',
  sessionId: 's-1',
  sessionName: 'Morning Yoga',
  startsAt: STARTS.toISOString(),
  endsAt: ENDS.toISOString(),
  trainerName: 'Tara Trainer',
  source: 'member',
  expiresAt: EXPIRES.toISOString(),
};

describe('SpotHold.create', () => {
  it('is pending until expiresAt and records a self-contained HoldCreated', () => {
    const hold = create();
    expect(hold.status).toBe('pending');
    expect(hold.pullEvents()).toEqual([{ type: HOLD_CREATED, aggregateId: 'h-1', occurredAt: NOW.toISOString(), payload: facts }]);
  });

  it('keeps where it came from', () => {
    expect(create({ source: 'waitlist' }).pullEvents()[0]?.payload).toMatchObject({ source: 'waitlist' });
  });

  it('expires at the session’s start when its duration would run past it', () => {
    const threeMinutesBefore = new Date(STARTS.getTime() - 3 * 60_000);
    const hold = create({ at: threeMinutesBefore, expiresAt: new Date(threeMinutesBefore.getTime() + 10 * 60_000) });
    expect(hold.expiresAt).toEqual(STARTS);
    expect(hold.pullEvents()[0]?.payload).toMatchObject({ expiresAt: STARTS.toISOString() });
    expect(create({ expiresAt: STARTS }).expiresAt).toEqual(STARTS);
  });

  it('refuses an expiry not after its creation with VALIDATION_FAILED', () => {
    expect(() => create({ expiresAt: NOW })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'expiresAt' }));
  });

  it('refuses a spot granted to another member with VALIDATION_FAILED', () => {
    expect(() => create({ memberId: 'm-2' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'spot' }));
  });
});

describe('SpotHold.isActiveAt', () => {
  it('keeps its spot until a millisecond before expiresAt, and not at expiresAt exactly', () => {
    const hold = pending();
    expect(hold.isActiveAt(JUST_BEFORE)).toBe(true);
    expect(hold.isActiveAt(EXPIRES)).toBe(false);
    expect(hold.isDueToExpireAt(JUST_BEFORE)).toBe(false);
    expect(hold.isDueToExpireAt(EXPIRES)).toBe(true);
  });
});

describe('SpotHold.confirm', () => {
  it('becomes confirmed with its booking and records HoldConfirmed', () => {
    const hold = pending();
    hold.confirm('b-1', JUST_BEFORE);
    expect(hold.snapshot()).toMatchObject({ status: 'confirmed', bookingId: 'b-1', settledAt: JUST_BEFORE });
    expect(hold.pullEvents()).toEqual([
      { type: HOLD_CONFIRMED, aggregateId: 'h-1', occurredAt: JUST_BEFORE.toISOString(), payload: { ...facts, bookingId: 'b-1' } },
    ]);
  });

  it('refuses with HOLD_EXPIRED at expiresAt exactly, even before expire ran', () => {
    const hold = pending();
    expect(() => hold.confirm('b-1', EXPIRES)).toThrow(HoldExpiredError);
    expect(hold.status).toBe('pending');
    expect(hold.pullEvents()).toEqual([]);
  });

  it('refuses an expired or released hold with HOLD_EXPIRED', () => {
    const expired = pending();
    expired.expire(EXPIRES);
    expect(() => expired.confirm('b-1', NOW)).toThrow(expect.objectContaining({ code: 'HOLD_EXPIRED' }));
    const released = pending();
    released.release(NOW);
    expect(() => released.confirm('b-1', NOW)).toThrow(HoldExpiredError);
  });

  it('refuses a second confirmation with INVALID_STATE', () => {
    const hold = pending();
    hold.confirm('b-1', NOW);
    expect(() => hold.confirm('b-2', NOW)).toThrow(InvalidStateError);
  });
});

describe('SpotHold.release', () => {
  it('gives the spot back and records HoldReleased', () => {
    const hold = pending();
    hold.release(JUST_BEFORE);
    expect(hold.status).toBe('released');
    expect(hold.isActiveAt(NOW)).toBe(false);
    expect(hold.pullEvents()).toEqual([{ type: HOLD_RELEASED, aggregateId: 'h-1', occurredAt: JUST_BEFORE.toISOString(), payload: facts }]);
  });

  it('refuses a hold that has lapsed or was released with HOLD_EXPIRED, and a confirmed one with INVALID_STATE', () => {
    expect(() => pending().release(EXPIRES)).toThrow(HoldExpiredError);
    const released = pending();
    released.release(NOW);
    expect(() => released.release(NOW)).toThrow(HoldExpiredError);
    const confirmed = pending();
    confirmed.confirm('b-1', NOW);
    expect(() => confirmed.release(NOW)).toThrow(InvalidStateError);
  });
});

describe('SpotHold.expire', () => {
  it('expires at expiresAt exactly and records HoldExpired', () => {
    const hold = pending();
    hold.expire(EXPIRES);
    expect(hold.snapshot()).toMatchObject({ status: 'expired', settledAt: EXPIRES });
    expect(hold.pullEvents()).toEqual([{ type: HOLD_EXPIRED, aggregateId: 'h-1', occurredAt: EXPIRES.toISOString(), payload: facts }]);
  });

  it('refuses a millisecond early with INVALID_STATE', () => {
    const hold = pending();
    expect(() => hold.expire(JUST_BEFORE)).toThrow(InvalidStateError);
    expect(hold.status).toBe('pending');
  });

  it.each(['confirm', 'release'] as const)('refuses a hold settled by %s with INVALID_STATE', (settle) => {
    const hold = pending();
    if (settle === 'confirm') hold.confirm('b-1', NOW);
    else hold.release(NOW);
    expect(() => hold.expire(EXPIRES)).toThrow(InvalidStateError);
  });
});

describe('SpotHold.restore', () => {
  it('round-trips its snapshot without recording anything', () => {
    const snapshot = pending().snapshot();
    const restored = SpotHold.restore(snapshot);
    expect(restored.snapshot()).toEqual(snapshot);
    expect(restored.pullEvents()).toEqual([]);
  });
});
