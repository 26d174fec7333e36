import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Session } from '@fitflow/api-contract';
import { button, settle } from '../../../../testing/dom';
import { member, problem, tokenPair } from '../../../../testing/fixtures';
import { aSession, anonymousActions, berlinStudio, full } from '../../../../testing/sessions';
import { AuthStore } from '../../../core/auth/auth.store';
import { HoldPanel } from './hold-panel';
import { HoldStore } from './hold.store';

async function render(session: Session) {
  TestBed.configureTestingModule({
    imports: [HoldPanel],
    providers: [HoldStore, provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(HoldPanel);
  fixture.componentRef.setInput('session', session);
  await settle(fixture);
  TestBed.inject(HttpTestingController).expectOne('/api/v1/studio').flush(berlinStudio);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  return { text: () => root.textContent?.replace(/\s+/g, ' ').trim() };
}

describe('HoldPanel', () => {
  it('offers "Hold my spot", and how long it keeps it, where the API says the member can hold one', async () => {
    const { text } = await render(aSession());
    expect(text()).toBe('Keeps a spot for you for 10 minutes Hold my spot');
  });

  it('offers nothing where the API refuses a hold (the class is full) or asks to sign in first', async () => {
    expect((await render(aSession({ availableSpots: 0, actions: { book: full, hold: full } }))).text()).toBe('');
    TestBed.resetTestingModule();
    expect((await render(aSession({ actions: anonymousActions }))).text()).toBe('');
  });

  it('offers "Buy credits" beside the refusal when confirming the hold needs credits the member lacks, and leads back here', async () => {
    localStorage.clear();
    const holdId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';
    const session = aSession({ name: 'Morning Yoga', me: { bookingId: null, holdId, waitlistPosition: null } });
    TestBed.configureTestingModule({
      imports: [HoldPanel],
      providers: [HoldStore, provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const signingIn = TestBed.inject(AuthStore).signIn({ email: member.email, password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/me').flush(member);
    await signingIn;
    const fixture = TestBed.createComponent(HoldPanel);
    fixture.componentRef.setInput('session', session);
    await settle(fixture);
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    const root = fixture.nativeElement as HTMLElement;
    const text = () => root.textContent?.replace(/\s+/g, ' ').trim();
    // The session says the member holds a spot: the panel shows that hold.
    http.expectOne(`/api/v1/holds/${holdId}`).flush({
      id: holdId,
      sessionId: session.id,
      sessionName: session.name,
      startsAt: session.startsAt,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      status: 'pending',
      source: 'member',
    });
    await settle(fixture);

    button(root, 'Confirm').click();
    await settle(fixture);
    http
      .expectOne(`/api/v1/holds/${holdId}/confirm`)
      .flush(problem(402, 'INSUFFICIENT_CREDITS'), { status: 402, statusText: 'Payment Required' });
    await settle(fixture);

    expect(root.querySelector('[role="alert"]')?.textContent).toBe('You do not have enough credits for this class.');
    expect(text()).toContain('Your spot is held');
    const link = Array.from(root.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Buy credits');
    const url = new URL(link?.getAttribute('href') ?? '', 'http://app.test');
    expect(url.pathname).toBe('/credits/buy');
    expect(url.searchParams.get('returnUrl')).toBe(`/sessions/${session.id}`);
  });
});
