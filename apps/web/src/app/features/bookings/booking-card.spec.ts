import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Booking } from '@fitflow/api-contract';
import { settle } from '../../../testing/dom';
import { aBooking, notCancellable } from '../../../testing/sessions';
import { BookingCard } from './booking-card';

/** Before the class of `aBooking` (Monday 30 November 2026, 07:00 in Berlin). */
const NOW = new Date('2026-11-25T10:00:00.000Z');

async function render(booking: Booking) {
  TestBed.configureTestingModule({ imports: [BookingCard], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(BookingCard);
  fixture.componentRef.setInput('booking', booking);
  fixture.componentRef.setInput('timeZone', 'Europe/Berlin');
  fixture.componentRef.setInput('now', NOW);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const details = () => Array.from(root.querySelectorAll('.detail')).map((line) => line.textContent?.trim());
  return { root, details };
}

describe('BookingCard', () => {
  it('shows a booking the studio cancelled: by the studio, its reason and the refund the API computed', async () => {
    const { root, details } = await render(
      aBooking({
        status: 'cancelled',
        cancelledAt: '2026-11-24T16:30:00.000Z',
        cancelledBy: 'studio',
        cancellationReason: 'Tess is ill',
        refundPercentage: 100,
        creditsSpent: 3,
        creditsRefunded: 3,
        ...notCancellable(),
      }),
    );
    expect(details()).toEqual(['Cancelled by the studio on 24 Nov · 100 % refunded (3 credits)', 'Reason: Tess is ill']);
    expect(root.querySelector('.ff-badge')?.textContent?.trim()).toBe('Cancelled');
    expect(root.querySelector('button')).toBeNull();
  });

  it('shows a booking its member cancelled with the refund, and no reason', async () => {
    const { details } = await render(
      aBooking({
        status: 'cancelled',
        cancelledAt: '2026-11-29T20:00:00.000Z',
        cancelledBy: 'member',
        refundPercentage: 50,
        creditsRefunded: 1,
        ...notCancellable(),
      }),
    );
    expect(details()).toEqual(['Cancelled 29 Nov · 50 % refunded (1 credit)']);
  });

  it('says plainly when a cancellation gave no credits back', async () => {
    const { details } = await render(
      aBooking({
        status: 'cancelled',
        cancelledAt: '2026-11-29T20:00:00.000Z',
        cancelledBy: 'member',
        creditsSpent: 1,
        refundPercentage: 50,
        creditsRefunded: 0,
        ...notCancellable(),
      }),
    );
    expect(details()).toEqual(['Cancelled 29 Nov · no credits back']);
  });

  it('offers "Cancel booking" (and the calendar) where the API says it can be cancelled', async () => {
    const { root } = await render(aBooking());
    const buttons = Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['Add to calendar', 'Cancel booking']);
  });

  it('offers no cancel where the API refuses it, even before the start by this browser’s clock', async () => {
    // NOW is before the class; the API, whose clock decides, says it has started.
    const started = notCancellable('This session has already started; the booking can no longer be cancelled');
    const { root, details } = await render(aBooking(started));
    expect(root.querySelector('button')).toBeNull();
    expect(details()).toEqual([]);
  });

  it('offers "Show at the door" for a confirmed booking until its class ends, not once checked in', async () => {
    const doorLink = (root: HTMLElement) => root.querySelector<HTMLAnchorElement>('a[href$="/door"]');
    const booking = aBooking();
    const upcoming = await render(booking);
    expect(doorLink(upcoming.root)?.textContent?.trim()).toBe('Show at the door');
    expect(doorLink(upcoming.root)?.getAttribute('href')).toBe(`/bookings/${booking.id}/door`);
    TestBed.resetTestingModule();
    const checkedIn = await render(aBooking({ checkedInAt: '2026-11-30T05:50:00.000Z', ...notCancellable() }));
    expect(doorLink(checkedIn.root)).toBeNull();
    TestBed.resetTestingModule();
    const cancelled = await render(aBooking({ status: 'cancelled', cancelledAt: '2026-11-24T09:00:00.000Z', ...notCancellable() }));
    expect(doorLink(cancelled.root)).toBeNull();
  });

  it('says nothing of a cancellation while the booking is confirmed', async () => {
    const { root, details } = await render(aBooking());
    expect(details()).toEqual([]);
    expect(root.querySelector('.ff-badge')?.textContent?.trim()).toBe('Confirmed');
  });
});
