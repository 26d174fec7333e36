import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../../core/studio/studio.store';
import { LoadError } from '../../../core/ui/load-error';
import { dateKeyOf, formatDay, formatDuration, minutesBetween, timeOfDayOf } from '../../../core/time/studio-time';
import { BookButton } from '../../../shared/bookings/book-button';
import { SessionBadges } from '../../../shared/sessions/session-badges';
import { costLabel } from '../../../shared/sessions/session-labels';
import { LastScheduleView } from '../last-schedule-view';
import { HoldPanel } from './hold-panel';
import { HoldStore } from './hold.store';
import { SessionDetailStore } from './session-detail.store';

const statusNames = {
  draft: 'Draft (not on the public schedule yet)',
  published: 'Open for booking',
  in_progress: 'In progress',
  completed: 'Finished',
  cancelled: 'Cancelled',
} as const;

/** A session's page: when (in the studio's zone), who leads it, how many spots are left, and its state. */
@Component({
  selector: 'ff-session-detail-page',
  imports: [BookButton, HoldPanel, LoadError, MatButtonModule, MatCardModule, MatProgressBarModule, RouterLink, SessionBadges],
  // The page's own, not the route's (whose injector outlives the page): another class's page starts without a hold.
  providers: [HoldStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-detail-page.html',
  styleUrl: './session-detail-page.scss',
})
export class SessionDetailPage {
  /** From the route (`/sessions/:id`). */
  readonly id = input.required<string>();

  protected readonly store = inject(SessionDetailStore);
  protected readonly studio = inject(StudioStore);
  protected readonly holds = inject(HoldStore);
  /** Back to the week and filters the visitor came from. */
  protected readonly scheduleParams = inject(LastScheduleView).params;
  readonly #title = inject(Title);

  protected readonly view = computed(() => {
    const session = this.store.session();
    if (!session) return null;
    const zone = this.studio.timeZone();
    return {
      session,
      day: formatDay(dateKeyOf(session.startsAt, zone)),
      time: `${timeOfDayOf(session.startsAt, zone)}–${timeOfDayOf(session.endsAt, zone)}`,
      duration: formatDuration(minutesBetween(session.startsAt, session.endsAt)),
      status: statusNames[session.status],
      taken: session.bookedCount + session.heldCount,
      credits: costLabel(session.creditCost),
    };
  });

  constructor() {
    this.store.load(this.id);
    effect(() => {
      const name = this.store.session()?.name ?? (this.store.notFound() ? 'Class not found' : null);
      if (name) this.#title.setTitle(`${name} · ${this.studio.name()}`);
    });
  }
}
