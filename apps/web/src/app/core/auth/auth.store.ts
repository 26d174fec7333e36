import { DOCUMENT, computed, inject } from '@angular/core';
import type { ChangePasswordRequest, LoginRequest, Me, Role, TokenPair, UpdateProfileRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { catchError, finalize, firstValueFrom, map, type Observable, shareReplay, tap, throwError } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { RefreshTokenStorage } from './refresh-token-storage';

export type AuthStatus = 'restoring' | 'anonymous' | 'signed-in';

interface AuthState {
  /** In memory only. */
  accessToken: string | null;
  /** Mirrored in localStorage so a reload stays signed in. */
  refreshToken: string | null;
  user: Me | null;
  status: AuthStatus;
}

const signedOut: Pick<AuthState, 'accessToken' | 'refreshToken' | 'user' | 'status'> = {
  accessToken: null,
  refreshToken: null,
  user: null,
  status: 'anonymous',
};

/** Who is signed in, with which tokens. The one place that changes them. */
export const AuthStore = signalStore(
  { providedIn: 'root' },
  withState<AuthState>(() => ({
    accessToken: null,
    refreshToken: inject(RefreshTokenStorage).read(),
    user: null,
    status: 'restoring',
  })),
  withComputed(({ user, accessToken }) => ({
    isSignedIn: computed(() => user() !== null && accessToken() !== null),
    role: computed<Role | null>(() => user()?.role ?? null),
    canUseTrainerTools: computed(() => user()?.role === 'trainer' || user()?.role === 'admin'),
    isAdmin: computed(() => user()?.role === 'admin'),
  })),
  withMethods((store, api = inject(ApiClient), storage = inject(RefreshTokenStorage)) => {
    let refreshInFlight: Observable<string> | null = null;
    let userReload: Promise<void> | null = null;

    const applyTokens = (pair: TokenPair): void => {
      storage.write(pair.refreshToken);
      patchState(store, { accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    };

    const clearSession = (): void => {
      storage.clear();
      patchState(store, signedOut);
    };

    const loadUser = async (): Promise<void> => {
      const user = await firstValueFrom(api.me());
      patchState(store, { user, status: 'signed-in' });
    };

    return {
      hasRole(...roles: Role[]): boolean {
        const role = store.role();
        return role !== null && roles.includes(role);
      },

      /** At start-up: turns a stored refresh token into a session, or settles as anonymous. Never throws. */
      async restoreSession(): Promise<void> {
        const refreshToken = store.refreshToken();
        if (!refreshToken) {
          patchState(store, { status: 'anonymous' });
          return;
        }
        try {
          applyTokens(await firstValueFrom(api.refresh(refreshToken)));
          await loadUser();
        } catch {
          clearSession();
        }
      },

      /** Signs in and loads the user; rejects with the API's error (see `toProblem`). */
      async signIn(credentials: LoginRequest): Promise<Me> {
        const pair = await firstValueFrom(api.login(credentials));
        applyTokens(pair);
        try {
          await loadUser();
        } catch (error) {
          clearSession();
          throw error;
        }
        return store.user() as Me;
      },

      /** Saves the signed-in person's profile and shows it at once; rejects with the API's error. */
      async updateProfile(request: UpdateProfileRequest): Promise<Me> {
        const user = await firstValueFrom(api.updateMe(request));
        // Only for the account still signed in (see `reloadUser`).
        if (store.user()?.id === user.id) patchState(store, { user });
        return user;
      },

      /**
       * Changes the password. The server signs every other session out and answers this one's new tokens, which
       * replace the old ones (they no longer work); rejects with the API's error, keeping the session as it was.
       */
      async changePassword(request: ChangePasswordRequest): Promise<void> {
        applyTokens(await firstValueFrom(api.changePassword(request)));
      },

      /** Revokes the refresh token on the server (best effort) and forgets the session. */
      async signOut(): Promise<void> {
        const refreshToken = store.refreshToken();
        clearSession();
        if (!refreshToken) return;
        try {
          await firstValueFrom(api.logout(refreshToken));
        } catch {
          // The session is gone locally either way; an unreachable server must not keep anyone signed in.
        }
      },

      /**
       * A new access token from the refresh token. Callers that ask while a refresh runs share it: one request,
       * one rotation. On failure the session is cleared and the error passed on.
       */
      refreshAccessToken(): Observable<string> {
        if (refreshInFlight) return refreshInFlight;
        const refreshToken = store.refreshToken();
        if (!refreshToken) return throwError(() => new Error('No refresh token'));
        refreshInFlight = api.refresh(refreshToken).pipe(
          tap(applyTokens),
          map((pair) => pair.accessToken),
          catchError((error: unknown) => {
            clearSession();
            return throwError(() => error);
          }),
          finalize(() => (refreshInFlight = null)),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
        return refreshInFlight;
      },

      /**
       * Re-reads the account (`/me`), so what the app shows follows the role the account has now (an admin may
       * have changed it since sign-in). Only when signed in; calls while one runs share it. Never throws: when the
       * account cannot be read, the interceptor has already dealt with a 401, and anything else keeps what we have.
       */
      reloadUser(): Promise<void> {
        const reading = store.user();
        if (!store.isSignedIn() || !reading) return Promise.resolve();
        userReload ??= firstValueFrom(api.me())
          .then((user) => {
            // Only for the account still signed in: an answer arriving after a sign-out (or another sign-in)
            // must not bring the old account back.
            if (store.user()?.id === reading.id) patchState(store, { user });
          })
          .catch(() => undefined)
          .finally(() => (userReload = null));
        return userReload;
      },

      clearSession,
    };
  }),
  withHooks((store, document = inject(DOCUMENT)) => {
    // Coming back to the tab is when a role changed elsewhere is most likely to matter: one cheap `/me`.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void store.reloadUser();
    };
    return {
      onInit: () => document.addEventListener('visibilitychange', onVisible),
      onDestroy: () => document.removeEventListener('visibilitychange', onVisible),
    };
  }),
);
