import { inject } from '@angular/core';
import type { LoginRequest, RegisterRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { type ApiProblem, describeProblem, fieldErrorsOf, toProblem } from '../../core/api/problem';
import { AuthStore } from '../../core/auth/auth.store';

type Field = 'email' | 'password' | 'name';
const fields: readonly string[] = ['email', 'password', 'name'] satisfies Field[];

interface AuthFormState {
  pending: boolean;
  /** The server's word on one field, shown under it. */
  fieldErrors: Partial<Record<Field, string>>;
  /** The server's word on the whole form, shown above the submit button. */
  formError: string | null;
}

const idle: AuthFormState = { pending: false, fieldErrors: {}, formError: null };

/** What the email field says when the address has an account; the register form adds a link to sign in. */
export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists.';

/** Where the API's answer to a form goes: under a field when it names one, else above the button. */
export function placeProblem(problem: ApiProblem): Pick<AuthFormState, 'fieldErrors' | 'formError'> {
  if (problem.code === 'EMAIL_TAKEN') {
    return { fieldErrors: { email: EMAIL_TAKEN_MESSAGE }, formError: null };
  }
  if (problem.code === 'VALIDATION_FAILED') {
    const fieldErrors: Partial<Record<Field, string>> = {};
    const other: string[] = [];
    for (const [path, message] of Object.entries(fieldErrorsOf(problem))) {
      if (fields.includes(path)) fieldErrors[path as Field] = message;
      else other.push(message);
    }
    const nothingNamed = Object.keys(fieldErrors).length === 0;
    return {
      fieldErrors,
      formError: other.length > 0 ? other.join(' ') : nothingNamed ? problem.detail || describeProblem(problem) : null,
    };
  }
  return { fieldErrors: {}, formError: describeProblem(problem) };
}

/** The state of the register and sign-in forms while they talk to the API. One instance per form. */
export const AuthFormStore = signalStore(
  withState<AuthFormState>(idle),
  withMethods((store, api = inject(ApiClient), auth = inject(AuthStore)) => {
    const fail = (error: unknown): false => {
      patchState(store, { pending: false, ...placeProblem(toProblem(error)) });
      return false;
    };

    return {
      /** Creates the account and signs in with it. True when the person is signed in. */
      async register(request: RegisterRequest): Promise<boolean> {
        patchState(store, { ...idle, pending: true });
        try {
          await firstValueFrom(api.register(request));
        } catch (error) {
          return fail(error);
        }
        try {
          await auth.signIn({ email: request.email, password: request.password });
        } catch (error) {
          patchState(store, {
            pending: false,
            formError: `Your account was created, but signing in failed: ${describeProblem(toProblem(error))}`,
          });
          return false;
        }
        patchState(store, idle);
        return true;
      },

      /** True when the person is signed in. */
      async signIn(credentials: LoginRequest): Promise<boolean> {
        patchState(store, { ...idle, pending: true });
        try {
          await auth.signIn(credentials);
        } catch (error) {
          return fail(error);
        }
        patchState(store, idle);
        return true;
      },
    };
  }),
);
