import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Session } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { aBooking, aSession, notCancellable } from '../../../../testing/sessions';
import { ToastService } from '../../../core/ui/toast.service';
import { SessionDetailStore } from './session-detail.store';

const BOOKING_ID = '9a8b7c6d-5e4f-4a3b-8c2d-0000000000b1';

/** The member's view of a class they booked: the API names their booking in `me`, and says they cannot book again. */
function bookedSession(overrides: Partial<Session> = {}): Session {
  return aSession({
    bookedCount: 1,
    availableSpots: 11,
    me: { bookingId: BOOKING_ID, holdId: null, waitlistPosition: null },
    actions: {
      book: { allowed: false, code: 'ALREADY_BOOKED', reason: 'You have already booked this class' },
      hold: { allowed: false, code: 'ALREADY_BOOKED', reason: 'You have already booked this class' },
    },
    ...overrides,
  });
}

/** Lets the awaits of a method under test move on (an answer flushed, the next request made). */
async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

function setup(session: Session) {
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [SessionDetailStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const store = TestBed.inject(SessionDetailStore);
  const http = TestBed.inject(HttpTestingController);
  TestBed.runInInjectionContext(() => store.load(signal(session.id)));
  TestBed.tick();
  http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
  TestBed.tick();
  return { store, http, toast };
}

describe('SessionDetailStore, on a class the member booked', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reads the booking, so the page offers Cancel as the API allows it, and the calendar', () => {
    const session = bookedSession();
    const { store, http } = setup(session);
    expect(store.canAddToCalendar()).toBe(true);
    expect(store.canCancel()).toBe(false);

    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(aBooking({ id: BOOKING_ID, sessionId: session.id }));
    expect(store.canCancel()).toBe(true);
  });

  it('offers no Cancel when the API says the booking cannot be cancelled any more', () => {
    const session = bookedSession({ status: 'in_progress' });
    const { store, http } = setup(session);

    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(aBooking({ id: BOOKING_ID, ...notCancellable('This class has already started') }));
    expect(store.canCancel()).toBe(false);
    expect(store.canAddToCalendar()).toBe(true);
  });

  it('reads no booking for a class the member has not booked, and offers neither', () => {
    const { store, http } = setup(aSession({ me: { bookingId: null, holdId: null, waitlistPosition: null } }));
    http.expectNone((request) => request.url.startsWith('/api/v1/bookings'));
    expect(store.canCancel()).toBe(false);
    expect(store.canAddToCalendar()).toBe(false);
  });

  it('reads the booking made on the page, once the session shows it', () => {
    const open = aSession({ me: { bookingId: null, holdId: null, waitlistPosition: null } });
    const { store, http } = setup(open);

    store.replace(bookedSession({ id: open.id }));
    TestBed.tick();
    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(aBooking({ id: BOOKING_ID, sessionId: open.id }));
    expect(store.canCancel()).toBe(true);
  });

  it('cancels, says what came back, and shows the class bookable again', async () => {
    const session = bookedSession();
    const { store, http, toast } = setup(session);
    const booking = aBooking({ id: BOOKING_ID, sessionId: session.id, sessionName: session.name });
    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(booking);

    const done = store.cancelBooking();
    expect(store.cancelling()).toBe(true);
    const cancel = http.expectOne(`/api/v1/bookings/${BOOKING_ID}/cancel`);
    expect(cancel.request.method).toBe('PATCH');
    cancel.flush({ ...booking, status: 'cancelled', refundPercentage: 100, creditsRefunded: 2, ...notCancellable() });
    await flushed();
    const open = aSession({ id: session.id, me: { bookingId: null, holdId: null, waitlistPosition: null } });
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(open);

    expect(await done).toBe(true);
    expect(toast.success).toHaveBeenCalledWith('Booking cancelled: Morning Yoga. 100 % refunded (2 credits).');
    expect(store.session()).toEqual(open);
    expect(store.cancelling()).toBe(false);
    expect(store.canCancel()).toBe(false);
    expect(store.canAddToCalendar()).toBe(false);
  });

  it('says why the API refused, and shows the class and the booking as they are now', async () => {
    const session = bookedSession();
    const { store, http, toast } = setup(session);
    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(aBooking({ id: BOOKING_ID, sessionId: session.id }));

    const done = store.cancelBooking();
    http
      .expectOne(`/api/v1/bookings/${BOOKING_ID}/cancel`)
      .flush(problem(409, 'INVALID_STATE', { detail: 'This class has already started' }), { status: 409, statusText: 'Conflict' });
    await flushed();
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(bookedSession({ id: session.id, status: 'in_progress' }));
    await flushed();
    http.expectOne(`/api/v1/bookings/${BOOKING_ID}`).flush(aBooking({ id: BOOKING_ID, ...notCancellable('This class has already started') }));

    expect(await done).toBe(false);
    expect(toast.error).toHaveBeenCalledWith('This class has already started');
    expect(store.canCancel()).toBe(false);
  });
});
