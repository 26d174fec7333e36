import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { startFakeStripe, type FakeStripe } from '../../testing/fake-stripe';
import { createPayments } from './payments';
import { TestModePaymentGateway } from './test-mode-payment-gateway';

describe('createPayments', () => {
  let stripe: FakeStripe;

  beforeAll(async () => {
    stripe = await startFakeStripe();
  });

  afterAll(() => stripe.close());

  const charge = () => ({
    purchaseId: randomUUID(),
    memberId: randomUUID(),
    amountCents: 1_500,
    currency: 'EUR',
    paymentMethodId: 'pm_card_visa',
    description: 'Drop-in',
    idempotencyKey: randomUUID(),
  });

  it('runs the test-mode gateway when no Stripe key is configured', async () => {
    const payments = createPayments(loadConfig({}));

    expect(payments).toMatchObject({ mode: 'test', publishableKey: null });
    expect(payments.testMode).toBeInstanceOf(TestModePaymentGateway);
    expect(payments.gateway).toBe(payments.testMode);
    const outcome = await payments.gateway.charge(charge());
    expect(outcome).toMatchObject({ status: 'succeeded', paymentIntentId: expect.stringMatching(/^pi_test_/) });
  });

  it('charges with Stripe at STRIPE_API_BASE when a key is configured, and verifies webhooks with its secret', async () => {
    const payments = createPayments(
      loadConfig({
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_PUBLISHABLE_KEY: 'pk_test_fitflow',
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.baseUrl,
      }),
    );
    expect(payments).toMatchObject({ mode: 'stripe', publishableKey: 'pk_test_fitflow', testMode: null });

    const before = stripe.intentsCreated();
    const outcome = await payments.gateway.charge(charge());
    expect(outcome.status).toBe('succeeded');
    expect(stripe.intentsCreated()).toBe(before + 1);
    const { payload, signature } = stripe.webhook(outcome.paymentIntentId as string, 'payment_intent.succeeded');
    const event = payments.webhooks.verify(Buffer.from(payload), signature);
    expect(event).toMatchObject({ kind: 'succeeded', paymentIntentId: outcome.paymentIntentId });
  });
});
