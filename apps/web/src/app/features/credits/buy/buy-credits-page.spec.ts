import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { CreditPackage, Purchase } from '@fitflow/api-contract';
import { of } from 'rxjs';
import { button, settle } from '../../../../testing/dom';
import { problem } from '../../../../testing/fixtures';
import { berlinStudio } from '../../../../testing/sessions';
import { CreditsStore } from '../../../core/credits/credits.store';
import { StudioStore } from '../../../core/studio/studio.store';
import { BuyCreditsPage } from './buy-credits-page';
import { BuyCreditsStore } from './buy-credits.store';

const tenClasses: CreditPackage = {
  id: '3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a01',
  name: 'Ten classes',
  credits: 10,
  priceCents: 8000,
  currency: 'EUR',
  validityDays: 90,
};

const paid: Purchase = {
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
};

async function render(query: { returnUrl?: string; returnLabel?: string } = {}) {
  const balanceLabel = signal('0 credits');
  const credits = { balanceLabel, refresh: vi.fn(async () => balanceLabel.set('10 credits')) };
  const dialog = { open: vi.fn(() => ({ afterClosed: () => of('succeed') })) };
  TestBed.configureTestingModule({
    imports: [BuyCreditsPage],
    providers: [
      BuyCreditsStore,
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CreditsStore, useValue: credits },
      {
        provide: StudioStore,
        useValue: { studio: signal(berlinStudio), settled: signal(true), name: signal('Harbour Yoga'), load: vi.fn() },
      },
      { provide: MatDialog, useValue: dialog },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(BuyCreditsPage);
  for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
  await settle(fixture);
  http.expectOne('/api/v1/credit-packages').flush([tenClasses]);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const text = (selector = ':scope') => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const click = async (name: string) => {
    button(root, name).click();
    await settle(fixture);
  };
  const pickCard = async (label: string) => {
    const radio = Array.from(root.querySelectorAll('mat-radio-button')).find((r) => r.textContent?.trim() === label);
    radio?.querySelector('input')?.click();
    await settle(fixture);
  };
  return { fixture, root, http, credits, dialog, text, click, pickCard };
}

describe('BuyCreditsPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows each package with its credits, price and validity, then the clearly labelled test-mode picker', async () => {
    const { root, text, click } = await render();
    const lines = Array.from(root.querySelectorAll('.package > *')).map((line) => line.textContent?.trim());
    expect(lines).toEqual(['Ten classes', '10 credits', '€80.00', 'Valid for 90 days · €8.00 a credit', 'Choose']);
    expect(root.querySelector('.payment')).toBeNull();

    await click('Choose');
    expect(text('.package')).toContain('Chosen');
    expect(text('.payment h2')).toBe('Pay for Ten classes');
    expect(text('.test-mode')).toContain('Test mode — no real card is charged.');
    expect(Array.from(root.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim())).toEqual([
      'Visa ending 4242 — succeeds',
      'Card ending 3155 — asks for 3-D Secure',
      'Card ending 0002 — declined',
    ]);
    expect(button(root, 'Pay €80.00').disabled).toBe(false);
  });

  it('pays with the test Visa, says what was added and the new balance, and leads back to the class', async () => {
    const { fixture, root, http, text, click } = await render({ returnUrl: '/sessions/abc', returnLabel: 'Morning Yoga' });
    await click('Choose');
    await click('Pay €80.00');
    const request = http.expectOne('/api/v1/memberships/purchase');
    expect(request.request.body).toEqual({ packageId: tenClasses.id, paymentMethodId: 'pm_card_visa' });
    request.flush(paid, { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(text('.success h2')).toBe('Payment received');
    expect(text('.success [role="status"]')).toBe('10 credits added for Ten classes. Your balance is now 10 credits.');
    const back = Array.from(root.querySelectorAll('.success a')).find((a) => a.textContent?.trim() === 'Back to Morning Yoga');
    expect(back?.getAttribute('href')).toBe('/sessions/abc');
    expect(root.querySelector('.packages')).toBeNull();
  });

  it('asks the bank’s question in test mode (3-D Secure) and sends the member’s answer', async () => {
    const { fixture, http, dialog, text, click, pickCard } = await render();
    await click('Choose');
    await pickCard('Card ending 3155 — asks for 3-D Secure');
    await click('Pay €80.00');
    const asking = { ...paid, status: 'requires_action' as const, clientSecret: 'pi_1_secret_2' };
    const sent = http.expectOne('/api/v1/memberships/purchase');
    expect(sent.request.body.paymentMethodId).toBe('pm_card_threeDSecure2Required');
    sent.flush(asking, { status: 201, statusText: 'Created' });
    // The dialog's code loads on first use.
    await vi.waitFor(() => expect(dialog.open).toHaveBeenCalled());
    const bankStep = expect.objectContaining({ data: { purchase: asking, studioName: 'Harbour Yoga' } });
    expect(dialog.open).toHaveBeenCalledWith(expect.anything(), bankStep);
    await settle(fixture);
    const answer = http.expectOne(`/api/v1/memberships/purchases/${paid.id}/test-authentication`);
    expect(answer.request.body).toEqual({ outcome: 'succeed' });
    answer.flush(paid);
    await settle(fixture);
    expect(text('.success h2')).toBe('Payment received');
  });

  it('shows a decline with the card’s reason and keeps the cards to try another', async () => {
    const { fixture, root, http, credits, text, click, pickCard } = await render();
    await click('Choose');
    await pickCard('Card ending 0002 — declined');
    await click('Pay €80.00');
    http
      .expectOne('/api/v1/memberships/purchase')
      .flush(problem(402, 'PAYMENT_FAILED', { detail: 'The payment failed: Your card was declined.' }), {
        status: 402,
        statusText: 'Payment Required',
      });
    await settle(fixture);
    expect(text('[role="alert"]')).toBe('Payment declined. Your card was declined. Nothing was charged: try another card.');
    expect(root.querySelectorAll('mat-radio-button')).toHaveLength(3);
    expect(button(root, 'Pay €80.00').disabled).toBe(false);
    expect(credits.refresh).toHaveBeenCalledTimes(1); // on arrival only
  });

  it('offers no way "back" that would leave the app', async () => {
    const { root } = await render({ returnUrl: '//evil.example/phish', returnLabel: 'Morning Yoga' });
    expect(root.textContent).not.toContain('Back to');
  });
});
