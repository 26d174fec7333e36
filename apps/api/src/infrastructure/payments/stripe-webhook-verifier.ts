import Stripe from 'stripe';
import type { PaymentEvent } from '@fitflow/application-membership';
import { BadSignatureError } from './payment-errors';

/**
 * Stripe's webhooks, believed only when their `Stripe-Signature` proves them: an HMAC of the timestamp and the raw
 * body with the endpoint's secret, checked offline by the SDK, the timestamp within `toleranceSeconds` so a captured
 * delivery cannot be replayed later. The body must be the bytes as they arrived: parsed and serialised again, it
 * no longer matches. (A replay inside the window is caught by the event id, which is handled once.)
 */
export class StripeWebhookVerifier {
  constructor(
    private readonly secret: string | undefined,
    private readonly toleranceSeconds = Stripe.webhooks.DEFAULT_TOLERANCE,
  ) {}

  /** The payment event the webhook carries; null for an event type FitFlow does not act on. */
  verify(rawBody: Buffer, signature: string | undefined): PaymentEvent | null {
    return paymentEventOf(this.#construct(rawBody, signature));
  }

  #construct(rawBody: Buffer, signature: string | undefined): Stripe.Event {
    if (!this.secret) throw new BadSignatureError('The webhook’s signature cannot be verified here');
    if (!signature) throw new BadSignatureError('The webhook has no Stripe-Signature header');
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, this.secret, this.toleranceSeconds);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new BadSignatureError(`The webhook's signature does not hold: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
}

function paymentEventOf(event: Stripe.Event): PaymentEvent | null {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return { id: event.id, kind: 'succeeded', paymentIntentId: intent.id, purchaseId: purchaseIdOf(intent), reason: null };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const reason = intent.last_payment_error?.message ?? 'The payment failed.';
      return { id: event.id, kind: 'failed', paymentIntentId: intent.id, purchaseId: purchaseIdOf(intent), reason };
    }
    default:
      return null;
  }
}

/** Set by `StripePaymentGateway`; absent on a payment FitFlow did not start (made in the dashboard, say). */
function purchaseIdOf(intent: Stripe.PaymentIntent): string | null {
  return intent.metadata?.['purchaseId'] ?? null;
}
