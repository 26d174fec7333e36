import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, RedirectCommand, type RouterStateSnapshot, provideRouter } from '@angular/router';
import type { Me } from '@fitflow/api-contract';
import { member, tokenPair } from '../../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { roleGuard } from './guards';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const state = { url: '/trainer' } as RouterStateSnapshot;

async function signedInAs(me: Me) {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const store = TestBed.inject(AuthStore);
  const http = TestBed.inject(HttpTestingController);
  const done = store.signIn({ email: me.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await tick();
  http.expectOne('/api/v1/me').flush(me);
  await done;
  return { http, guard: () => TestBed.runInInjectionContext(() => roleGuard('trainer', 'admin')({} as ActivatedRouteSnapshot, state)) };
}

describe('roleGuard', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets a trainer through without asking the API', async () => {
    const { guard } = await signedInAs({ ...member, role: 'trainer' });
    await expect(guard()).resolves.toBe(true);
  });

  it('re-reads the account before refusing: a member promoted since sign-in gets in', async () => {
    const { http, guard } = await signedInAs(member);
    const decision = guard();
    await tick();
    http.expectOne('/api/v1/me').flush({ ...member, role: 'trainer' });
    await expect(decision).resolves.toBe(true);
  });

  it('refuses a member who is still a member', async () => {
    const { http, guard } = await signedInAs(member);
    const decision = guard();
    await tick();
    http.expectOne('/api/v1/me').flush(member);
    await expect(decision).resolves.toBeInstanceOf(RedirectCommand);
  });
});
