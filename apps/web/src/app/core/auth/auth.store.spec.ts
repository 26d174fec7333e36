import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { member, problem, tokenPair } from '../../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';

const STORAGE_KEY = 'fitflow.refreshToken';

function setup() {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  return { store: TestBed.inject(AuthStore), http: TestBed.inject(HttpTestingController) };
}

describe('AuthStore', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs in: keeps the access token in memory, the refresh token in storage, and loads the user', async () => {
    const { store, http } = setup();
    const signedIn = store.signIn({ email: 'ana@example.com', password: 'correct horse battery' });

    const login = http.expectOne('/api/v1/auth/login');
    expect(login.request.body).toEqual({ email: 'ana@example.com', password: 'correct horse battery' });
    login.flush(tokenPair(1));
    await Promise.resolve();
    const me = http.expectOne('/api/v1/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer access-1');
    me.flush(member);

    await expect(signedIn).resolves.toEqual(member);
    expect(store.isSignedIn()).toBe(true);
    expect(store.user()).toEqual(member);
    expect(store.status()).toBe('signed-in');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('refresh-1');
    expect(JSON.stringify(localStorage)).not.toContain('access-1');
  });

  it('rejects a wrong password and stays signed out', async () => {
    const { store, http } = setup();
    const signedIn = store.signIn({ email: 'ana@example.com', password: 'wrong password' });
    http
      .expectOne('/api/v1/auth/login')
      .flush(problem(401, 'INVALID_CREDENTIALS'), { status: 401, statusText: 'Unauthorized' });

    await expect(signedIn).rejects.toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('restores a session from the stored refresh token at start-up', async () => {
    localStorage.setItem(STORAGE_KEY, 'refresh-0');
    const { store, http } = setup();
    expect(store.status()).toBe('restoring');

    const restored = store.restoreSession();
    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-0' });
    refresh.flush(tokenPair(1));
    await Promise.resolve();
    http.expectOne('/api/v1/me').flush(member);
    await restored;

    expect(store.user()).toEqual(member);
    expect(store.accessToken()).toBe('access-1');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('refresh-1');
  });

  it('settles as anonymous when the stored refresh token is refused', async () => {
    localStorage.setItem(STORAGE_KEY, 'refresh-stale');
    const { store, http } = setup();

    const restored = store.restoreSession();
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problem(401, 'INVALID_REFRESH_TOKEN'), { status: 401, statusText: 'Unauthorized' });
    await restored;

    expect(store.status()).toBe('anonymous');
    expect(store.isSignedIn()).toBe(false);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('is anonymous at once when no refresh token is stored', async () => {
    const { store } = setup();
    await store.restoreSession();
    expect(store.status()).toBe('anonymous');
  });

  it('signs out: revokes the refresh token on the server and forgets the session', async () => {
    const { store, http } = setup();
    const signedIn = store.signIn({ email: 'ana@example.com', password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await Promise.resolve();
    http.expectOne('/api/v1/me').flush(member);
    await signedIn;

    const signedOut = store.signOut();
    const logout = http.expectOne('/api/v1/auth/logout');
    expect(logout.request.method).toBe('POST');
    expect(logout.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(store.isSignedIn()).toBe(false);
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;

    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('tells which roles the user has', async () => {
    const { store, http } = setup();
    const signedIn = store.signIn({ email: 'ana@example.com', password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await Promise.resolve();
    http.expectOne('/api/v1/me').flush({ ...member, role: 'trainer' });
    await signedIn;

    expect(store.hasRole('trainer', 'admin')).toBe(true);
    expect(store.hasRole('admin')).toBe(false);
    expect(store.canUseTrainerTools()).toBe(true);
    expect(store.isAdmin()).toBe(false);
  });
  describe('following the role the account has now', () => {
    async function signedInAs(role: 'member' | 'trainer' | 'admin') {
      const { store, http } = setup();
      const signedIn = store.signIn({ email: 'ana@example.com', password: 'correct horse battery' });
      http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
      await Promise.resolve();
      http.expectOne('/api/v1/me').flush({ ...member, role });
      await signedIn;
      return { store, http };
    }

    it('re-reads the account, so a role granted since sign-in shows at once', async () => {
      const { store, http } = await signedInAs('member');
      const reloaded = store.reloadUser();
      http.expectOne('/api/v1/me').flush({ ...member, role: 'trainer' });
      await reloaded;
      expect(store.canUseTrainerTools()).toBe(true);
    });

    it('shares one /me between reloads asked for at once', async () => {
      const { store, http } = await signedInAs('admin');
      const both = Promise.all([store.reloadUser(), store.reloadUser()]);
      http.expectOne('/api/v1/me').flush({ ...member, role: 'trainer' });
      await both;
      expect(store.isAdmin()).toBe(false);
    });

    it('keeps what it has when the account cannot be read, and never throws', async () => {
      const { store, http } = await signedInAs('trainer');
      const reloaded = store.reloadUser();
      http.expectOne('/api/v1/me').flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Internal Server Error' });
      await expect(reloaded).resolves.toBeUndefined();
      expect(store.role()).toBe('trainer');
    });

    it('does not bring the account back when its answer arrives after signing out', async () => {
      const { store, http } = await signedInAs('trainer');
      const reloaded = store.reloadUser();
      const me = http.expectOne('/api/v1/me');
      const signedOut = store.signOut();
      http.expectOne('/api/v1/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
      await signedOut;
      me.flush({ ...member, role: 'admin' });
      await reloaded;
      expect(store.user()).toBeNull();
      expect(store.isAdmin()).toBe(false);
    });

    it('asks nothing while signed out', async () => {
      const { store } = setup();
      await store.reloadUser();
      expect(store.user()).toBeNull();
    });

    it('re-reads the account when the tab becomes visible again', async () => {
      const { store, http } = await signedInAs('admin');
      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
      document.dispatchEvent(new Event('visibilitychange'));
      http.expectOne('/api/v1/me').flush({ ...member, role: 'member' });
      await Promise.resolve();
      await Promise.resolve();
      expect(store.role()).toBe('member');
    });
  });

  describe('the account’s own changes', () => {
    async function signedIn() {
      const { store, http } = setup();
      const signingIn = store.signIn({ email: 'ana@example.com', password: 'correct horse battery' });
      http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
      await Promise.resolve();
      http.expectOne('/api/v1/me').flush(member);
      await signingIn;
      return { store, http };
    }

    it('shows a new name at once', async () => {
      const { store, http } = await signedIn();
      const saving = store.updateProfile({ name: 'Ana Lovelace' });
      const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/me' });
      expect(patch.request.body).toEqual({ name: 'Ana Lovelace' });
      patch.flush({ ...member, name: 'Ana Lovelace' });
      await saving;
      expect(store.user()?.name).toBe('Ana Lovelace');
    });

    it('goes on with the tokens a password change answers: the old ones no longer work', async () => {
      const { store, http } = await signedIn();
      const changing = store.changePassword({ currentPassword: 'correct horse battery', newPassword: 'lantern orchard 77' });
      const post = http.expectOne({ method: 'POST', url: '/api/v1/me/password' });
      expect(post.request.headers.get('Authorization')).toBe('Bearer access-1');
      post.flush(tokenPair(2));
      await changing;
      expect(store.accessToken()).toBe('access-2');
      expect(localStorage.getItem(STORAGE_KEY)).toBe('refresh-2');
      expect(store.isSignedIn()).toBe(true);
    });

    it('keeps the session as it was when the change is refused', async () => {
      const { store, http } = await signedIn();
      const changing = store.changePassword({ currentPassword: 'not it', newPassword: 'lantern orchard 77' });
      http
        .expectOne('/api/v1/me/password')
        .flush(problem(400, 'VALIDATION_FAILED', { errors: [{ path: 'currentPassword', message: 'This is not your current password' }] }), {
          status: 400,
          statusText: 'Bad Request',
        });
      await expect(changing).rejects.toMatchObject({ status: 400 });
      expect(store.accessToken()).toBe('access-1');
      expect(localStorage.getItem(STORAGE_KEY)).toBe('refresh-1');
    });
  });
});
