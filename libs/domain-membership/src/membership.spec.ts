import { describe, expect, it } from 'vitest';
import { FixedClock, InvalidValueError } from '@fitflow/domain-shared';
import { CreditsExpiredError, InsufficientCreditsError } from './credit-errors';
import {
  CREDITS_ADJUSTED,
  CREDITS_DEDUCTED,
  CREDITS_EXPIRED,
  CREDITS_EXPIRING_SOON,
  CREDITS_PURCHASED,
  CREDITS_REFUNDED,
} from './credit-events';
import { MAX_CREDITS } from './credits';
import {
  EXPIRY_NOTICE_DAYS,
  Membership,
  type MembershipSnapshot,
  type PurchasedCredits,
  creditRefusal,
  creditsExpireSoon,
  spendableCredits,
} from './membership';

const NOW = '2026-12-01T07:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOLDER = { memberId: 'member-1', memberEmail: 'mo@example.com', memberName: 'Mo Member' };
const YOGA = { bookingId: 'booking-1', sessionName: 'Morning Yoga' };
const TEN_PACK: PurchasedCredits = {
  purchaseId: 'purchase-1',
  packageName: '10 classes',
  credits: 10,
  validityDays: 90,
  priceCents: 9_000,
  currency: 'EUR',
};

/** `days` (and `ms`) after NOW; negative for before. */
function daysFromNow(days: number, ms = 0): Date {
  return new Date(new Date(NOW).getTime() + days * DAY_MS + ms);
}

function held(balance: number, validUntil: Date | null = null, expiryNoticeFor: Date | null = null): Membership {
  return Membership.restore(HOLDER, { memberId: HOLDER.memberId, balance, validUntil, expiryNoticeFor });
}

/** What a change leaves behind: the ledger lines and the events, each handed over once. */
function written(membership: Membership) {
  return { entries: membership.pullEntries(), events: membership.pullEvents() };
}

function clockAt(at: Date | string = NOW): FixedClock {
  return new FixedClock(at);
}

describe('Membership.restore and empty', () => {
  it('opens an empty balance that never expires, and writes nothing', () => {
    const membership = Membership.empty(HOLDER);
    expect(membership.snapshot()).toEqual({ memberId: 'member-1', balance: 0, validUntil: null, expiryNoticeFor: null });
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });

  it('refuses a stored balance of another member or below zero', () => {
    const stored: MembershipSnapshot = { memberId: 'member-2', balance: 3, validUntil: null, expiryNoticeFor: null };
    expect(() => Membership.restore(HOLDER, stored)).toThrow(InvalidValueError);
    expect(() => held(-1)).toThrow(InvalidValueError);
  });

  it('hands out copies of its dates', () => {
    const membership = held(3, daysFromNow(10));
    membership.validUntil?.setTime(0);
    membership.snapshot().validUntil?.setTime(0);
    expect(membership.validUntil).toEqual(daysFromNow(10));
  });
});

describe('Membership.addCredits', () => {
  it('adds the package’s credits, valid from now for the package’s validity, with a purchase line', () => {
    const clock = clockAt();
    const membership = Membership.empty(HOLDER);
    membership.addCredits(TEN_PACK, clock.now());
    expect(membership.snapshot()).toMatchObject({ balance: 10, validUntil: daysFromNow(90) });
    expect(membership.pullEntries()).toEqual([
      {
        type: 'purchase',
        amount: 10,
        balanceAfter: 10,
        description: 'Bought 10 classes (10 credits)',
        bookingId: null,
        purchaseId: 'purchase-1',
        at: new Date(NOW),
      },
    ]);
  });

  it('records a self-contained CreditsPurchased: who, what, for how much, the balance after it and until when', () => {
    const membership = held(2, daysFromNow(5));
    membership.addCredits(TEN_PACK, clockAt().now());
    expect(membership.pullEvents()).toEqual([
      {
        type: CREDITS_PURCHASED,
        aggregateId: 'member-1',
        occurredAt: NOW,
        payload: {
          ...HOLDER,
          credits: 10,
          balanceAfter: 12,
          validUntil: daysFromNow(90).toISOString(),
          purchaseId: 'purchase-1',
          packageName: '10 classes',
          priceCents: 9_000,
          currency: 'EUR',
        },
      },
    ]);
  });

  it('moves an earlier validUntil out to now + validity', () => {
    const membership = held(5, daysFromNow(10));
    membership.addCredits(TEN_PACK, clockAt().now());
    expect(membership.snapshot()).toMatchObject({ balance: 15, validUntil: daysFromNow(90) });
  });

  it('keeps a later validUntil: a short package does not shorten the credits already held', () => {
    const membership = held(5, daysFromNow(120));
    membership.addCredits(TEN_PACK, clockAt().now());
    expect(membership.snapshot()).toMatchObject({ balance: 15, validUntil: daysFromNow(120) });
  });

  it('gives a validity to credits that had none (an admin’s grant)', () => {
    const membership = held(5, null);
    membership.addCredits(TEN_PACK, clockAt().now());
    expect(membership.snapshot()).toMatchObject({ balance: 15, validUntil: daysFromNow(90) });
  });

  it('writes off credits already expired first, an expiry line then the purchase line: buying never revives them', () => {
    const clock = clockAt(daysFromNow(0));
    const membership = held(4, daysFromNow(-1));
    membership.addCredits(TEN_PACK, clock.now());
    const { entries, events } = written(membership);
    expect(entries).toMatchObject([
      { type: 'expiry', amount: -4, balanceAfter: 0, description: '4 credits expired' },
      { type: 'purchase', amount: 10, balanceAfter: 10 },
    ]);
    expect(events.map((event) => event.type)).toEqual([CREDITS_EXPIRED, CREDITS_PURCHASED]);
    expect(membership.snapshot()).toMatchObject({ balance: 10, validUntil: daysFromNow(90) });
  });

  it('writes off credits whose validUntil is exactly now before adding', () => {
    const membership = held(4, daysFromNow(0));
    membership.addCredits(TEN_PACK, clockAt().now());
    expect(membership.pullEntries().map(({ type, balanceAfter }) => [type, balanceAfter])).toEqual([
      ['expiry', 0],
      ['purchase', 10],
    ]);
  });

  it('refuses a purchase that would take the balance past the bound, and writes nothing', () => {
    const membership = held(MAX_CREDITS - 5, daysFromNow(10));
    expect(() => membership.addCredits(TEN_PACK, clockAt().now())).toThrow(InvalidValueError);
    expect(membership.snapshot().balance).toBe(MAX_CREDITS - 5);
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });
});

describe('Membership.deductCredits', () => {
  it('spends the cost with a booking line that names the booking', () => {
    const membership = held(5, daysFromNow(30));
    membership.deductCredits(3, YOGA, clockAt().now());
    expect(membership.creditsAt(clockAt().now())).toBe(2);
    expect(membership.pullEntries()).toEqual([
      {
        type: 'booking',
        amount: -3,
        balanceAfter: 2,
        description: 'Booked Morning Yoga',
        bookingId: 'booking-1',
        purchaseId: null,
        at: new Date(NOW),
      },
    ]);
  });

  it('records a self-contained CreditsDeducted', () => {
    const membership = held(5, daysFromNow(30));
    membership.deductCredits(3, YOGA, clockAt().now());
    expect(membership.pullEvents()).toEqual([
      {
        type: CREDITS_DEDUCTED,
        aggregateId: 'member-1',
        occurredAt: NOW,
        payload: {
          ...HOLDER,
          credits: 3,
          balanceAfter: 2,
          validUntil: daysFromNow(30).toISOString(),
          bookingId: 'booking-1',
          sessionName: 'Morning Yoga',
        },
      },
    ]);
  });

  it('spends the last credit', () => {
    const membership = held(3, daysFromNow(30));
    membership.deductCredits(3, YOGA, clockAt().now());
    expect(membership.snapshot().balance).toBe(0);
  });

  it('refuses with INSUFFICIENT_CREDITS, saying what is needed and what is there, and writes nothing', () => {
    const membership = held(2, daysFromNow(30));
    expect(() => membership.deductCredits(3, YOGA, clockAt().now())).toThrow(InsufficientCreditsError);
    expect(() => membership.deductCredits(3, YOGA, clockAt().now())).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CREDITS', needed: 3, available: 2 }),
    );
    expect(membership.snapshot().balance).toBe(2);
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });

  it('refuses with CREDITS_EXPIRED exactly at validUntil, before any expiry job, though the balance covers the cost', () => {
    const clock = clockAt(daysFromNow(30));
    const membership = held(5, daysFromNow(30));
    expect(() => membership.deductCredits(1, YOGA, clock.now())).toThrow(CreditsExpiredError);
    expect(() => membership.deductCredits(1, YOGA, clock.now())).toThrow(
      expect.objectContaining({ code: 'CREDITS_EXPIRED', validUntil: daysFromNow(30) }),
    );
    expect(membership.snapshot().balance).toBe(5);
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });

  it('spends credits a millisecond before validUntil', () => {
    const membership = held(5, daysFromNow(30));
    membership.deductCredits(1, YOGA, daysFromNow(30, -1));
    expect(membership.snapshot().balance).toBe(4);
  });

  it('spends credits without a validity (an admin’s grant) at any time', () => {
    const membership = held(5, null);
    membership.deductCredits(1, YOGA, daysFromNow(10_000));
    expect(membership.snapshot().balance).toBe(4);
  });

  it('answers INSUFFICIENT_CREDITS, not CREDITS_EXPIRED, when nothing is left to expire', () => {
    const membership = held(0, daysFromNow(-1));
    expect(() => membership.deductCredits(1, YOGA, clockAt().now())).toThrow(InsufficientCreditsError);
  });

  it.each([
    ['an empty balance', () => Membership.empty(HOLDER)],
    ['an expired balance', () => held(5, daysFromNow(-1))],
  ])('spends a cost of 0 from %s and writes nothing', (_, membership) => {
    const free = membership();
    const before = free.snapshot();
    free.deductCredits(0, YOGA, clockAt().now());
    expect(free.snapshot()).toEqual(before);
    expect(written(free)).toEqual({ entries: [], events: [] });
  });

  it.each([-1, 1.5])('refuses a cost of %s with VALIDATION_FAILED', (amount) => {
    expect(() => held(5).deductCredits(amount, YOGA, clockAt().now())).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'amount' }),
    );
  });
});

describe('Membership.refundCredits', () => {
  const HALF_BACK = { ...YOGA, refundPercentage: 50 };

  it('gives the credits back with a refund line naming the booking and the percentage', () => {
    const membership = held(2, daysFromNow(30));
    membership.refundCredits(1, HALF_BACK, clockAt().now());
    expect(membership.snapshot().balance).toBe(3);
    expect(membership.pullEntries()).toEqual([
      {
        type: 'refund',
        amount: 1,
        balanceAfter: 3,
        description: 'Refund for Morning Yoga (50 %)',
        bookingId: 'booking-1',
        purchaseId: null,
        at: new Date(NOW),
      },
    ]);
  });

  it('records a self-contained CreditsRefunded', () => {
    const membership = held(2, daysFromNow(30));
    membership.refundCredits(1, HALF_BACK, clockAt().now());
    expect(membership.pullEvents()).toEqual([
      {
        type: CREDITS_REFUNDED,
        aggregateId: 'member-1',
        occurredAt: NOW,
        payload: {
          ...HOLDER,
          credits: 1,
          balanceAfter: 3,
          validUntil: daysFromNow(30).toISOString(),
          bookingId: 'booking-1',
          sessionName: 'Morning Yoga',
          refundPercentage: 50,
        },
      },
    ]);
  });

  it('writes nothing when nothing comes back', () => {
    const membership = held(2, daysFromNow(30));
    membership.refundCredits(0, { ...YOGA, refundPercentage: 0 }, clockAt().now());
    expect(membership.snapshot().balance).toBe(2);
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });

  it('refuses a negative refund with VALIDATION_FAILED', () => {
    expect(() => held(2).refundCredits(-1, HALF_BACK, clockAt().now())).toThrow(InvalidValueError);
  });

  it('onto lapsed credits: writes them off first, and the refund can be spent (it gets no passed validity)', () => {
    const membership = held(4, daysFromNow(-3));
    membership.refundCredits(1, HALF_BACK, clockAt().now());
    expect(membership.pullEntries().map(({ type, amount, balanceAfter }) => ({ type, amount, balanceAfter }))).toEqual([
      { type: 'expiry', amount: -4, balanceAfter: 0 },
      { type: 'refund', amount: 1, balanceAfter: 1 },
    ]);
    expect(membership.validUntil).toBeNull();
    expect(membership.creditsAt(clockAt().now())).toBe(1);
  });
});

describe('Membership.adjust', () => {
  it('adds credits with the admin’s reason, trimmed, and records who did it', () => {
    const membership = held(2, daysFromNow(30));
    membership.adjust(5, '  Goodwill for the broken shower ', 'admin-1', clockAt().now());
    const { entries, events } = written(membership);
    expect(entries).toEqual([
      {
        type: 'adjustment',
        amount: 5,
        balanceAfter: 7,
        description: 'Adjustment: Goodwill for the broken shower',
        bookingId: null,
        purchaseId: null,
        at: new Date(NOW),
      },
    ]);
    expect(events).toEqual([
      {
        type: CREDITS_ADJUSTED,
        aggregateId: 'member-1',
        occurredAt: NOW,
        payload: {
          ...HOLDER,
          credits: 5,
          balanceAfter: 7,
          validUntil: daysFromNow(30).toISOString(),
          reason: 'Goodwill for the broken shower',
          adjustedBy: 'admin-1',
        },
      },
    ]);
  });

  it('takes credits away, down to zero, with a signed line and event', () => {
    const membership = held(2, daysFromNow(30));
    membership.adjust(-2, 'Booked twice by mistake', 'admin-1', clockAt().now());
    const { entries, events } = written(membership);
    expect(entries).toMatchObject([{ type: 'adjustment', amount: -2, balanceAfter: 0 }]);
    expect(events).toMatchObject([{ payload: { credits: -2, balanceAfter: 0 } }]);
  });

  it('refuses to take the balance below zero with VALIDATION_FAILED, and writes nothing', () => {
    const membership = held(2, daysFromNow(30));
    expect(() => membership.adjust(-3, 'Booked twice by mistake', 'admin-1', clockAt().now())).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'amount',
        message: 'The member has 2 credits; the balance cannot go below zero',
      }),
    );
    expect(membership.snapshot().balance).toBe(2);
    expect(written(membership)).toEqual({ entries: [], events: [] });
  });

  it.each([0, 1.5, Number.NaN])('refuses an amount of %s with VALIDATION_FAILED', (amount) => {
    expect(() => held(2).adjust(amount, 'A good reason', 'admin-1', clockAt().now())).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'amount' }),
    );
  });

  it.each([
    ['2 characters', 'ab'],
    ['2 characters between spaces', '  ab  '],
    ['201 characters', 'x'.repeat(201)],
    ['no text', ''],
    ['a number', 7 as unknown as string],
  ])('refuses a reason of %s with VALIDATION_FAILED', (_, reason) => {
    expect(() => held(2).adjust(1, reason, 'admin-1', clockAt().now())).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'reason' }),
    );
  });

  it.each([
    ['3 characters', 'abc'],
    ['200 characters', 'x'.repeat(200)],
  ])('takes a reason of %s', (_, reason) => {
    const membership = held(2);
    membership.adjust(1, reason, 'admin-1', clockAt().now());
    expect(membership.pullEntries()).toMatchObject([{ description: `Adjustment: ${reason}` }]);
  });

  it('writes off expired credits first, so a correction cannot take back what already expired', () => {
    const membership = held(4, daysFromNow(-1));
    expect(() => membership.adjust(-1, 'Booked twice by mistake', 'admin-1', clockAt().now())).toThrow(
      expect.objectContaining({ message: 'The member has 0 credits; the balance cannot go below zero' }),
    );
  });

  it('grants credits a member can spend after their credits expired: the expired ones are written off, the grant does not expire', () => {
    const clock = clockAt();
    const membership = held(4, daysFromNow(-1));
    membership.adjust(3, 'Welcome back', 'admin-1', clock.now());
    expect(membership.pullEntries()).toMatchObject([
      { type: 'expiry', amount: -4, balanceAfter: 0 },
      { type: 'adjustment', amount: 3, balanceAfter: 3 },
    ]);
    expect(membership.creditsAt(clock.now())).toBe(3);
    expect(membership.validUntil).toBeNull();
    expect(() => membership.deductCredits(3, YOGA, clock.now())).not.toThrow();
  });

  it('grants credits a member can spend when the expiry job already wrote the old ones off', () => {
    const clock = clockAt();
    const membership = held(0, daysFromNow(-1));
    membership.adjust(3, 'Welcome back', 'admin-1', clock.now());
    expect(membership.creditsAt(clock.now())).toBe(3);
  });

  it('lets a grant share the validity of credits still valid', () => {
    const membership = held(2, daysFromNow(30));
    membership.adjust(3, 'Goodwill', 'admin-1', clockAt().now());
    expect(membership.snapshot()).toMatchObject({ balance: 5, validUntil: daysFromNow(30) });
  });
});

describe('Membership.expire', () => {
  it('writes the balance off at validUntil with an expiry line and a self-contained CreditsExpired', () => {
    const clock = clockAt(daysFromNow(30));
    const membership = held(4, daysFromNow(30));
    expect(membership.expire(clock.now())).toBe(true);
    const { entries, events } = written(membership);
    expect(entries).toEqual([
      {
        type: 'expiry',
        amount: -4,
        balanceAfter: 0,
        description: '4 credits expired',
        bookingId: null,
        purchaseId: null,
        at: daysFromNow(30),
      },
    ]);
    expect(events).toEqual([
      {
        type: CREDITS_EXPIRED,
        aggregateId: 'member-1',
        occurredAt: daysFromNow(30).toISOString(),
        payload: { ...HOLDER, credits: 4, balanceAfter: 0, validUntil: daysFromNow(30).toISOString() },
      },
    ]);
  });

  it('says “1 credit expired” for one', () => {
    const membership = held(1, daysFromNow(-1));
    membership.expire(clockAt().now());
    expect(membership.pullEntries()).toMatchObject([{ description: '1 credit expired' }]);
  });

  it.each([
    ['a millisecond before validUntil', () => held(4, daysFromNow(0, 1))],
    ['credits without a validity', () => held(4, null)],
    ['an empty balance past validUntil', () => held(0, daysFromNow(-1))],
    ['a member who never had credits', () => Membership.empty(HOLDER)],
  ])('does nothing for %s', (_, membership) => {
    const untouched = membership();
    expect(untouched.expire(clockAt().now())).toBe(false);
    expect(written(untouched)).toEqual({ entries: [], events: [] });
  });

  it('expires once: run again, it finds nothing left', () => {
    const membership = held(4, daysFromNow(-1));
    expect(membership.expire(clockAt().now())).toBe(true);
    membership.pullEntries();
    expect(membership.expire(clockAt().now())).toBe(false);
    expect(membership.pullEntries()).toEqual([]);
  });
});

describe('Membership.noteExpiringSoon', () => {
  it(`records CreditsExpiringSoon ${EXPIRY_NOTICE_DAYS} days exactly before validUntil, with who, how many and until when`, () => {
    const membership = held(3, daysFromNow(7));
    expect(membership.noteExpiringSoon(clockAt().now())).toBe(true);
    expect(membership.pullEvents()).toEqual([
      {
        type: CREDITS_EXPIRING_SOON,
        aggregateId: 'member-1',
        occurredAt: NOW,
        payload: { ...HOLDER, credits: 3, validUntil: daysFromNow(7).toISOString() },
      },
    ]);
    expect(membership.snapshot().expiryNoticeFor).toEqual(daysFromNow(7));
    expect(membership.pullEntries()).toEqual([]);
  });

  it('tells once per validUntil, also across loads', () => {
    const clock = clockAt();
    const membership = held(3, daysFromNow(5));
    expect(membership.noteExpiringSoon(clock.now())).toBe(true);
    clock.advanceMinutes(24 * 60);
    expect(membership.noteExpiringSoon(clock.now())).toBe(false);
    const reloaded = Membership.restore(HOLDER, membership.snapshot());
    expect(reloaded.noteExpiringSoon(clock.now())).toBe(false);
    expect(reloaded.pullEvents()).toEqual([]);
  });

  it('tells again once a purchase moved validUntil and the new date comes near', () => {
    const clock = clockAt();
    const membership = held(3, daysFromNow(5));
    membership.noteExpiringSoon(clock.now());
    membership.addCredits(TEN_PACK, clock.now());
    membership.pullEvents();
    expect(membership.noteExpiringSoon(clock.now())).toBe(false);
    clock.set(daysFromNow(90 - 7));
    expect(membership.noteExpiringSoon(clock.now())).toBe(true);
    expect(membership.pullEvents()).toMatchObject([{ payload: { credits: 13, validUntil: daysFromNow(90).toISOString() } }]);
  });

  it.each([
    ['more than 7 days ahead', () => held(3, daysFromNow(7, 1))],
    ['no credits left', () => held(0, daysFromNow(3))],
    ['credits already expired', () => held(3, daysFromNow(0))],
    ['credits without a validity', () => held(3, null)],
  ])('tells nothing with %s', (_, membership) => {
    const quiet = membership();
    expect(quiet.noteExpiringSoon(clockAt().now())).toBe(false);
    expect(quiet.pullEvents()).toEqual([]);
    expect(quiet.snapshot().expiryNoticeFor).toBeNull();
  });
});

describe('Membership ledger', () => {
  it('writes one line per change with the balance after it, each handed over once', () => {
    const clock = clockAt();
    const membership = Membership.empty(HOLDER);
    membership.addCredits(TEN_PACK, clock.now());
    membership.deductCredits(3, YOGA, clock.now());
    membership.refundCredits(1, { ...YOGA, refundPercentage: 50 }, clock.now());
    membership.adjust(-2, 'Booked twice by mistake', 'admin-1', clock.now());
    clock.set(daysFromNow(90));
    membership.expire(clock.now());
    expect(membership.pullEntries().map(({ type, amount, balanceAfter }) => ({ type, amount, balanceAfter }))).toEqual([
      { type: 'purchase', amount: 10, balanceAfter: 10 },
      { type: 'booking', amount: -3, balanceAfter: 7 },
      { type: 'refund', amount: 1, balanceAfter: 8 },
      { type: 'adjustment', amount: -2, balanceAfter: 6 },
      { type: 'expiry', amount: -6, balanceAfter: 0 },
    ]);
    expect(membership.pullEntries()).toEqual([]);
    expect(membership.pullEvents().map((event) => event.type)).toEqual([
      CREDITS_PURCHASED,
      CREDITS_DEDUCTED,
      CREDITS_REFUNDED,
      CREDITS_ADJUSTED,
      CREDITS_EXPIRED,
    ]);
  });
});

describe('spendableCredits', () => {
  it('is the balance until validUntil and nothing from it on', () => {
    const balance = { balance: 4, validUntil: daysFromNow(1) };
    expect(spendableCredits(balance, daysFromNow(1, -1))).toBe(4);
    expect(spendableCredits(balance, daysFromNow(1))).toBe(0);
    expect(spendableCredits({ balance: 4, validUntil: null }, daysFromNow(10_000))).toBe(4);
  });
});

describe('creditsExpireSoon', () => {
  const until = daysFromNow(10);

  it('is true from 7 days exactly before validUntil, false a millisecond earlier', () => {
    expect(creditsExpireSoon({ balance: 4, validUntil: until }, daysFromNow(3))).toBe(true);
    expect(creditsExpireSoon({ balance: 4, validUntil: until }, daysFromNow(3, -1))).toBe(false);
    expect(creditsExpireSoon({ balance: 4, validUntil: until }, daysFromNow(10, -1))).toBe(true);
  });

  it('is false once expired, with nothing left, or without a validity', () => {
    expect(creditsExpireSoon({ balance: 4, validUntil: until }, until)).toBe(false);
    expect(creditsExpireSoon({ balance: 0, validUntil: until }, daysFromNow(5))).toBe(false);
    expect(creditsExpireSoon({ balance: 4, validUntil: null }, daysFromNow(5))).toBe(false);
  });

  it('agrees with Membership.expiresSoonAt', () => {
    expect(held(4, until).expiresSoonAt(daysFromNow(3))).toBe(true);
    expect(held(4, until).expiresSoonAt(daysFromNow(3, -1))).toBe(false);
  });
});

describe('creditRefusal', () => {
  const valid = { balance: 2, validUntil: daysFromNow(1) };

  it('lets a covered cost through until validUntil', () => {
    expect(creditRefusal(valid, 2, daysFromNow(1, -1))).toBeNull();
  });

  it('answers INSUFFICIENT_CREDITS when the balance does not cover the cost', () => {
    expect(creditRefusal(valid, 3, clockAt().now())).toEqual(new InsufficientCreditsError(3, 2));
    expect(creditRefusal(valid, 3, clockAt().now())).toMatchObject({ needed: 3, available: 2 });
  });

  it('answers CREDITS_EXPIRED from validUntil on, whatever the cost', () => {
    expect(creditRefusal(valid, 1, daysFromNow(1))).toBeInstanceOf(CreditsExpiredError);
    expect(creditRefusal(valid, 3, daysFromNow(1))).toMatchObject({ code: 'CREDITS_EXPIRED', validUntil: daysFromNow(1) });
  });

  it('never refuses a free class', () => {
    expect(creditRefusal({ balance: 0, validUntil: null }, 0, clockAt().now())).toBeNull();
    expect(creditRefusal(valid, 0, daysFromNow(5))).toBeNull();
  });
});
