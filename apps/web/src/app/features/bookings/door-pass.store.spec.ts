import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CheckInCode } from '@fitflow/api-contract';
import { problem } from '../../../testing/fixtures';
import { aBooking } from '../../../testing/sessions';
import { CLOCK } from '../../core/time/studio-time';
import { DoorPassStore, svgImage } from './door-pass.store';

/** An hour before the class of `aBooking` (Monday 30 November 2026, 07:00 in Berlin): the door opens at 06:30. */
const NOW = new Date('2026-11-30T05:00:00.000Z');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 37 37"><path d="M4 4h7v7H4z"/></svg>';

function setup() {
  vi.useFakeTimers();
  TestBed.configureTestingModule({
    providers: [DoorPassStore, provideHttpClient(), provideHttpClientTesting(), { provide: CLOCK, useValue: () => NOW }],
  });
  return { store: TestBed.inject(DoorPassStore), http: TestBed.inject(HttpTestingController) };
}

function codeOf(id: string): CheckInCode {
  return { bookingId: id, code: 'c'.repeat(64), opensAt: '2026-11-30T05:30:00.000Z', closesAt: '2026-11-30T07:00:00.000Z' };
}

describe('DoorPassStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    vi.useRealTimers();
  });

  it('shows the booking and its code at once, and fetches the QR image when the door opens', () => {
    const { store, http } = setup();
    const booking = aBooking();
    store.load(booking.id);
    http.expectOne(`/api/v1/bookings/${booking.id}`).flush(booking);
    http.expectOne(`/api/v1/bookings/${booking.id}/checkin-code`).flush(codeOf(booking.id));
    expect(store.booking()).toEqual(booking);
    expect(store.code()?.code).toBe('c'.repeat(64));
    expect(store.loading()).toBe(false);

    vi.advanceTimersByTime(30 * 60_000 - 1);
    http.expectNone(`/api/v1/bookings/${booking.id}/qr`);
    expect(store.qrImage()).toBeNull();

    vi.advanceTimersByTime(1);
    const qr = http.expectOne(`/api/v1/bookings/${booking.id}/qr`);
    expect(qr.request.responseType).toBe('text');
    qr.flush(SVG);
    expect(store.qrImage()).toBe(svgImage(SVG));
  });

  it('says why when the booking has no code (cancelled, or a no-show)', () => {
    const { store, http } = setup();
    const booking = aBooking();
    store.load(booking.id);
    http.expectOne(`/api/v1/bookings/${booking.id}`).flush(booking);
    http
      .expectOne(`/api/v1/bookings/${booking.id}/checkin-code`)
      .flush(problem(409, 'INVALID_STATE', { detail: 'This booking is cancelled' }), { status: 409, statusText: 'Conflict' });
    expect(store.error()).toBe('This booking is cancelled');
    expect(store.qrImage()).toBeNull();
  });
});

describe('svgImage', () => {
  it('makes the SVG text an image address, escaped whole, so nothing in it leaves the address', () => {
    expect(svgImage('<svg a="1"/>#x')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E%23x');
  });
});
