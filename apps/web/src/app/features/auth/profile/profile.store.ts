import { inject } from '@angular/core';
import type { ChangePasswordRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { toProblem } from '../../../core/api/problem';
import { AuthStore } from '../../../core/auth/auth.store';
import { placeFieldErrors } from '../../../core/forms/form-errors';
import { ToastService } from '../../../core/ui/toast.service';

/** The password form's fields, named as the API names them so its field errors land in place. */
const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

/** What saving one of the profile's forms came to: done, or what to show where. */
export type ProfileSaveResult = { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError: string | null };

interface ProfileState {
  savingName: boolean;
  changingPassword: boolean;
}

/** The signed-in person's own account: their name and their password. Provided by the profile page. */
export const ProfileStore = signalStore(
  withState<ProfileState>({ savingName: false, changingPassword: false }),
  withMethods((store, auth = inject(AuthStore), toast = inject(ToastService)) => {
    const failure = (error: unknown, fields: readonly string[]): ProfileSaveResult => ({
      ok: false,
      ...placeFieldErrors(toProblem(error), fields),
    });

    return {
      /** Saves the name; the app shows it everywhere at once. */
      async rename(name: string): Promise<ProfileSaveResult> {
        patchState(store, { savingName: true });
        try {
          await auth.updateProfile({ name: name.trim() });
          void toast.success('Your name is saved.');
          return { ok: true };
        } catch (error) {
          return failure(error, ['name']);
        } finally {
          patchState(store, { savingName: false });
        }
      },

      /** Changes the password: this session goes on with new tokens, every other one is signed out. */
      async changePassword(request: ChangePasswordRequest): Promise<ProfileSaveResult> {
        patchState(store, { changingPassword: true });
        try {
          await auth.changePassword(request);
          void toast.success('Your password is changed. You have been signed out everywhere else.');
          return { ok: true };
        } catch (error) {
          return failure(error, PASSWORD_FIELDS);
        } finally {
          patchState(store, { changingPassword: false });
        }
      },
    };
  }),
);
