import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChargeRequest } from '@fitflow/application-membership';
import { TestModePaymentGateway } from './test-mode-payment-gateway';

function chargeOf(paymentMethodId: string, idempotencyKey = randomUUID()): ChargeRequest {
  return {
    purchaseId: randomUUID(),
    memberId: randomUUID(),
    amountCents: 4_900,
    currency: 'EUR',
    paymentMethodId,
    description: '10-class pack',
    idempotencyKey,
  };
}

describe('TestModePaymentGateway', () => {
  const gateway = new TestModePaymentGateway();

  it.each(['pm_card_visa', 'pm_card_mastercard'])('lets %s succeed', async (paymentMethodId) => {
    expect(await gateway.charge(chargeOf(paymentMethodId))).toEqual({
      status: 'succeeded',
      paymentIntentId: expect.stringMatching(/^pi_test_[0-9a-f]{24}$/),
    });
  });

  it.each([
    ['pm_card_chargeDeclined', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'Your card has insufficient funds.'],
    ['pm_card_amex', 'This test card is not known in test mode'],
    ['pm_1Q0PsIJvEtkwdCNYMSaVuRz6', 'This test card is not known in test mode'],
  ])('declines %s with the reason %j', async (paymentMethodId, reason) => {
    expect(await gateway.charge(chargeOf(paymentMethodId))).toEqual({
      status: 'failed',
      paymentIntentId: expect.stringMatching(/^pi_test_/),
      reason,
    });
  });

  it('asks for 3-D Secure for pm_card_threeDSecure2Required, with a client secret of the intent', async () => {
    const outcome = await gateway.charge(chargeOf('pm_card_threeDSecure2Required'));

    expect(outcome.status).toBe('requires_action');
    const { paymentIntentId, clientSecret } = outcome as { paymentIntentId: string; clientSecret: string };
    expect(clientSecret).toMatch(new RegExp(`^${paymentIntentId}_secret_[0-9a-f]{24}$`));
  });

  it('answers the same intent for the same idempotency key, in any instance, and another for another key', async () => {
    const key = randomUUID();
    const first = await gateway.charge(chargeOf('pm_card_threeDSecure2Required', key));

    expect(await new TestModePaymentGateway().charge(chargeOf('pm_card_threeDSecure2Required', key))).toEqual(first);
    const other = await gateway.charge(chargeOf('pm_card_threeDSecure2Required'));
    expect(other.paymentIntentId).not.toBe(first.paymentIntentId);
    expect(other).not.toMatchObject({ clientSecret: (first as { clientSecret: string }).clientSecret });
  });

  it('stands in for the 3-D Secure page and its webhook: a new event each time, with a reason when it fails', () => {
    const purchaseId = randomUUID();

    const passed = gateway.authenticate('pi_test_abc', 'succeed', purchaseId);
    const failed = gateway.authenticate('pi_test_abc', 'fail', purchaseId);

    expect(passed).toEqual({
      id: expect.stringMatching(/^evt_test_/),
      kind: 'succeeded',
      paymentIntentId: 'pi_test_abc',
      purchaseId,
      reason: null,
    });
    expect(failed).toEqual({
      id: expect.stringMatching(/^evt_test_/),
      kind: 'failed',
      paymentIntentId: 'pi_test_abc',
      purchaseId,
      reason: 'The card holder did not complete authentication.',
    });
    expect(failed.id).not.toBe(passed.id);
  });
});
