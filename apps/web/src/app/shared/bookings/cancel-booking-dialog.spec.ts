import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Booking } from '@fitflow/api-contract';
import { settle } from '../../../testing/dom';
import { aBooking } from '../../../testing/sessions';
import { CancelBookingDialog } from './cancel-booking-dialog';

/** Wednesday 25 November 2026, 11:00 in Berlin; the class of `aBooking` is on Monday 30 November at 07:00. */
const NOW = new Date('2026-11-25T10:00:00.000Z');

async function render(booking: Booking) {
  TestBed.configureTestingModule({
    imports: [CancelBookingDialog],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: { booking, timeZone: 'Europe/Berlin', now: NOW } },
      { provide: MatDialogRef, useValue: { close: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(CancelBookingDialog);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const line = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
  return { root, line };
}

describe('CancelBookingDialog', () => {
  it('says what cancelling gives back now and when that drops, as the API computed it', async () => {
    // The API: 2 credits back until Sunday 07:00 (24 h before), 1 from then on.
    const { line } = await render(aBooking());
    expect(line('refund-now')).toBe('If you cancel now, you get 100 % back (2 credits).');
    expect(line('refund-outlook')).toBe('Refund: 100 % until Sun 07:00, then 50 %.');
  });

  it('says plainly that no credits come back, and nothing of a change that gives none either', async () => {
    const { line } = await render(
      aBooking({
        creditsSpent: 1,
        refundOutlook: { percentage: 50, credits: 0, changesAt: '2026-11-29T18:00:00.000Z', nextPercentage: 0, nextCredits: 0 },
      }),
    );
    expect(line('refund-now')).toBe('If you cancel now, you get no credits back.');
    expect(line('refund-outlook')).toBeNull();
  });

  it('says when the last credit stops coming back', async () => {
    const { line } = await render(
      aBooking({
        creditsSpent: 1,
        refundOutlook: { percentage: 100, credits: 1, changesAt: '2026-11-29T06:00:00.000Z', nextPercentage: 50, nextCredits: 0 },
      }),
    );
    expect(line('refund-now')).toBe('If you cancel now, you get 100 % back (1 credit).');
    expect(line('refund-outlook')).toBe('Refund: 100 % until Sun 07:00, then no credits back.');
  });
});
