import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../testing/fake-stripe';
import { BadSignatureError } from './payment-errors';
import { createStripeClient, StripePaymentGateway } from './stripe-payment-gateway';
import { StripeWebhookVerifier } from './stripe-webhook-verifier';

describe('StripeWebhookVerifier', () => {
  let stripe: FakeStripe;
  let gateway: StripePaymentGateway;
  let verifier: StripeWebhookVerifier;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    gateway = new StripePaymentGateway(createStripeClient(stripe.secretKey, { apiBase: stripe.baseUrl }));
    verifier = new StripeWebhookVerifier(stripe.webhookSecret);
  });

  afterAll(() => stripe.close());

  /** A PaymentIntent at the fake, made the way FitFlow makes them. */
  async function intentFor(paymentMethodId: string): Promise<{ intentId: string; purchaseId: string }> {
    const purchaseId = randomUUID();
    const outcome = await gateway.charge({
      purchaseId,
      memberId: randomUUID(),
      amountCents: 2_500,
      currency: 'EUR',
      paymentMethodId,
      description: '5-class pack',
      idempotencyKey: randomUUID(),
    });
    return { intentId: outcome.paymentIntentId as string, purchaseId };
  }

  /** A signed event of any type, for what the fake does not send. */
  function signed(event: object, secret = stripe.webhookSecret): { body: Buffer; signature: string } {
    const payload = JSON.stringify(event);
    return { body: Buffer.from(payload), signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  it('reads a verified payment_intent.succeeded as the purchase succeeding', async () => {
    const { intentId, purchaseId } = await intentFor('pm_card_threeDSecure2Required');
    stripe.completeAuthentication(intentId, true);
    const { payload, signature } = stripe.webhook(intentId, 'payment_intent.succeeded', { eventId: 'evt_succeeded_1' });

    expect(verifier.verify(Buffer.from(payload), signature)).toEqual({
      id: 'evt_succeeded_1',
      kind: 'succeeded',
      paymentIntentId: intentId,
      purchaseId,
      reason: null,
    });
  });

  it('reads a verified payment_intent.payment_failed with the reason Stripe gives', async () => {
    const declined = await intentFor('pm_card_chargeDeclinedInsufficientFunds');
    const failedAuthentication = await intentFor('pm_card_threeDSecure2Required');
    stripe.completeAuthentication(failedAuthentication.intentId, false);

    const decline = stripe.webhook(declined.intentId, 'payment_intent.payment_failed');
    expect(verifier.verify(Buffer.from(decline.payload), decline.signature)).toEqual({
      id: expect.stringMatching(/^evt_/),
      kind: 'failed',
      paymentIntentId: declined.intentId,
      purchaseId: declined.purchaseId,
      reason: 'Your card has insufficient funds.',
    });
    const authentication = stripe.webhook(failedAuthentication.intentId, 'payment_intent.payment_failed');
    expect(verifier.verify(Buffer.from(authentication.payload), authentication.signature)).toMatchObject({
      kind: 'failed',
      purchaseId: failedAuthentication.purchaseId,
      reason: expect.stringMatching(/^The provided PaymentMethod has failed authentication\./),
    });
  });

  it('reads a replayed delivery as the same event, so its id can be handled once', async () => {
    const { intentId } = await intentFor('pm_card_visa');
    const first = stripe.webhook(intentId, 'payment_intent.succeeded', { eventId: 'evt_replayed' });
    const replay = stripe.webhook(intentId, 'payment_intent.succeeded', { eventId: 'evt_replayed' });

    expect(replay.payload).toBe(first.payload);
    const event = verifier.verify(Buffer.from(first.payload), first.signature);
    expect(event?.id).toBe('evt_replayed');
    expect(verifier.verify(Buffer.from(replay.payload), replay.signature)).toEqual(event);
  });

  it('refuses a body changed after signing, even one only parsed and serialised again', async () => {
    const { intentId, purchaseId } = await intentFor('pm_card_visa');
    const { payload, signature } = stripe.webhook(intentId, 'payment_intent.succeeded');

    const otherPurchase = Buffer.from(payload.replace(purchaseId, randomUUID()));
    expect(() => verifier.verify(otherPurchase, signature)).toThrow(BadSignatureError);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(payload)));
    expect(() => verifier.verify(reserialised, signature)).toThrow(BadSignatureError);
  });

  it('refuses a signature made with another secret, a missing one, an old one, and any when no secret is configured', async () => {
    const { intentId } = await intentFor('pm_card_visa');
    const { payload, signature } = stripe.webhook(intentId, 'payment_intent.succeeded');
    const body = Buffer.from(payload);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const old = Stripe.webhooks.generateTestHeaderString({ payload, secret: stripe.webhookSecret, timestamp: tenMinutesAgo });

    expect(() => new StripeWebhookVerifier('whsec_another_endpoint').verify(body, signature)).toThrow(BadSignatureError);
    expect(() => verifier.verify(body, undefined)).toThrow(BadSignatureError);
    expect(() => verifier.verify(body, '')).toThrow(BadSignatureError);
    expect(() => verifier.verify(body, 'not a signature')).toThrow(BadSignatureError);
    expect(() => verifier.verify(body, old)).toThrow(BadSignatureError);
    expect(() => new StripeWebhookVerifier(undefined).verify(body, signature)).toThrow(BadSignatureError);
    expect(() => new StripeWebhookVerifier(undefined).verify(body, signature)).toThrow(/cannot be verified here/);
    expect(() => verifier.verify(body, signature)).not.toThrow();
  });

  it('gives the BAD_SIGNATURE code the HTTP layer maps to 400', () => {
    expect(() => verifier.verify(Buffer.from('{}'), 't=1,v1=00')).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
  });

  it('ignores other event types, and reads a payment FitFlow did not start as having no purchase', () => {
    const charge = signed({ id: 'evt_charge', object: 'event', type: 'charge.succeeded', data: { object: { id: 'ch_1' } } });
    expect(verifier.verify(charge.body, charge.signature)).toBeNull();
    const created = signed({ id: 'evt_created', object: 'event', type: 'payment_intent.created', data: { object: { id: 'pi_1' } } });
    expect(verifier.verify(created.body, created.signature)).toBeNull();

    const foreign = signed({
      id: 'evt_foreign',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_dashboard', object: 'payment_intent', metadata: {} } },
    });
    expect(verifier.verify(foreign.body, foreign.signature)).toEqual({
      id: 'evt_foreign',
      kind: 'succeeded',
      paymentIntentId: 'pi_dashboard',
      purchaseId: null,
      reason: null,
    });
  });
});
