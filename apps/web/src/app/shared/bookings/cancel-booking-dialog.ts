import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Booking } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { dateKeyOf, formatDay, timeOfDayOf } from '../../core/time/studio-time';
import { describeRefundChange, describeRefundNow } from './refund-labels';

export interface CancelBookingDialogData {
  /** One the API says can be cancelled, so it carries its `refundOutlook`. */
  booking: Booking;
  timeZone: string;
  now: Date;
}

/**
 * Asks before cancelling a booking, saying what the member gets back right now and when that changes
 * ("100 % until Tue 07:00, then 50 %"), as the API computed it. Closes with true when confirmed.
 */
@Component({
  selector: 'ff-cancel-booking-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Cancel your booking?</h2>
    <mat-dialog-content>
      <p>
        <strong>{{ booking.sessionName }}</strong>, {{ when }} with {{ booking.trainerName }}.
      </p>
      @if (refundNow) {
        <p class="refund" data-testid="refund-now">{{ refundNow }}</p>
      }
      @if (change) {
        <p class="ff-muted" data-testid="refund-outlook">Refund: {{ change }}.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Keep booking</button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">Cancel booking</button>
    </mat-dialog-actions>
  `,
  styles: `
    .refund {
      font: var(--mat-sys-title-small);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CancelBookingDialog {
  readonly #data = inject<CancelBookingDialogData>(MAT_DIALOG_DATA);
  protected readonly booking = this.#data.booking;
  protected readonly when = `${formatDay(dateKeyOf(this.booking.startsAt, this.#data.timeZone))} at ${timeOfDayOf(
    this.booking.startsAt,
    this.#data.timeZone,
  )}`;
  readonly #outlook = this.booking.refundOutlook;
  protected readonly refundNow = this.#outlook ? describeRefundNow(this.#outlook) : null;
  /** When the refund changes later; nothing to add when no change in credits is coming. */
  protected readonly change = this.#outlook ? describeRefundChange(this.#outlook, this.#data.timeZone, this.#data.now) : null;
}
