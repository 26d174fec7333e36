import { computed, inject } from '@angular/core';
import type { Booking, Session } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, firstValueFrom, pipe, switchMap, tap } from 'rxjs';
import { BookingsApi } from '../../../core/api/bookings-api';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { ToastService } from '../../../core/ui/toast.service';
import { cancelledMessage } from '../../../shared/bookings/refund-labels';

interface SessionDetailState {
  session: Session | null;
  loading: boolean;
  notFound: boolean;
  error: string | null;
  /** The member's booking of it (`me.bookingId`), as the API answers it: whether it can be cancelled, for how much. */
  booking: Booking | null;
  cancelling: boolean;
}

/**
 * One session's page: loads it by id; an unknown (or hidden draft) id is "not found". A class the member booked
 * brings its booking along, so the page offers what My bookings does: cancel it, add it to a calendar. Provided at
 * the route.
 */
export const SessionDetailStore = signalStore(
  withState<SessionDetailState>({ session: null, loading: true, notFound: false, error: null, booking: null, cancelling: false }),
  withComputed(({ session, booking }) => {
    const bookingId = computed(() => session()?.me?.bookingId ?? null);
    return {
      isCancelled: computed(() => session()?.status === 'cancelled'),
      bookingId,
      /** Until the class ends: its event is worth adding to a calendar. */
      canAddToCalendar: computed(() => bookingId() !== null && ['published', 'in_progress'].includes(session()?.status ?? '')),
      /** As the API decided it for this booking (the refund policy's window, the class not started). */
      canCancel: computed(() => {
        const current = booking();
        return current !== null && current.id === bookingId() && current.actions.cancel.allowed;
      }),
    };
  }),
  withMethods((store, api = inject(SchedulingApi), bookings = inject(BookingsApi), toast = inject(ToastService)) => {
    /** Reads the session again (after a cancel): its spots, and whether the member can book it now. */
    const reload = async (id: string): Promise<void> => {
      try {
        patchState(store, { session: await firstValueFrom(api.getSession(id)) });
      } catch {
        // The page keeps what it shows; the next visit reads it again.
      }
    };
    /** Reads the member's booking of the session shown, whenever that changes (null: none, nothing to read). */
    const followBooking = rxMethod<string | null>(
      pipe(
        tap(() => patchState(store, { booking: null })),
        switchMap((id) =>
          id === null
            ? EMPTY
            : bookings.get(id).pipe(
                tap((booking) => patchState(store, { booking })),
                // Without it the page still says "You're booked" and adds it to a calendar; only Cancel is not offered.
                catchError(() => EMPTY),
              ),
        ),
      ),
    );

    return {
      followBooking,

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

      /**
       * Cancels the member's booking (asked first by the page) and shows the class as it is then: bookable again,
       * a spot freer. The toast says what came back, as the API recorded it. True once cancelled.
       */
      async cancelBooking(): Promise<boolean> {
        const booking = store.booking();
        if (!booking || store.cancelling()) return false;
        patchState(store, { cancelling: true });
        try {
          const cancelled = await firstValueFrom(bookings.cancel(booking.id));
          void toast.success(cancelledMessage(cancelled));
          await reload(booking.sessionId);
          return true;
        } catch (error) {
          // The API refused (the class started meanwhile, say): show why, and the class and booking as they are now.
          void toast.error(describeProblem(toProblem(error)));
          await reload(booking.sessionId);
          followBooking(store.bookingId());
          return false;
        } finally {
          patchState(store, { cancelling: false });
        }
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.followBooking(store.bookingId);
    },
  }),
);
