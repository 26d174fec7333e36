import { computed, inject } from '@angular/core';
import type { CheckIn, RosterEntry, Session } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, exhaustMap, firstValueFrom, forkJoin, pipe, switchMap, tap, timer } from 'rxjs';
import { describeProblem, toProblem } from '../../core/api/problem';
import { SchedulingApi } from '../../core/api/scheduling-api';
import { CLOCK } from '../../core/time/studio-time';
import { DoorApi } from './door-api';

/** How often an open roster asks again, so a second trainer's check-ins show up. */
export const ROSTER_REFRESH_MS = 15_000;
/** A code seen again this soon after the last sighting (a phone held up to the camera) is not sent again. */
export const SAME_CODE_QUIET_MS = 5_000;

/** What the last check-in at the door came to, said big on the roster. `id` tells two equal answers apart. */
export type DoorResult =
  | { id: number; ok: true; name: string; isLate: boolean; elsewhere: string | null }
  | { id: number; ok: false; message: string };

export interface RosterCounts {
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
}

interface RosterState {
  session: Session | null;
  entries: RosterEntry[];
  loading: boolean;
  error: string | null;
  /** Bookings whose Check in button is on its way. */
  checkingIn: string[];
  result: DoorResult | null;
}

/**
 * One session's door: its roster with live counts, refreshed every 15 s while open; checking members in by button
 * or by the code on their phone, each answer kept as `result`. Provided at the route.
 */
export const RosterStore = signalStore(
  withState<RosterState>({ session: null, entries: [], loading: true, error: null, checkingIn: [], result: null }),
  withComputed(({ entries }) => ({
    counts: computed<RosterCounts>(() => {
      const all = entries();
      const checkedIn = all.filter((entry) => entry.checkedInAt !== null);
      return {
        booked: all.length,
        checkedIn: checkedIn.length,
        late: checkedIn.filter((entry) => entry.isLate).length,
        noShow: all.filter((entry) => entry.status === 'no_show').length,
      };
    }),
  })),
  withMethods((store, api = inject(DoorApi), scheduling = inject(SchedulingApi), clock = inject(CLOCK)) => {
    let results = 0;
    /** When each code was last seen, for the quiet time. */
    const lastSeen = new Map<string, number>();

    /*
     * A check-in is never undone, so a roster asked for before one was recorded (a refresh crossing a button
     * press) must not take it back: what this page has checked in stays checked in.
     */
    const takeRoster = (fresh: RosterEntry[]): void => {
      const known = new Map(store.entries().map((entry) => [entry.bookingId, entry]));
      const entries = fresh.map((entry) => {
        const shown = known.get(entry.bookingId);
        return shown?.checkedInAt && !entry.checkedInAt ? { ...entry, checkedInAt: shown.checkedInAt, isLate: shown.isLate, method: shown.method } : entry;
      });
      patchState(store, { entries, error: null });
    };

    const refresh = (sessionId: string) =>
      api.roster(sessionId).pipe(
        tap(takeRoster),
        // A failed refresh keeps the roster shown; the next one tries again.
        catchError(() => EMPTY),
      );

    const recorded = (checkIn: CheckIn): void => {
      const session = store.session();
      const here = session?.id === checkIn.sessionId;
      if (here) {
        patchState(store, {
          entries: store.entries().map((entry) =>
            entry.bookingId === checkIn.bookingId
              ? { ...entry, checkedInAt: checkIn.checkedInAt, isLate: checkIn.isLate, method: checkIn.method }
              : entry,
          ),
        });
      }
      results += 1;
      patchState(store, {
        result: { id: results, ok: true, name: checkIn.userName, isLate: checkIn.isLate, elsewhere: here ? null : checkIn.sessionName },
      });
    };

    const refused = async (error: unknown): Promise<void> => {
      const problem = toProblem(error);
      results += 1;
      patchState(store, { result: { id: results, ok: false, message: describeProblem(problem) } });
      // Someone else may have checked them in: show the roster as it is now.
      const session = store.session();
      if (problem.code === 'ALREADY_CHECKED_IN' && session) await firstValueFrom(refresh(session.id), { defaultValue: undefined });
    };

    return {
      /** Shows the session and its roster, then asks again every ROSTER_REFRESH_MS until the page closes. */
      open: rxMethod<string>(
        pipe(
          tap(() => patchState(store, { loading: true, error: null, session: null, entries: [], result: null })),
          switchMap((sessionId) =>
            forkJoin([scheduling.getSession(sessionId), api.roster(sessionId)]).pipe(
              tap(([session, entries]) => patchState(store, { session, entries, loading: false })),
              catchError((error: unknown) => {
                patchState(store, { loading: false, error: describeProblem(toProblem(error)) });
                return EMPTY;
              }),
              switchMap(() => timer(ROSTER_REFRESH_MS, ROSTER_REFRESH_MS).pipe(exhaustMap(() => refresh(sessionId)))),
            ),
          ),
        ),
      ),

      isCheckingIn(bookingId: string): boolean {
        return store.checkingIn().includes(bookingId);
      },

      /** The trainer's Check in button on a member's row. */
      async checkIn(entry: RosterEntry): Promise<void> {
        if (store.checkingIn().includes(entry.bookingId)) return;
        patchState(store, { checkingIn: [...store.checkingIn(), entry.bookingId] });
        try {
          recorded(await firstValueFrom(api.checkIn(entry.bookingId)));
        } catch (error) {
          await refused(error);
        } finally {
          patchState(store, { checkingIn: store.checkingIn().filter((id) => id !== entry.bookingId) });
        }
      },

      /**
       * A code read by the camera or typed by a hardware scanner. The same code seen again within
       * SAME_CODE_QUIET_MS of its last sighting is dropped: a camera sees a held-up phone many times a second.
       */
      async scan(text: string): Promise<void> {
        const code = text.trim();
        if (!code) return;
        const now = clock().getTime();
        const last = lastSeen.get(code);
        lastSeen.set(code, now);
        for (const [seen, at] of lastSeen) if (now - at >= SAME_CODE_QUIET_MS) lastSeen.delete(seen);
        if (last !== undefined && now - last < SAME_CODE_QUIET_MS) return;
        try {
          recorded(await firstValueFrom(api.checkInByCode(code)));
        } catch (error) {
          await refused(error);
        }
      },
    };
  }),
);
