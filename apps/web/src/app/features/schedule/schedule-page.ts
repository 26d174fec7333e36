import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ViewContainerRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { BookButton } from '../../shared/bookings/book-button';
import { SessionCard } from '../../shared/sessions/session-card';
import type { DayGroup } from '../../shared/sessions/session-labels';
import { CardHold } from './card-hold';
import type { ScheduleRange } from './schedule-filters';
import { ScheduleStore } from './schedule.store';
import { LoadMore } from '../../core/ui/load-more';
import { LoadError } from '../../core/ui/load-error';
import { mediaQuery } from '../../core/ui/media-query';

/** Cards drawn in one task: a few at a time keep each task short on a mid-range phone. */
const CARDS_PER_TASK = 3;

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

  /**
   * The days as drawn so far. A week's cards drawn at once make one long task on a phone, which keeps a tap
   * waiting: a list that arrives on an empty page draws a few cards per task instead, the first few at once. A list
   * that changes in place (a booking, another week) draws at once.
   */
  protected readonly groups = computed(() => firstSessions(this.store.groups(), this.cardsDrawn()));
  private readonly cardsDrawn = signal(CARDS_PER_TASK);

  /** Where the Day view's date field goes; there only while the Day view shows. */
  private readonly dayField = viewChild('dayField', { read: ViewContainerRef });
  /** Where the narrowing filters go once loaded. */
  private readonly narrowing = viewChild.required('narrowing', { read: ViewContainerRef });
  /** Below 600 px the narrowing filters fold behind "Filters" (schedule-page.scss). */
  private readonly onPhone = mediaQuery('(max-width: 599px)', false);

  constructor() {
    this.store.followUrl(inject(ActivatedRoute).queryParams);
    this.store.shownAgain();
    effect((onCleanup) => {
      const total = this.store.sessions().length;
      const drawn = this.cardsDrawn();
      if (total === 0) this.cardsDrawn.set(CARDS_PER_TASK);
      if (drawn >= total) return;
      const next = setTimeout(() => this.cardsDrawn.set(drawn + CARDS_PER_TASK));
      onCleanup(() => clearTimeout(next));
    });
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

/** The first `count` sessions of the days, by day. */
function firstSessions(groups: readonly DayGroup<Session>[], count: number): DayGroup<Session>[] {
  const shown: DayGroup<Session>[] = [];
  let left = count;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(group.sessions.length <= left ? group : { ...group, sessions: group.sessions.slice(0, left) });
    left -= group.sessions.length;
  }
  return shown;
}
