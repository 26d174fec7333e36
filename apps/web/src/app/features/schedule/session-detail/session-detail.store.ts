import { computed, inject } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, pipe, switchMap, tap } from 'rxjs';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { describeProblem, toProblem } from '../../../core/api/problem';

interface SessionDetailState {
  session: Session | null;
  loading: boolean;
  notFound: boolean;
  error: string | null;
}

/** One session's page: loads it by id; an unknown (or hidden draft) id is "not found". Provided at the route. */
export const SessionDetailStore = signalStore(
  withState<SessionDetailState>({ session: null, loading: true, notFound: false, error: null }),
  withComputed(({ session }) => ({
    isCancelled: computed(() => session()?.status === 'cancelled'),
  })),
  withMethods((store, api = inject(SchedulingApi)) => ({
    /** Shows the session as it is now (after a booking attempt). */
    replace(session: Session): void {
      patchState(store, { session });
    },
    load: rxMethod<string>(
      pipe(
        tap(() => patchState(store, { loading: true, notFound: false, error: null })),
        switchMap((id) =>
          api.getSession(id).pipe(
            tap((session) => patchState(store, { session, loading: false })),
            catchError((error: unknown) => {
              const problem = toProblem(error);
              // A malformed id is a 400 from the API; for a person it is the same missing page.
              const notFound = problem.status === 404 || problem.status === 400;
              patchState(store, {
                session: null,
                loading: false,
                notFound,
                error: notFound ? null : describeProblem(problem),
              });
              return EMPTY;
            }),
          ),
        ),
      ),
    ),
  })),
);
