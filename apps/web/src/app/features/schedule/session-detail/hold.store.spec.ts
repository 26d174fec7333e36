import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Hold, Session } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { aSession } from '../../../../testing/sessions';
import { ToastService } from '../../../core/ui/toast.service';
import { HoldStore, TICK_MS } from './hold.store';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const HOLD_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';

function aHold(session: Session, overrides: Partial<Hold> = {}): Hold {
  return {
    id: HOLD_ID,
    sessionId: session.id,
    sessionName: session.name,
    startsAt: session.startsAt,
    createdAt: NOW.toISOString(),
    expiresAt: new Date(NOW.getTime() + 10 * 60_000).toISOString(),
    status: 'pending',
    source: 'member',
    ...overrides,
  };
}

function setup() {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [HoldStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const store = TestBed.inject(HoldStore);
  const http = TestBed.inject(HttpTestingController);
  const session = aSession({ startsAt: '2026-12-02T09:00:00.000Z', endsAt: '2026-12-02T10:00:00.000Z' });
  return { store, http, session, toast };
}

/** Lets the store's awaited answers run on, without moving the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Holds `session` and answers with `hold` (and the reloaded session). */
async function holdIt(store: InstanceType<typeof HoldStore>, http: HttpTestingController, session: Session, hold: Hold) {
  const done = store.holdSpot(session);
  http.expectOne(`/api/v1/sessions/${session.id}/hold`).flush(hold, { status: 201, statusText: 'Created' });
  await settle();
  http.expectOne(`/api/v1/sessions/${session.id}`).flush({ ...session, me: { bookingId: null, holdId: hold.id, waitlistPosition: null } });
  return done;
}

describe('HoldStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts a new hold down every second to the API’s expiresAt, and says when it ran out', async () => {
    const { store, http, session } = setup();
    const reloaded = await holdIt(store, http, session, aHold(session));
    expect(reloaded?.me?.holdId).toBe(HOLD_ID);
    expect(store.active()).toBe(true);
    expect(store.countdown()).toBe('10:00');
    expect(store.percentLeft()).toBe(100);

    vi.advanceTimersByTime(TICK_MS);
    expect(store.countdown()).toBe('09:59');
    expect(store.countdownLabel()).toBe('9 minutes 59 seconds left');

    vi.advanceTimersByTime(5 * 60_000 - TICK_MS);
    expect(store.countdown()).toBe('05:00');
    expect(store.percentLeft()).toBe(50);

    vi.advanceTimersByTime(5 * 60_000 - TICK_MS);
    expect(store.countdown()).toBe('00:01');
    expect(store.expired()).toBe(false);
    vi.advanceTimersByTime(TICK_MS);
    expect(store.countdown()).toBe('00:00');
    expect(store.expired()).toBe(true);
    expect(store.active()).toBe(false);
    // It stops ticking once over.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows a hold that is already running (after a reload) from its own expiresAt', async () => {
    const { store, http, session } = setup();
    const hold = aHold(session, { createdAt: new Date(NOW.getTime() - 7 * 60_000).toISOString(), expiresAt: new Date(NOW.getTime() + 3 * 60_000).toISOString() });
    const done = store.follow({ ...session, me: { bookingId: null, holdId: hold.id, waitlistPosition: null } });
    http.expectOne(`/api/v1/holds/${hold.id}`).flush(hold);
    await done;
    expect(store.countdown()).toBe('03:00');
    expect(store.percentLeft()).toBe(30);

    // The same hold again (the session replaced after a change) is not fetched twice.
    await store.follow({ ...session, me: { bookingId: null, holdId: hold.id, waitlistPosition: null } });
    http.verify();
  });

  it('confirms the hold into a booking and shows the session as booked', async () => {
    const { store, http, session, toast } = setup();
    await holdIt(store, http, session, aHold(session));
    const done = store.confirm();
    expect(store.busy()).toBe('confirm');
    const request = http.expectOne(`/api/v1/holds/${HOLD_ID}/confirm`);
    expect(request.request.method).toBe('POST');
    request.flush({ id: 'b1' }, { status: 201, statusText: 'Created' });
    const booked = { ...session, me: { bookingId: 'b1', holdId: null, waitlistPosition: null } };
    await settle();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(booked);
    expect(await done).toEqual(booked);
    expect(store.hold()).toBeNull();
    expect(toast.success).toHaveBeenCalledWith(`Booked: ${session.name}. See it under My bookings.`);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows the hold as run out when the API answers 410 on confirm, whatever the countdown says', async () => {
    const { store, http, session } = setup();
    await holdIt(store, http, session, aHold(session));
    vi.advanceTimersByTime(60_000);
    const done = store.confirm();
    http.expectOne(`/api/v1/holds/${HOLD_ID}/confirm`).flush(problem(410, 'HOLD_EXPIRED'), { status: 410, statusText: 'Gone' });
    await settle();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
    await done;
    expect(store.expired()).toBe(true);
    expect(store.error()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('offers to buy credits when confirming is refused for want of them, and keeps the hold running meanwhile', async () => {
    const { store, http, session } = setup();
    await holdIt(store, http, session, aHold(session));
    const done = store.confirm();
    http
      .expectOne(`/api/v1/holds/${HOLD_ID}/confirm`)
      .flush(problem(402, 'INSUFFICIENT_CREDITS'), { status: 402, statusText: 'Payment Required' });
    expect(await done).toBeNull();
    expect(store.error()).toBe('You do not have enough credits for this class.');
    expect(store.needsCredits()).toBe(true);
    expect(store.active()).toBe(true);

    // Any other refusal is not about credits.
    const again = store.confirm();
    http.expectOne(`/api/v1/holds/${HOLD_ID}/confirm`).flush(problem(409, 'INVALID_STATE'), { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
    await again;
    expect(store.needsCredits()).toBe(false);
  });

  it('releases the hold and shows the session with the spot free again', async () => {
    const { store, http, session } = setup();
    await holdIt(store, http, session, aHold(session));
    const done = store.release();
    const request = http.expectOne(`/api/v1/holds/${HOLD_ID}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
    expect(await done).toEqual(session);
    expect(store.hold()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says when to try again after a 429, from Retry-After', async () => {
    const { store, http, session } = setup();
    const done = store.holdSpot(session);
    http
      .expectOne(`/api/v1/sessions/${session.id}/hold`)
      .flush(problem(429, 'RATE_LIMITED', { detail: 'Try again in 42 seconds' }), {
        status: 429,
        statusText: 'Too Many Requests',
        headers: { 'Retry-After': '42' },
      });
    expect(await done).toBeNull();
    expect(store.error()).toBe('Too many attempts. Try again in 42 seconds.');
    expect(store.hold()).toBeNull();
  });

  it('says when to try again after a 429 from the problem’s detail when there is no Retry-After', async () => {
    const { store, http, session } = setup();
    const done = store.holdSpot(session);
    http
      .expectOne(`/api/v1/sessions/${session.id}/hold`)
      .flush(problem(429, 'RATE_LIMITED', { detail: 'Try again in 17 seconds' }), { status: 429, statusText: 'Too Many Requests' });
    await done;
    expect(store.error()).toBe('Too many holds just now. Try again in 17 seconds');
  });

  it('shows the session as it is now when the class filled up before the hold', async () => {
    const { store, http, session } = setup();
    const done = store.holdSpot(session);
    http.expectOne(`/api/v1/sessions/${session.id}/hold`).flush(problem(409, 'SESSION_FULL'), { status: 409, statusText: 'Conflict' });
    const full = { ...session, availableSpots: 0 };
    await settle();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(full);
    expect(await done).toEqual(full);
    expect(store.error()).toMatch(/class is full/);
  });
});
