import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Booking } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { dateKeyOf, formatDayWithWeekday, formatShortDay, timeOfDayOf } from '../../core/time/studio-time';
import { describeRefunded } from '../../shared/bookings/refund-labels';
import type { BadgeKind } from '../../shared/sessions/session-labels';

/** A booking's state as a label: Confirmed, Checked in, Late, No-show, Cancelled. */
export function bookingBadge(booking: Booking, now: Date): { label: string; kind: BadgeKind } {
  if (booking.status === 'cancelled') return { label: 'Cancelled', kind: 'cancelled' };
  if (booking.status === 'no_show') return { label: 'No-show', kind: 'full' };
  if (booking.checkedInAt) return booking.isLate ? { label: 'Checked in late', kind: 'few' } : { label: 'Checked in', kind: 'open' };
  return new Date(booking.startsAt).getTime() > now.getTime() ? { label: 'Confirmed', kind: 'open' } : { label: 'Booked', kind: 'past' };
}

/**
 * One of the member's bookings: when, what, with whom, its state, and (while the API says it can be cancelled)
 * cancel and calendar. A cancelled one says who cancelled it, the studio's reason, and the refund, all as the API
 * sent them.
 */
@Component({
  selector: 'ff-booking-card',
  imports: [MatButtonModule, MatCardModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card" [class.is-inactive]="booking().status !== 'confirmed'">
      <div class="main">
        <p class="when">
          <span class="day">{{ day() }}</span>
          <time class="time" [attr.datetime]="booking().startsAt">{{ time() }}</time>
        </p>
        <div class="what">
          <h2 class="name" [id]="headingId()">
            <a [routerLink]="['/sessions', booking().sessionId]">{{ booking().sessionName }}</a>
          </h2>
          <p class="trainer">with {{ booking().trainerName }}</p>
          @if (cancellation(); as line) {
            <p class="detail">{{ line }}</p>
          }
          @if (booking().cancellationReason; as reason) {
            <p class="detail reason">Reason: {{ reason }}</p>
          }
        </div>
        <span class="ff-badge" [attr.data-kind]="badge().kind">{{ badge().label }}</span>
      </div>
      @if (cancellable() || showAtTheDoor()) {
        <div class="actions">
          @if (cancellable()) {
            <button mat-button type="button" [attr.aria-describedby]="headingId()" (click)="addToCalendar.emit(booking())">
              Add to calendar
            </button>
            <button
              mat-stroked-button
              type="button"
              class="cancel"
              [attr.aria-describedby]="headingId()"
              [disabled]="cancelling()"
              (click)="cancelBooking.emit(booking())"
            >
              {{ cancelling() ? 'Cancelling…' : 'Cancel booking' }}
            </button>
          }
          @if (showAtTheDoor()) {
            <a mat-flat-button [routerLink]="['/bookings', booking().id, 'door']" [attr.aria-describedby]="headingId()">
              Show at the door
            </a>
          }
        </div>
      }
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      padding: 12px 16px;
    }
    .main {
      display: grid;
      grid-template-columns: 112px minmax(0, 1fr) auto;
      align-items: start;
      gap: 4px 12px;
    }
    .when {
      display: flex;
      flex-direction: column;
      margin: 0;
    }
    .day {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .time {
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
    }
    .name {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .reason {
      overflow-wrap: anywhere;
    }
    .trainer,
    .detail {
      margin: 2px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
    .cancel {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
    @media (max-width: 479px) {
      .main {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      .when {
        grid-column: 1 / -1;
        flex-direction: row;
        gap: 8px;
      }
    }
  `,
})
export class BookingCard {
  readonly booking = input.required<Booking>();
  readonly timeZone = input.required<string>();
  readonly now = input.required<Date>();
  readonly cancelling = input(false);
  readonly cancelBooking = output<Booking>();
  readonly addToCalendar = output<Booking>();

  protected readonly headingId = computed(() => `booking-${this.booking().id}-name`);
  /** "Wed 25 Nov". */
  protected readonly day = computed(() => formatDayWithWeekday(dateKeyOf(this.booking().startsAt, this.timeZone())));
  protected readonly time = computed(
    () => `${timeOfDayOf(this.booking().startsAt, this.timeZone())}–${timeOfDayOf(this.booking().endsAt, this.timeZone())}`,
  );
  protected readonly badge = computed(() => bookingBadge(this.booking(), this.now()));
  protected readonly cancellable = computed(() => this.booking().actions.cancel.allowed);
  /** Its QR code for the door, until the class ends (the view itself says when the door opens). */
  protected readonly showAtTheDoor = computed(() => {
    const { status, checkedInAt, endsAt } = this.booking();
    return status === 'confirmed' && !checkedInAt && new Date(endsAt).getTime() > this.now().getTime();
  });
  /** "Cancelled 24 Nov · 50 % refunded (1 credit)"; "Cancelled by the studio on 24 Nov · 100 % refunded (3 credits)". */
  protected readonly cancellation = computed(() => {
    const booking = this.booking();
    if (booking.status !== 'cancelled' || !booking.cancelledAt) return null;
    const day = formatShortDay(dateKeyOf(booking.cancelledAt, this.timeZone()));
    const on = booking.cancelledBy === 'studio' ? `Cancelled by the studio on ${day}` : `Cancelled ${day}`;
    return `${on} · ${describeRefunded(booking)}`;
  });
}
