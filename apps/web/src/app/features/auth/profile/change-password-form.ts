import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../core/api/api-paths';
import { PASSWORD_LENGTH_MESSAGES } from '../password-messages';
import { AuthStore } from '../../../core/auth/auth.store';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { ProfileStore } from './profile.store';

/** The confirmation is the new password typed again (an empty one is `required`'s business). */
function matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword: unknown = control.parent?.get('newPassword')?.value;
  return control.value === '' || control.value === newPassword ? null : { mismatch: true };
}

/** Current password, new password and its confirmation; the rules of the new one are registration's. */
@Component({
  selector: 'ff-change-password-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './change-password-form.html',
  styles: `
    :host {
      display: block;
    }
    form {
      display: flex;
      flex-direction: column;
    }
    mat-form-field {
      width: 100%;
    }
    .submit {
      align-self: flex-end;
    }
    .submit mat-spinner {
      display: inline-block;
      margin-right: 8px;
      vertical-align: middle;
    }
    @media (max-width: 599.98px) {
      .submit {
        align-self: stretch;
      }
    }
  `,
})
export class ChangePasswordForm {
  protected readonly store = inject(ProfileStore);
  /** For password managers: the account whose password this is (a hidden username field). */
  protected readonly email = inject(AuthStore).user()?.email ?? '';
  protected readonly formError = signal<string | null>(null);
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    confirmPassword: ['', [Validators.required, matchesNewPassword]],
  });
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    const { newPassword, confirmPassword } = this.form.controls;
    newPassword.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => confirmPassword.updateValueAndValidity());
  }

  protected currentError(): string {
    return errorMessage(this.form.controls.currentPassword, {
      required: 'Enter your current password',
      maxlength: PASSWORD_LENGTH_MESSAGES.maxlength,
    });
  }

  protected newError(): string {
    return errorMessage(this.form.controls.newPassword, {
      required: 'Enter a new password',
      ...PASSWORD_LENGTH_MESSAGES,
    });
  }

  protected confirmError(): string {
    return errorMessage(this.form.controls.confirmPassword, {
      required: 'Enter the new password again',
      mismatch: 'This is not the same as the new password',
    });
  }

  protected async submit(): Promise<void> {
    if (this.store.changingPassword()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    const result = await this.store.changePassword({ currentPassword, newPassword });
    if (result.ok) {
      // Empty again, with no "required" under every field: the form was submitted, so reset the directive too.
      this.formDirective().resetForm();
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }
}
