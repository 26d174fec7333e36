import { describe, expect, it } from 'vitest';
import { CREDITS_EXPIRED, CREDITS_EXPIRING_SOON } from '@fitflow/domain-membership';
import { CREDIT_CAST, createCreditFakes } from '../../testing';
import { ExpireCreditsHandler } from './expire-credits.handler';

const NOW = '2026-12-01T07:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const { member, otherMember, trainer, admin } = CREDIT_CAST;

function daysFromNow(days: number, ms = 0): Date {
  return new Date(new Date(NOW).getTime() + days * DAY_MS + ms);
}

function setUp() {
  const fakes = createCreditFakes(NOW);
  const handler = new ExpireCreditsHandler(fakes.uow, fakes.clock);
  return { ...fakes, run: (limit = 100) => handler.handle({ limit }) };
}

describe('ExpireCreditsHandler', () => {
  it('writes off credits due, tells of credits expiring within 7 days, and leaves the others alone', async () => {
    const { run, memberships } = setUp();
    memberships
      .fund(member.userId, 4, daysFromNow(0))
      .fund(otherMember.userId, 3, daysFromNow(7))
      .fund(trainer.userId, 2, daysFromNow(7, 1))
      .fund(admin.userId, 5, null);
    await expect(run()).resolves.toEqual({ expired: 1, noticed: 1 });
    expect(memberships.ledgerOf(member.userId)).toMatchObject([
      { type: 'expiry', amount: -4, balanceAfter: 0, description: '4 credits expired' },
    ]);
    expect(memberships.row(otherMember.userId)).toMatchObject({ balance: 3, expiryNoticeFor: daysFromNow(7) });
    expect(memberships.outbox).toMatchObject([
      { type: CREDITS_EXPIRED, aggregateId: member.userId, payload: { memberEmail: 'mo@example.com', credits: 4, balanceAfter: 0 } },
      {
        type: CREDITS_EXPIRING_SOON,
        aggregateId: otherMember.userId,
        payload: { memberEmail: 'olu@example.com', credits: 3, validUntil: daysFromNow(7).toISOString() },
      },
    ]);
    expect(memberships.balanceOf(trainer.userId)).toBe(2);
    expect(memberships.balanceOf(admin.userId)).toBe(5);
    expect(memberships.ledgerOf(otherMember.userId)).toEqual([]);
  });

  it('does nothing more when run again', async () => {
    const { run, memberships } = setUp();
    memberships.fund(member.userId, 4, daysFromNow(-1)).fund(otherMember.userId, 3, daysFromNow(2));
    await run();
    const events = memberships.outbox.length;
    await expect(run()).resolves.toEqual({ expired: 0, noticed: 0 });
    expect(memberships.outbox).toHaveLength(events);
  });

  it('tells again when a purchase moved validUntil and the new date comes near, and writes off once it comes', async () => {
    const { run, memberships, clock, uow } = setUp();
    memberships.fund(member.userId, 3, daysFromNow(2));
    await run();
    await uow.transaction(async ({ memberships: balances }) => {
      const membership = await balances.getForUpdate(member.userId);
      membership?.addCredits(
        { purchaseId: 'purchase-1', packageName: '10 classes', credits: 10, validityDays: 90, priceCents: 9_000, currency: 'EUR' },
        clock.now(),
      );
      if (membership) await balances.save(membership);
    });
    expect(memberships.row(member.userId)).toMatchObject({ balance: 13, validUntil: daysFromNow(90), expiryNoticeFor: daysFromNow(2) });
    clock.set(daysFromNow(82, 1));
    await expect(run()).resolves.toEqual({ expired: 0, noticed: 0 });
    clock.set(daysFromNow(83));
    await expect(run()).resolves.toEqual({ expired: 0, noticed: 1 });
    clock.set(daysFromNow(90));
    await expect(run()).resolves.toEqual({ expired: 1, noticed: 0 });
    expect(memberships.balanceOf(member.userId)).toBe(0);
  });

  it('handles at most `limit` members a run; the next run takes the rest', async () => {
    const { run, memberships } = setUp();
    memberships.fund(member.userId, 4, daysFromNow(-2)).fund(otherMember.userId, 3, daysFromNow(-1));
    await expect(run(1)).resolves.toEqual({ expired: 1, noticed: 0 });
    await expect(run(1)).resolves.toEqual({ expired: 1, noticed: 0 });
    expect(memberships.balanceOf(member.userId) + memberships.balanceOf(otherMember.userId)).toBe(0);
  });

  it('keeps the work done for earlier members when a later one fails: one transaction per member', async () => {
    const { run, memberships } = setUp();
    // A row no balance can have, so that loading it throws.
    memberships.fund(member.userId, 4, daysFromNow(-2)).fund(otherMember.userId, -1, daysFromNow(-1));
    await expect(run()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(memberships.ledgerOf(member.userId)).toMatchObject([{ type: 'expiry', amount: -4 }]);
    expect(memberships.outbox).toMatchObject([{ type: CREDITS_EXPIRED, aggregateId: member.userId }]);
  });
});
