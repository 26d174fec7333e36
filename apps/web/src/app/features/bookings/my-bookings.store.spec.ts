import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { BookingListScope } from '@fitflow/api-contract';
import { problem } from '../../../testing/fixtures';
import { aBooking, pageOf } from '../../../testing/sessions';
import { ToastService } from '../../core/ui/toast.service';
import { BOOKINGS_PAGE_SIZE, MyBookingsStore } from './my-bookings.store';

function setup() {
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [MyBookingsStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const store = TestBed.inject(MyBookingsStore);
  const http = TestBed.inject(HttpTestingController);
  const scope = signal<BookingListScope>('upcoming');
  TestBed.runInInjectionContext(() => store.load(scope));
  TestBed.tick();
  return { store, http, scope, toast };
}

describe('MyBookingsStore', () => {
  it('loads the tab the URL names, and the other tab when it changes', () => {
    const { store, http, scope } = setup();
    const upcoming = aBooking();
    http
      .expectOne(`/api/v1/bookings?scope=upcoming&page=1&pageSize=${BOOKINGS_PAGE_SIZE}`)
      .flush(pageOf([upcoming], 1, 1, BOOKINGS_PAGE_SIZE));
    expect(store.bookings()).toEqual([upcoming]);

    scope.set('cancelled');
    TestBed.tick();
    expect(store.loading()).toBe(true);
    const cancelled = aBooking({ status: 'cancelled', cancelledAt: '2026-11-24T09:00:00.000Z', refundPercentage: 100, creditsRefunded: 2 });
    http.expectOne((request) => request.params.get('scope') === 'cancelled').flush(pageOf([cancelled]));
    expect(store.bookings()).toEqual([cancelled]);
    expect(store.loading()).toBe(false);
  });

  it('shows the problem when the list cannot be loaded', () => {
    const { store, http } = setup();
    http.expectOne((request) => request.url === '/api/v1/bookings').flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });
    expect(store.error()).toMatch(/Something went wrong/);
    expect(store.bookings()).toEqual([]);
  });

  it('takes a cancelled booking off the Upcoming tab and says what came back', async () => {
    const { store, http, toast } = setup();
    const [first, second] = [aBooking(), aBooking()];
    http.expectOne((request) => request.url === '/api/v1/bookings').flush(pageOf([first, second]));

    const done = store.cancel(first);
    expect(store.isCancelling(first.id)).toBe(true);
    const request = http.expectOne(`/api/v1/bookings/${first.id}/cancel`);
    expect(request.request.method).toBe('PATCH');
    request.flush({ ...first, status: 'cancelled', refundPercentage: 50, creditsRefunded: 1 });
    await done;

    expect(store.bookings()).toEqual([second]);
    expect(store.total()).toBe(1);
    expect(store.isCancelling(first.id)).toBe(false);
    expect(toast.success).toHaveBeenCalledWith('Booking cancelled: Morning Yoga. 50 % refunded (1 credit).');
  });

  it('after a cancel, "Load more" asks again for the page the remaining bookings moved into', async () => {
    const { store, http } = setup();
    const firstPage = Array.from({ length: BOOKINGS_PAGE_SIZE }, () => aBooking());
    http.expectOne((request) => request.url === '/api/v1/bookings').flush(pageOf(firstPage, 25, 1, BOOKINGS_PAGE_SIZE));
    const cancelled = store.cancel(firstPage[0]!);
    http.expectOne(`/api/v1/bookings/${firstPage[0]!.id}/cancel`).flush({ ...firstPage[0]!, status: 'cancelled', refundPercentage: 100, creditsRefunded: 2 });
    expect(await cancelled).toBe(true);

    const more = store.loadMore();
    // Page 1 again: the booking that moved up from page 2 is in it now.
    const moved = aBooking();
    http
      .expectOne((request) => request.params.get('page') === '1')
      .flush(pageOf([...firstPage.slice(1), moved], 24, 1, BOOKINGS_PAGE_SIZE));
    await more;
    expect(store.bookings()).toEqual([...firstPage.slice(1), moved]);

    const rest = Array.from({ length: 4 }, () => aBooking());
    const last = store.loadMore();
    http.expectOne((request) => request.params.get('page') === '2').flush(pageOf(rest, 24, 2, BOOKINGS_PAGE_SIZE));
    await last;
    expect(store.bookings()).toHaveLength(24);
    expect(store.hasMore()).toBe(false);
  });

  it('keeps the booking and says why when the API refuses', async () => {
    const { store, http, toast } = setup();
    const booking = aBooking();
    http.expectOne((request) => request.url === '/api/v1/bookings').flush(pageOf([booking]));
    const done = store.cancel(booking);
    http
      .expectOne(`/api/v1/bookings/${booking.id}/cancel`)
      .flush(problem(409, 'INVALID_STATE', { detail: 'This session has already started' }), { status: 409, statusText: 'Conflict' });
    await done;
    expect(store.bookings()).toEqual([booking]);
    expect(toast.error).toHaveBeenCalledWith('This session has already started');
  });
});
