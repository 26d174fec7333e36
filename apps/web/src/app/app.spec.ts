import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me, Membership } from '@fitflow/api-contract';
import { admin, member, tokenPair } from '../testing/fixtures';
import { settle } from '../testing/dom';
import { App } from './app';
import { appConfig } from './app.config';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthStore } from './core/auth/auth.store';
import { CreditsStore } from './core/credits/credits.store';

const noCredits: Membership = { credits: 0, validUntil: null, expiresSoon: false };

async function render(user: Me | null, membership: Membership = noCredits) {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [App],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  if (user) {
    const done = auth.signIn({ email: user.email, password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/v1/me').flush(user);
    await done;
  } else {
    await auth.restoreSession();
  }
  const fixture = TestBed.createComponent(App);
  await settle(fixture);
  http.expectOne('/api/v1/studio').flush({
    name: 'Harbour Yoga',
    timeZone: 'Europe/Lisbon',
    currency: 'EUR',
    holdMinutes: 10,
    waitlistHoldMinutes: 5,
    checkInGraceMinutes: 10,
    cancellationPolicy: [],
    payments: { mode: 'test', publishableKey: null },
  });
  // A signed-in account's balance, for the toolbar.
  if (user) http.expectOne('/api/v1/memberships/me').flush(membership);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const links = Array.from(root.querySelectorAll('header a, header button')).map((el) => el.textContent?.trim());
  return { root, links, fixture, http };
}

describe('App shell', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("shows the studio's name and, to a visitor, Schedule, Sign in and Register", async () => {
    const { root, links } = await render(null);
    expect(root.querySelector('.brand')?.textContent?.trim()).toBe('Harbour Yoga');
    expect(links).toEqual(expect.arrayContaining(['Schedule', 'Sign in', 'Register']));
    expect(links).not.toContain('Account');
    expect(links).not.toContain('Users');
  });

  it('gives a member the account menu but no trainer or admin sections', async () => {
    const { links } = await render(member);
    expect(links).toEqual(expect.arrayContaining(['Schedule', 'Account']));
    expect(links).not.toContain('Trainer');
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Sign in');
  });

  it("loads the account menu at the first click on its button, and opens it there", async () => {
    const { root, fixture } = await render(member);
    const account = Array.from(root.querySelectorAll('header button')).find((el) => el.textContent?.trim() === 'Account');
    expect(account?.getAttribute('aria-haspopup')).toBe('menu');
    (account as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('[role="menuitem"]')).not.toBeNull());
    await settle(fixture);
    const items = Array.from(document.querySelectorAll('[role="menuitem"]')).map((el) => el.textContent?.trim());
    expect(items).toEqual(['Profile', 'Sign out']);
    // The menu's own button took the stand-in's place: one Account button, the one that opened the menu.
    const buttons = Array.from(root.querySelectorAll('header button')).filter((el) => el.textContent?.trim() === 'Account');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute('aria-expanded')).toBe('true');
  });

  it('gives an admin the Trainer, Users and Packages sections', async () => {
    const { links } = await render(admin);
    expect(links).toEqual(expect.arrayContaining(['Schedule', 'Trainer', 'Users', 'Packages', 'Account']));
  });

  it('shows a signed-in member their balance, leading to their credits, and no expiry banner while none is near', async () => {
    const { root, links } = await render(member, { credits: 12, validUntil: '2027-03-01T10:00:00.000Z', expiresSoon: false });
    const balance = root.querySelector<HTMLAnchorElement>('a.balance');
    expect(balance?.textContent?.trim()).toBe('12 credits');
    expect(balance?.getAttribute('href')).toBe('/credits');
    expect(links).toContain('Credits');
    expect(root.querySelector('.expiry-banner')).toBeNull();
  });

  it('warns when the API says the credits expire soon, with the day and the way to buy more', async () => {
    const { root } = await render(member, { credits: 4, validUntil: '2026-12-07T18:00:00.000Z', expiresSoon: true });
    const banner = root.querySelector('.expiry-banner');
    expect(banner?.getAttribute('role')).toBe('status');
    expect(banner?.textContent).toContain('Your 4 credits expire on Monday 7 December — use them or buy more');
    expect(banner?.querySelector('a')?.getAttribute('href')).toBe('/credits/buy');
  });

  it('shows the balance again after something changed it (the credits store refreshes)', async () => {
    const { root, fixture, http } = await render(member, { credits: 5, validUntil: null, expiresSoon: false });
    const refreshed = TestBed.inject(CreditsStore).refresh();
    http.expectOne('/api/v1/memberships/me').flush({ credits: 4, validUntil: null, expiresSoon: false });
    await refreshed;
    await settle(fixture);
    expect(root.querySelector('a.balance')?.textContent?.trim()).toBe('4 credits');
  });

  it('shows no balance once signed out', async () => {
    const { root, fixture, http } = await render(member, { credits: 5, validUntil: null, expiresSoon: false });
    const signedOut = TestBed.inject(AuthStore).signOut();
    http.expectOne('/api/v1/auth/logout').flush({});
    await signedOut;
    await settle(fixture);
    expect(root.querySelector('a.balance')).toBeNull();
    expect(TestBed.inject(CreditsStore).membership()).toBeNull();
  });

  it('boots with the real app configuration (no dependency cycle between the router and the first request)', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await settle(fixture);
    // The home page (the schedule) starts its own requests; this test is about booting, so they are let go.
    TestBed.inject(HttpTestingController).match(() => true);
    expect((fixture.nativeElement as HTMLElement).querySelector('.brand')?.textContent?.trim()).toBe('FitFlow');
  });
});
