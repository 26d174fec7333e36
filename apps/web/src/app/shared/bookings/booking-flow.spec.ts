import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { problem } from '../../../testing/fixtures';
import { aBooking, aSession, berlinStudio } from '../../../testing/sessions';
import { CLOCK } from '../../core/time/studio-time';
import { ToastService } from '../../core/ui/toast.service';
import { BookingFlow } from './booking-flow';

function setup() {
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: ToastService, useValue: toast },
      { provide: CLOCK, useValue: () => new Date('2026-11-25T10:00:00.000Z') },
    ],
  });
  const flow = TestBed.inject(BookingFlow);
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/studio').flush(berlinStudio);
  return { flow, http, toast };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
}

describe('BookingFlow.book', () => {
  it('books, says so, and hands back the session as the API now shows it', async () => {
    const { flow, http, toast } = setup();
    const session = aSession({ availableSpots: 3 });
    const booking = aBooking({ sessionId: session.id });
    const result = flow.book(session);
    const request = http.expectOne(`/api/v1/sessions/${session.id}/book`);
    expect(request.request.method).toBe('POST');
    request.flush(booking, { status: 201, statusText: 'Created' });
    await flushed();
    const now = { ...session, availableSpots: 2, bookedCount: 1, me: { bookingId: booking.id, holdId: null, waitlistPosition: null } };
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(now);

    expect(await result).toEqual(now);
    expect(toast.success).toHaveBeenCalledWith('Booked: Morning Yoga, Mon 07:00. See it under My bookings.');
  });

  it('on SESSION_FULL says so and shows the session full in place', async () => {
    const { flow, http, toast } = setup();
    const session = aSession({ availableSpots: 1 });
    const result = flow.book(session);
    http
      .expectOne(`/api/v1/sessions/${session.id}/book`)
      .flush(problem(409, 'SESSION_FULL'), { status: 409, statusText: 'Conflict' });
    await flushed();
    const full = { ...session, availableSpots: 0, bookedCount: session.capacity };
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(full);

    expect(await result).toEqual(full);
    expect(toast.error).toHaveBeenCalledWith('Sorry, this class is full: the last spot was just taken.');
  });

  it('on INSUFFICIENT_CREDITS says so and shows the session as the API now decides it (with the way to buy credits)', async () => {
    const { flow, http, toast } = setup();
    const session = aSession();
    const result = flow.book(session);
    http
      .expectOne(`/api/v1/sessions/${session.id}/book`)
      .flush(problem(402, 'INSUFFICIENT_CREDITS'), { status: 402, statusText: 'Payment Required' });
    await flushed();
    const short = { allowed: false, code: 'INSUFFICIENT_CREDITS', reason: 'This class costs 1 credit; you have 0 credits' };
    const now = { ...session, actions: { book: short, hold: short } };
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(now);

    expect(await result).toEqual(now);
    expect(toast.error).toHaveBeenCalledWith('You do not have enough credits for this class.');
  });

  it('on any other failure says why and changes nothing', async () => {
    const { flow, http, toast } = setup();
    const session = aSession();
    const result = flow.book(session);
    http.expectOne(`/api/v1/sessions/${session.id}/book`).error(new ProgressEvent('error'), { status: 0 });
    expect(await result).toBeNull();
    expect(toast.error).toHaveBeenCalledWith('We could not reach FitFlow. Check your connection and try again.');
    http.verify();
  });
});
