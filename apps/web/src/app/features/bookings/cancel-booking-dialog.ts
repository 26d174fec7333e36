import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Booking } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { dateKeyOf, formatDay, timeOfDayOf } from '../../core/time/studio-time';
import {
  creditsRefunded,
  describeRefundOutlook,
  refundOutlook,
  type RefundTier,
} from '../../shared/bookings/booking-rules';
import { creditsLabel } from '../../shared/sessions/session-labels';

export interface CancelBookingDialogData {
  booking: Booking;
  timeZone: string;
  tiers: readonly RefundTier[];
  now: Date;
}

/**
 * Asks before cancelling a booking, saying what the member gets back right now and when that changes
 * ("100 % until Tue 07:00, then 50 %"). Closes with true when confirmed.
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
      <p class="refund" data-testid="refund-now">{{ refundNow }}</p>
      @if (outlook; as line) {
        <p class="ff-muted" data-testid="refund-outlook">Refund: {{ line }}.</p>
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
  readonly #outlook = refundOutlook(this.booking.startsAt, this.#data.tiers, this.#data.now);
  protected readonly refundNow = refundNowSentence(this.#outlook.percentage, this.booking.creditsSpent);
  /** When the refund changes later; nothing to add once it is 0 %. */
  protected readonly outlook =
    this.#outlook.changesAt === null ? null : describeRefundOutlook(this.#outlook, this.#data.timeZone, this.#data.now);
}

/** "If you cancel now, you get 100 % back (1 credit)." */
export function refundNowSentence(percentage: number, creditsSpent: number): string {
  if (percentage === 0) return 'If you cancel now, you get nothing back.';
  const credits = creditsSpent > 0 ? ` (${creditsLabel(creditsRefunded(creditsSpent, percentage))})` : '';
  return `If you cancel now, you get ${percentage} % back${credits}.`;
}
