import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CreditPackage, Purchase } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { berlinStudio } from '../../../../testing/sessions';
import { CreditsStore } from '../../../core/credits/credits.store';
import { IDEMPOTENCY_KEYS } from '../../../core/credits/payments';
import { StudioStore } from '../../../core/studio/studio.store';
import { BuyCreditsStore, FOLLOW_UP_DELAYS_MS } from './buy-credits.store';

const tenClasses: CreditPackage = {
  id: '3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a01',
  name: 'Ten classes',
  credits: 10,
  priceCents: 8000,
  currency: 'EUR',
  validityDays: 90,
};
const single: CreditPackage = { ...tenClasses, id: '3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a02', name: 'Drop-in', credits: 1, priceCents: 1000 };

function aPurchase(overrides: Partial<Purchase> = {}): Purchase {
  return {
    id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c01',
    packageId: tenClasses.id,
    packageName: tenClasses.name,
    status: 'succeeded',
    credits: 10,
    priceCents: 8000,
    currency: 'EUR',
    clientSecret: null,
    failureReason: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    ...overrides,
  };
}

const PURCHASE = '/api/v1/memberships/purchase';
const purchaseUrl = (id: string) => `/api/v1/memberships/purchases/${id}`;
const unavailable = { status: 503, statusText: 'Service Unavailable' };
/** Lets awaited answers run on (with fake timers, without moving the clock). */
const settle = () => vi.advanceTimersByTimeAsync(0);

async function setup() {
  vi.useFakeTimers();
  let keys = 0;
  const credits = { refresh: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [
      BuyCreditsStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CreditsStore, useValue: credits },
      { provide: StudioStore, useValue: { studio: signal(berlinStudio) } },
      { provide: IDEMPOTENCY_KEYS, useValue: () => `key-${++keys}` },
    ],
  });
  const store = TestBed.inject(BuyCreditsStore);
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/credit-packages').flush([tenClasses, single]);
  await settle();
  return { store, http, credits };
}

/** Presses Pay with `method` and answers the purchase request with `answer`; returns the request sent. */
async function pay(
  store: InstanceType<typeof BuyCreditsStore>,
  http: HttpTestingController,
  method: string,
  answer: { body: object | null; status?: number; statusText?: string } | 'network error',
) {
  const done = store.pay(method);
  const request = http.expectOne(PURCHASE);
  if (answer === 'network error') request.error(new ProgressEvent('error'));
  else request.flush(answer.body, { status: answer.status ?? 201, statusText: answer.statusText ?? 'Created' });
  await settle();
  await done;
  return request.request;
}

describe('BuyCreditsStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    vi.useRealTimers();
  });

  it('lists the packages on sale and takes the studio’s way of paying', async () => {
    const { store } = await setup();
    expect(store.packages().map((p) => p.name)).toEqual(['Ten classes', 'Drop-in']);
    expect(store.payments()).toEqual({ mode: 'test', publishableKey: null });
    expect(store.selected()).toBeNull();
  });

  it('pays for the chosen package under an Idempotency-Key, and says so once the balance shows the credits', async () => {
    const { store, http, credits } = await setup();
    store.choose(tenClasses.id);
    const sent = await pay(store, http, 'pm_card_visa', { body: aPurchase() });

    expect(sent.body).toEqual({ packageId: tenClasses.id, paymentMethodId: 'pm_card_visa' });
    expect(sent.headers.get('Idempotency-Key')).toBe('key-1');
    expect(credits.refresh).toHaveBeenCalledTimes(1);
    expect(store.outcome()).toEqual({ kind: 'succeeded', purchase: aPurchase() });
    expect(store.busy()).toBeNull();
  });

  it('shows the card’s reason for a decline, and a new attempt is a new key', async () => {
    const { store, http, credits } = await setup();
    store.choose(tenClasses.id);
    const declined = problem(402, 'PAYMENT_FAILED', { detail: 'The payment failed: Your card was declined.' });
    await pay(store, http, 'pm_card_chargeDeclined', { body: declined, status: 402, statusText: 'Payment Required' });
    expect(store.outcome()).toEqual({ kind: 'declined', reason: 'Your card was declined.' });
    expect(credits.refresh).not.toHaveBeenCalled();

    const sent = await pay(store, http, 'pm_card_chargeDeclined', { body: aPurchase() });
    expect(sent.headers.get('Idempotency-Key')).toBe('key-2');
  });

  it('retries an attempt whose answer was lost under the same key, so the card is charged once', async () => {
    const { store, http } = await setup();
    store.choose(tenClasses.id);
    const first = await pay(store, http, 'pm_card_visa', 'network error');
    expect(store.outcome()?.kind).toBe('error');
    const retry = await pay(store, http, 'pm_card_visa', { body: null, ...unavailable });
    expect(retry.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    const again = await pay(store, http, 'pm_card_visa', { body: aPurchase() });
    expect(again.headers.get('Idempotency-Key')).toBe('key-1');
    expect(store.outcome()?.kind).toBe('succeeded');
  });

  it('makes another card, or another package, a new attempt with a new key', async () => {
    const { store, http } = await setup();
    store.choose(tenClasses.id);
    await pay(store, http, 'pm_card_visa', { body: null, ...unavailable });
    const otherCard = await pay(store, http, 'pm_card_threeDSecure2Required', { body: null, ...unavailable });
    expect(otherCard.headers.get('Idempotency-Key')).toBe('key-2');
    store.choose(single.id);
    const otherPackage = await pay(store, http, 'pm_card_threeDSecure2Required', { body: null, ...unavailable });
    expect(otherPackage.headers.get('Idempotency-Key')).toBe('key-3');
    expect(otherPackage.body).toEqual({ packageId: single.id, paymentMethodId: 'pm_card_threeDSecure2Required' });
  });

  it('waits for the member at the bank’s step (3-D Secure), then sends their answer (test mode)', async () => {
    const { store, http, credits } = await setup();
    store.choose(tenClasses.id);
    const asking = aPurchase({ status: 'requires_action', clientSecret: 'pi_1_secret_2' });
    await pay(store, http, 'pm_card_threeDSecure2Required', { body: asking });
    expect(store.outcome()).toEqual({ kind: 'confirm', purchase: asking });
    expect(credits.refresh).not.toHaveBeenCalled();

    const done = store.answerTestAuthentication('succeed');
    expect(store.busy()).toBe('confirming');
    const answer = http.expectOne(`${purchaseUrl(asking.id)}/test-authentication`);
    expect(answer.request.method).toBe('POST');
    expect(answer.request.body).toEqual({ outcome: 'succeed' });
    answer.flush(aPurchase({ clientSecret: 'pi_1_secret_2' }));
    await done;
    expect(store.outcome()?.kind).toBe('succeeded');
    expect(credits.refresh).toHaveBeenCalledTimes(1);
  });

  it('shows a failed bank step as declined, with its reason', async () => {
    const { store, http } = await setup();
    store.choose(tenClasses.id);
    const asking = aPurchase({ status: 'requires_action', clientSecret: 'pi_1_secret_2' });
    await pay(store, http, 'pm_card_threeDSecure2Required', { body: asking });
    const done = store.answerTestAuthentication('fail');
    http
      .expectOne(`${purchaseUrl(asking.id)}/test-authentication`)
      .flush(aPurchase({ status: 'failed', failureReason: 'Your bank did not confirm the payment.' }));
    await done;
    expect(store.outcome()).toEqual({ kind: 'declined', reason: 'Your bank did not confirm the payment.' });
  });

  it('keeps asking while the payment is pending, and shows it once the bank has answered', async () => {
    const { store, http, credits } = await setup();
    store.choose(tenClasses.id);
    const pending = aPurchase({ status: 'pending' });
    const done = store.pay('pm_card_visa');
    http.expectOne(PURCHASE).flush(pending, { status: 201, statusText: 'Created' });
    await settle();
    expect(store.busy()).toBe('checking');
    http.expectNone(purchaseUrl(pending.id));

    await vi.advanceTimersByTimeAsync(FOLLOW_UP_DELAYS_MS[0]);
    http.expectOne(purchaseUrl(pending.id)).flush(pending);
    await vi.advanceTimersByTimeAsync(FOLLOW_UP_DELAYS_MS[1]);
    http.expectOne(purchaseUrl(pending.id)).flush(aPurchase());
    await done;
    expect(store.outcome()?.kind).toBe('succeeded');
    expect(credits.refresh).toHaveBeenCalledTimes(1);
    expect(store.busy()).toBeNull();
  });

  it('says the payment is pending once the bank is slow to answer, and checks again on request', async () => {
    const { store, http } = await setup();
    store.choose(tenClasses.id);
    const pending = aPurchase({ status: 'pending' });
    const done = store.pay('pm_card_visa');
    http.expectOne(PURCHASE).flush(pending, { status: 201, statusText: 'Created' });
    for (const delay of FOLLOW_UP_DELAYS_MS) {
      await vi.advanceTimersByTimeAsync(delay);
      http.expectOne(purchaseUrl(pending.id)).flush(pending);
    }
    await done;
    expect(store.outcome()).toEqual({ kind: 'pending', purchase: pending });
    expect(vi.getTimerCount()).toBe(0);

    const check = store.checkAgain();
    http.expectOne(purchaseUrl(pending.id)).flush(aPurchase({ status: 'failed', failureReason: 'Insufficient funds.' }));
    await check;
    expect(store.outcome()).toEqual({ kind: 'declined', reason: 'Insufficient funds.' });
  });

  it('tells a package that is no longer sold apart from a lost answer: the next press is a new attempt', async () => {
    const { store, http } = await setup();
    store.choose(tenClasses.id);
    await pay(store, http, 'pm_card_visa', { body: problem(404, 'NOT_FOUND'), status: 404, statusText: 'Not Found' });
    expect(store.outcome()).toEqual({ kind: 'error', message: 'We could not find that. It may have been removed.' });
    const next = await pay(store, http, 'pm_card_visa', { body: aPurchase() });
    expect(next.headers.get('Idempotency-Key')).toBe('key-2');
  });
});
