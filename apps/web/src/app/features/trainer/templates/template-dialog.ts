import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import type { Template } from '@fitflow/api-contract';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CLASS_DESCRIPTION_MAX_LENGTH,
  CLASS_NAME_MAX_LENGTH,
  DEFAULT_CREDIT_COST,
  MAX_CAPACITY,
  MAX_CREDIT_COST,
  MAX_DURATION_MINUTES,
  MIN_CAPACITY,
  MIN_DURATION_MINUTES,
} from '../../../core/api/limits';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { intRange, notBlank, wholeNumber } from '../../../core/forms/validators';
import { TemplatesStore } from './templates.store';

export interface TemplateDialogData {
  /** The template to edit; none to create one. */
  template?: Template;
}

/** Creates or edits a class template. Closes with true once saved. */
@Component({
  selector: 'ff-template-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './template-dialog.html',
  styleUrl: './trainer-dialog.scss',
})
export class TemplateDialog {
  protected readonly store = inject(TemplatesStore);
  readonly #ref = inject<MatDialogRef<TemplateDialog, boolean>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly template = inject<TemplateDialogData>(MAT_DIALOG_DATA).template;
  /** An admin creating a template chooses whose it is. */
  protected readonly choosesTrainer = this.store.isAdmin() && !this.template;

  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.template?.name ?? '', [Validators.required, notBlank, Validators.maxLength(CLASS_NAME_MAX_LENGTH)]],
    description: [this.template?.description ?? '', [Validators.maxLength(CLASS_DESCRIPTION_MAX_LENGTH)]],
    durationMinutes: [
      (this.template?.durationMinutes ?? 60) as number | null,
      [Validators.required, wholeNumber, intRange(MIN_DURATION_MINUTES, MAX_DURATION_MINUTES)],
    ],
    capacity: [
      (this.template?.capacity ?? 12) as number | null,
      [Validators.required, wholeNumber, intRange(MIN_CAPACITY, MAX_CAPACITY)],
    ],
    creditCost: [
      (this.template?.creditCost ?? DEFAULT_CREDIT_COST) as number | null,
      [Validators.required, wholeNumber, intRange(0, MAX_CREDIT_COST)],
    ],
    trainerId: ['', this.choosesTrainer ? [Validators.required] : []],
  });

  protected readonly limits = { MIN_DURATION_MINUTES, MAX_DURATION_MINUTES, MIN_CAPACITY, MAX_CAPACITY, MAX_CREDIT_COST };

  protected nameError(): string {
    return errorMessage(this.form.controls.name, {
      required: 'Enter a name for the class',
      maxlength: `Use at most ${CLASS_NAME_MAX_LENGTH} characters`,
    });
  }

  protected descriptionError(): string {
    return errorMessage(this.form.controls.description, { maxlength: `Use at most ${CLASS_DESCRIPTION_MAX_LENGTH} characters` });
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

  protected creditsError(): string {
    return errorMessage(this.form.controls.creditCost, {
      required: 'Enter the cost (0 for free)',
      wholeNumber: 'Enter a whole number',
      range: `From 0 to ${MAX_CREDIT_COST} credits`,
    });
  }

  protected trainerError(): string {
    return errorMessage(this.form.controls.trainerId, { required: 'Choose the trainer who leads it' });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const value = this.form.getRawValue();
    this.pending.set(true);
    const result = await this.store.save(
      {
        name: value.name,
        description: value.description,
        durationMinutes: value.durationMinutes as number,
        capacity: value.capacity as number,
        creditCost: value.creditCost as number,
        trainerId: value.trainerId || null,
      },
      this.template,
    );
    this.pending.set(false);
    if (result.ok) {
      this.#ref.close(true);
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }
}
