import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@fitflow/api-contract';
import { admin, member, problem, tokenPair } from '../../../../testing/fixtures';
import { alertText, button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { destinationAfterSignIn, safeReturnUrl } from '../return-url';
import { SignInPage } from './sign-in-page';

async function render(returnUrl?: string) {
  TestBed.configureTestingModule({
    imports: [SignInPage],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(SignInPage);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const signIn = async (email: string, password: string) => {
    type(inputLabelled(root, 'Email'), email);
    type(inputLabelled(root, 'Password'), password);
    button(root, 'Sign in').click();
    await settle(fixture);
  };
  return { fixture, root, signIn, http: TestBed.inject(HttpTestingController) };
}

describe('SignInPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for both fields before sending anything', async () => {
    const { root, fixture, http } = await render();
    button(root, 'Sign in').click();
    await settle(fixture);

    expect(root.querySelector('h1')?.textContent).toBe('Sign in');
    expect(fieldMessage(root, 'Email')).toBe('Enter your email address');
    expect(fieldMessage(root, 'Password')).toBe('Enter your password');
    http.expectNone('/api/v1/auth/login');
  });

  it('says "Email or password is wrong." in place on INVALID_CREDENTIALS', async () => {
    const { root, fixture, signIn, http } = await render();
    await signIn('ana@example.com', 'not my password');

    http
      .expectOne('/api/v1/auth/login')
      .flush(problem(401, 'INVALID_CREDENTIALS'), { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);

    expect(alertText(root)).toBe('Email or password is wrong.');
    expect(button(root, 'Sign in').disabled).toBe(false);
  });

  it('says when to try again on RATE_LIMITED', async () => {
    const { root, fixture, signIn, http } = await render();
    await signIn('ana@example.com', 'not my password');

    http.expectOne('/api/v1/auth/login').flush(problem(429, 'RATE_LIMITED'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '37' },
    });
    await settle(fixture);

    expect(alertText(root)).toBe('Too many attempts. Try again in 37 seconds.');
  });

  it('goes back to the returnUrl once signed in', async () => {
    const { fixture, signIn, http } = await render('/admin/users?q=ana');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await signIn('ana@example.com', 'correct horse battery');

    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await settle(fixture);
    http.expectOne('/api/v1/me').flush(member);
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith('/admin/users?q=ana');
  });

  const trainer: Me = { ...member, id: '0b7e3a52-3c1c-4d6e-9a43-5a3f0c1d2e03', role: 'trainer' };
  it.each([
    [trainer, '/trainer/classes'],
    [admin, '/'],
    [member, '/'],
  ])('without a returnUrl, lands a $role on $1', async (account, landing) => {
    const { fixture, signIn, http } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await signIn(account.email, 'correct horse battery');

    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await settle(fixture);
    http.expectOne('/api/v1/me').flush(account);
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith(landing);
  });

  it('passes the returnUrl on to "Create an account"', async () => {
    const { root } = await render('/sessions/42?x=1');
    const link = Array.from(root.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Create an account');
    expect(link?.getAttribute('href')).toBe('/register?returnUrl=%2Fsessions%2F42%3Fx%3D1');
  });
});

describe('destinationAfterSignIn', () => {
  it('prefers the returnUrl over the role\'s landing, even for a trainer', () => {
    expect(destinationAfterSignIn('/sessions/42', 'trainer')).toBe('/sessions/42');
    expect(destinationAfterSignIn(undefined, 'trainer')).toBe('/trainer/classes');
    expect(destinationAfterSignIn('//evil.example', 'trainer')).toBe('/');
  });
});

describe('safeReturnUrl', () => {
  it('never returns to another site', () => {
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/profile')).toBe('/profile');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
