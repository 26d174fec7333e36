import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from './fake-stripe';

describe('the fake Stripe', () => {
  let fake: FakeStripe;
  let stripe: Stripe;

  beforeAll(async () => {
    fake = await startFakeStripe();
    const { hostname, port } = new URL(fake.baseUrl);
    stripe = new Stripe(fake.secretKey, { host: hostname, port, protocol: 'http', maxNetworkRetries: 0 });
  });

  afterAll(() => fake.close());

  const params = (paymentMethod = 'pm_card_visa'): Stripe.PaymentIntentCreateParams => ({
    amount: 1_000,
    currency: 'eur',
    payment_method: paymentMethod,
    confirm: true,
    allowed_payment_method_types: ['card'],
    metadata: { purchaseId: randomUUID() },
  });

  /** The raw HTTP answer, for what the SDK does not show. */
  function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    const authorization = `Bearer ${fake.secretKey}`;
    return fetch(`${fake.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  }

  it('holds a paused create answer, not its effect: the intent and its webhook exist before the answer', async () => {
    const paused = fake.pauseCreates();
    let answered = false;
    const request = params();
    const answer = stripe.paymentIntents.create(request, { idempotencyKey: 'paused-1' }).finally(() => (answered = true));

    const intentId = await paused.created;
    expect(fake.intent(intentId)?.status).toBe('succeeded');
    const { payload, signature } = fake.webhook(intentId, 'payment_intent.succeeded');
    expect(Stripe.webhooks.constructEvent(payload, signature, fake.webhookSecret).type).toBe('payment_intent.succeeded');
    const sameKeyMeanwhile = await stripe.paymentIntents.create(request, { idempotencyKey: 'paused-1' }).catch((e: unknown) => e);
    expect(sameKeyMeanwhile).toMatchObject({ statusCode: 409, code: 'idempotency_key_in_use' });
    expect(answered).toBe(false);

    paused.release();
    expect((await answer).id).toBe(intentId);
    expect(fake.intentsCreated('paused-1')).toBe(1);
  });

  it('replays the first answer to a key, says so, and refuses the key with other parameters', async () => {
    const body = 'amount=1000&currency=eur&payment_method=pm_card_chargeDeclined&confirm=true&allowed_payment_method_types[0]=card';
    const first = await post('/v1/payment_intents', body, { 'idempotency-key': 'replayed-1' });
    const again = await post('/v1/payment_intents', body, { 'idempotency-key': 'replayed-1' });

    expect(first.status).toBe(402);
    expect(again.status).toBe(402);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await post('/v1/payment_intents', body.replace('1000', '2000'), { 'idempotency-key': 'replayed-1' });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: { type: 'idempotency_error' } });
    expect(fake.intentsCreated('replayed-1')).toBe(1);
  });

  it('declines as Stripe does: 402 card_error with the decline code and the intent', async () => {
    const error = await stripe.paymentIntents.create(params('pm_card_chargeDeclinedInsufficientFunds')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      payment_intent: { status: 'requires_payment_method', last_payment_error: { message: 'Your card has insufficient funds.' } },
    });
  });

  it('moves a 3-D Secure intent on when authentication completes, either way', async () => {
    const passed = await stripe.paymentIntents.create(params('pm_card_threeDSecure2Required'));
    const failed = await stripe.paymentIntents.create(params('pm_card_threeDSecure2Required'));
    expect(passed).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });

    fake.completeAuthentication(passed.id, true);
    fake.completeAuthentication(failed.id, false);

    expect(fake.intent(passed.id)?.status).toBe('succeeded');
    expect(fake.intent(failed.id)).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
    expect(() => fake.completeAuthentication(passed.id, true)).toThrow(/not requires_action/);
  });

  it('refuses a confirm that could redirect, an unknown key, an unknown path, and answers 500 while failing', async () => {
    const redirects = await stripe.paymentIntents
      .create({ amount: 1_000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true })
      .catch((e: unknown) => e);
    expect(redirects).toMatchObject({ statusCode: 400, param: 'return_url' });
    expect((await fetch(`${fake.baseUrl}/v1/payment_intents`, { method: 'POST', body: 'amount=1' })).status).toBe(401);
    expect((await post('/v1/charges', 'amount=1000')).status).toBe(404);

    fake.failNextRequests(2);
    expect((await post('/v1/payment_intents', 'amount=1000')).status).toBe(500);
    expect((await post('/v1/payment_intents', 'amount=1000')).status).toBe(500);
    expect((await post('/v1/payment_intents', 'amount=1000&currency=eur')).status).toBe(200);
  });
});
