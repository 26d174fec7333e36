import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@fitflow/api-contract';
import { admin, tokenPair } from '../../../testing/fixtures';
import { aSession, berlinStudio, pageOf, tess } from '../../../testing/sessions';
import { AuthStore } from '../../core/auth/auth.store';
import { CLOCK } from '../../core/time/studio-time';
import { TODAY_PAGE_SIZE, TodayStore } from './today.store';

/** Monday 30 November 2026, 00:30 in Berlin: still Sunday in UTC. */
const NOW = new Date('2026-11-29T23:30:00.000Z');
let now = NOW;
const trainer: Me = { id: tess.id, email: 'tess@example.com', name: tess.name, role: 'trainer' };

async function setup(user: Me) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [TodayStore, provideHttpClient(), provideHttpClientTesting(), { provide: CLOCK, useValue: () => now }],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  const signedIn = auth.signIn({ email: user.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await Promise.resolve();
  http.expectOne('/api/v1/me').flush(user);
  await signedIn;
  const store = TestBed.inject(TodayStore);
  TestBed.tick();
  return { store, http };
}

describe('TodayStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    now = NOW;
  });

  it('reaches an hour past now late in the evening, so a class just after midnight is at hand', async () => {
    now = new Date('2026-11-30T22:40:00.000Z'); // 23:40 in Berlin
    const { http } = await setup(trainer);
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    await Promise.resolve();
    TestBed.tick();
    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.get('from')).toBe('2026-11-29T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-11-30T23:40:00.000Z');
    request.flush(pageOf([]));
  });

  it("asks for the trainer's own classes of the studio's day, once its time zone is known, and leaves drafts out", async () => {
    const { store, http } = await setup(trainer);
    http.expectNone((request) => request.url === '/api/v1/sessions');
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    await Promise.resolve();
    TestBed.tick();

    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.get('from')).toBe('2026-11-29T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-11-30T23:00:00.000Z');
    expect(request.request.params.get('trainerId')).toBe(tess.id);
    expect(request.request.params.get('pageSize')).toBe(String(TODAY_PAGE_SIZE));
    const published = aSession();
    request.flush(pageOf([aSession({ status: 'draft' }), published]));
    expect(store.shown()).toEqual([published]);
    expect(store.dayLabel()).toBe('Monday 30 November');
  });

  it("shows an admin every trainer's classes of the day", async () => {
    const { http } = await setup(admin);
    http.expectOne('/api/v1/studio').flush(berlinStudio);
    await Promise.resolve();
    TestBed.tick();
    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.has('trainerId')).toBe(false);
    request.flush(pageOf([]));
  });
});
