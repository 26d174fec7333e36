import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, viewChild } from '@angular/core';
import type { Booking, BookingListScope } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK } from '../../core/time/studio-time';
import { BookingCalendar } from '../../shared/bookings/booking-calendar';
import { confirmCancel } from '../../shared/bookings/confirm-cancel';
import { BookingCard } from './booking-card';
import { MyBookingsStore } from './my-bookings.store';
import { LoadMore } from '../../core/ui/load-more';
import { LoadError } from '../../core/ui/load-error';

const tabs: { scope: BookingListScope; label: string; empty: string }[] = [
  { scope: 'upcoming', label: 'Upcoming', empty: 'No upcoming classes. Find one on the schedule.' },
  { scope: 'past', label: 'Past', empty: 'No past classes yet.' },
  { scope: 'cancelled', label: 'Cancelled', empty: 'Nothing cancelled.' },
];

/** The member's bookings in three tabs; cancel with the refund policy spelled out, add to a calendar. */
@Component({
  selector: 'ff-my-bookings-page',
  imports: [BookingCard, LoadError, LoadMore, MatButtonModule, MatProgressBarModule, MatTabsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-bookings-page.html',
  styleUrl: './my-bookings-page.scss',
})
export class MyBookingsPage {
  /** From the route's data: which tab this URL shows. */
  readonly scope = input.required<BookingListScope>();

  protected readonly store = inject(MyBookingsStore);
  protected readonly studio = inject(StudioStore);
  protected readonly tabs = tabs;
  readonly #clock = inject(CLOCK);
  /** When the page opened: whether a booking's class is still ahead (its badge). */
  protected readonly now = this.#clock();
  readonly #calendar = inject(BookingCalendar);
  readonly #injector = inject(Injector);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly list = viewChild<ElementRef<HTMLElement>>('list');

  constructor() {
    this.store.load(this.scope);
  }

  protected emptyText(): string {
    return this.#tab().empty;
  }

  /** "Upcoming bookings". */
  protected listLabel(): string {
    return `${this.#tab().label} bookings`;
  }

  #tab(): (typeof tabs)[number] {
    return tabs.find((tab) => tab.scope === this.scope()) ?? (tabs[0] as (typeof tabs)[number]);
  }

  protected async cancel(booking: Booking): Promise<void> {
    if (!(await confirmCancel(this.#injector, booking))) return;
    const index = this.store.bookings().indexOf(booking);
    if (!(await this.store.cancel(booking))) return;
    // The card (and the button focus returned to) is gone: focus the booking that took its place, or the list.
    const next = this.store.bookings()[Math.min(index, this.store.bookings().length - 1)];
    afterNextRender(
      () => {
        const link = next && this.#host.nativeElement.querySelector<HTMLElement>(`[id="booking-${next.id}-name"] a`);
        (link ?? this.list()?.nativeElement)?.focus();
      },
      { injector: this.#injector },
    );
  }

  /** Downloads the booking as an .ics file, which calendars open. */
  protected addToCalendar(booking: Booking): Promise<void> {
    return this.#calendar.download(booking);
  }
}
