import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Template } from '@fitflow/api-contract';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { errorMessage, focusFirstInvalid, showServerErrors } from '../../../core/forms/form-errors';
import { dayPickerErrors, timePickerErrors } from '../picker-errors';
import { StudioStore } from '../../../core/studio/studio.store';
import { CalendarHeader } from '../../../core/time/calendar-header';
import {
  dateKeyOfPickedDay,
  isPickedDay,
  pickedDayOf,
  pickedTimeOf,
  provideStudioDateAdapter,
} from '../../../core/time/studio-date-adapter';
import { addDays, CLOCK, dateKeyOf, formatDuration, WEEKDAY_NAMES, weekdayOf, type WeekdayName } from '../../../core/time/studio-time';
import { type ScheduleFormValue, scheduledCount, scheduleFormValueOf, scheduleInputOf, scheduleProblems } from './schedule-form';
import { TemplatesStore } from './templates.store';

export interface ScheduleDialogData {
  template: Template;
}

const weekdayLabels: Record<WeekdayName, { short: string; long: string }> = {
  mon: { short: 'Mon', long: 'Monday' },
  tue: { short: 'Tue', long: 'Tuesday' },
  wed: { short: 'Wed', long: 'Wednesday' },
  thu: { short: 'Thu', long: 'Thursday' },
  fri: { short: 'Fri', long: 'Friday' },
  sat: { short: 'Sat', long: 'Saturday' },
  sun: { short: 'Sun', long: 'Sunday' },
};

/**
 * Puts a template on the schedule: one class (a date and a time in the studio's zone) or a weekly series
 * (weekdays until a date). Closes with the number of classes created. Days and time are Material's pickers in the
 * studio's locale (30/11/2026, 07:30), not the browser's date and time inputs, which speak the browser's language.
 */
@Component({
  selector: 'ff-schedule-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatTimepickerModule,
  ],
  providers: [provideStudioDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-dialog.html',
  styleUrl: './trainer-dialog.scss',
})
export class ScheduleDialog {
  protected readonly store = inject(TemplatesStore);
  protected readonly studio = inject(StudioStore);
  readonly #now = inject(CLOCK);
  readonly #ref = inject<MatDialogRef<ScheduleDialog, number>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly template = inject<ScheduleDialogData>(MAT_DIALOG_DATA).template;

  readonly #today = dateKeyOf(this.#now(), this.studio.timeZone());
  protected readonly today = pickedDayOf(this.#today);
  protected readonly calendarHeader = CalendarHeader;
  protected readonly weekdays = WEEKDAY_NAMES.map((day) => ({ day, ...weekdayLabels[day] }));
  protected readonly duration = formatDuration(this.template.durationMinutes);

  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly weekdaysError = signal<string | null>(null);

  readonly #fb = inject(NonNullableFormBuilder);
  protected readonly form = this.#fb.group({
    date: [pickedDayOf(addDays(this.#today, 1)) as Date | null, [Validators.required]],
    time: [pickedTimeOf('18:00') as Date | null, [Validators.required]],
    repeat: [false],
    weekdays: this.#fb.group(
      Object.fromEntries(WEEKDAY_NAMES.map((day) => [day, false])) as Record<WeekdayName, boolean>,
    ),
    // Enabled with "Repeat weekly": a hidden field's picker would still hold its errors and block the form.
    until: [{ value: pickedDayOf(addDays(this.#today, 29)) as Date | null, disabled: true }],
  });

  readonly #value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly repeat = computed(() => this.#value().repeat === true);
  /** The series' first possible last day: its first date, once there is one. */
  protected readonly firstDay = computed(() => {
    const date = this.#value().date;
    return isPickedDay(date) ? date : this.today;
  });
  /** "This schedules 5 classes." as the form changes (the value signal only marks the change). */
  protected readonly countText = computed(() => {
    this.#value();
    const count = scheduledCount(this.#formValue());
    if (count === null || count === 0) return '';
    return count === 1 ? 'This schedules 1 class.' : `This schedules ${count} classes.`;
  });

  constructor() {
    // Ticking "Repeat weekly" starts with the weekday of the chosen date, the one most people mean.
    this.form.controls.repeat.valueChanges.subscribe((repeat) => {
      const { weekdays, date, until } = this.form.controls;
      if (repeat) until.enable();
      else until.disable();
      if (repeat && !Object.values(weekdays.getRawValue()).some(Boolean) && date.valid && isPickedDay(date.value)) {
        weekdays.controls[weekdayOf(dateKeyOfPickedDay(date.value))].setValue(true);
      }
    });
    this.form.controls.weekdays.valueChanges.subscribe(() => this.weekdaysError.set(null));
  }

  protected dateError(): string {
    return errorMessage(this.form.controls.date, dayPickerErrors('Enter a date', 'Choose today or a later day'));
  }

  protected timeError(): string {
    return errorMessage(this.form.controls.time, timePickerErrors('Enter a start time'));
  }

  protected untilError(): string {
    return errorMessage(
      this.form.controls.until,
      dayPickerErrors('Enter the last date of the series', 'The series ends on or after its first date'),
    );
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    const value = this.#formValue();
    // A field's own error (a mistyped date) says more than the rule across fields ("Enter a date").
    const problems = Object.fromEntries(
      Object.entries(scheduleProblems(value, this.#now(), this.studio.timeZone())).filter(
        ([name]) => !this.form.get(name)?.invalid,
      ),
    );
    if (this.form.invalid || Object.keys(problems).length > 0) {
      this.#show(problems);
      return;
    }
    this.pending.set(true);
    const result = await this.store.schedule(this.template, scheduleInputOf(value));
    this.pending.set(false);
    if (result.ok) {
      this.#ref.close(result.count ?? 0);
      return;
    }
    this.formError.set(result.formError);
    this.#show(result.fieldErrors);
  }

  #formValue(): ScheduleFormValue {
    return scheduleFormValueOf(this.form.getRawValue());
  }

  #show(problems: Record<string, string>): void {
    const { weekdays, ...fields } = problems;
    this.weekdaysError.set(weekdays ?? null);
    showServerErrors(this.form, fields);
    this.form.markAllAsTouched();
    const firstField = ['date', 'time', 'weekdays', 'until'].find((name) =>
      name === 'weekdays' ? weekdays : this.form.get(name)?.invalid,
    );
    const selector = firstField === 'weekdays' ? '.weekdays input' : `[formcontrolname="${firstField}"]`;
    if (firstField) this.#host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
    else focusFirstInvalid(this.#host.nativeElement, this.form);
  }
}
