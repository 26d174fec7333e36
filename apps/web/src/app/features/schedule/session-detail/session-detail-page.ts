import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { Session } from '@fitflow/api-contract';
import { StudioStore } from '../../../core/studio/studio.store';
import { LoadError } from '../../../core/ui/load-error';
import { dateKeyOf, formatDay, formatDuration, minutesBetween, timeOfDayOf } from '../../../core/time/studio-time';
import { BookButton } from '../../../shared/bookings/book-button';
import { BookingCalendar } from '../../../shared/bookings/booking-calendar';
import { confirmCancel } from '../../../shared/bookings/confirm-cancel';
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

/**
 * A session's page: when (in the studio's zone), who leads it, how many spots are left, and its state; booked, what
 * the member can do with the booking: add it to a calendar, cancel it.
 */
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
  readonly #calendar = inject(BookingCalendar);
  readonly #injector = inject(Injector);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

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

  /** Asks (the refund as the API computed it), cancels, and keeps the focus here: on Book, now the class is open again. */
  protected async cancelBooking(): Promise<void> {
    const booking = this.store.booking();
    if (!booking || !(await confirmCancel(this.#injector, booking))) return;
    if (!(await this.store.cancelBooking())) return;
    afterNextRender(
      () => {
        const host = this.#host.nativeElement;
        (host.querySelector<HTMLElement>('ff-book-button :is(button:enabled, a)') ?? host.querySelector<HTMLElement>('h1'))?.focus();
      },
      { injector: this.#injector },
    );
  }

  /** Downloads the booked class as an .ics file, which calendars open. */
  protected addToCalendar(bookingId: string, session: Session): Promise<void> {
    return this.#calendar.download({ id: bookingId, sessionName: session.name, startsAt: session.startsAt });
  }
}
