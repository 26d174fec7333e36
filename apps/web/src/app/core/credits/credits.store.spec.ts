import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Membership } from '@fitflow/api-contract';
import { member, tokenPair } from '../../../testing/fixtures';
import { berlinStudio } from '../../../testing/sessions';
import { AuthStore } from '../auth/auth.store';
import { CreditsStore } from './credits.store';

const tick = () => new Promise((resolve) => setTimeout(resolve));

function setup(timeZone = 'Europe/Berlin') {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(CreditsStore);
  http.expectOne('/api/v1/studio').flush({ ...berlinStudio, timeZone });
  return { http, store, auth: TestBed.inject(AuthStore) };
}

async function signIn(auth: InstanceType<typeof AuthStore>, http: HttpTestingController) {
  const done = auth.signIn({ email: member.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await tick();
  http.expectOne('/api/v1/me').flush(member);
  await done;
  TestBed.tick();
}

const balance = (credits: number, extra: Partial<Membership> = {}): Membership => ({
  credits,
  validUntil: null,
  expiresSoon: false,
  ...extra,
});

describe('CreditsStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reads the balance of whoever signs in, and forgets it at sign-out', async () => {
    const { http, store, auth } = setup();
    TestBed.tick();
    http.expectNone('/api/v1/memberships/me');
    expect(store.balanceLabel()).toBeNull();

    await signIn(auth, http);
    http.expectOne('/api/v1/memberships/me').flush(balance(12));
    await tick();
    expect(store.balanceLabel()).toBe('12 credits');

    const out = auth.signOut();
    http.expectOne('/api/v1/auth/logout').flush({});
    await out;
    TestBed.tick();
    expect(store.membership()).toBeNull();
    expect(store.balanceLabel()).toBeNull();
  });

  it('shows the latest balance asked for, even when an earlier answer arrives after it', async () => {
    const { http, store, auth } = setup();
    await signIn(auth, http);
    const first = http.expectOne('/api/v1/memberships/me');
    const again = store.refresh();
    const second = http.expectOne('/api/v1/memberships/me');
    second.flush(balance(4));
    await again;
    first.flush(balance(5));
    await tick();
    expect(store.balanceLabel()).toBe('4 credits');
  });

  it('keeps the balance shown when it cannot be read again', async () => {
    const { http, store, auth } = setup();
    await signIn(auth, http);
    http.expectOne('/api/v1/memberships/me').flush(balance(1));
    await tick();
    const again = store.refresh();
    http.expectOne('/api/v1/memberships/me').flush(null, { status: 503, statusText: 'Unavailable' });
    await again;
    expect(store.balanceLabel()).toBe('1 credit');
  });

  it('warns of credits that expire soon, naming the studio’s day, not the browser’s or UTC’s', async () => {
    // 12:30 UTC on Sunday 6 December is already Monday 7 December, 01:30, in Auckland.
    const { http, store, auth } = setup('Pacific/Auckland');
    await signIn(auth, http);
    http.expectOne('/api/v1/memberships/me').flush(balance(4, { validUntil: '2026-12-06T12:30:00.000Z', expiresSoon: true }));
    await tick();
    expect(store.expiryNotice()).toBe('Your 4 credits expire on Monday 7 December — use them or buy more');

    const again = store.refresh();
    http.expectOne('/api/v1/memberships/me').flush(balance(1, { validUntil: '2026-12-06T12:30:00.000Z', expiresSoon: true }));
    await again;
    expect(store.expiryNotice()).toBe('Your 1 credit expires on Monday 7 December — use them or buy more');
  });

  it('says nothing of expiry unless the API says it is soon', async () => {
    const { http, store, auth } = setup();
    await signIn(auth, http);
    http.expectOne('/api/v1/memberships/me').flush(balance(4, { validUntil: '2026-12-06T12:30:00.000Z', expiresSoon: false }));
    await tick();
    expect(store.expiryNotice()).toBeNull();
  });
});
