import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CANCELLATION_REASON_MAX_LENGTH } from '../../../core/api/limits';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { notBlank } from '../../../core/forms/validators';
import { StudioStore } from '../../../core/studio/studio.store';
import { dateKeyOf, formatDay, timeOfDayOf } from '../../../core/time/studio-time';
import type { SessionDialogData } from './edit-session-dialog';
import { TrainerSessionsStore } from './trainer-sessions.store';

/** Cancels a session; the reason is required, because every booked member is told it. Closes with true once done. */
@Component({
  selector: 'ff-cancel-session-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Cancel {{ session.name }}?</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="intro">
          {{ when }}. Everyone booked is told and gets their credits back in full; the waitlist is emptied. This cannot
          be undone.
        </p>
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" cdkFocusInitial></textarea>
          <mat-hint>Members see this, e.g. "Trainer is ill"</mat-hint>
          <mat-error>{{ reasonError() }}</mat-error>
        </mat-form-field>
        @if (formError(); as message) {
          <p class="ff-alert" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep class</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="pending()">Cancel class</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../templates/trainer-dialog.scss',
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CancelSessionDialog {
  readonly #store = inject(TrainerSessionsStore);
  readonly #ref = inject<MatDialogRef<CancelSessionDialog, boolean>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject<SessionDialogData>(MAT_DIALOG_DATA).session;
  protected readonly when = ((zone: string) =>
    `${formatDay(dateKeyOf(this.session.startsAt, zone))} at ${timeOfDayOf(this.session.startsAt, zone)}`)(
    inject(StudioStore).timeZone(),
  );
  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, notBlank, Validators.maxLength(CANCELLATION_REASON_MAX_LENGTH)]],
  });

  protected reasonError(): string {
    return errorMessage(this.form.controls.reason, {
      required: 'Tell the members why the class is cancelled',
      maxlength: `Use at most ${CANCELLATION_REASON_MAX_LENGTH} characters`,
    });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    this.pending.set(true);
    const result = await this.#store.cancel(this.session, this.form.getRawValue().reason);
    this.pending.set(false);
    if (result.ok || result.close) {
      this.#ref.close(result.ok);
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }
}
