import { ChangeDetectionStrategy, Component, type ElementRef, ViewContainerRef, effect, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { BookButton } from '../../shared/bookings/book-button';
import { SessionCard } from '../../shared/sessions/session-card';
import { CardHold } from './card-hold';
import type { ScheduleRange } from './schedule-filters';
import { ScheduleStore } from './schedule.store';
import { LoadMore } from '../../core/ui/load-more';
import { TrainerFilter } from '../../shared/sessions/trainer-filter';
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
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    SessionCard,
    TrainerFilter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-page.html',
  styleUrl: './schedule-page.scss',
})
export class SchedulePage {
  protected readonly store = inject(ScheduleStore);
  protected readonly studio = inject(StudioStore);
  /** Whether the folded filters are shown (phones only: wider screens always show them). */
  protected readonly filtersOpen = signal(false);

  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');
  /** Where the Day view's date field goes; there only while the Day view shows. */
  private readonly dayField = viewChild('dayField', { read: ViewContainerRef });

  constructor() {
    this.store.followUrl(inject(ActivatedRoute).queryParams);
    this.store.shownAgain();
    // The box shows the URL's search (a shared link, Back), but never rewrites what is being typed: "morning "
    // keeps its space while the URL already says "morning".
    effect(() => {
      const q = this.store.filters().q;
      const box = this.searchBox().nativeElement;
      if (box.value.trim() !== q) box.value = q;
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
  }

  protected onRange(range: ScheduleRange): void {
    if (range === 'this-week') void this.store.showThisWeek();
    else if (range === 'next-week') void this.store.showNextWeek();
    else void this.store.showDay(this.store.filters().date);
  }

  protected onSearch(event: Event): void {
    this.store.search((event.target as HTMLInputElement).value);
  }
}
