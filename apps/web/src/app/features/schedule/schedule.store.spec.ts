import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Params, Router, provideRouter } from '@angular/router';
import { member, tokenPair } from '../../../testing/fixtures';
import { aSession, berlinStudio, marco, pageOf, tess } from '../../../testing/sessions';
import { AuthStore } from '../../core/auth/auth.store';
import { CLOCK } from '../../core/time/studio-time';
import { LastScheduleView } from './last-schedule-view';
import { EarlySessions } from './early-sessions';
import { activeFilterCount, defaultFilters, filtersFromParams, paramsFromFilters, SCHEDULE_PAGE_SIZE, sessionsQuery } from './schedule-filters';
import { SEARCH_DEBOUNCE_MS, ScheduleStore } from './schedule.store';

/** Wednesday 25 November 2026, 10:00 UTC (11:00 in Berlin). */
const NOW = new Date('2026-11-25T10:00:00.000Z');

/** The store on a URL's query parameters; `beforeStore` runs first (what the app did while it started). */
function setup(params: Params = {}, beforeStore?: () => void) {
  TestBed.configureTestingModule({
    providers: [
      ScheduleStore,
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const router = TestBed.inject(Router);
  const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
  beforeStore?.();
  const store = TestBed.inject(ScheduleStore);
  const url = signal<Params>(params);
  TestBed.runInInjectionContext(() => store.followUrl(url));
  TestBed.tick();
  // No schedule before the studio's zone is known: a week computed in UTC would be the wrong week.
  http.expectNone((request) => request.url === '/api/v1/sessions');
  http.expectOne('/api/v1/studio').flush(berlinStudio);
  return { store, http, navigate, url };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

function sessionsRequest(http: HttpTestingController): TestRequest {
  return http.expectOne((request) => request.url === '/api/v1/sessions');
}

describe('schedule filters in the URL', () => {
  it('reads a shared link back into the same filters', () => {
    const filters = { range: 'next-week', date: null, trainerId: tess.id, available: true, q: 'yoga' } as const;
    expect(paramsFromFilters(filters)).toEqual({ week: 'next', trainer: tess.id, available: 'true', q: 'yoga' });
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('keeps the default view at a bare /schedule', () => {
    expect(paramsFromFilters(defaultFilters)).toEqual({});
    expect(filtersFromParams({})).toEqual(defaultFilters);
  });

  it('counts the filters that narrow the list (trainer, free spots, search), not the days shown', () => {
    expect(activeFilterCount(defaultFilters)).toBe(0);
    expect(activeFilterCount(filtersFromParams({ date: '2026-12-03', q: 'yoga' }))).toBe(1);
    expect(activeFilterCount(filtersFromParams({ week: 'next', trainer: tess.id, available: 'true', q: 'yoga' }))).toBe(3);
  });

  it('shows one day for ?date=, and falls back to this week for anything it cannot read', () => {
    expect(filtersFromParams({ date: '2026-12-03', week: 'next' })).toMatchObject({ range: 'day', date: '2026-12-03' });
    expect(filtersFromParams({ date: '2026-02-30', trainer: 'not-an-id', available: 'yes' })).toEqual(defaultFilters);
  });
});

describe('ScheduleStore', () => {
  afterEach(() => {
    vi.useRealTimers();
    TestBed.inject(HttpTestingController).verify();
  });

  it("waits for the studio's time zone, then asks for this studio week: Monday to Monday, 00:00 Berlin time", async () => {
    const { store, http } = setup();
    await flushed();

    const request = sessionsRequest(http);
    expect(request.request.params.get('from')).toBe('2026-11-22T23:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-11-29T23:00:00.000Z');
    expect(request.request.params.get('pageSize')).toBe(String(SCHEDULE_PAGE_SIZE));
    expect(request.request.params.has('trainerId')).toBe(false);
    request.flush(pageOf([]));
    expect(store.loading()).toBe(false);
    expect(store.rangeLabel()).toBe('23 Nov – 29 Nov');
  });

  it('follows the URL: next week, a trainer, free spots only and a search go into the request', async () => {
    const { http } = setup({ week: 'next', trainer: tess.id, available: 'true', q: 'flow' });
    await flushed();

    const params = sessionsRequest(http).request.params;
    expect(params.get('from')).toBe('2026-11-29T23:00:00.000Z');
    expect(params.get('to')).toBe('2026-12-06T23:00:00.000Z');
    expect(params.get('trainerId')).toBe(tess.id);
    expect(params.get('available')).toBe('true');
    expect(params.get('q')).toBe('flow');
  });

  it('loads again when the URL changes (the back button), dropping the answer to the old URL', async () => {
    const { store, http, url } = setup({ trainer: tess.id });
    await flushed();
    const first = sessionsRequest(http);

    url.set({ date: '2026-12-03' });
    await flushed();
    expect(first.cancelled).toBe(true);
    const second = sessionsRequest(http);
    expect(second.request.params.get('from')).toBe('2026-12-02T23:00:00.000Z');
    expect(second.request.params.get('to')).toBe('2026-12-03T23:00:00.000Z');
    expect(second.request.params.has('trainerId')).toBe(false);
    expect(store.filters()).toMatchObject({ range: 'day', date: '2026-12-03', trainerId: null });
    second.flush(pageOf([]));
  });

  it("remembers the view the URL shows, for a class page's way back", async () => {
    const { http, url } = setup({ week: 'next', trainer: 'not-an-id', q: ' yoga ' });
    await flushed();
    const lastView = TestBed.inject(LastScheduleView);
    expect(lastView.params()).toEqual({ week: 'next', q: 'yoga' });

    url.set({ date: '2026-12-03', available: 'true' });
    await flushed();
    expect(lastView.params()).toEqual({ date: '2026-12-03', available: 'true' });
    http
      .match((request) => request.url === '/api/v1/sessions')
      .filter((request) => !request.cancelled)
      .forEach((request) => request.flush(pageOf([])));
  });

  it('puts a filter change in the URL (and only there), keeping the other filters', async () => {
    const { store, http, navigate } = setup({ week: 'next', q: 'yoga' });
    await flushed();
    sessionsRequest(http).flush(pageOf([]));

    await store.filterByTrainer(marco.id);
    expect(navigate).toHaveBeenLastCalledWith(['/schedule'], {
      queryParams: { week: 'next', trainer: marco.id, q: 'yoga' },
    });
    await store.onlyAvailable(true);
    expect(navigate).toHaveBeenLastCalledWith(['/schedule'], {
      queryParams: { week: 'next', q: 'yoga', available: 'true' },
    });
    await store.showThisWeek();
    expect(navigate).toHaveBeenLastCalledWith(['/schedule'], { queryParams: { q: 'yoga' } });
    // Nothing is loaded until the URL says so.
    http.expectNone((request) => request.url === '/api/v1/sessions');
  });

  it('steps a day back or forward from the day shown, or from today', async () => {
    const { store, http, navigate, url } = setup({ week: 'next', q: 'yoga' });
    await flushed();
    sessionsRequest(http).flush(pageOf([]));

    await store.stepDay(1);
    expect(navigate).toHaveBeenLastCalledWith(['/schedule'], { queryParams: { date: '2026-11-26', q: 'yoga' } });

    url.set({ date: '2026-12-01' });
    await flushed();
    sessionsRequest(http).flush(pageOf([]));
    await store.stepDay(-1);
    expect(navigate).toHaveBeenLastCalledWith(['/schedule'], { queryParams: { date: '2026-11-30' } });
  });

  it('puts the search in the URL once typing pauses', async () => {
    vi.useFakeTimers();
    const { store, http, navigate } = setup();
    await vi.advanceTimersByTimeAsync(0);
    TestBed.tick();
    sessionsRequest(http).flush(pageOf([]));

    store.search('y');
    store.search('yo');
    store.search(' yoga ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(navigate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/schedule'], { queryParams: { q: 'yoga' } });
  });

  it("groups sessions by the studio's day, not UTC's", async () => {
    const { store, http } = setup();
    await flushed();
    const late = aSession({ name: 'Late Flow', startsAt: '2026-11-23T22:30:00.000Z', endsAt: '2026-11-23T23:30:00.000Z' });
    const midnight = aSession({ name: 'Midnight Spin', startsAt: '2026-11-23T23:15:00.000Z', endsAt: '2026-11-24T00:00:00.000Z' });
    const morning = aSession({ name: 'Morning Yoga', startsAt: '2026-11-24T06:00:00.000Z', endsAt: '2026-11-24T07:00:00.000Z' });
    sessionsRequest(http).flush(pageOf([late, midnight, morning]));

    // 23:15 UTC on Monday is 00:15 on Tuesday in Berlin.
    expect(store.groups().map((group) => [group.label, group.sessions.map((s) => s.name)])).toEqual([
      ['Monday 23 November', ['Late Flow']],
      ['Tuesday 24 November', ['Midnight Spin', 'Morning Yoga']],
    ]);
  });

  it('loads more pages onto the list until every session is there', async () => {
    const { store, http } = setup();
    await flushed();
    const first = Array.from({ length: SCHEDULE_PAGE_SIZE }, () => aSession());
    sessionsRequest(http).flush(pageOf(first, SCHEDULE_PAGE_SIZE + 1));
    expect(store.hasMore()).toBe(true);

    const more = store.loadMore();
    const next = sessionsRequest(http);
    expect(next.request.params.get('page')).toBe('2');
    next.flush(pageOf([aSession({ name: 'Last one' })], SCHEDULE_PAGE_SIZE + 1, 2));
    await more;

    expect(store.sessions()).toHaveLength(SCHEDULE_PAGE_SIZE + 1);
    expect(store.sessions().at(-1)?.name).toBe('Last one');
    expect(store.hasMore()).toBe(false);
  });

  it('asks again once someone else asks (signed in or out): the API answers `me` and `actions` for the caller', async () => {
    const { store, http } = setup({ q: 'yoga' });
    await flushed();
    sessionsRequest(http).flush(pageOf([aSession()]));

    const auth = TestBed.inject(AuthStore);
    const signedIn = auth.signIn({ email: member.email, password: 'correct horse battery' });
    http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
    await flushed();
    http.expectOne('/api/v1/me').flush(member);
    await signedIn;
    TestBed.tick();
    const again = sessionsRequest(http);
    expect(again.request.params.get('q')).toBe('yoga');
    const booked = aSession({ me: { bookingId: '9a8b7c6d-5e4f-4a3b-8c2d-000000000001', holdId: null, waitlistPosition: null } });
    again.flush(pageOf([booked]));
    expect(store.sessions()).toEqual([booked]);

    // Reading the same account again is no reason to ask again.
    const reread = auth.reloadUser();
    http.expectOne('/api/v1/me').flush({ ...member });
    await reread;
    TestBed.tick();
    http.expectNone((request) => request.url === '/api/v1/sessions');

    auth.clearSession();
    TestBed.tick();
    sessionsRequest(http).flush(pageOf([aSession()]));
    expect(store.sessions()[0]?.me).toBeUndefined();
  });

  it('asks again when the page shows again (Back from a class), not when it first shows', async () => {
    const { store, http } = setup();
    store.shownAgain();
    await flushed();
    sessionsRequest(http).flush(pageOf([aSession()]));
    http.expectNone((request) => request.url === '/api/v1/sessions');

    store.shownAgain();
    TestBed.tick();
    const held = aSession({ me: { bookingId: null, holdId: '9a8b7c6d-5e4f-4a3b-8c2d-000000000002', waitlistPosition: null } });
    sessionsRequest(http).flush(pageOf([held]));
    expect(store.sessions()).toEqual([held]);
  });

  it("draws the week's shape while its first list is on its way: the seven days as they will be headed", async () => {
    const { store, http } = setup({ trainer: tess.id, available: 'true' });
    expect(store.activeFilters()).toBe(2);
    await flushed();
    expect(store.skeletonDays().map((day) => day.label)).toEqual([
      'Monday 23 November',
      'Tuesday 24 November',
      'Wednesday 25 November',
      'Thursday 26 November',
      'Friday 27 November',
      'Saturday 28 November',
      'Sunday 29 November',
    ]);

    sessionsRequest(http).flush(pageOf([aSession()]));
    expect(store.skeletonDays()).toEqual([]);
  });

  it('draws one day for the Day view, and nothing over a list already shown or under an error', async () => {
    const { store, http, url } = setup({ date: '2026-12-03' });
    await flushed();
    expect(store.skeletonDays()).toEqual([{ date: '2026-12-03', label: 'Thursday 3 December' }]);
    sessionsRequest(http).flush(pageOf([aSession()]));

    // Another view keeps the list on screen (under the progress bar) until the new one arrives.
    url.set({ date: '2026-12-04' });
    await flushed();
    expect(store.loading()).toBe(true);
    expect(store.skeletonDays()).toEqual([]);
    sessionsRequest(http).flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.skeletonDays()).toEqual([]);
  });

  it('takes the list the app asked for while it started, instead of asking again, and asks itself after that', async () => {
    const early = pageOf([aSession({ name: 'Early Yoga' })]);
    const { store, http } = setup({ week: 'next' }, () => {
      TestBed.inject(EarlySessions).start(sessionsQuery(filtersFromParams({ week: 'next' }), NOW, 'Europe/Berlin'));
      sessionsRequest(TestBed.inject(HttpTestingController)).flush(early);
    });
    store.shownAgain();
    await flushed();
    http.expectNone((request) => request.url === '/api/v1/sessions');
    expect(store.sessions()).toEqual(early.items);
    expect(store.loading()).toBe(false);

    store.shownAgain();
    TestBed.tick();
    sessionsRequest(http).flush(pageOf([]));
    expect(store.sessions()).toEqual([]);
  });

  it('asks itself when the app asked early for another view', async () => {
    const { http } = setup({ week: 'next' }, () => {
      TestBed.inject(EarlySessions).start(sessionsQuery(defaultFilters, NOW, 'Europe/Berlin'));
      sessionsRequest(TestBed.inject(HttpTestingController)).flush(pageOf([]));
    });
    await flushed();
    expect(sessionsRequest(http).request.params.get('from')).toBe('2026-11-29T23:00:00.000Z');
  });

  it('says why the schedule could not be loaded', async () => {
    const { store, http } = setup();
    await flushed();
    sessionsRequest(http).flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.error()).toBe('We could not reach FitFlow. Check your connection and try again.');
    expect(store.loading()).toBe(false);
  });
});
