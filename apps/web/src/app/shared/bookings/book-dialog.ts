import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { dateKeyOf, formatDay, timeOfDayOf } from '../../core/time/studio-time';
import { costLabel } from '../sessions/session-labels';
import { describePolicy, describeRefundOutlook, type RefundTier } from './refund-labels';

export interface BookDialogData {
  session: Session;
  timeZone: string;
  /** The studio's policy (GET /studio), spelled out in general; the session's `refundOutlook` says it for this class. */
  tiers: readonly RefundTier[];
  now: Date;
}

/** Asks before booking: when, with whom, what it costs, and what cancelling would give back. Closes with true. */
@Component({
  selector: 'ff-book-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Book {{ session.name }}?</h2>
    <mat-dialog-content>
      <dl class="facts">
        <div>
          <dt>When</dt>
          <dd>{{ when }}</dd>
        </div>
        <div>
          <dt>Trainer</dt>
          <dd>{{ session.trainerName }}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{{ cost }}</dd>
        </div>
      </dl>
      <!-- A free class has nothing to refund. -->
      @if (session.creditCost > 0) {
        <h3 class="policy-heading">If you cancel</h3>
        <p class="policy">{{ policy }}</p>
        <p class="outlook">For this class: {{ outlook }}.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Not now</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" cdkFocusInitial>Book</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 16px;
    }
    .facts div {
      display: contents;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .policy-heading {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .policy,
    .outlook {
      margin: 0 0 4px;
    }
  `,
})
export class BookDialog {
  readonly #data = inject<BookDialogData>(MAT_DIALOG_DATA);
  protected readonly session = this.#data.session;
  protected readonly when = `${formatDay(dateKeyOf(this.session.startsAt, this.#data.timeZone))}, ${timeOfDayOf(
    this.session.startsAt,
    this.#data.timeZone,
  )}–${timeOfDayOf(this.session.endsAt, this.#data.timeZone)}`;
  protected readonly cost = costLabel(this.session.creditCost);
  protected readonly policy = describePolicy(this.#data.tiers);
  protected readonly outlook = describeRefundOutlook(this.session.refundOutlook, this.#data.timeZone, this.#data.now);
}
