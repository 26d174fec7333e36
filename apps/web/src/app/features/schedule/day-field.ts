import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CalendarHeader } from '../../core/time/calendar-header';
import { provideFormFieldDefaults } from '../../core/ui/form-field-defaults';
import { dateKeyOfPickedDay, isPickedDay, pickedDayOf, provideStudioDateAdapter } from '../../core/time/studio-date-adapter';
import { ScheduleStore } from './schedule.store';

/**
 * The Day view's date: typed as the studio writes it (30/11/2026) or picked from a calendar whose weeks start on
 * Monday. Not the browser's `type="date"`, which shows its own language's format (11/30/2026 in American English).
 * The page loads it for the Day view only: the picker's code is most of what the schedule would load otherwise.
 */
@Component({
  selector: 'ff-day-field',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule],
  providers: [provideFormFieldDefaults(), provideStudioDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Date</mat-label>
      <input matInput autocomplete="off" [matDatepicker]="picker" [value]="day()" (dateChange)="onPicked($event.value)" />
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker [calendarHeaderComponent]="calendarHeader" />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class DayField {
  readonly #store = inject(ScheduleStore);
  protected readonly calendarHeader = CalendarHeader;

  protected readonly day = computed(() => pickedDayOf(this.#store.filters().date ?? this.#store.today()));

  /** Another day, picked or typed in full, goes into the URL. */
  protected onPicked(value: Date | null): void {
    if (!isPickedDay(value)) return;
    const date = dateKeyOfPickedDay(value);
    if (date !== this.#store.filters().date) void this.#store.showDay(date);
  }
}
