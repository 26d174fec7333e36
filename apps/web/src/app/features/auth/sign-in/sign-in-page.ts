import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { AuthFormStore } from '../auth-form.store';
import { destinationAfterSignIn, returnUrlParams } from '../return-url';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';

@Component({
  selector: 'ff-sign-in-page',
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
  templateUrl: './sign-in-page.html',
  styleUrl: '../auth-page.scss',
})
export class SignInPage {
  /** Where to go once signed in (from the `returnUrl` query parameter). */
  readonly returnUrl = input<string>();

  protected readonly store = inject(AuthFormStore);
  /** Passed on to "Create an account", so registering comes back here too. */
  protected readonly carriedParams = computed(() => returnUrlParams(this.returnUrl()));
  readonly #auth = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });

  protected emailError(): string {
    return errorMessage(this.form.controls.email, { required: 'Enter your email address' });
  }

  protected passwordError(): string {
    return errorMessage(this.form.controls.password, { required: 'Enter your password' });
  }

  protected async submit(): Promise<void> {
    if (this.store.pending()) return;
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const { email, password } = this.form.getRawValue();
    if (await this.store.signIn({ email: email.trim(), password })) {
      await this.#router.navigateByUrl(destinationAfterSignIn(this.returnUrl(), this.#auth.role()));
      return;
    }
    showRefusal(this.#host.nativeElement, this.form, this.store.fieldErrors());
  }
}
