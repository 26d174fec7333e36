import { describe, expect, it } from 'vitest';
import { PurchaseNotFoundError } from '@fitflow/domain-membership';
import { ForbiddenError, UserNotFoundError } from '../../errors';
import { CREDIT_CAST, type CreditCastMember, CreditPackageMother, createCreditFakes, creditActor } from '../../testing';
import { PurchaseCreditsHandler } from '../../commands/purchase-credits/purchase-credits.handler';
import {
  GetMembershipHandler,
  GetMyMembershipHandler,
  GetPurchaseHandler,
  ListCreditPackagesHandler,
  ListMyCreditTransactionsHandler,
} from './credits.queries';

const NOW = '2026-12-01T07:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const MEMBER = CREDIT_CAST.member.userId;

function daysFromNow(days: number, ms = 0): Date {
  return new Date(new Date(NOW).getTime() + days * DAY_MS + ms);
}

function setUp() {
  const fakes = createCreditFakes(NOW);
  return {
    ...fakes,
    mine: (who: CreditCastMember = 'member') => new GetMyMembershipHandler(fakes.finder, fakes.clock).handle({ actor: creditActor(who) }),
    theirs: (userId: string, who: CreditCastMember = 'admin') =>
      new GetMembershipHandler(fakes.finder, fakes.usersFinder, fakes.clock).handle({ actor: creditActor(who), userId }),
  };
}

describe('GetMyMembershipHandler', () => {
  it('answers no credits for a member who never had any', async () => {
    const { mine } = setUp();
    await expect(mine()).resolves.toEqual({ credits: 0, validUntil: null, expiresSoon: false });
  });

  it('answers the balance and until when, and says when it expires within 7 days', async () => {
    const { mine, memberships, clock } = setUp();
    memberships.fund(MEMBER, 4, daysFromNow(30));
    await expect(mine()).resolves.toEqual({ credits: 4, validUntil: daysFromNow(30).toISOString(), expiresSoon: false });
    clock.set(daysFromNow(23));
    await expect(mine()).resolves.toEqual({ credits: 4, validUntil: daysFromNow(30).toISOString(), expiresSoon: true });
  });

  it('shows no credits from validUntil on, before the expiry job wrote them off', async () => {
    const { mine, memberships, clock } = setUp();
    memberships.fund(MEMBER, 4, daysFromNow(30));
    clock.set(daysFromNow(30));
    await expect(mine()).resolves.toEqual({ credits: 0, validUntil: daysFromNow(30).toISOString(), expiresSoon: false });
  });
});

describe('GetMembershipHandler', () => {
  it('shows an admin a member’s credits', async () => {
    const { theirs, memberships } = setUp();
    memberships.fund(MEMBER, 4, null);
    await expect(theirs(MEMBER)).resolves.toEqual({ credits: 4, validUntil: null, expiresSoon: false });
  });

  it.each(['member', 'trainer'] as const)('refuses a %s with FORBIDDEN, even about their own credits', async (who) => {
    const { theirs } = setUp();
    await expect(theirs(CREDIT_CAST[who].userId, who)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(theirs(CREDIT_CAST.otherMember.userId, who)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers NOT_FOUND for someone without an account', async () => {
    const { theirs } = setUp();
    await expect(theirs('cccccccc-0000-4000-8000-000000000999')).rejects.toBeInstanceOf(UserNotFoundError);
  });
});

describe('ListMyCreditTransactionsHandler', () => {
  it('lists the caller’s own ledger, newest first, a page at a time', async () => {
    const { finder, uow, clock } = setUp();
    const corrections = [['member', 5], ['otherMember', 9], ['member', -2], ['member', 1]] as const;
    for (const [day, [who, amount]] of corrections.entries()) {
      clock.set(daysFromNow(day));
      await uow.transaction(async ({ memberships: balances }) => {
        const membership = await balances.getForUpdate(CREDIT_CAST[who].userId);
        if (!membership) throw new Error(`${who} has no account`);
        membership.adjust(amount, 'Correction', CREDIT_CAST.admin.userId, clock.now());
        await balances.save(membership);
      });
    }
    const list = new ListMyCreditTransactionsHandler(finder);
    const first = await list.handle({ actor: creditActor('member'), page: 1, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.items.map((line) => [line.amount, line.balanceAfter])).toEqual([
      [1, 4],
      [-2, 3],
    ]);
    const second = await list.handle({ actor: creditActor('member'), page: 2, pageSize: 2 });
    expect(second.items.map((line) => [line.amount, line.balanceAfter])).toEqual([[5, 5]]);
  });
});

describe('ListCreditPackagesHandler', () => {
  it('lists the packages on sale, cheapest first, then by name', async () => {
    const { finder, packages } = setUp();
    packages.seed(
      CreditPackageMother.onSale({ name: 'Single', priceCents: 1_200 }),
      CreditPackageMother.onSale({ name: 'Pair', priceCents: 2_000 }),
      CreditPackageMother.onSale({ name: 'Another trial', priceCents: 1_200 }),
      CreditPackageMother.retired({ name: 'Old', priceCents: 100 }),
    );
    const sold = await new ListCreditPackagesHandler(finder).handle();
    expect(sold.map(({ name, priceCents }) => [name, priceCents])).toEqual([
      ['Another trial', 1_200],
      ['Single', 1_200],
      ['Pair', 2_000],
    ]);
    expect(sold[0]).toEqual({
      id: expect.any(String),
      name: 'Another trial',
      credits: 10,
      priceCents: 1_200,
      currency: 'EUR',
      validityDays: 90,
    });
  });
});

describe('GetPurchaseHandler', () => {
  async function bought() {
    const fakes = setUp();
    const creditPackage = CreditPackageMother.onSale();
    fakes.packages.seed(creditPackage);
    const purchasing = new PurchaseCreditsHandler(fakes.uow, fakes.uow, fakes.gateway, fakes.ids, fakes.clock);
    const view = await purchasing.handle({
      actor: creditActor('member'),
      packageId: creditPackage.id,
      paymentMethodId: 'pm_card_threeDSecure2Required',
      requestKey: null,
    });
    const getting = new GetPurchaseHandler(fakes.finder);
    const get = (who: CreditCastMember, purchaseId = view.id) => getting.handle({ actor: creditActor(who), purchaseId });
    return { view, get };
  }

  it('shows the purchase to its member, with the client secret that completes 3-D Secure', async () => {
    const { view, get } = await bought();
    expect(view.clientSecret).toEqual(expect.any(String));
    await expect(get('member')).resolves.toEqual(view);
  });

  it('shows the purchase to an admin without its client secret (only its customer may complete the payment)', async () => {
    const { view, get } = await bought();
    await expect(get('admin')).resolves.toEqual({ ...view, clientSecret: null });
  });

  it.each(['otherMember', 'trainer'] as const)('answers NOT_FOUND to %s, so purchase ids cannot be probed', async (who) => {
    const { get } = await bought();
    await expect(get(who)).rejects.toBeInstanceOf(PurchaseNotFoundError);
  });

  it('answers NOT_FOUND for an unknown purchase', async () => {
    const { get } = await bought();
    await expect(get('member', 'eeeeeeee-0000-4000-8000-000000000001')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
