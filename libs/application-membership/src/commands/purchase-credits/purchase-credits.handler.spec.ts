import { describe, expect, it } from 'vitest';
import { CREDITS_PURCHASED, CreditPackageNotFoundError, PaymentFailedError } from '@fitflow/domain-membership';
import { PaymentUnavailableError } from '../../errors';
import {
  CREDIT_CAST,
  type CreditCastMember,
  CreditPackageMother,
  DECLINE_REASON,
  FAKE_NOW,
  ScriptedPaymentGateway,
  createCreditFakes,
  creditActor,
} from '../../testing';
import { PurchaseCreditsHandler, chargeKeyOf } from './purchase-credits.handler';

const MEMBER = CREDIT_CAST.member.userId;

interface Purchasing {
  card?: string;
  requestKey?: string;
  packageId?: string;
  who?: CreditCastMember;
}

function setUp() {
  const fakes = createCreditFakes();
  const tenClasses = CreditPackageMother.onSale();
  fakes.packages.seed(tenClasses);
  const handler = new PurchaseCreditsHandler(fakes.uow, fakes.uow, fakes.gateway, fakes.ids, fakes.clock);
  const buy = ({ card = 'pm_card_visa', requestKey, packageId = tenClasses.id, who = 'member' }: Purchasing = {}) =>
    handler.handle({ actor: creditActor(who), packageId, paymentMethodId: card, requestKey: requestKey ?? null });
  return { ...fakes, tenClasses, buy };
}

describe('PurchaseCreditsHandler', () => {
  it('charges the package’s price once, under the purchase’s own key, and answers the succeeded purchase', async () => {
    const { buy, gateway, tenClasses } = setUp();
    const view = await buy({ requestKey: 'key-1' });
    expect(view).toEqual({
      id: expect.any(String),
      packageId: tenClasses.id,
      packageName: '10 classes',
      status: 'succeeded',
      credits: 10,
      priceCents: 9_000,
      currency: 'EUR',
      clientSecret: null,
      failureReason: null,
      createdAt: FAKE_NOW,
    });
    expect(gateway.calls).toEqual([
      {
        purchaseId: view.id,
        memberId: MEMBER,
        amountCents: 9_000,
        currency: 'EUR',
        paymentMethodId: 'pm_card_visa',
        description: 'FitFlow: 10 classes',
        idempotencyKey: `fitflow-purchase-${view.id}`,
      },
    ]);
    expect(chargeKeyOf(view.id)).toBe(`fitflow-purchase-${view.id}`);
  });

  it('adds the credits once, with a purchase line and a CreditsPurchased that name the purchase', async () => {
    const { buy, memberships, purchases } = setUp();
    const view = await buy();
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.row(MEMBER)?.validUntil).toEqual(new Date('2027-03-01T07:00:00.000Z'));
    expect(memberships.ledgerOf(MEMBER)).toMatchObject([{ type: 'purchase', amount: 10, balanceAfter: 10, purchaseId: view.id }]);
    expect(memberships.outbox).toMatchObject([
      { type: CREDITS_PURCHASED, payload: { purchaseId: view.id, memberEmail: 'mo@example.com', credits: 10, priceCents: 9_000 } },
    ]);
    expect(purchases.row(view.id)).toMatchObject({ status: 'succeeded', paymentIntentId: 'pi_fake_1', memberId: MEMBER });
  });

  it('commits a declined purchase as failed, adds nothing, and throws PAYMENT_FAILED with the card’s reason', async () => {
    const { buy, purchases, memberships } = setUp();
    const declined = buy({ card: 'pm_card_chargeDeclined' });
    await expect(declined).rejects.toBeInstanceOf(PaymentFailedError);
    await expect(declined).rejects.toMatchObject({ code: 'PAYMENT_FAILED', reason: DECLINE_REASON });
    expect(purchases.rows()).toMatchObject([{ status: 'failed', failureReason: DECLINE_REASON, paymentIntentId: 'pi_fake_1' }]);
    expect(memberships.balanceOf(MEMBER)).toBe(0);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
    expect(memberships.outbox).toEqual([]);
  });

  it('answers requires_action with the client secret for 3-D Secure, and adds nothing yet', async () => {
    const { buy, memberships, purchases } = setUp();
    const view = await buy({ card: 'pm_card_threeDSecure2Required' });
    expect(view).toMatchObject({ status: 'requires_action', clientSecret: ScriptedPaymentGateway.clientSecretOf('pi_fake_1') });
    expect(purchases.row(view.id)).toMatchObject({ status: 'requires_action', paymentIntentId: 'pi_fake_1' });
    expect(memberships.balanceOf(MEMBER)).toBe(0);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
  });

  it('leaves a purchase whose payment is still processing pending, for the webhook to finish', async () => {
    const { buy, gateway, memberships, purchases } = setUp();
    gateway.thenAnswer('processing');
    const view = await buy();
    expect(view.status).toBe('pending');
    expect(purchases.row(view.id)).toMatchObject({ status: 'pending', paymentIntentId: 'pi_fake_1' });
    expect(memberships.balanceOf(MEMBER)).toBe(0);
  });

  describe('retried with the same request key', () => {
    it('answers the succeeded purchase again, without a second charge or a second purchase', async () => {
      const { buy, gateway, purchases, memberships } = setUp();
      const first = await buy({ requestKey: 'key-1' });
      const again = await buy({ requestKey: 'key-1' });
      expect(again).toEqual(first);
      expect(gateway.calls).toHaveLength(1);
      expect(purchases.rows()).toHaveLength(1);
      expect(memberships.balanceOf(MEMBER)).toBe(10);
      expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
    });

    it('answers the same 3-D Secure step again', async () => {
      const { buy, gateway, purchases } = setUp();
      const first = await buy({ card: 'pm_card_threeDSecure2Required', requestKey: 'key-1' });
      await expect(buy({ card: 'pm_card_threeDSecure2Required', requestKey: 'key-1' })).resolves.toEqual(first);
      expect(gateway.calls).toHaveLength(1);
      expect(purchases.rows()).toHaveLength(1);
    });

    it('throws the same PAYMENT_FAILED again without charging the card again', async () => {
      const { buy, gateway, purchases } = setUp();
      await expect(buy({ card: 'pm_card_chargeDeclined', requestKey: 'key-1' })).rejects.toBeInstanceOf(PaymentFailedError);
      await expect(buy({ card: 'pm_card_chargeDeclined', requestKey: 'key-1' })).rejects.toMatchObject({ reason: DECLINE_REASON });
      expect(gateway.calls).toHaveLength(1);
      expect(purchases.rows()).toHaveLength(1);
    });

    it('finishes a purchase whose gateway did not answer, charging under the same key: UNAVAILABLE first, credits once', async () => {
      const { buy, gateway, purchases, memberships } = setUp();
      const outage = new Error('connect ECONNREFUSED');
      gateway.thenAnswer(outage);
      const unanswered = buy({ requestKey: 'key-1' });
      await expect(unanswered).rejects.toBeInstanceOf(PaymentUnavailableError);
      await expect(unanswered).rejects.toMatchObject({ code: 'UNAVAILABLE', cause: outage });
      expect(purchases.rows()).toMatchObject([{ status: 'pending', paymentIntentId: null }]);
      expect(memberships.balanceOf(MEMBER)).toBe(0);

      const retried = await buy({ requestKey: 'key-1' });
      expect(retried).toMatchObject({ id: purchases.rows()[0]?.id, status: 'succeeded' });
      expect(gateway.calls.map((call) => call.idempotencyKey)).toEqual([chargeKeyOf(retried.id), chargeKeyOf(retried.id)]);
      expect(purchases.rows()).toHaveLength(1);
      expect(memberships.balanceOf(MEMBER)).toBe(10);
    });

    it('gives up a purchase still pending a day later (the gateway forgets its key) instead of charging it again', async () => {
      const { buy, gateway, clock, purchases, memberships } = setUp();
      gateway.thenAnswer(new Error('connect ECONNREFUSED'));
      await expect(buy({ requestKey: 'key-1' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      clock.advanceMinutes(23 * 60);
      await expect(buy({ requestKey: 'key-1' })).rejects.toMatchObject({ code: 'PAYMENT_FAILED' });
      expect(purchases.rows()).toMatchObject([{ status: 'failed', failureReason: expect.stringContaining('Start a new purchase') }]);
      expect(gateway.calls).toHaveLength(1);
      expect(memberships.balanceOf(MEMBER)).toBe(0);
    });

    it('credits once when the same request arrives twice at once', async () => {
      const { buy, purchases, memberships } = setUp();
      const [one, two] = await Promise.all([buy({ requestKey: 'key-1' }), buy({ requestKey: 'key-1' })]);
      expect(two.id).toBe(one.id);
      expect(purchases.rows()).toHaveLength(1);
      expect(memberships.balanceOf(MEMBER)).toBe(10);
      expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
    });

    it('keeps request keys apart per member', async () => {
      const { buy, purchases, memberships } = setUp();
      const mine = await buy({ requestKey: 'key-1' });
      const theirs = await buy({ requestKey: 'key-1', who: 'otherMember' });
      expect(theirs.id).not.toBe(mine.id);
      expect(purchases.rows()).toHaveLength(2);
      expect(memberships.balanceOf(CREDIT_CAST.otherMember.userId)).toBe(10);
    });
  });

  it('starts a new purchase and a new charge for each request without a key', async () => {
    const { buy, gateway, purchases, memberships } = setUp();
    await buy();
    await buy();
    expect(purchases.rows()).toHaveLength(2);
    expect(new Set(gateway.calls.map((call) => call.idempotencyKey)).size).toBe(2);
    expect(memberships.balanceOf(MEMBER)).toBe(20);
    expect(memberships.ledgerOf(MEMBER).map((line) => line.balanceAfter)).toEqual([10, 20]);
  });

  it.each([
    ['a retired package', () => CreditPackageMother.retired()],
    ['an unknown package', () => null],
  ])('answers NOT_FOUND for %s, charging nothing and starting nothing', async (_, stored) => {
    const { buy, packages, gateway, purchases } = setUp();
    const creditPackage = stored();
    if (creditPackage) packages.seed(creditPackage);
    const packageId = creditPackage?.id ?? 'dddddddd-0000-4000-8000-999999999999';
    await expect(buy({ packageId, requestKey: 'key-1' })).rejects.toBeInstanceOf(CreditPackageNotFoundError);
    await expect(buy({ packageId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(gateway.calls).toEqual([]);
    expect(purchases.rows()).toEqual([]);
  });
});
