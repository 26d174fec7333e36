import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { member, problem, tokenPair } from '../../../../testing/fixtures';
import { alertText, button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { AuthStore } from '../../../core/auth/auth.store';
import { ToastService } from '../../../core/ui/toast.service';
import { provideFormFieldDefaults } from '../../../core/ui/form-field-defaults';
import { ProfilePage } from './profile-page';

async function render() {
  const toast = { success: vi.fn(), error: vi.fn() };
  TestBed.configureTestingModule({
    imports: [ProfilePage],
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideFormFieldDefaults(),
      { provide: ToastService, useValue: toast },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  const signingIn = auth.signIn({ email: member.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await Promise.resolve();
  http.expectOne('/api/v1/me').flush(member);
  await signingIn;

  const fixture = TestBed.createComponent(ProfilePage);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const click = async (name: string) => {
    button(root, name).click();
    await settle(fixture);
  };
  const fill = async (values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) type(inputLabelled(root, label), value);
    await settle(fixture);
  };
  /** The account's details as shown: each term with its description. */
  const details = () =>
    Object.fromEntries(
      Array.from(root.querySelectorAll('dt')).map((dt) => [dt.textContent?.trim(), dt.nextElementSibling?.textContent?.trim()]),
    );
  return { fixture, root, http, auth, toast, click, fill, details };
}

/** The three password fields filled in, the new password confirmed. */
const passwords = (current: string) => ({
  'Current password': current,
  'New password': 'lantern orchard 77',
  'Confirm new password': 'lantern orchard 77',
});

const aRefusal = (path: string, message: string) => [
  problem(400, 'VALIDATION_FAILED', { errors: [{ path, message }] }),
  { status: 400, statusText: 'Bad Request' },
] as const;

describe('ProfilePage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the account: name, email and role', async () => {
    const { details } = await render();
    expect(details()).toEqual({ Name: 'Ana', Email: 'ana@example.com', Role: 'Member' });
  });

  describe('the name', () => {
    it('opens for editing with the name as it is, the field focused', async () => {
      const { root, click } = await render();
      await click('Edit');
      expect(inputLabelled(root, 'Name').value).toBe('Ana');
      expect(document.activeElement).toBe(inputLabelled(root, 'Name'));
    });

    it('saves the new name, trimmed, shows it and says so', async () => {
      const { root, http, auth, toast, click, fill, fixture, details } = await render();
      await click('Edit');
      await fill({ Name: '  Ana Lovelace ' });
      await click('Save');

      const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/me' });
      expect(patch.request.body).toEqual({ name: 'Ana Lovelace' });
      patch.flush({ ...member, name: 'Ana Lovelace' });
      await settle(fixture);

      expect(details()).toMatchObject({ Name: 'Ana Lovelace' });
      expect(auth.user()?.name).toBe('Ana Lovelace');
      expect(toast.success).toHaveBeenCalledWith('Your name is saved.');
      expect(document.activeElement).toBe(button(root, 'Edit'));
    });

    it('cancels without asking the server, and gives the focus back to Edit', async () => {
      const { root, http, click, fill, details } = await render();
      await click('Edit');
      await fill({ Name: 'Someone else' });
      await click('Cancel');

      http.expectNone('/api/v1/me');
      expect(details()).toMatchObject({ Name: 'Ana' });
      expect(document.activeElement).toBe(button(root, 'Edit'));
    });

    it('refuses a blank name before sending it', async () => {
      const { root, http, click, fill } = await render();
      await click('Edit');
      await fill({ Name: '   ' });
      await click('Save');
      expect(fieldMessage(root, 'Name')).toBe('Enter your name');
      http.expectNone('/api/v1/me');
    });

    it('shows the server’s word under the field and keeps the form open', async () => {
      const { root, http, click, fill, fixture, toast } = await render();
      await click('Edit');
      await fill({ Name: 'Ana 2' });
      await click('Save');
      http.expectOne('/api/v1/me').flush(...aRefusal('name', 'Use at most 100 characters'));
      await settle(fixture);

      expect(fieldMessage(root, 'Name')).toBe('Use at most 100 characters');
      expect(document.activeElement).toBe(inputLabelled(root, 'Name'));
      expect(toast.success).not.toHaveBeenCalled();
    });
  });

  describe('the password', () => {
    it('shows the rule of a new password before anything is typed', async () => {
      const { root } = await render();
      expect(fieldMessage(root, 'New password')).toBe('At least 10 characters');
    });

    it('checks every field before sending anything', async () => {
      const { root, http, click, fill } = await render();
      await click('Change password');
      expect(fieldMessage(root, 'Current password')).toBe('Enter your current password');
      expect(fieldMessage(root, 'New password')).toBe('Enter a new password');
      expect(fieldMessage(root, 'Confirm new password')).toBe('Enter the new password again');
      expect(document.activeElement).toBe(inputLabelled(root, 'Current password'));

      await fill({ 'Current password': 'correct horse battery', 'New password': 'short', 'Confirm new password': 'shorter' });
      await click('Change password');
      expect(fieldMessage(root, 'New password')).toBe('Use at least 10 characters');
      expect(fieldMessage(root, 'Confirm new password')).toBe('This is not the same as the new password');
      http.expectNone('/api/v1/me/password');
    });

    it('takes a confirmation typed first once the new password matches it', async () => {
      const { root, click, fill } = await render();
      await fill({ 'Confirm new password': 'lantern orchard 77', 'New password': 'lantern orchard 7' });
      await click('Change password');
      expect(fieldMessage(root, 'Confirm new password')).toBe('This is not the same as the new password');
      await fill({ 'New password': 'lantern orchard 77' });
      expect(fieldMessage(root, 'Confirm new password')).toBe('');
    });

    it('shows a wrong current password under its field, focused, and keeps the session', async () => {
      const { root, http, auth, click, fill, fixture } = await render();
      await fill(passwords('not it at all'));
      await click('Change password');
      http.expectOne('/api/v1/me/password').flush(...aRefusal('currentPassword', 'This is not your current password'));
      await settle(fixture);

      expect(fieldMessage(root, 'Current password')).toBe('This is not your current password');
      expect(document.activeElement).toBe(inputLabelled(root, 'Current password'));
      expect(auth.accessToken()).toBe('access-1');
    });

    it('shows a refusal that names no field above the button', async () => {
      const { root, http, click, fill, fixture } = await render();
      await fill(passwords('correct horse battery'));
      await click('Change password');
      http
        .expectOne('/api/v1/me/password')
        .flush(problem(429, 'RATE_LIMITED'), { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } });
      await settle(fixture);
      expect(alertText(root)).toBe('Too many attempts. Try again in 30 seconds.');
    });

    it('changes it: sends the current and new password, goes on with the new tokens, says so and empties the form', async () => {
      const { root, http, auth, toast, click, fill, fixture } = await render();
      await fill(passwords('correct horse battery'));
      await click('Change password');

      const post = http.expectOne({ method: 'POST', url: '/api/v1/me/password' });
      expect(post.request.body).toEqual({ currentPassword: 'correct horse battery', newPassword: 'lantern orchard 77' });
      post.flush(tokenPair(2));
      await settle(fixture);

      expect(auth.accessToken()).toBe('access-2');
      expect(auth.isSignedIn()).toBe(true);
      expect(toast.success).toHaveBeenCalledWith('Your password is changed. You have been signed out everywhere else.');
      for (const label of ['Current password', 'New password', 'Confirm new password']) expect(inputLabelled(root, label).value).toBe('');
      expect(fieldMessage(root, 'Current password')).toBe('');
      expect(fieldMessage(root, 'New password')).toBe('At least 10 characters');
    });
  });
});
