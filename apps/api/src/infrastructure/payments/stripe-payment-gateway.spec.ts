import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargeRequest } from '@fitflow/application-membership';
import { startFakeStripe, type FakeStripe } from '../../testing/fake-stripe';
import { PaymentGatewayError } from './payment-errors';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';

function chargeOf(paymentMethodId: string, overrides: Partial<ChargeRequest> = {}): ChargeRequest {
  return {
    purchaseId: randomUUID(),
    memberId: randomUUID(),
    amountCents: 4_900,
    currency: 'EUR',
    paymentMethodId,
    description: '10-class pack',
    idempotencyKey: `purchase-${randomUUID()}`,
    ...overrides,
  };
}

describe('StripePaymentGateway against the fake Stripe (the official SDK over real HTTP)', () => {
  let stripe: FakeStripe;
  let gateway: StripePaymentGateway;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    gateway = new StripePaymentGateway(createStripeClient(stripe.secretKey, { apiBase: stripe.baseUrl }));
  });

  afterAll(() => stripe.close());

  it('creates and confirms one PaymentIntent with the amount, the lower-cased currency and the purchase in its metadata', async () => {
    const request = chargeOf('pm_card_visa');
    const outcome = await gateway.charge(request);

    expect(outcome).toEqual({ status: 'succeeded', paymentIntentId: expect.stringMatching(/^pi_/) });
    const intent = stripe.intent(outcome.paymentIntentId as string);
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 4_900,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      description: '10-class pack',
      metadata: { purchaseId: request.purchaseId, memberId: request.memberId },
      allowed_payment_method_types: ['card'],
    });
    expect(stripe.intentsCreated(request.idempotencyKey)).toBe(1);
  });

  it.each([
    ['pm_card_chargeDeclined', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'Your card has insufficient funds.'],
  ])('answers a decline (%s) as failed, with the card reason and the declined intent', async (paymentMethodId, reason) => {
    const outcome = await gateway.charge(chargeOf(paymentMethodId));

    expect(outcome).toEqual({ status: 'failed', paymentIntentId: expect.stringMatching(/^pi_/), reason });
    expect(stripe.intent(outcome.paymentIntentId as string)?.status).toBe('requires_payment_method');
  });

  it('answers a card that asks for 3-D Secure as requires_action with the intent client secret', async () => {
    const outcome = await gateway.charge(chargeOf('pm_card_threeDSecure2Required'));

    expect(outcome.status).toBe('requires_action');
    const intent = stripe.intent(outcome.paymentIntentId as string);
    expect(intent?.status).toBe('requires_action');
    expect(outcome).toEqual({ status: 'requires_action', paymentIntentId: intent?.id, clientSecret: intent?.client_secret });
  });

  it('answers a PaymentMethod Stripe does not know as failed, creating nothing', async () => {
    const request = chargeOf('pm_made_up');
    const outcome = await gateway.charge(request);

    expect(outcome).toEqual({ status: 'failed', paymentIntentId: null, reason: "No such PaymentMethod: 'pm_made_up'" });
    expect(stripe.intentsCreated(request.idempotencyKey)).toBe(0);
  });

  it('gets the same intent back for the same idempotency key, whatever the verdict, and creates it once', async () => {
    for (const paymentMethodId of ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_threeDSecure2Required']) {
      const request = chargeOf(paymentMethodId);
      const before = stripe.intentsCreated();

      const first = await gateway.charge(request);
      const retried = await gateway.charge(request);

      expect(retried).toEqual(first);
      expect(stripe.intentsCreated(request.idempotencyKey)).toBe(1);
      expect(stripe.intentsCreated()).toBe(before + 1);
    }
  });

  it('lets the SDK retry one 500 under the same key, so an outage that passes creates one intent', async () => {
    const request = chargeOf('pm_card_visa');
    stripe.failNextRequests(1);

    await expect(gateway.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
    expect(stripe.intentsCreated(request.idempotencyKey)).toBe(1);
  });

  it('throws with the SDK error as the cause when Stripe keeps failing, and a later retry with the key finishes the charge', async () => {
    const request = chargeOf('pm_card_visa');
    stripe.failNextRequests(2);

    const error = await gateway.charge(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentGatewayError);
    expect((error as Error).cause).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(stripe.intentsCreated(request.idempotencyKey)).toBe(0);

    await expect(gateway.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
    expect(stripe.intentsCreated(request.idempotencyKey)).toBe(1);
  });

  it('throws when Stripe refuses the key, and when Stripe cannot be reached', async () => {
    const wrongKey = new StripePaymentGateway(createStripeClient('sk_live_not_for_tests', { apiBase: stripe.baseUrl }));
    const refused = await wrongKey.charge(chargeOf('pm_card_visa')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaymentGatewayError);
    expect((refused as Error).cause).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);

    const closed = await startFakeStripe();
    await closed.close();
    const unreachable = new StripePaymentGateway(createStripeClient(closed.secretKey, { apiBase: closed.baseUrl, maxNetworkRetries: 0 }));
    const lost = await unreachable.charge(chargeOf('pm_card_visa')).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(PaymentGatewayError);
    expect((lost as Error).cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });

  it('reads processing, and requires_payment_method as failed with its last error; throws on a state it does not know', async () => {
    const expired = { message: 'Your card has expired.' };
    const answers = [
      { id: 'pi_processing', object: 'payment_intent', status: 'processing', last_payment_error: null },
      { id: 'pi_rpm', object: 'payment_intent', status: 'requires_payment_method', last_payment_error: expired },
      { id: 'pi_canceled', object: 'payment_intent', status: 'canceled', last_payment_error: null },
    ];
    // Not states the fake answers a create+confirm with: a server that answers these intents in turn.
    const server = createServer((request, response) => {
      const answer = JSON.stringify(answers.shift());
      request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const answering = new StripePaymentGateway(createStripeClient('sk_test_any', { apiBase }));

      expect(await answering.charge(chargeOf('pm_card_visa'))).toEqual({ status: 'processing', paymentIntentId: 'pi_processing' });
      const outcome = await answering.charge(chargeOf('pm_card_visa'));
      expect(outcome).toEqual({ status: 'failed', paymentIntentId: 'pi_rpm', reason: 'Your card has expired.' });
      await expect(answering.charge(chargeOf('pm_card_visa'))).rejects.toThrow(/unexpected state canceled/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
