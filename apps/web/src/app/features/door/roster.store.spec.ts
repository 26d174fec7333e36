import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RosterEntry, Session } from '@fitflow/api-contract';
import { problem } from '../../../testing/fixtures';
import { aSession } from '../../../testing/sessions';
import { CLOCK } from '../../core/time/studio-time';
import { aCheckIn, anEntry, NOW } from './door-fixtures';
import { ROSTER_REFRESH_MS, RosterStore, SAME_CODE_QUIET_MS } from './roster.store';

function setup() {
  vi.useFakeTimers();
  let now = NOW.getTime();
  TestBed.configureTestingModule({
    providers: [RosterStore, provideHttpClient(), provideHttpClientTesting(), { provide: CLOCK, useValue: () => new Date(now) }],
  });
  const store = TestBed.inject(RosterStore);
  const http = TestBed.inject(HttpTestingController);
  return { store, http, later: (ms: number) => (now += ms) };
}

/** Opens the session's roster with `entries`. */
function open(store: InstanceType<typeof RosterStore>, http: HttpTestingController, session: Session, entries: RosterEntry[]) {
  store.open(session.id);
  http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
  http.expectOne(`/api/v1/sessions/${session.id}/roster`).flush(entries);
}

/** Lets the store's awaited answers run on, without moving the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('RosterStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    vi.useRealTimers();
  });

  it('shows the session and its roster with the counts', () => {
    const { store, http } = setup();
    const session = aSession();
    open(store, http, session, [
      anEntry({ checkedInAt: NOW.toISOString(), method: 'qr' }),
      anEntry({ checkedInAt: NOW.toISOString(), isLate: true, method: 'manual' }),
      anEntry(),
      anEntry({ status: 'no_show' }),
    ]);
    expect(store.session()).toEqual(session);
    expect(store.loading()).toBe(false);
    expect(store.counts()).toEqual({ booked: 4, checkedIn: 2, late: 1, noShow: 1 });
  });

  it('says why when the roster cannot be shown', () => {
    const { store, http } = setup();
    store.open('7c1d2e3f-4a5b-4c6d-8e7f-000000000999');
    http.expectOne('/api/v1/sessions/7c1d2e3f-4a5b-4c6d-8e7f-000000000999').flush(aSession());
    http
      .expectOne('/api/v1/sessions/7c1d2e3f-4a5b-4c6d-8e7f-000000000999/roster')
      .flush(problem(403, 'FORBIDDEN'), { status: 403, statusText: 'Forbidden' });
    expect(store.error()).toBe('You are not allowed to do that.');
    expect(store.loading()).toBe(false);
  });

  it('checks a member in by button: the row and the counts change at once, and the answer says who', async () => {
    const { store, http } = setup();
    const session = aSession();
    const maya = anEntry({ name: 'Maya Member' });
    open(store, http, session, [maya, anEntry()]);

    const done = store.checkIn(maya);
    expect(store.isCheckingIn(maya.bookingId)).toBe(true);
    const request = http.expectOne(`/api/v1/bookings/${maya.bookingId}/checkin`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ method: 'manual' });
    request.flush(aCheckIn(session, maya, { isLate: true }), { status: 201, statusText: 'Created' });
    await done;

    expect(store.isCheckingIn(maya.bookingId)).toBe(false);
    expect(store.entries()[0]).toMatchObject({ checkedInAt: NOW.toISOString(), isLate: true, method: 'manual' });
    expect(store.counts()).toMatchObject({ booked: 2, checkedIn: 1, late: 1 });
    expect(store.result()).toMatchObject({ ok: true, name: 'Maya Member', isLate: true, elsewhere: null });
  });

  it('sends a scanned code once, and not again while it is seen within the quiet time', async () => {
    const { store, http, later } = setup();
    const session = aSession();
    const maya = anEntry({ name: 'Maya Member' });
    open(store, http, session, [maya]);

    const scanned = store.scan(' code-of-maya\n');
    const request = http.expectOne('/api/v1/checkins');
    expect(request.request.body).toEqual({ code: 'code-of-maya' });
    request.flush(aCheckIn(session, maya, { method: 'qr' }), { status: 201, statusText: 'Created' });
    await scanned;
    expect(store.counts().checkedIn).toBe(1);
    expect(store.result()).toMatchObject({ ok: true, name: 'Maya Member', isLate: false });

    // The camera keeps seeing the phone: each sighting within the quiet time of the last is dropped.
    later(SAME_CODE_QUIET_MS - 1);
    await store.scan('code-of-maya');
    later(SAME_CODE_QUIET_MS - 1);
    await store.scan('code-of-maya');
    http.expectNone('/api/v1/checkins');

    // Shown again after a pause, it is sent again, and the API's answer is said.
    later(SAME_CODE_QUIET_MS);
    const again = store.scan('code-of-maya');
    http
      .expectOne('/api/v1/checkins')
      .flush(problem(409, 'ALREADY_CHECKED_IN', { detail: 'Maya Member is already checked in' }), { status: 409, statusText: 'Conflict' });
    await settle();
    // Someone may have checked them in elsewhere: the roster is asked for again.
    http.expectOne(`/api/v1/sessions/${session.id}/roster`).flush([{ ...maya, checkedInAt: NOW.toISOString(), method: 'qr' }]);
    await again;
    expect(store.result()).toMatchObject({ ok: false, message: 'Maya Member is already checked in' });
  });

  it('says why a code is refused', async () => {
    const { store, http } = setup();
    open(store, http, aSession(), [anEntry()]);
    const scanned = store.scan('forged');
    http
      .expectOne('/api/v1/checkins')
      .flush(problem(400, 'INVALID_CODE', { detail: 'This is not a valid check-in code' }), { status: 400, statusText: 'Bad Request' });
    await scanned;
    expect(store.result()).toMatchObject({ ok: false, message: 'This is not a valid check-in code' });
    expect(store.counts().checkedIn).toBe(0);
  });

  it('names the class when a code checks a member in to another of the trainer’s classes', async () => {
    const { store, http } = setup();
    const session = aSession();
    const entry = anEntry({ name: 'Ravi' });
    open(store, http, session, [entry]);
    const scanned = store.scan('code-of-ravi');
    http
      .expectOne('/api/v1/checkins')
      .flush(aCheckIn(session, entry, { sessionId: '7c1d2e3f-4a5b-4c6d-8e7f-000000000abc', sessionName: 'Evening Flow', method: 'qr' }));
    await scanned;
    expect(store.result()).toMatchObject({ ok: true, name: 'Ravi', elsewhere: 'Evening Flow' });
    expect(store.counts().checkedIn).toBe(0);
  });

  it('asks for the roster again every so often, keeping a check-in made while the answer was on its way', async () => {
    const { store, http } = setup();
    const session = aSession();
    const [maya, ravi] = [anEntry({ name: 'Maya' }), anEntry({ name: 'Ravi' })];
    open(store, http, session, [maya, ravi]);

    vi.advanceTimersByTime(ROSTER_REFRESH_MS);
    const refresh = http.expectOne(`/api/v1/sessions/${session.id}/roster`);
    // Maya is checked in here while the refresh is under way; a second trainer checked Ravi in.
    const done = store.checkIn(maya);
    http.expectOne(`/api/v1/bookings/${maya.bookingId}/checkin`).flush(aCheckIn(session, maya));
    await done;
    refresh.flush([maya, { ...ravi, checkedInAt: NOW.toISOString(), method: 'qr' }]);

    expect(store.entries().map((entry) => entry.checkedInAt !== null)).toEqual([true, true]);
    expect(store.counts().checkedIn).toBe(2);

    // A failed refresh keeps the roster shown, and the next one comes.
    vi.advanceTimersByTime(ROSTER_REFRESH_MS);
    http.expectOne(`/api/v1/sessions/${session.id}/roster`).flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });
    expect(store.counts().checkedIn).toBe(2);
    expect(store.error()).toBeNull();
    vi.advanceTimersByTime(ROSTER_REFRESH_MS);
    http.expectOne(`/api/v1/sessions/${session.id}/roster`).flush([maya, ravi]);
  });
});
