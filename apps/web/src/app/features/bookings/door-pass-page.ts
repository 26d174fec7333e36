import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK, dateKeyOf, formatDay, formatMoment, timeOfDayOf } from '../../core/time/studio-time';
import { DoorPassStore } from './door-pass.store';

/**
 * "Show at the door": the booking's QR code, as large as the screen allows, black on white with its quiet zone,
 * and the code as text beneath for a trainer to type. Nothing else competes with it on the screen.
 */
@Component({
  selector: 'ff-door-pass-page',
  imports: [MatProgressBarModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="pass">
      <a class="back" routerLink="/bookings/upcoming">← My bookings</a>
      @if (store.booking(); as booking) {
        <h1>{{ booking.sessionName }}</h1>
        <p class="when">{{ when() }}</p>
      } @else {
        <h1>Show at the door</h1>
      }

      <div class="progress">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading your code" />
        }
      </div>

      @if (store.error(); as error) {
        <p class="ff-alert" role="alert">{{ error }}</p>
      } @else if (checkedInAt(); as at) {
        <p class="note" data-testid="door-pass-note">You're checked in ({{ at }}). Enjoy the class!</p>
      } @else if (store.qrImage(); as image) {
        <figure class="code">
          <img class="qr" [src]="image" alt="Your check-in code as a QR code" />
          <figcaption>
            <span class="hint">Show this to your trainer at the door.</span>
            <span class="text" data-testid="door-pass-code">{{ store.code()?.code }}</span>
          </figcaption>
        </figure>
      } @else if (opensAt(); as opens) {
        <p class="note" data-testid="door-pass-note">Your code shows here from {{ opens }}, 30 minutes before the class.</p>
      }
    </div>
  `,
  styles: `
    .pass {
      box-sizing: border-box;
      max-width: 560px;
      margin: 0 auto;
      padding: 16px 16px 32px;
    }
    .back {
      font: var(--mat-sys-label-large);
    }
    h1 {
      margin: 12px 0 4px;
      overflow-wrap: anywhere;
    }
    .when {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      height: 4px;
      margin-bottom: 8px;
    }
    .code {
      margin: 0;
    }
    /* The SVG carries its quiet zone; white around it whatever the theme, and as wide as the screen. */
    .qr {
      display: block;
      width: 100%;
      max-width: 100%;
      aspect-ratio: 1;
      background: #fff;
    }
    figcaption {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 8px;
      text-align: center;
    }
    .hint {
      font: var(--mat-sys-body-large);
    }
    .text {
      font: var(--mat-sys-body-small);
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .note {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class DoorPassPage {
  /** From the URL. */
  readonly bookingId = input.required<string>();

  protected readonly store = inject(DoorPassStore);
  readonly #studio = inject(StudioStore);
  readonly #clock = inject(CLOCK);

  /** "07:00–08:00, Monday 30 November, with Tess Trainer". */
  protected readonly when = computed(() => {
    const booking = this.store.booking();
    if (!booking) return '';
    const zone = this.#studio.timeZone();
    return `${timeOfDayOf(booking.startsAt, zone)}–${timeOfDayOf(booking.endsAt, zone)}, ${formatDay(dateKeyOf(booking.startsAt, zone))}, with ${booking.trainerName}`;
  });
  /** The API's `opensAt` in the studio's zone: "06:30" today, "Mon 06:30" on another day. */
  protected readonly opensAt = computed(() => {
    const code = this.store.code();
    if (!code) return null;
    const zone = this.#studio.timeZone();
    const now = this.#clock();
    return dateKeyOf(code.opensAt, zone) === dateKeyOf(now, zone) ? timeOfDayOf(code.opensAt, zone) : formatMoment(code.opensAt, zone, now);
  });
  protected readonly checkedInAt = computed(() => {
    const at = this.store.booking()?.checkedInAt;
    return at ? timeOfDayOf(at, this.#studio.timeZone()) : null;
  });

  constructor() {
    this.store.load(this.bookingId);
  }
}
