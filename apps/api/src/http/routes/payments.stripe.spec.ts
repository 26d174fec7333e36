import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeKeyOf } from '@fitflow/application-membership';
import { startFakeStripe, type FakeStripe, type SignedWebhook } from '../../testing/fake-stripe';
import { apiClient, expectStatus, type Headers } from '../../testing/scheduling';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';
import { balanceAddsUp as ledgerBalance } from '../../testing/ledger';

const ENV = { RATE_LIMITS: 'login=10000/1m,login-address=10000/1m' };

interface PurchaseJson {
  id: string;
  status: string;
  credits: number;
  clientSecret: string | null;
  failureReason: string | null;
  [key: string]: unknown;
}

/**
 * Purchases through the Stripe adapter (the official SDK) against the fake Stripe over real HTTP, and Stripe's
 * signed webhooks back, on PostgreSQL: a payment is credited exactly once whichever of the API call, the webhook, a
 * replayed webhook or a retried request comes first, and nothing unsigned changes anything.
 */
describe('purchases with Stripe (the fake), on postgres', () => {
  let stripe: FakeStripe;
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let packageId: string;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp('postgres', {
      ...ENV,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_BASE: stripe.baseUrl,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    });
    api = apiClient(t.app);
    const admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    const body = { name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 30 };
    ({ id: packageId } = expectStatus(await api.post('/credit-packages', body, admin.headers), 201).json() as { id: string });
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  const member = () => signUp(t.app, { credits: 0 });
  const purchase = (paymentMethodId: string, headers: Headers) =>
    api.post('/memberships/purchase', { packageId, paymentMethodId }, { 'idempotency-key': randomUUID(), ...headers });
  const purchaseOf = async (id: string, headers: Headers): Promise<PurchaseJson> =>
    expectStatus(await api.get(`/memberships/purchases/${id}`, headers), 200).json();
  const credits = async (headers: Headers): Promise<number> => expectStatus(await api.get('/memberships/me', headers), 200).json().credits;
  /** Stripe's POST of a webhook: the exact bytes it signed. */
  const deliver = ({ payload, signature }: Partial<SignedWebhook>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/stripe',
      headers: { 'content-type': 'application/json', ...(signature !== undefined && { 'stripe-signature': signature }), ...headers },
      payload: payload ?? '',
    });
  const intentOf = async (purchaseId: string): Promise<string> => {
    const db = t.composition.database.db;
    const row = await db.selectFrom('purchases').select('payment_intent_id').where('id', '=', purchaseId).executeTakeFirstOrThrow();
    return row.payment_intent_id as string;
  };
  /** A 3-D Secure purchase waiting for its webhook: the member, the purchase and its PaymentIntent. */
  const awaitingAuthentication = async () => {
    const buyer = await member();
    const pending = expectStatus(await purchase('pm_card_threeDSecure2Required', buyer.headers), 201).json() as PurchaseJson;
    const intentId = await intentOf(pending.id);
    return { buyer, pending, intentId };
  };

  /** Every money table's row count: what "nothing changes" compares. */
  const tally = async () => {
    const db = t.composition.database.db;
    const count = async (table: 'purchases' | 'credit_transactions' | 'payment_events' | 'memberships') =>
      Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const statuses = await db.selectFrom('purchases').select(['id', 'status']).orderBy('id').execute();
    const balances = await db.selectFrom('memberships').select(['member_id', 'balance']).orderBy('member_id').execute();
    const [purchases, lines, events] = [await count('purchases'), await count('credit_transactions'), await count('payment_events')];
    return { purchases, lines, events, statuses, balances };
  };

  const balanceAddsUp = (memberId: string) => ledgerBalance(t.composition.database.db, memberId);
  const purchaseLines = async (purchaseId: string) =>
    t.composition.database.db.selectFrom('credit_transactions').select(['type', 'amount']).where('purchase_id', '=', purchaseId).execute();

  it('charges a card that succeeds with one PaymentIntent for the package, and adds the credits', async () => {
    const buyer = await member();
    const paid = expectStatus(await purchase('pm_card_visa', buyer.headers), 201).json() as PurchaseJson;

    expect(paid).toMatchObject({ status: 'succeeded', credits: 10, priceCents: 9_000, currency: 'EUR', clientSecret: null });
    const intent = stripe.intent(await intentOf(paid.id));
    const metadata = { purchaseId: paid.id, memberId: buyer.id };
    expect(intent).toMatchObject({ status: 'succeeded', amount: 9_000, currency: 'eur', metadata });
    expect(stripe.intentsCreated(chargeKeyOf(paid.id))).toBe(1);
    expect(await credits(buyer.headers)).toBe(10);
    expect(await purchaseLines(paid.id)).toEqual([{ type: 'purchase', amount: 10 }]);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });

  it.each([
    ['pm_card_chargeDeclined', 'Your card was declined.'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'Your card has insufficient funds.'],
  ])('answers a declined card (%s) 402 PAYMENT_FAILED with the card’s message, adding nothing', async (paymentMethodId, message) => {
    const buyer = await member();
    const declined = expectStatus(await purchase(paymentMethodId, buyer.headers), 402).json();

    expect(declined).toMatchObject({ code: 'PAYMENT_FAILED', detail: expect.stringContaining(message) });
    const rows = await t.composition.database.db
      .selectFrom('purchases')
      .select(['status', 'failure_reason'])
      .where('member_id', '=', buyer.id)
      .execute();
    expect(rows).toEqual([{ status: 'failed', failure_reason: message }]);
    expect(await credits(buyer.headers)).toBe(0);
    expect(await balanceAddsUp(buyer.id)).toBe(0);
  });

  it('finishes a 3-D Secure purchase from the signed succeeded webhook; a replay or a second event credits nothing more', async () => {
    const { buyer, pending, intentId } = await awaitingAuthentication();
    expect(pending).toMatchObject({ status: 'requires_action', clientSecret: stripe.intent(intentId)?.client_secret });
    expect(await credits(buyer.headers)).toBe(0);
    // Stripe's own stand-in for the bank's page has no place in Stripe mode.
    expectStatus(await api.post(`/memberships/purchases/${pending.id}/test-authentication`, { outcome: 'succeed' }, buyer.headers), 404);

    stripe.completeAuthentication(intentId, true);
    const event = stripe.webhook(intentId, 'payment_intent.succeeded', { eventId: `evt_${randomUUID()}` });
    expect(expectStatus(await deliver(event), 200).json()).toEqual({ received: true });
    expect(await purchaseOf(pending.id, buyer.headers)).toMatchObject({ status: 'succeeded', clientSecret: null });
    expect(await credits(buyer.headers)).toBe(10);

    // Stripe delivers again (the same event, freshly signed), and then another event about the same intent.
    const replay = stripe.webhook(intentId, 'payment_intent.succeeded', { eventId: JSON.parse(event.payload).id });
    expect(replay.payload).toBe(event.payload);
    expectStatus(await deliver(replay), 200);
    expectStatus(await deliver(event), 200);
    expectStatus(await deliver(stripe.webhook(intentId, 'payment_intent.succeeded')), 200);

    expect(await credits(buyer.headers)).toBe(10);
    expect(await purchaseLines(pending.id)).toEqual([{ type: 'purchase', amount: 10 }]);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });

  it('fails a 3-D Secure purchase from payment_intent.payment_failed, adding nothing', async () => {
    const { buyer, pending, intentId } = await awaitingAuthentication();
    stripe.completeAuthentication(intentId, false);
    expectStatus(await deliver(stripe.webhook(intentId, 'payment_intent.payment_failed')), 200);

    const failureReason = expect.stringContaining('failed authentication');
    expect(await purchaseOf(pending.id, buyer.headers)).toMatchObject({ status: 'failed', failureReason });
    expect(await credits(buyer.headers)).toBe(0);
    expect(await balanceAddsUp(buyer.id)).toBe(0);
  });

  it('credits once when the webhook arrives before the API call answers, and the API answers succeeded', async () => {
    const buyer = await member();
    const paused = stripe.pauseCreates();
    const answer = purchase('pm_card_visa', buyer.headers);

    const intentId = await paused.created;
    const { purchaseId } = stripe.intent(intentId)?.metadata as { purchaseId: string };
    expectStatus(await deliver(stripe.webhook(intentId, 'payment_intent.succeeded')), 200);
    // The webhook finished the purchase while the member's request still waits for Stripe's answer.
    expect(await purchaseOf(purchaseId, buyer.headers)).toMatchObject({ status: 'succeeded' });
    expect(await credits(buyer.headers)).toBe(10);

    paused.release();
    expect(expectStatus(await answer, 201).json()).toMatchObject({ id: purchaseId, status: 'succeeded', credits: 10 });
    expect(await credits(buyer.headers)).toBe(10);
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: 10 }]);
    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(1);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });

  it('charges and credits once for the same Idempotency-Key sent twice at once, answering both alike', async () => {
    const buyer = await member();
    const headers = { ...buyer.headers, 'idempotency-key': `twice-${randomUUID()}` };
    const paused = stripe.pauseCreates();
    const first = purchase('pm_card_visa', headers);
    // The second request arrives while the first one is still waiting for Stripe.
    const intentId = await paused.created;
    const second = purchase('pm_card_visa', headers);
    paused.release();
    const answers = await Promise.all([first, second]);

    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201]);
    expect(answers[1]?.json()).toEqual(answers[0]?.json());
    const { purchaseId } = stripe.intent(intentId)?.metadata as { purchaseId: string };
    expect(answers[0]?.json()).toMatchObject({ id: purchaseId, status: 'succeeded' });
    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(1);
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: 10 }]);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });

  it('answers 400 BAD_SIGNATURE to a forged signature, a tampered body and a missing header, changing nothing', async () => {
    const { buyer, pending, intentId } = await awaitingAuthentication();
    stripe.completeAuthentication(intentId, true);
    const genuine = stripe.webhook(intentId, 'payment_intent.succeeded');
    const before = await tally();

    const { payload } = genuine;
    const forged = { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_the_studios' }) };
    const tampered = { payload: payload.replace('"amount": 9000', '"amount": 1'), signature: genuine.signature };
    expect(tampered.payload).not.toBe(payload);
    for (const webhook of [forged, tampered, { payload }, { payload, signature: 'garbage' }]) {
      expect(expectStatus(await deliver(webhook), 400).json()).toMatchObject({ code: 'BAD_SIGNATURE' });
    }

    expect(await tally()).toEqual(before);
    expect(await purchaseOf(pending.id, buyer.headers)).toMatchObject({ status: 'requires_action' });
    // Refused for its signature only: the genuine delivery of the very same event still finishes the purchase.
    expectStatus(await deliver(genuine), 200);
    expect(await credits(buyer.headers)).toBe(10);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });

  it('answers 200 to a webhook about a payment FitFlow did not start, changing nothing', async () => {
    const { hostname, port } = new URL(stripe.baseUrl);
    const sdk = new Stripe(stripe.secretKey, { host: hostname, port, protocol: 'http', maxNetworkRetries: 0 });
    const card = { amount: 9_000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] };
    const strangers = [
      await sdk.paymentIntents.create({ ...card, metadata: { purchaseId: randomUUID() } }),
      await sdk.paymentIntents.create({ ...card, metadata: { purchaseId: 'not-a-uuid' } }),
      await sdk.paymentIntents.create(card),
    ];
    const before = await tally();

    for (const intent of strangers) {
      expect(expectStatus(await deliver(stripe.webhook(intent.id, 'payment_intent.succeeded')), 200).json()).toEqual({ received: true });
      expectStatus(await deliver(stripe.webhook(intent.id, 'payment_intent.payment_failed')), 200);
    }
    expect(await tally()).toEqual(before);
  });

  it('answers 503 UNAVAILABLE while Stripe fails, keeps the purchase pending; the retry with its key finishes it, one intent', async () => {
    const buyer = await member();
    const headers = { ...buyer.headers, 'idempotency-key': `outage-${randomUUID()}` };
    stripe.failNextRequests(2); // the first try and the SDK's own retry

    expect(expectStatus(await purchase('pm_card_visa', headers), 503).json()).toMatchObject({ code: 'UNAVAILABLE' });
    const db = t.composition.database.db;
    const [pending] = await db.selectFrom('purchases').select(['id', 'status']).where('member_id', '=', buyer.id).execute();
    expect(pending).toMatchObject({ status: 'pending' });
    const purchaseId = pending?.id as string;
    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(0);
    expect(await credits(buyer.headers)).toBe(0);

    const retried = expectStatus(await purchase('pm_card_visa', headers), 201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.json()).toMatchObject({ id: purchaseId, status: 'succeeded' });
    const again = expectStatus(await purchase('pm_card_visa', headers), 201);
    expect(again.headers['idempotent-replayed']).toBe('true');

    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(1);
    const purchases = await db.selectFrom('purchases').select('id').where('member_id', '=', buyer.id).execute();
    expect(purchases).toEqual([{ id: purchaseId }]);
    expect(await credits(buyer.headers)).toBe(10);
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: 10 }]);
    expect(await balanceAddsUp(buyer.id)).toBe(10);
  });
});
