import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import type { Session, UpdateSessionRequest } from '@fitflow/api-contract';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { MAX_CAPACITY, MAX_DURATION_MINUTES, MIN_CAPACITY, MIN_DURATION_MINUTES } from '../../../core/api/limits';
import { errorMessage, readyToSend, showRefusal, showServerErrors } from '../../../core/forms/form-errors';
import { dayPickerErrors, timePickerErrors } from '../picker-errors';
import { intRange, wholeNumber } from '../../../core/forms/validators';
import { StudioStore } from '../../../core/studio/studio.store';
import { CalendarHeader } from '../../../core/time/calendar-header';
import {
  dateKeyOfPickedDay,
  isPickedDay,
  isPickedTime,
  pickedDayOf,
  pickedTimeOf,
  provideStudioDateAdapter,
  timeOfDayOfPickedTime,
} from '../../../core/time/studio-date-adapter';
import { CLOCK, dateKeyOf, instantAt, minutesBetween, timeOfDayOf } from '../../../core/time/studio-time';
import { TrainerSessionsStore } from './trainer-sessions.store';

export interface SessionDialogData {
  session: Session;
}

/**
 * Moves a session (date and time in the studio's zone, length) or changes its capacity. Closes with true once saved.
 * Day and time are Material's pickers in the studio's locale (30/11/2026, 07:30), not the browser's inputs.
 */
@Component({
  selector: 'ff-edit-session-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatTimepickerModule,
  ],
  providers: [provideStudioDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './edit-session-dialog.html',
  styleUrl: '../templates/trainer-dialog.scss',
})
export class EditSessionDialog {
  readonly #store = inject(TrainerSessionsStore);
  protected readonly studio = inject(StudioStore);
  readonly #now = inject(CLOCK);
  readonly #ref = inject<MatDialogRef<EditSessionDialog, boolean>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject<SessionDialogData>(MAT_DIALOG_DATA).session;

  readonly #zone = this.studio.timeZone();
  readonly #initial = {
    date: dateKeyOf(this.session.startsAt, this.#zone),
    time: timeOfDayOf(this.session.startsAt, this.#zone),
    durationMinutes: minutesBetween(this.session.startsAt, this.session.endsAt),
    capacity: this.session.capacity,
  };
  readonly #today = dateKeyOf(this.#now(), this.#zone);
  /** Today, or the class's own day when it began before midnight: its date left as it is stays valid. */
  protected readonly firstDay = pickedDayOf(this.#initial.date < this.#today ? this.#initial.date : this.#today);
  protected readonly calendarHeader = CalendarHeader;
  protected readonly taken = this.session.bookedCount + this.session.heldCount;
  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [pickedDayOf(this.#initial.date) as Date | null, [Validators.required]],
    time: [pickedTimeOf(this.#initial.time) as Date | null, [Validators.required]],
    durationMinutes: [
      this.#initial.durationMinutes as number | null,
      [Validators.required, wholeNumber, intRange(MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)],
    ],
    capacity: [this.#initial.capacity as number | null, [Validators.required, wholeNumber, intRange(MIN_CAPACITY, MAX_CAPACITY)]],
  });

  protected dateError(): string {
    return errorMessage(this.form.controls.date, dayPickerErrors('Enter a date', 'Choose today or a later day'));
  }

  protected timeError(): string {
    return errorMessage(this.form.controls.time, timePickerErrors('Enter a start time'));
  }

  protected durationError(): string {
    return errorMessage(this.form.controls.durationMinutes, {
      required: 'Enter the length in minutes',
      wholeNumber: 'Enter whole minutes',
      range: `A class lasts ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes`,
    });
  }

  protected capacityError(): string {
    return errorMessage(this.form.controls.capacity, {
      required: 'Enter how many people fit',
      wholeNumber: 'Enter a whole number',
      range: `From ${MIN_CAPACITY} to ${MAX_CAPACITY} people`,
    });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    const { date: pickedDate, time: pickedTime, ...value } = this.form.getRawValue();
    const date = isPickedDay(pickedDate) ? dateKeyOfPickedDay(pickedDate) : null;
    const time = isPickedTime(pickedTime) ? timeOfDayOfPickedTime(pickedTime) : null;
    const moved =
      date !== this.#initial.date || time !== this.#initial.time || value.durationMinutes !== this.#initial.durationMinutes;
    if (this.form.valid && moved && date && time && instantAt(date, time, this.#zone) <= this.#now()) {
      showServerErrors(this.form, { time: 'Choose a start in the future' });
    }
    if (!readyToSend(this.#host.nativeElement, this.form) || !date || !time) return;
    const changes: UpdateSessionRequest = {};
    if (moved) {
      const start = instantAt(date, time, this.#zone);
      changes.startsAt = start.toISOString();
      changes.endsAt = new Date(start.getTime() + (value.durationMinutes as number) * 60_000).toISOString();
    }
    if (value.capacity !== this.#initial.capacity) changes.capacity = value.capacity as number;

    this.pending.set(true);
    const result = await this.#store.update(this.session, changes);
    this.pending.set(false);
    if (result.ok || result.close) {
      this.#ref.close(result.ok);
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }
}
