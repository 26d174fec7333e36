import type { PaymentEvent, PaymentGateway } from '@fitflow/application-membership';
import type { AppConfig } from '../../config';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';
import { StripeWebhookVerifier } from './stripe-webhook-verifier';
import { TestModePaymentGateway } from './test-mode-payment-gateway';

export interface PaymentWebhooks {
  /** The verified event on the raw body; null for an event type FitFlow ignores. Throws `BadSignatureError`. */
  verify(rawBody: Buffer, signature: string | undefined): PaymentEvent | null;
}

export interface PaymentsSetting {
  /** What the SPA shows: Stripe Elements (`stripe`), or the labelled test card picker (`test`). */
  mode: 'stripe' | 'test';
  /** For Stripe Elements; null in test mode, and in Stripe mode when none is configured. */
  publishableKey: string | null;
}

export interface Payments extends PaymentsSetting {
  gateway: PaymentGateway;
  webhooks: PaymentWebhooks;
  /** The test-mode gateway, for its stand-in 3-D Secure route; null in Stripe mode, where that route must not exist. */
  testMode: TestModePaymentGateway | null;
}

/**
 * The payment adapters the configuration asks for: Stripe when `STRIPE_SECRET_KEY` is set, the test-mode gateway
 * otherwise. Webhooks are verified with `STRIPE_WEBHOOK_SECRET` in both modes (without it every webhook is refused).
 */
export function createPayments(config: Pick<AppConfig, 'stripe'>): Payments {
  const { secretKey, webhookSecret, apiBase } = config.stripe;
  const setting = paymentsSetting(config);
  const webhooks = new StripeWebhookVerifier(webhookSecret);
  if (secretKey) {
    const gateway = new StripePaymentGateway(createStripeClient(secretKey, apiBase ? { apiBase } : {}));
    return { ...setting, gateway, webhooks, testMode: null };
  }
  const testMode = new TestModePaymentGateway();
  return { ...setting, gateway: testMode, webhooks, testMode };
}

/** Which gateway the configuration picks, for the SPA (GET /studio) and for `createPayments`: decided here only. */
export function paymentsSetting({ stripe }: Pick<AppConfig, 'stripe'>): PaymentsSetting {
  return stripe.secretKey ? { mode: 'stripe', publishableKey: stripe.publishableKey ?? null } : { mode: 'test', publishableKey: null };
}
