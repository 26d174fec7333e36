import Stripe from 'stripe';
import type { ChargeOutcome, ChargeRequest, PaymentGateway } from '@fitflow/application-membership';
import { PaymentGatewayError } from './payment-errors';

export interface StripeClientOptions {
  /** `http://127.0.0.1:12111`: where the SDK sends its requests instead of api.stripe.com (a fake, in tests). */
  apiBase?: string;
  /**
   * Retries of a request that got no answer or a 5xx, by the SDK, with the same idempotency key (so never a second
   * charge). One is enough: beyond that the member is waiting, and the purchase stays pending for a later retry.
   */
  maxNetworkRetries?: number;
  /** Per attempt. A confirm can take seconds at the card network; the member's request waits for it. */
  timeoutMs?: number;
}

/** The official SDK, pointed at `apiBase` when one is given. */
export function createStripeClient(secretKey: string, options: StripeClientOptions = {}): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    timeout: options.timeoutMs ?? 20_000,
    ...(options.apiBase ? hostOf(options.apiBase) : {}),
  });
}

function hostOf(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/**
 * Charges with Stripe's PaymentIntents: one intent per purchase, created and confirmed in one call under the
 * purchase's idempotency key, so a retried purchase gets the same intent back instead of charging twice. Cards only,
 * confirmed on the server with the PaymentMethod the browser made; 3-D Secure comes back as `requires_action` for the
 * browser to finish with the client secret, and the webhook tells how it ended.
 */
export class StripePaymentGateway implements PaymentGateway {
  constructor(private readonly stripe: Stripe) {}

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          payment_method: request.paymentMethodId,
          confirm: true,
          // Cards only: they never redirect (3-D Secure runs in the page), so no return_url is needed.
          allowed_payment_method_types: ['card'],
          description: request.description,
          metadata: { purchaseId: request.purchaseId, memberId: request.memberId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
    } catch (error) {
      const refusal = refusalIn(error);
      if (refusal) return refusal;
      throw new PaymentGatewayError(`Stripe gave no answer to the charge of purchase ${request.purchaseId}`, { cause: error });
    }
    return outcomeOf(intent);
  }
}

/** Stripe's answers that are the card's or the member's verdict, not an outage. */
function refusalIn(error: unknown): ChargeOutcome | null {
  // A decline: HTTP 402, the message is the one to show ("Your card was declined.").
  if (error instanceof Stripe.errors.StripeCardError) {
    return { status: 'failed', paymentIntentId: error.payment_intent?.id ?? null, reason: error.message };
  }
  // A PaymentMethod that does not exist or cannot be used: the same request can never succeed.
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method') {
    return { status: 'failed', paymentIntentId: error.payment_intent?.id ?? null, reason: error.message };
  }
  return null;
}

function outcomeOf(intent: Stripe.PaymentIntent): ChargeOutcome {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', paymentIntentId: intent.id };
    case 'processing':
      return { status: 'processing', paymentIntentId: intent.id };
    case 'requires_action':
      if (!intent.client_secret) break;
      return { status: 'requires_action', paymentIntentId: intent.id, clientSecret: intent.client_secret };
    case 'requires_payment_method':
      return { status: 'failed', paymentIntentId: intent.id, reason: intent.last_payment_error?.message ?? 'The payment was declined.' };
  }
  throw new PaymentGatewayError(`Stripe answered PaymentIntent ${intent.id} in the unexpected state ${intent.status}`);
}
