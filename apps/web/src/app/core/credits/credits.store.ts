import { DOCUMENT, computed, effect, inject, untracked } from '@angular/core';
import type { Membership } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { StudioStore } from '../studio/studio.store';
import { STUDIO_LOCALE } from '../time/studio-locale';
import { CreditsApi } from './credits-api';

interface CreditsState {
  /** The signed-in account's balance as the API last answered it; null while unknown, and when signed out. */
  membership: Membership | null;
}

/**
 * The signed-in account's credits, for the toolbar and the expiry banner. It follows who is signed in, reads the
 * balance again when the tab comes back into view, and whenever something spent, refunded or added credits (the
 * credits interceptor and the purchase call `refresh`). The API computes every figure; this only shows them.
 */
export const CreditsStore = signalStore(
  { providedIn: 'root' },
  withState<CreditsState>({ membership: null }),
  withComputed(({ membership }, studio = inject(StudioStore)) => ({
    /** "12 credits", "1 credit"; null until known. */
    balanceLabel: computed(() => {
      const current = membership();
      return current ? countOf(current.credits) : null;
    }),
    /** "Your 4 credits expire on Monday 7 December — use them or buy more", while the API says they expire soon. */
    expiryNotice: computed(() => {
      const current = membership();
      if (!current?.expiresSoon || current.validUntil === null || current.credits === 0) return null;
      const day = expiryDay(current.validUntil, studio.timeZone());
      const verb = current.credits === 1 ? 'expires' : 'expire';
      return `Your ${countOf(current.credits)} ${verb} on ${day} — use them or buy more`;
    }),
  })),
  withMethods((store, api = inject(CreditsApi), auth = inject(AuthStore)) => {
    /** Counts the asks, so an answer overtaken by a later ask (after a booking, say) is not shown over it. */
    let asked = 0;
    return {
      /** Reads the balance again, when signed in. Never throws: on failure the toolbar keeps what it showed. */
      async refresh(): Promise<void> {
        const userId = auth.isSignedIn() ? auth.user()?.id : undefined;
        if (!userId) return;
        const ask = ++asked;
        try {
          const membership = await firstValueFrom(api.myMembership());
          // Only the latest ask, and only for the account still signed in.
          if (ask === asked && auth.user()?.id === userId) patchState(store, { membership });
        } catch {
          // A balance that cannot be read now is read again after the next change or visit.
        }
      },

      clear(): void {
        asked += 1;
        patchState(store, { membership: null });
      },
    };
  }),
  withHooks((store, auth = inject(AuthStore), document = inject(DOCUMENT)) => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void store.refresh();
    };
    const signedInId = computed(() => (auth.isSignedIn() ? (auth.user()?.id ?? null) : null));
    return {
      onInit() {
        // Whoever signs in sees their own balance; nobody's stays on screen after a sign-out.
        effect(() => {
          const id = signedInId();
          untracked(() => (id ? void store.refresh() : store.clear()));
        });
        // A class cancelled by the studio refunds while the member is elsewhere: coming back shows it.
        document.addEventListener('visibilitychange', onVisible);
      },
      onDestroy: () => document.removeEventListener('visibilitychange', onVisible),
    };
  }),
);

/**
 * "Monday 7 December": the studio's day of the instant, as `formatDay` of core/time says it. Written with `Intl` alone,
 * because the shell is in the initial bundle and the Temporal polyfill that core/time needs is not. No year: the
 * banner only shows within a week of the day.
 */
function expiryDay(instant: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(STUDIO_LOCALE, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  return format.format(new Date(instant)).replace(',', '');
}

function countOf(credits: number): string {
  return credits === 1 ? '1 credit' : `${credits} credits`;
}
