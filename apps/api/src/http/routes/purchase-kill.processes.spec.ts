import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeKeyOf } from '@fitflow/application-membership';
import { seedMembersWithTokens, startApiProcesses, type ApiProcesses } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { startFakeStripe, type FakeStripe, type SignedWebhook } from '../../testing/fake-stripe';
import { TEST_JWT_SECRET } from '../../testing/test-env';

const PACKAGE = { name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 30 };
/** Processes 0 and 1 each die in one test; this one lives, and serves every retry and webhook. */
const SURVIVOR = 2;
/**
 * The killed request's claim on its Idempotency-Key lapses after IDEMPOTENCY_LEASE (shortened here from its minute):
 * until then the survivor's retry waits on the key.
 */
const IDEMPOTENCY_LEASE = '3s';
const LEASE_LAPSES_WITHIN_MS = 30_000;

interface Answer {
  status: number;
  headers: Headers;
  json: { id: string; status?: string; credits?: number; code?: string };
}

/**
 * A card purchase whose API process is killed with SIGKILL after Stripe took the money and before it answered, on
 * three real API processes (`main.ts`, as deployed) over PostgreSQL and the fake Stripe: the signed webhook and the
 * retry with the same Idempotency-Key, whichever comes first, credit the payment exactly once, on one PaymentIntent.
 */
describe('a purchase whose API process is killed in the middle of the charge', () => {
  let database: TestDatabase & { url: string };
  let stripe: FakeStripe;
  let apis: ApiProcesses;
  let packageId: string;

  beforeAll(async () => {
    database = await createTestPostgres();
    stripe = await startFakeStripe();
    apis = await startApiProcesses(3, {
      DATABASE_URL: database.url,
      JWT_SECRET: TEST_JWT_SECRET,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_BASE: stripe.baseUrl,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      IDEMPOTENCY_LEASE,
    });
    const [admin] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1, 0);
    if (!admin) throw new Error('No admin seeded');
    await database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.id).execute();
    const created = await post(SURVIVOR, '/credit-packages', { authorization: admin.authorization }, PACKAGE);
    expect(created.status).toBe(201);
    packageId = created.json.id;
  }, 240_000);
  afterAll(async () => {
    await apis?.stop();
    await stripe?.close();
    await database?.close();
  });

  async function post(index: number, path: string, headers: Record<string, string>, body: object): Promise<Answer> {
    const response = await fetch(`${apis.urls[index]}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
  }

  const buy = (index: number, headers: Record<string, string>) =>
    post(index, '/memberships/purchase', headers, { packageId, paymentMethodId: 'pm_card_visa' });

  /** Stripe's POST of a webhook to the survivor: the exact bytes it signed. */
  async function deliver({ payload, signature }: SignedWebhook): Promise<number> {
    const response = await fetch(`${apis.urls[SURVIVOR]}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    return response.status;
  }

  /** The balance the member sees, asked of the survivor. */
  async function creditsSeenBy(authorization: string): Promise<number> {
    const response = await fetch(`${apis.urls[SURVIVOR]}/memberships/me`, { headers: { authorization } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { credits: number }).credits;
  }

  const purchaseRow = (purchaseId: string) =>
    database.db.selectFrom('purchases').select(['status', 'payment_intent_id']).where('id', '=', purchaseId).executeTakeFirstOrThrow();
  const purchaseLines = (purchaseId: string) =>
    database.db.selectFrom('credit_transactions').select(['type', 'amount']).where('purchase_id', '=', purchaseId).execute();

  /** The stored balance, once it is proven to be the sum of the ledger and every balance_after the running total. */
  async function balanceAddsUp(memberId: string): Promise<number> {
    const lines = await database.db
      .selectFrom('credit_transactions')
      .select(['amount', 'balance_after'])
      .where('member_id', '=', memberId)
      .orderBy('seq')
      .execute();
    const stored = await database.db.selectFrom('memberships').select('balance').where('member_id', '=', memberId).executeTakeFirst();
    let running = 0;
    const chain = lines.map((line) => ({ amount: line.amount, balanceAfter: (running += line.amount) }));
    expect(lines.map((line) => ({ amount: line.amount, balanceAfter: line.balance_after }))).toEqual(chain);
    expect(stored?.balance ?? 0).toBe(running);
    return running;
  }

  /**
   * A member's purchase sent to process `victim`, which is killed once Stripe has created and confirmed the
   * PaymentIntent (the money is taken) and before Stripe's answer reaches it. Stripe then finishes the request as it
   * does when its caller has gone: the answer is kept under the charge's idempotency key, for a retry to get.
   */
  async function purchaseKilledMidCharge(victim: number) {
    const [buyer] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1, 0);
    if (!buyer) throw new Error('No member seeded');
    const headers = { authorization: buyer.authorization, 'idempotency-key': `killed-${randomUUID()}` };
    const paused = stripe.pauseCreates();
    const answered = buy(victim, headers).then(
      () => true,
      () => false,
    );

    const intentId = await paused.created;
    await apis.kill(victim);
    paused.release();

    expect(await answered).toBe(false);
    const { purchaseId } = stripe.intent(intentId)?.metadata as { purchaseId: string };
    expect(stripe.intent(intentId)).toMatchObject({ status: 'succeeded', amount: PACKAGE.priceCents, metadata: { memberId: buyer.id } });
    expect(await purchaseRow(purchaseId)).toEqual({ status: 'pending', payment_intent_id: null });
    expect(await balanceAddsUp(buyer.id)).toBe(0);
    expect(await creditsSeenBy(buyer.authorization)).toBe(0);
    return { buyer, headers, intentId, purchaseId };
  }

  /** The same request again, to the survivor, until the killed request's claim on the key has lapsed and it is answered. */
  async function retryUntilAnswered(headers: Record<string, string>): Promise<Answer> {
    let answer: Answer | undefined;
    await expect
      .poll(
        async () => {
          answer = await buy(SURVIVOR, headers);
          return answer.status === 409 && answer.json.code === 'IDEMPOTENCY_IN_PROGRESS' ? 'in progress' : 'answered';
        },
        { timeout: LEASE_LAPSES_WITHIN_MS, interval: 500 },
      )
      .toBe('answered');
    return answer as Answer;
  }

  it('credits once when the webhook finishes the purchase and the retry with the same key comes after', async () => {
    const { buyer, headers, intentId, purchaseId } = await purchaseKilledMidCharge(0);

    expect(await deliver(stripe.webhook(intentId, 'payment_intent.succeeded'))).toBe(200);
    expect(await purchaseRow(purchaseId)).toEqual({ status: 'succeeded', payment_intent_id: intentId });
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: PACKAGE.credits }]);
    expect(await balanceAddsUp(buyer.id)).toBe(PACKAGE.credits);
    expect(await creditsSeenBy(buyer.authorization)).toBe(PACKAGE.credits);

    const retried = await retryUntilAnswered(headers);
    expect(retried.status).toBe(201);
    expect(retried.json).toMatchObject({ id: purchaseId, status: 'succeeded', credits: PACKAGE.credits });
    // Its answer is now the key's: one more retry gets it again, replayed.
    const replayed = await buy(SURVIVOR, headers);
    expect(replayed).toMatchObject({ status: 201, json: retried.json });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');

    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(1);
    expect(await purchaseRow(purchaseId)).toEqual({ status: 'succeeded', payment_intent_id: intentId });
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: PACKAGE.credits }]);
    expect(await balanceAddsUp(buyer.id)).toBe(PACKAGE.credits);
  }, 240_000);

  it('credits once when the retry with the same key finishes the charge and the webhook comes after', async () => {
    const { buyer, headers, intentId, purchaseId } = await purchaseKilledMidCharge(1);

    // The survivor charges under the same Stripe key: Stripe answers with the intent it already confirmed.
    const retried = await retryUntilAnswered(headers);
    expect(retried.status).toBe(201);
    expect(retried.json).toMatchObject({ id: purchaseId, status: 'succeeded', credits: PACKAGE.credits });
    expect(stripe.intentsCreated(chargeKeyOf(purchaseId))).toBe(1);
    expect(await purchaseRow(purchaseId)).toEqual({ status: 'succeeded', payment_intent_id: intentId });
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: PACKAGE.credits }]);
    expect(await balanceAddsUp(buyer.id)).toBe(PACKAGE.credits);
    expect(await creditsSeenBy(buyer.authorization)).toBe(PACKAGE.credits);

    expect(await deliver(stripe.webhook(intentId, 'payment_intent.succeeded'))).toBe(200);

    expect(await purchaseRow(purchaseId)).toEqual({ status: 'succeeded', payment_intent_id: intentId });
    expect(await purchaseLines(purchaseId)).toEqual([{ type: 'purchase', amount: PACKAGE.credits }]);
    expect(await balanceAddsUp(buyer.id)).toBe(PACKAGE.credits);
  }, 240_000);
});
