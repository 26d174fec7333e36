import { describe, expect, it } from 'vitest';
import { CREDITS_PURCHASED } from '@fitflow/domain-membership';
import type { PaymentEvent } from '../../credit-ports';
import { CREDIT_CAST, CreditPackageMother, TEN_CLASSES, createCreditFakes, creditActor } from '../../testing';
import { PurchaseCreditsHandler } from '../purchase-credits/purchase-credits.handler';
import { HandlePaymentEventHandler } from './handle-payment-event.handler';

const MEMBER = CREDIT_CAST.member.userId;
const THREE_D_SECURE = 'pm_card_threeDSecure2Required';
const NOT_AUTHENTICATED = 'The card holder did not complete authentication.';

function setUp() {
  const fakes = createCreditFakes();
  const tenClasses = CreditPackageMother.onSale();
  fakes.packages.seed(tenClasses);
  const purchasing = new PurchaseCreditsHandler(fakes.uow, fakes.uow, fakes.gateway, fakes.ids, fakes.clock);
  const webhooks = new HandlePaymentEventHandler(fakes.uow, fakes.clock);
  const buy = (paymentMethodId: string, requestKey: string | null = null) =>
    purchasing.handle({ actor: creditActor('member'), packageId: tenClasses.id, paymentMethodId, requestKey });
  const deliver = (event: PaymentEvent) => webhooks.handle({ event });
  /** A purchase waiting for 3-D Secure, and the webhook events that can finish it. */
  const awaitingAuthentication = async () => {
    const view = await buy(THREE_D_SECURE);
    const paymentIntentId = fakes.purchases.row(view.id)?.paymentIntentId as string;
    const eventOf = (id: string, overrides: Partial<PaymentEvent> = {}): PaymentEvent => ({
      id,
      kind: 'succeeded',
      paymentIntentId,
      purchaseId: view.id,
      reason: null,
      ...overrides,
    });
    return { purchaseId: view.id, paymentIntentId, eventOf };
  };
  return { ...fakes, tenClasses, buy, deliver, awaitingAuthentication };
}

describe('HandlePaymentEventHandler', () => {
  it('finishes a 3-D Secure purchase from its succeeded webhook: credits added once, the client secret gone', async () => {
    const { deliver, awaitingAuthentication, purchases, memberships, paymentEvents } = setUp();
    const { purchaseId, eventOf } = await awaitingAuthentication();
    await expect(deliver(eventOf('evt_1'))).resolves.toBe('handled');
    expect(purchases.row(purchaseId)).toMatchObject({ status: 'succeeded', clientSecret: null });
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.ledgerOf(MEMBER)).toMatchObject([{ type: 'purchase', amount: 10, balanceAfter: 10, purchaseId }]);
    expect(memberships.outbox).toMatchObject([{ type: CREDITS_PURCHASED, payload: { purchaseId } }]);
    expect(paymentEvents.handled).toEqual(['evt_1']);
  });

  it('answers duplicate for an event id it handled before, and changes nothing', async () => {
    const { deliver, awaitingAuthentication, memberships } = setUp();
    const { eventOf } = await awaitingAuthentication();
    await deliver(eventOf('evt_1'));
    await expect(deliver(eventOf('evt_1'))).resolves.toBe('duplicate');
    await expect(deliver(eventOf('evt_1', { kind: 'failed', reason: NOT_AUTHENTICATED }))).resolves.toBe('duplicate');
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
  });

  it('adds nothing for a second, different succeeded event of the same purchase', async () => {
    const { deliver, awaitingAuthentication, memberships, paymentEvents } = setUp();
    const { eventOf } = await awaitingAuthentication();
    await deliver(eventOf('evt_1'));
    await expect(deliver(eventOf('evt_2'))).resolves.toBe('handled');
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
    expect(paymentEvents.handled).toEqual(['evt_1', 'evt_2']);
  });

  it('credits once when the webhook overtakes the API call: the call’s own settling adds nothing more', async () => {
    const { buy, deliver, gateway, memberships, purchases } = setUp();
    const early: string[] = [];
    gateway.whileCharging(async ({ purchaseId }, paymentIntentId) => {
      early.push(await deliver({ id: 'evt_early', kind: 'succeeded', paymentIntentId, purchaseId, reason: null }));
    });
    const view = await buy('pm_card_visa');
    expect(early).toEqual(['handled']);
    expect(view.status).toBe('succeeded');
    expect(purchases.rows()).toHaveLength(1);
    expect(memberships.balanceOf(MEMBER)).toBe(10);
    expect(memberships.ledgerOf(MEMBER)).toHaveLength(1);
  });

  it('finishes a purchase whose API call died before the answer, and the retried request then answers it paid', async () => {
    const { buy, deliver, gateway, purchases, memberships } = setUp();
    gateway.thenAnswer(new Error('socket hang up'));
    await expect(buy('pm_card_visa', 'key-1')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const [pending] = purchases.rows();
    if (!pending) throw new Error('The purchase was not recorded before the charge');
    const paymentIntentId = gateway.intentOf(`fitflow-purchase-${pending.id}`);
    const succeeded: PaymentEvent = { id: 'evt_1', kind: 'succeeded', paymentIntentId, purchaseId: pending.id, reason: null };
    await expect(deliver(succeeded)).resolves.toBe('handled');
    expect(memberships.balanceOf(MEMBER)).toBe(10);

    await expect(buy('pm_card_visa', 'key-1')).resolves.toMatchObject({ id: pending.id, status: 'succeeded' });
    expect(gateway.calls).toHaveLength(1);
    expect(memberships.balanceOf(MEMBER)).toBe(10);
  });

  it('adds the credits of the terms bought, though the package changed while the member authenticated', async () => {
    const { deliver, awaitingAuthentication, packages, tenClasses, clock, memberships } = setUp();
    const { eventOf } = await awaitingAuthentication();
    const changed = await packages.get(tenClasses.id);
    changed?.change({ ...TEN_CLASSES, credits: 20 }, clock.now());
    if (changed) await packages.save(changed);
    await deliver(eventOf('evt_1'));
    expect(memberships.balanceOf(MEMBER)).toBe(10);
  });

  it('fails a 3-D Secure purchase from its failed webhook with the reason, adding nothing', async () => {
    const { deliver, awaitingAuthentication, purchases, memberships } = setUp();
    const { purchaseId, eventOf } = await awaitingAuthentication();
    await expect(deliver(eventOf('evt_1', { kind: 'failed', reason: NOT_AUTHENTICATED }))).resolves.toBe('handled');
    expect(purchases.row(purchaseId)).toMatchObject({ status: 'failed', failureReason: NOT_AUTHENTICATED, clientSecret: null });
    expect(memberships.balanceOf(MEMBER)).toBe(0);
    expect(memberships.ledgerOf(MEMBER)).toEqual([]);
  });

  it('gives a failure without a reason a sentence of its own', async () => {
    const { deliver, awaitingAuthentication, purchases } = setUp();
    const { purchaseId, eventOf } = await awaitingAuthentication();
    await deliver(eventOf('evt_1', { kind: 'failed', reason: null }));
    expect(purchases.row(purchaseId)?.failureReason).toBe('The payment failed');
  });

  it('keeps a paid purchase paid when a late failure event arrives', async () => {
    const { deliver, awaitingAuthentication, purchases, memberships } = setUp();
    const { purchaseId, eventOf } = await awaitingAuthentication();
    await deliver(eventOf('evt_1'));
    await expect(deliver(eventOf('evt_2', { kind: 'failed', reason: NOT_AUTHENTICATED }))).resolves.toBe('handled');
    expect(purchases.row(purchaseId)?.status).toBe('succeeded');
    expect(memberships.balanceOf(MEMBER)).toBe(10);
  });

  it.each([
    ['no purchase id (a payment FitFlow did not start)', null],
    ['a purchase id that is not a uuid', 'purchase-1'],
    ['an unknown purchase', 'eeeeeeee-0000-4000-8000-000000000001'],
  ])('ignores an event with %s and records nothing', async (_, purchaseId) => {
    const { deliver, awaitingAuthentication, paymentEvents, memberships } = setUp();
    const { eventOf } = await awaitingAuthentication();
    await expect(deliver(eventOf('evt_1', { purchaseId }))).resolves.toBe('ignored');
    expect(paymentEvents.handled).toEqual([]);
    expect(memberships.balanceOf(MEMBER)).toBe(0);
  });

  it('ignores an event that names another intent than the purchase’s (so the sender stops retrying), and keeps its id unrecorded', async () => {
    const { deliver, awaitingAuthentication, paymentEvents, purchases, memberships } = setUp();
    const { purchaseId, eventOf } = await awaitingAuthentication();
    expect(await deliver(eventOf('evt_1', { paymentIntentId: 'pi_someone_else' }))).toBe('ignored');
    expect(paymentEvents.handled).toEqual([]);
    expect(purchases.row(purchaseId)?.status).toBe('requires_action');
    expect(memberships.balanceOf(MEMBER)).toBe(0);
  });
});
