import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { member, problem, tokenPair } from '../../../../testing/fixtures';
import { button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { AuthStore } from '../../../core/auth/auth.store';
import { RegisterPage } from './register-page';

async function render(returnUrl?: string) {
  TestBed.configureTestingModule({
    imports: [RegisterPage],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(RegisterPage);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const fill = async (values: { email?: string; name?: string; password?: string }) => {
    if (values.email !== undefined) type(inputLabelled(root, 'Email'), values.email);
    if (values.name !== undefined) type(inputLabelled(root, 'Name'), values.name);
    if (values.password !== undefined) type(inputLabelled(root, 'Password'), values.password);
    await settle(fixture);
  };
  const submit = async () => {
    button(root, 'Create account').click();
    await settle(fixture);
  };
  const link = (name: string) => Array.from(root.querySelectorAll('a')).find((a) => a.textContent?.trim() === name);
  return { fixture, root, fill, submit, link, http: TestBed.inject(HttpTestingController) };
}

describe('RegisterPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the password rule before anything is typed', async () => {
    const { root } = await render();
    expect(root.querySelector('h1')?.textContent).toBe('Create your account');
    expect(fieldMessage(root, 'Password')).toBe('At least 10 characters');
  });

  it('checks every field before sending anything', async () => {
    const { root, submit, http } = await render();
    await submit();

    expect(fieldMessage(root, 'Email')).toBe('Enter your email address');
    expect(fieldMessage(root, 'Name')).toBe('Enter your name');
    expect(fieldMessage(root, 'Password')).toBe('Enter a password');
    expect(document.activeElement).toBe(inputLabelled(root, 'Email'));
    http.expectNone('/api/v1/auth/register');
  });

  it('mirrors the server rules: email format, a name that is not blank, at least 10 characters', async () => {
    const { root, fill, submit, http } = await render();
    await fill({ email: 'ana@localhost', name: '   ', password: 'short' });
    await submit();

    expect(fieldMessage(root, 'Email')).toBe('Enter a valid email address');
    expect(fieldMessage(root, 'Name')).toBe('Enter your name');
    expect(fieldMessage(root, 'Password')).toBe('Use at least 10 characters');
    http.expectNone('/api/v1/auth/register');
  });

  it('shows EMAIL_TAKEN under the email field with a link to sign in, until the email is edited', async () => {
    const { root, fixture, fill, submit, link, http } = await render('/sessions/42');
    await fill({ email: 'ana@example.com', name: 'Ana', password: 'a long enough secret' });
    await submit();

    const register = http.expectOne('/api/v1/auth/register');
    expect(register.request.body).toEqual({ email: 'ana@example.com', name: 'Ana', password: 'a long enough secret' });
    register.flush(problem(409, 'EMAIL_TAKEN'), { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    expect(fieldMessage(root, 'Email')).toBe('An account with this email already exists. Sign in instead.');
    expect(document.activeElement).toBe(inputLabelled(root, 'Email'));
    expect(link('Sign in instead')?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fsessions%2F42');

    await fill({ email: 'ana2@example.com' });
    expect(fieldMessage(root, 'Email')).toBe('');
    expect(link('Sign in instead')).toBeUndefined();
  });

  it.each([
    ['password123', 'This password is too common. Choose another one.'],
    ['Ana-Ribeiro-2026', 'Too easy to guess: it contains your name.'],
    ['          ', 'Too easy to guess: it repeats the same characters.'],
  ])("shows the server's verdict on %j under the password field", async (password, verdict) => {
    const { root, fixture, fill, submit, http } = await render();
    await fill({ email: 'ana@example.com', name: 'Ana Ribeiro', password });
    await submit();

    http.expectOne('/api/v1/auth/register').flush(
      problem(400, 'VALIDATION_FAILED', { errors: [{ path: 'password', message: verdict }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);

    expect(fieldMessage(root, 'Password')).toBe(verdict);
    expect(fieldMessage(root, 'Email')).toBe('');
  });

  it('signs in with the new account and goes home', async () => {
    const { fixture, fill, submit, http } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fill({ email: ' ana@example.com ', name: ' Ana ', password: 'a long enough secret' });
    await submit();

    http.expectOne('/api/v1/auth/register').flush({ id: member.id }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    const login = http.expectOne('/api/v1/auth/login');
    expect(login.request.body).toEqual({ email: 'ana@example.com', password: 'a long enough secret' });
    login.flush(tokenPair(1));
    await settle(fixture);
    http.expectOne('/api/v1/me').flush(member);
    await settle(fixture);

    expect(TestBed.inject(AuthStore).user()).toEqual(member);
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('goes back to the returnUrl sign-in passed on, once the account exists', async () => {
    const { fixture, fill, submit, link, http } = await render('/sessions/42');
    expect(link('Sign in')?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fsessions%2F42');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fill({ email: 'ana@example.com', name: 'Ana', password: 'a long enough secret' });
    await submit();

    http.expectOne('/api/v1/auth/register').flush({ id: member.id }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await settle(fixture);
    http.expectOne('/api/v1/me').flush(member);
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith('/sessions/42');
  });
});
