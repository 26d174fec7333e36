import { ChangeDetectionStrategy, Component, type ElementRef, effect, inject, viewChild } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { TrainerFilter } from '../../shared/sessions/trainer-filter';
import { ScheduleStore } from './schedule.store';

/**
 * The schedule's filters that narrow the list: search, trainer, free spots. The page loads them apart (see
 * `SchedulePage`): their form-field, select and checkbox code is most of what the schedule would load otherwise,
 * and the first classes need none of it.
 */
@Component({
  selector: 'ff-narrowing-filters',
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, TrainerFilter],
  providers: [provideFormFieldDefaults()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>Search classes</mat-label>
      <input #searchBox matInput type="search" autocomplete="off" (input)="onSearch($event)" />
    </mat-form-field>

    <ff-trainer-filter
      class="trainer"
      [trainers]="store.trainers()"
      [trainerId]="store.filters().trainerId"
      (trainerChange)="store.filterByTrainer($event)"
    />

    <mat-checkbox class="available" [checked]="store.filters().available" (change)="store.onlyAvailable($event.checked)">
      Only with free spots
    </mat-checkbox>
  `,
  // The same places as the page's placeholders (_narrowing-places.scss), so nothing moves when these arrive.
  styleUrl: './narrowing-filters.scss',
})
export class NarrowingFilters {
  protected readonly store = inject(ScheduleStore);
  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');

  constructor() {
    // The trainers are for the trainer filter alone: asked for when it first shows, not with the page.
    if (this.store.trainers().length === 0) void this.store.loadTrainers();
    // The box shows the URL's search (a shared link, Back), but never rewrites what is being typed: "morning "
    // keeps its space while the URL already says "morning".
    effect(() => {
      const q = this.store.filters().q;
      const box = this.searchBox().nativeElement;
      if (box.value.trim() !== q) box.value = q;
    });
  }

  protected onSearch(event: Event): void {
    this.store.search((event.target as HTMLInputElement).value);
  }
}
