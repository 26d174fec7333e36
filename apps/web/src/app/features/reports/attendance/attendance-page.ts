import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute } from '@angular/router';
import { StudioStore } from '../../../core/studio/studio.store';
import { dateKeyOfPickedDay, isPickedDay, pickedDayOf } from '../../../core/time/studio-date-adapter';
import { formatDayWithWeekday } from '../../../core/time/studio-time';
import { TrainerFilter } from '../../../shared/sessions/trainer-filter';
import { AttendanceChart } from './attendance-chart';
import { dayCount } from './attendance-filters';
import { type AttendanceLine, type ChartMetric, formatPercent } from './attendance-lines';
import { AttendanceStore } from './attendance.store';

/** Trainers' and admins' attendance: a range of days (in the URL), a chart per class over time, a table, its CSV. */
@Component({
  selector: 'ff-attendance-page',
  imports: [
    AttendanceChart,
    MatButtonModule,
    MatButtonToggleModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    ReactiveFormsModule,
    TrainerFilter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendance-page.html',
  styleUrl: './attendance-page.scss',
})
export class AttendancePage {
  protected readonly store = inject(AttendanceStore);
  protected readonly studio = inject(StudioStore);

  /** The picker's days: calendar days as the date adapter holds them (local midnight), never instants. */
  protected readonly range = new FormGroup({
    start: new FormControl<Date | null>(null),
    end: new FormControl<Date | null>(null),
  });
  protected readonly metric = signal<ChartMetric>('occupancy');
  protected readonly dayCount = computed(() => dayCount(this.store.days()));
  protected readonly columns = computed(() => [
    'date',
    'time',
    'className',
    ...(this.store.isAdmin() ? ['trainerName'] : []),
    'capacity',
    'booked',
    'checkedIn',
    'late',
    'noShow',
    'occupancy',
    'noShowRate',
  ]);
  /** Dates say their year when the range spans two. */
  readonly #withYear = computed(() => this.store.days().first.slice(0, 4) !== this.store.days().last.slice(0, 4));
  protected readonly formatPercent = formatPercent;
  protected readonly trackBySession = (_index: number, line: AttendanceLine): string => line.sessionId;

  constructor() {
    this.store.followUrl(inject(ActivatedRoute).queryParams);
    // The picker shows the days of the URL (a shared link, Back), without announcing a change of its own.
    effect(() => {
      const { first, last } = this.store.days();
      const { start, end } = this.range.getRawValue();
      if (start && end && dateKeyOfPickedDay(start) === first && dateKeyOfPickedDay(end) === last) return;
      this.range.setValue({ start: pickedDayOf(first), end: pickedDayOf(last) }, { emitEvent: false });
    });
  }

  protected dateLabel(line: AttendanceLine): string {
    const day = formatDayWithWeekday(line.date);
    return this.#withYear() ? `${day} ${line.date.slice(0, 4)}` : day;
  }

  /** A picked or typed day: once both ends are valid days in order, the URL takes them. */
  protected onDatesChange(): void {
    const { start, end } = this.range.getRawValue();
    if (!isPickedDay(start) || !isPickedDay(end)) return;
    const first = dateKeyOfPickedDay(start);
    const last = dateKeyOfPickedDay(end);
    if (first <= last) void this.store.showDays(first, last);
  }

  /** Saves the table as CSV, made here from the rows shown. */
  protected downloadCsv(): void {
    const { text, fileName } = this.store.csv();
    // The byte-order mark makes spreadsheets read the file as UTF-8 (names with accents).
    const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
    Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
