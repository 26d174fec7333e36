import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { member, problem, tokenPair } from '../../../testing/fixtures';
import { ToastService } from '../ui/toast.service';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const tick = () => new Promise((resolve) => setTimeout(resolve));

async function signedIn(me: typeof member = member) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      { provide: ToastService, useValue: { success: vi.fn(), error: vi.fn() } },
    ],
  });
  const store = TestBed.inject(AuthStore);
  const http = TestBed.inject(HttpTestingController);
  const done = store.signIn({ email: member.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await tick();
  http.expectOne('/api/v1/me').flush(me);
  await done;
  return { store, http, client: TestBed.inject(HttpClient), router: TestBed.inject(Router) };
}

describe('authInterceptor', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('adds the bearer to API calls only', async () => {
    const { http, client } = await signedIn();

    void firstValueFrom(client.get('/api/v1/users'));
    void firstValueFrom(client.get('https://elsewhere.example/api/v1/users'));
    void firstValueFrom(client.post('/api/v1/auth/logout', { refreshToken: 'refresh-1' }));

    expect(http.expectOne('/api/v1/users').request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(http.expectOne('https://elsewhere.example/api/v1/users').request.headers.has('Authorization')).toBe(false);
    expect(http.expectOne('/api/v1/auth/logout').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once for two concurrent requests and retries both with the new token', async () => {
    const { http, client, store } = await signedIn();

    const first = firstValueFrom(client.get<{ n: number }>('/api/v1/users'));
    const second = firstValueFrom(client.get<{ n: number }>('/api/v1/me'));
    http.expectOne('/api/v1/users').flush(problem(401, 'UNAUTHENTICATED'), unauthorized);
    http.expectOne('/api/v1/me').flush(problem(401, 'UNAUTHENTICATED'), unauthorized);

    const refreshes = http.match('/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.request.body).toEqual({ refreshToken: 'refresh-1' });
    refreshes[0]?.flush(tokenPair(2));

    const retriedUsers = http.expectOne('/api/v1/users');
    const retriedMe = http.expectOne('/api/v1/me');
    expect(retriedUsers.request.headers.get('Authorization')).toBe('Bearer access-2');
    expect(retriedMe.request.headers.get('Authorization')).toBe('Bearer access-2');
    retriedUsers.flush({ n: 1 });
    retriedMe.flush({ n: 2 });

    await expect(first).resolves.toEqual({ n: 1 });
    await expect(second).resolves.toEqual({ n: 2 });
    expect(store.accessToken()).toBe('access-2');
    expect(localStorage.getItem('fitflow.refreshToken')).toBe('refresh-2');
  });

  it('retries only once: a second 401 reaches the caller', async () => {
    const { http, client } = await signedIn();

    const result = firstValueFrom(client.get('/api/v1/users'));
    http.expectOne('/api/v1/users').flush(problem(401, 'UNAUTHENTICATED'), unauthorized);
    http.expectOne('/api/v1/auth/refresh').flush(tokenPair(2));
    http.expectOne('/api/v1/users').flush(problem(401, 'UNAUTHENTICATED'), unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/v1/auth/refresh');
  });

  it('when the refresh fails, signs out and sends the person to sign in with a returnUrl', async () => {
    const { http, client, store, router } = await signedIn();
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);

    const result = firstValueFrom(client.get('/api/v1/users'));
    http.expectOne('/api/v1/users').flush(problem(401, 'UNAUTHENTICATED'), unauthorized);
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problem(401, 'INVALID_REFRESH_TOKEN'), unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
    expect(localStorage.getItem('fitflow.refreshToken')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/' } });
  });

  it('leaves other errors alone', async () => {
    const { http, client } = await signedIn();

    const result = firstValueFrom(client.get('/api/v1/users'));
    http.expectOne('/api/v1/users').flush(problem(409, 'INVALID_STATE'), { status: 409, statusText: 'Conflict' });

    await expect(result).rejects.toMatchObject({ status: 409 });
    http.expectNone('/api/v1/auth/refresh');
    http.expectNone('/api/v1/me');
  });

  it('on 403 re-reads the account, so the navigation follows a role withdrawn since sign-in, and passes the error on', async () => {
    const { http, client, store } = await signedIn({ ...member, role: 'admin' });

    const result = firstValueFrom(client.get('/api/v1/users'));
    http.expectOne('/api/v1/users').flush(problem(403, 'FORBIDDEN'), { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });

    http.expectOne('/api/v1/me').flush({ ...member, role: 'trainer' });
    await tick();
    expect(store.isAdmin()).toBe(false);
    expect(store.canUseTrainerTools()).toBe(true);
    http.expectNone('/api/v1/auth/refresh');
  });

  it('does not re-read the account when /me itself answers 403', async () => {
    const { http, client } = await signedIn();

    const result = firstValueFrom(client.get('/api/v1/me'));
    http.expectOne('/api/v1/me').flush(problem(403, 'FORBIDDEN'), { status: 403, statusText: 'Forbidden' });

    await expect(result).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/v1/me');
  });
});
