import { computed, inject } from '@angular/core';
import type { Hold, Session } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { HoldsApi } from '../../../core/api/holds-api';
import { type ApiProblem, describeProblem, toProblem } from '../../../core/api/problem';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { CLOCK } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { needsCredits } from '../../../shared/bookings/buy-credits-link';
import { describeCountdown, formatCountdown, percentLeft, remainingMs } from '../../../shared/bookings/countdown';

/** How often the countdown moves on. */
export const TICK_MS = 1000;

interface HoldState {
  /** The member's hold on this session, as the API last answered it. */
  hold: Hold | null;
  /** The API answered 410: the hold lapsed or was released elsewhere, whatever the countdown says. */
  lapsed: boolean;
  busy: 'hold' | 'confirm' | 'release' | null;
  /** What went wrong with the last attempt (a 429 says when to try again). */
  error: string | null;
  /** The last attempt was refused for want of credits (confirming spends them): the panel offers "Buy credits". */
  needsCredits: boolean;
  /** The clock the countdown reads, moved on every second while a hold runs. */
  now: number;
}

/**
 * The member's spot hold on the session page: hold, a countdown to the API's `expiresAt`, confirm or release.
 * The countdown is display only; the API decides whether the hold still stands when it is confirmed. Methods that
 * change the session answer it as it is now (reloaded), or null when it did not change. Provided by the class page
 * (and by each schedule card, for its "Hold"), so it is one session's.
 */
export const HoldStore = signalStore(
  withState<HoldState>({ hold: null, lapsed: false, busy: null, error: null, needsCredits: false, now: 0 }),
  withComputed(({ hold, lapsed, now }) => {
    const remaining = computed(() => {
      const current = hold();
      return current ? remainingMs(current, new Date(now())) : 0;
    });
    const expired = computed(() => hold() !== null && (lapsed() || remaining() === 0));
    return {
      remaining,
      expired,
      /** A hold that still keeps the spot, as far as the countdown knows. */
      active: computed(() => hold() !== null && !expired()),
      countdown: computed(() => formatCountdown(remaining())),
      countdownLabel: computed(() => `${describeCountdown(remaining())} left`),
      percentLeft: computed(() => {
        const current = hold();
        return current && !lapsed() ? percentLeft(current, new Date(now())) : 0;
      }),
    };
  }),
  withMethods(
    (store, holds = inject(HoldsApi), scheduling = inject(SchedulingApi), toast = inject(ToastService), clock = inject(CLOCK)) => {
      let ticker: ReturnType<typeof setInterval> | undefined;
      const tick = () => {
        patchState(store, { now: clock().getTime() });
        if (store.expired()) stopTicking();
      };
      const stopTicking = () => {
        clearInterval(ticker);
        ticker = undefined;
      };
      const show = (hold: Hold) => {
        stopTicking();
        patchState(store, { hold, lapsed: false, error: null, needsCredits: false, now: clock().getTime() });
        if (!store.expired()) ticker = setInterval(tick, TICK_MS);
      };
      const clear = () => {
        stopTicking();
        patchState(store, { hold: null, lapsed: false });
      };
      const reload = async (id: string): Promise<Session | null> => {
        try {
          return await firstValueFrom(scheduling.getSession(id));
        } catch {
          return null;
        }
      };
      const fail = (problem: ApiProblem) => patchState(store, { error: messageFor(problem), needsCredits: needsCredits(problem.code) });

      return {
        /** Shows the hold the session says the member has (after a reload of the page); nothing when already shown. */
        async follow(session: Session): Promise<void> {
          const id = session.me?.holdId;
          if (!id || store.hold()?.id === id || store.busy()) return;
          try {
            const hold = await firstValueFrom(holds.get(id));
            if (hold.status === 'pending') show(hold);
          } catch (error) {
            fail(toProblem(error));
          }
        },

        async holdSpot(session: Session): Promise<Session | null> {
          if (store.busy()) return null;
          patchState(store, { busy: 'hold', error: null, needsCredits: false });
          try {
            show(await firstValueFrom(holds.hold(session.id)));
            return await reload(session.id);
          } catch (error) {
            const problem = toProblem(error);
            fail(problem);
            // 409: full, booked elsewhere or no longer open; 402: the member cannot pay for it. The page shows the
            // session as it is now, with the API's reason.
            return problem.status === 409 || problem.status === 402 ? reload(session.id) : null;
          } finally {
            patchState(store, { busy: null });
          }
        },

        async confirm(): Promise<Session | null> {
          const hold = store.hold();
          if (!hold || store.busy()) return null;
          patchState(store, { busy: 'confirm', error: null, needsCredits: false });
          try {
            await firstValueFrom(holds.confirm(hold.id));
            clear();
            void toast.success(`Booked: ${hold.sessionName}. See it under My bookings.`);
            return await reload(hold.sessionId);
          } catch (error) {
            const problem = toProblem(error);
            if (problem.status === 410) {
              stopTicking();
              patchState(store, { lapsed: true });
            } else fail(problem);
            return problem.status === 410 || problem.status === 409 ? reload(hold.sessionId) : null;
          } finally {
            patchState(store, { busy: null });
          }
        },

        async release(): Promise<Session | null> {
          const hold = store.hold();
          if (!hold || store.busy()) return null;
          patchState(store, { busy: 'release', error: null, needsCredits: false });
          try {
            await firstValueFrom(holds.release(hold.id));
          } catch (error) {
            const problem = toProblem(error);
            // 410: it had lapsed already, so the spot is free either way.
            if (problem.status !== 410) {
              fail(problem);
              return null;
            }
          } finally {
            patchState(store, { busy: null });
          }
          clear();
          void toast.success('Spot released.');
          return reload(hold.sessionId);
        },

        _stopTicking: stopTicking,
      };
    },
  ),
  withHooks({
    onDestroy(store) {
      store._stopTicking();
    },
  }),
);

/** A 429 says when to try again: from Retry-After, or else the API's own words ("Try again in N seconds"). */
function messageFor(problem: ApiProblem): string {
  if (problem.code === 'RATE_LIMITED' && problem.retryAfterSeconds === undefined && problem.detail) {
    return `Too many holds just now. ${problem.detail}`;
  }
  return describeProblem(problem);
}
