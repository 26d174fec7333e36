import { describe, expect, it } from 'vitest';
import { CREDITS_ADJUSTED, CREDITS_EXPIRED } from '@fitflow/domain-membership';
import { ForbiddenError, UserNotFoundError } from '../../errors';
import { CREDIT_CAST, type CreditCastMember, FAKE_NOW, createCreditFakes, creditActor } from '../../testing';
import { AdjustCreditsHandler } from './adjust-credits.handler';

const MEMBER = CREDIT_CAST.member.userId;
const ADMIN = CREDIT_CAST.admin.userId;

function setUp() {
  const fakes = createCreditFakes();
  const handler = new AdjustCreditsHandler(fakes.uow, fakes.clock);
  const adjust = (amount: number, reason = 'Goodwill for the broken shower', who: CreditCastMember = 'admin', userId: string = MEMBER) =>
    handler.handle({ actor: creditActor(who), userId, amount, reason });
  return { ...fakes, adjust };
}

describe('AdjustCreditsHandler', () => {
  it('lets an admin add credits with a reason, and answers the ledger line', async () => {
    const { adjust, memberships } = setUp();
    await expect(adjust(5)).resolves.toEqual({
      id: expect.any(String),
      type: 'adjustment',
      amount: 5,
      balanceAfter: 5,
      description: 'Adjustment: Goodwill for the broken shower',
      bookingId: null,
      purchaseId: null,
      createdAt: FAKE_NOW,
    });
    expect(memberships.balanceOf(MEMBER)).toBe(5);
    expect(memberships.outbox).toMatchObject([
      {
        type: CREDITS_ADJUSTED,
        payload: { memberId: MEMBER, memberEmail: 'mo@example.com', credits: 5, reason: 'Goodwill for the broken shower', adjustedBy: ADMIN },
      },
    ]);
  });

  it('takes credits away', async () => {
    const { adjust, memberships } = setUp();
    memberships.fund(MEMBER, 4);
    await expect(adjust(-3, 'Booked twice by mistake')).resolves.toMatchObject({ amount: -3, balanceAfter: 1 });
    expect(memberships.balanceOf(MEMBER)).toBe(1);
  });

  it('refuses to take the balance below zero with VALIDATION_FAILED and writes nothing', async () => {
    const { adjust, memberships, uow } = setUp();
    memberships.fund(MEMBER, 2);
    await expect(adjust(-3)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'amount' });
    expect(memberships.balanceOf(MEMBER)).toBe(2);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });

  it('answers the adjustment’s line when expired credits were written off before it', async () => {
    const { adjust, memberships } = setUp();
    memberships.fund(MEMBER, 4, new Date('2026-11-30T00:00:00.000Z'));
    await expect(adjust(2, 'Welcome back')).resolves.toMatchObject({ type: 'adjustment', amount: 2, balanceAfter: 2 });
    expect(memberships.ledgerOf(MEMBER).map((line) => line.type)).toEqual(['expiry', 'adjustment']);
    expect(memberships.outbox.map((event) => event.type)).toEqual([CREDITS_EXPIRED, CREDITS_ADJUSTED]);
  });

  it.each(['member', 'trainer'] as const)('refuses a %s with FORBIDDEN and writes nothing', async (who) => {
    const { adjust, memberships } = setUp();
    await expect(adjust(5, 'I deserve it', who, CREDIT_CAST[who].userId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(memberships.balanceOf(CREDIT_CAST[who].userId)).toBe(0);
    expect(memberships.outbox).toEqual([]);
  });

  it('answers NOT_FOUND for someone without an account', async () => {
    const { adjust } = setUp();
    await expect(adjust(5, 'Goodwill', 'admin', 'cccccccc-0000-4000-8000-000000000999')).rejects.toBeInstanceOf(UserNotFoundError);
  });
});
