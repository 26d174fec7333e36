import { DomainError } from '@fitflow/domain-shared';

/**
 * A webhook whose `Stripe-Signature` does not prove it came from Stripe with this body, recently: missing, forged,
 * signed with another secret, replayed too late, or no secret configured to check it with. Answered 400, so a real
 * Stripe delivery that fails here shows up in Stripe's dashboard instead of being dropped in silence.
 */
export class BadSignatureError extends DomainError {
  readonly code = 'BAD_SIGNATURE';
}

/**
 * The gateway gave no verdict on a charge (unreachable, timed out, 5xx, refused our key, or answered a state FitFlow
 * does not expect). Not the member's fault and not a decline: the purchase stays pending, and a retry with the same
 * idempotency key, or the webhook, finishes it. The SDK's error is the `cause`.
 */
export class PaymentGatewayError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaymentGatewayError';
  }
}
