import { createHash, randomBytes } from 'node:crypto';
import type { ChargeOutcome, ChargeRequest, PaymentEvent, PaymentGateway } from '@fitflow/application-membership';

type TestCard = { verdict: 'succeeds' } | { verdict: 'asks for 3-D Secure' } | { verdict: 'declined'; reason: string };

/** Stripe's own test PaymentMethod ids, answered as Stripe's test mode answers them. */
const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { verdict: 'succeeds' },
  pm_card_mastercard: { verdict: 'succeeds' },
  pm_card_chargeDeclined: { verdict: 'declined', reason: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: { verdict: 'declined', reason: 'Your card has insufficient funds.' },
  pm_card_threeDSecure2Required: { verdict: 'asks for 3-D Secure' },
};

const UNKNOWN_CARD: TestCard = { verdict: 'declined', reason: 'This test card is not known in test mode' };

/**
 * The embedded default when no Stripe key is configured, so `npm start` sells credits out of the box: it charges no
 * one and takes only Stripe's test PaymentMethod ids. It keeps no state: the intent id is a hash of the idempotency
 * key, so a retried purchase, in any process, gets the same intent back, and the verdict is the card's. The 3-D
 * Secure page and the webhook after it are `authenticate`, which a test-mode-only route calls.
 */
export class TestModePaymentGateway implements PaymentGateway {
  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const paymentIntentId = `pi_test_${digest('intent', request.idempotencyKey)}`;
    const card = TEST_CARDS[request.paymentMethodId] ?? UNKNOWN_CARD;
    switch (card.verdict) {
      case 'succeeds':
        return { status: 'succeeded', paymentIntentId };
      case 'asks for 3-D Secure': {
        const clientSecret = `${paymentIntentId}_secret_${digest('secret', request.idempotencyKey)}`;
        return { status: 'requires_action', paymentIntentId, clientSecret };
      }
      case 'declined':
        return { status: 'failed', paymentIntentId, reason: card.reason };
    }
  }

  /**
   * The member's answer on the stand-in 3-D Secure page, as the webhook that Stripe would send after it. Each call is
   * a new event (a new id), as a second authentication attempt at Stripe would be.
   */
  authenticate(paymentIntentId: string, outcome: 'succeed' | 'fail', purchaseId: string): PaymentEvent {
    const id = `evt_test_${randomBytes(12).toString('hex')}`;
    return outcome === 'succeed'
      ? { id, kind: 'succeeded', paymentIntentId, purchaseId, reason: null }
      : { id, kind: 'failed', paymentIntentId, purchaseId, reason: 'The card holder did not complete authentication.' };
  }
}

/** 24 hex characters of SHA-256 over a purpose and a value: stable, and distinct per purpose. */
function digest(purpose: string, value: string): string {
  return createHash('sha256').update(`${purpose}:${value}`).digest('hex').slice(0, 24);
}
