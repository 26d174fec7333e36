import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { member, tokenPair } from '../../../testing/fixtures';
import { aSession, berlinStudio, pageOf, tess } from '../../../testing/sessions';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { AuthStore } from '../../core/auth/auth.store';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK } from '../../core/time/studio-time';
import { EarlySessions, startEarlySessions } from './early-sessions';
import { filtersFromParams, sessionsQuery } from './schedule-filters';
import { isSchedulePath } from './preload-schedule';

/** Wednesday 25 November 2026, 10:00 UTC (11:00 in Berlin). */
const NOW = new Date('2026-11-25T10:00:00.000Z');

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  return { http: TestBed.inject(HttpTestingController), auth: TestBed.inject(AuthStore), early: TestBed.inject(EarlySessions) };
}

function sessionsRequest(http: HttpTestingController): TestRequest {
  return http.expectOne((request) => request.url === '/api/v1/sessions');
}

/** Lets awaited answers move on, and effects run. */
async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

describe('the schedule started early', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("asks for the URL's view once the studio's zone is known and the visitor is known to be nobody", async () => {
    const { http, auth } = setup();
    startEarlySessions(TestBed.inject(Injector), `?week=next&trainer=${tess.id}&q=flow`);
    await flushed();
    // Nobody known yet: a stored session could still be restored.
    http.expectNone((request) => request.url === '/api/v1/sessions');
    await auth.restoreSession();
    await flushed();
    // Nothing in the studio's zone yet: a week computed in UTC would be the wrong week.
    http.expectNone((request) => request.url === '/api/v1/sessions');

    http.expectOne('/api/v1/studio').flush(berlinStudio);
    await flushed();

    const params = sessionsRequest(http).request.params;
    expect(params.get('from')).toBe('2026-11-29T23:00:00.000Z');
    expect(params.get('to')).toBe('2026-12-06T23:00:00.000Z');
    expect(params.get('trainerId')).toBe(tess.id);
    expect(params.get('q')).toBe('flow');
    await flushed();
    http.expectNone((request) => request.url === '/api/v1/sessions');
  });

  it('asks at once when the zone and the caller are known by the time its code has loaded', async () => {
    const { http, auth } = setup();
    await auth.restoreSession();
    TestBed.inject(StudioStore);
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    await flushed();

    startEarlySessions(TestBed.inject(Injector), '?date=2026-12-03');
    // No change detection in between: the request is on its way already.
    expect(sessionsRequest(http).request.params.get('from')).toBe('2026-12-02T23:00:00.000Z');
  });

  it("with a stored session, asks as that member once the session's access token is back", async () => {
    localStorage.setItem('fitflow.refreshToken', 'refresh-0');
    const { http, auth } = setup();
    TestBed.inject(StudioStore);
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    startEarlySessions(TestBed.inject(Injector), '');
    const restored = auth.restoreSession();
    await flushed();
    http.expectNone((request) => request.url === '/api/v1/sessions');

    http.expectOne('/api/v1/auth/refresh').flush(tokenPair(1));
    await flushed();
    expect(sessionsRequest(http).request.headers.get('Authorization')).toBe('Bearer access-1');
    http.expectOne('/api/v1/me').flush(member);
    await restored;
  });
});

describe('EarlySessions', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  const query = sessionsQuery(filtersFromParams({ week: 'next' }), NOW, 'Europe/Berlin');

  it('hands its answer to the page once, for the same query: a reload asks again', async () => {
    const { http, early } = setup();
    early.start(query);
    const answer = pageOf([aSession()]);
    sessionsRequest(http).flush(answer);

    const taken = early.take({ ...query });
    expect(taken).not.toBeNull();
    await expect(firstValueFrom(taken as NonNullable<typeof taken>)).resolves.toEqual(answer);
    expect(early.take(query)).toBeNull();
  });

  it('keeps nothing for another query (the visitor changed the filters meanwhile)', () => {
    const { http, early } = setup();
    early.start(query);
    sessionsRequest(http).flush(pageOf([]));
    expect(early.take({ ...query, q: 'yoga' })).toBeNull();
  });

  it('keeps nothing for another caller: `me` and `actions` were answered for whoever asked', async () => {
    const { http, early, auth } = setup();
    const signedIn = auth.signIn({ email: member.email, password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await flushed();
    http.expectOne('/api/v1/me').flush(member);
    await signedIn;

    early.start(query);
    sessionsRequest(http).flush(pageOf([]));
    auth.clearSession();
    expect(early.take(query)).toBeNull();
  });

  it('asks nothing once the page has asked for itself (its code was there first)', () => {
    const { http, early } = setup();
    expect(early.take(query)).toBeNull();
    early.start(query);
    http.expectNone((request) => request.url === '/api/v1/sessions');
  });

  it('passes a failed answer on, so the page shows the error and its Retry asks again', async () => {
    const { http, early } = setup();
    early.start(query);
    sessionsRequest(http).flush(null, { status: 0, statusText: 'Unknown Error' });
    const taken = early.take(query) as NonNullable<ReturnType<EarlySessions['take']>>;
    await expect(firstValueFrom(taken)).rejects.toMatchObject({ status: 0 });
    expect(early.take(query)).toBeNull();
  });
});

describe('isSchedulePath', () => {
  it('knows the home page and the schedule, not the other pages', () => {
    expect(['/', '', '/schedule', '/schedule/'].map(isSchedulePath)).toEqual([true, true, true, true]);
    expect(['/sessions/1', '/bookings/upcoming', '/schedules'].map(isSchedulePath)).toEqual([false, false, false]);
  });
});
