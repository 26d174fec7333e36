import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input } from '@angular/core';
import type { RosterEntry } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { dateKeyOf, formatDay, timeOfDayOf } from '../../core/time/studio-time';
import { DoorScanner } from './door-scanner';
import { describeResult, rosterBadge } from './roster-labels';
import { RosterStore } from './roster.store';

/**
 * A session at the door: live counts, the last check-in's answer said big (and to screen readers), the scanner,
 * and the roster with a Check in button per member still expected.
 */
@Component({
  selector: 'ff-roster-page',
  imports: [DoorScanner, MatButtonModule, MatProgressBarModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roster-page.html',
  styleUrl: './roster-page.scss',
})
export class RosterPage {
  /** From the URL. */
  readonly sessionId = input.required<string>();

  protected readonly store = inject(RosterStore);
  protected readonly studio = inject(StudioStore);
  readonly #injector = inject(Injector);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** "07:00–08:00 · Wednesday 25 November · with Tess Trainer". */
  protected readonly when = computed(() => {
    const session = this.store.session();
    if (!session) return '';
    const zone = this.studio.timeZone();
    return `${timeOfDayOf(session.startsAt, zone)}–${timeOfDayOf(session.endsAt, zone)} · ${formatDay(dateKeyOf(session.startsAt, zone))} · with ${session.trainerName}`;
  });
  /** Check-in buttons until the class is over (or cancelled); the API decides the rest. */
  protected readonly doorOpen = computed(() => {
    const status = this.store.session()?.status;
    return status === 'published' || status === 'in_progress';
  });
  protected readonly result = computed(() => {
    const result = this.store.result();
    return result ? { ...describeResult(result), id: result.id, kind: !result.ok ? 'refused' : result.isLate ? 'late' : 'ok' } : null;
  });

  constructor() {
    this.store.open(this.sessionId);
  }

  protected badge(entry: RosterEntry) {
    return rosterBadge(entry, this.studio.timeZone());
  }

  protected async checkIn(entry: RosterEntry): Promise<void> {
    await this.store.checkIn(entry);
    // The button is gone once checked in: keep the focus on the member's row.
    afterNextRender(() => this.#host.nativeElement.querySelector<HTMLElement>(`[id="member-${entry.bookingId}"]`)?.focus(), {
      injector: this.#injector,
    });
  }
}
