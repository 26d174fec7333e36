import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, ViewContainerRef, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { BookButton } from '../../shared/bookings/book-button';
import { SessionCard } from '../../shared/sessions/session-card';
import { CardHold } from './card-hold';
import type { ScheduleRange } from './schedule-filters';
import { ScheduleStore } from './schedule.store';
import { LoadMore } from '../../core/ui/load-more';
import { LoadError } from '../../core/ui/load-error';

/**
 * Home: the studio's classes by day, filtered by days, trainer, free spots and text, all kept in the URL. On a phone
 * the filters that narrow the list fold behind a "Filters" button, so the first class shows without scrolling.
 */
@Component({
  selector: 'ff-schedule-page',
  imports: [
    BookButton,
    CardHold,
    LoadError,
    LoadMore,
    MatButtonModule,
    MatProgressBarModule,
    SessionCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-page.html',
  styleUrl: './schedule-page.scss',
})
export class SchedulePage {
  protected readonly store = inject(ScheduleStore);
  protected readonly studio = inject(StudioStore);
  protected readonly ranges: readonly { value: ScheduleRange; label: string }[] = [
    { value: 'this-week', label: 'This week' },
    { value: 'next-week', label: 'Next week' },
    { value: 'day', label: 'Day' },
  ];
  /** Whether the folded filters are shown (phones only: wider screens always show them). */
  protected readonly filtersOpen = signal(false);

  /** Whether the search, trainer and free-spots filters have arrived (their placeholders show until then). */
  protected readonly narrowingShown = signal(false);

  /** Where the Day view's date field goes; there only while the Day view shows. */
  private readonly dayField = viewChild('dayField', { read: ViewContainerRef });
  /** Where the narrowing filters go once loaded. */
  private readonly narrowing = viewChild.required('narrowing', { read: ViewContainerRef });
  /** Below 600 px the narrowing filters fold behind "Filters" (schedule-page.scss). */
  private readonly onPhone = phoneWidth();

  constructor() {
    this.store.followUrl(inject(ActivatedRoute).queryParams);
    this.store.shownAgain();
    // The date field comes with Material's date picker, most of what the schedule would load otherwise: it loads
    // when the Day view first shows (not through `@defer`, whose runtime would weigh on the initial bundle).
    effect(() => {
      const place = this.dayField();
      if (!place || place.length > 0) return;
      void import('./day-field').then(({ DayField }) => {
        if (this.dayField() === place && place.length === 0) place.createComponent(DayField);
      });
    });
    // The narrowing filters load once they can be seen: at once on a wide screen, when "Filters" opens on a phone.
    // The first classes need none of their code, so it loads beside the list, not before it.
    let destroyed = false;
    inject(DestroyRef).onDestroy(() => (destroyed = true));
    const loadNarrowing = effect(() => {
      if (this.onPhone() && !this.filtersOpen()) return;
      loadNarrowing.destroy();
      untracked(() => {
        void import('./narrowing-filters').then(({ NarrowingFilters }) => {
          if (destroyed) return;
          this.narrowing().createComponent(NarrowingFilters);
          this.narrowingShown.set(true);
        });
      });
    });
  }

  protected onRange(range: ScheduleRange): void {
    if (range === 'this-week') void this.store.showThisWeek();
    else if (range === 'next-week') void this.store.showNextWeek();
    else void this.store.showDay(this.store.filters().date);
  }
}

/** Whether the window is phone-wide (below 600 px), followed as it resizes; false where there is no window. */
function phoneWidth() {
  const query = inject(DOCUMENT).defaultView?.matchMedia?.('(max-width: 599px)');
  const matches = signal(query?.matches ?? false);
  if (query) {
    const follow = (event: MediaQueryListEvent) => matches.set(event.matches);
    query.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => query.removeEventListener('change', follow));
  }
  return matches.asReadonly();
}
