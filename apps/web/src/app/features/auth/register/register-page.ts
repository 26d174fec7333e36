import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../core/api/api-paths';
import { PASSWORD_LENGTH_MESSAGES } from '../password-messages';
import { AuthStore } from '../../../core/auth/auth.store';
import { AuthFormStore, EMAIL_TAKEN_MESSAGE } from '../auth-form.store';
import { destinationAfterSignIn, returnUrlParams } from '../return-url';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';

/** An address with a local part, an @ and a dotted domain, as the server's check wants (Angular's allows `a@b`). */
const EMAIL_FORMAT = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function emailFormat(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || EMAIL_FORMAT.test(value) ? null : { email: true };
}

/** Refuses a name of only spaces, as the server does (it trims). */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim().length === 0 ? { required: true } : null;
}

@Component({
  selector: 'ff-register-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
  ],
  providers: [AuthFormStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-page.html',
  styleUrl: '../auth-page.scss',
})
export class RegisterPage {
  /** Where to go once the account exists (from the `returnUrl` query parameter, passed on by sign-in). */
  readonly returnUrl = input<string>();

  protected readonly store = inject(AuthFormStore);
  /** Passed on to "Sign in", so signing in instead still comes back to where the visitor was. */
  protected readonly carriedParams = computed(() => returnUrlParams(this.returnUrl()));
  readonly #auth = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailFormat, Validators.maxLength(254)]],
    name: ['', [Validators.required, notBlank, Validators.maxLength(NAME_MAX_LENGTH)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  protected emailError(): string {
    return errorMessage(this.form.controls.email, {
      required: 'Enter your email address',
      email: 'Enter a valid email address',
      maxlength: 'Use at most 254 characters',
    });
  }

  /** The address has an account: the message under the field offers to sign in instead. */
  protected emailTaken(): boolean {
    return this.form.controls.email.getError('server') === EMAIL_TAKEN_MESSAGE;
  }

  protected nameError(): string {
    return errorMessage(this.form.controls.name, {
      required: 'Enter your name',
      maxlength: `Use at most ${NAME_MAX_LENGTH} characters`,
    });
  }

  protected passwordError(): string {
    return errorMessage(this.form.controls.password, {
      required: 'Enter a password',
      ...PASSWORD_LENGTH_MESSAGES,
    });
  }

  protected async submit(): Promise<void> {
    if (this.store.pending()) return;
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const { email, name, password } = this.form.getRawValue();
    const signedIn = await this.store.register({ email: email.trim(), name: name.trim(), password });
    if (signedIn) {
      await this.#router.navigateByUrl(destinationAfterSignIn(this.returnUrl(), this.#auth.role()));
      return;
    }
    showRefusal(this.#host.nativeElement, this.form, this.store.fieldErrors());
  }
}
