import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@fitflow/api-contract';
import { admin, member, tokenPair } from '../testing/fixtures';
import { settle } from '../testing/dom';
import { App } from './app';
import { appConfig } from './app.config';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthStore } from './core/auth/auth.store';

async function render(user: Me | null) {
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
  });
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const links = Array.from(root.querySelectorAll('header a, header button')).map((el) => el.textContent?.trim());
  return { root, links };
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

  it('gives an admin the Trainer and Users sections', async () => {
    const { links } = await render(admin);
    expect(links).toEqual(expect.arrayContaining(['Schedule', 'Trainer', 'Users', 'Account']));
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
