import { inject } from '@angular/core';
import type { Booking, BookingListScope } from '@fitflow/api-contract';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, firstValueFrom, pipe, switchMap, tap } from 'rxjs';
import { BookingsApi } from '../../core/api/bookings-api';
import { describeProblem, toProblem } from '../../core/api/problem';
import { ToastService } from '../../core/ui/toast.service';
import { creditsLabel } from '../../shared/sessions/session-labels';

export const BOOKINGS_PAGE_SIZE = 20;

interface MyBookingsState {
  scope: BookingListScope;
  bookings: Booking[];
  total: number;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Bookings being cancelled, so their buttons wait. */
  cancelling: string[];
}

const initialState: MyBookingsState = {
  scope: 'upcoming',
  bookings: [],
  total: 0,
  loading: true,
  loadingMore: false,
  error: null,
  cancelling: [],
};

/** The member's own bookings, one tab (upcoming, past, cancelled) at a time; cancelling one. Provided at the route. */
export const MyBookingsStore = signalStore(
  withState(initialState),
  withMethods((store, api = inject(BookingsApi), toast = inject(ToastService)) => ({
    /** Loads the first page of a tab, again whenever the tab changes (latest wins). */
    load: rxMethod<BookingListScope>(
      pipe(
        tap((scope) => patchState(store, { scope, loading: true, loadingMore: false, error: null })),
        switchMap((scope) =>
          api.list({ scope, page: 1, pageSize: BOOKINGS_PAGE_SIZE }).pipe(
            tap((page) => patchState(store, { bookings: page.items, total: page.total, loading: false })),
            catchError((error: unknown) => {
              patchState(store, { bookings: [], total: 0, loading: false, error: describeProblem(toProblem(error)) });
              return EMPTY;
            }),
          ),
        ),
      ),
    ),

    hasMore(): boolean {
      return store.bookings().length < store.total();
    },

    /**
     * Appends what follows the bookings shown; dropped when the tab changed meanwhile. The page is counted from
     * what is shown, not from the pages loaded: a cancelled booking leaves the list, so the rest move up, and
     * asking for the page after the last one loaded would skip the ones that moved into it (the ones already
     * shown come back and are dropped).
     */
    async loadMore(): Promise<void> {
      const scope = store.scope();
      if (store.loading() || store.loadingMore() || store.bookings().length >= store.total()) return;
      const page = Math.floor(store.bookings().length / BOOKINGS_PAGE_SIZE) + 1;
      patchState(store, { loadingMore: true });
      try {
        const result = await firstValueFrom(api.list({ scope, page, pageSize: BOOKINGS_PAGE_SIZE }));
        if (store.scope() !== scope) return;
        const known = new Set(store.bookings().map((b) => b.id));
        patchState(store, {
          bookings: [...store.bookings(), ...result.items.filter((b) => !known.has(b.id))],
          total: result.total,
        });
      } catch (error) {
        if (store.scope() === scope) patchState(store, { error: describeProblem(toProblem(error)) });
      } finally {
        if (store.scope() === scope) patchState(store, { loadingMore: false });
      }
    },

    isCancelling(id: string): boolean {
      return store.cancelling().includes(id);
    },

    /** Cancels a booking; it leaves the Upcoming tab and the toast says what came back. True once cancelled. */
    async cancel(booking: Booking): Promise<boolean> {
      if (store.cancelling().includes(booking.id)) return false;
      patchState(store, { cancelling: [...store.cancelling(), booking.id] });
      try {
        const cancelled = await firstValueFrom(api.cancel(booking.id));
        patchState(store, {
          bookings: store.bookings().filter((b) => b.id !== booking.id),
          total: Math.max(0, store.total() - 1),
        });
        void toast.success(cancelledMessage(cancelled));
        return true;
      } catch (error) {
        void toast.error(describeProblem(toProblem(error)));
        return false;
      } finally {
        patchState(store, { cancelling: store.cancelling().filter((id) => id !== booking.id) });
      }
    },
  })),
);

/** "Booking cancelled: Morning Yoga. 100 % refunded (1 credit)." */
export function cancelledMessage(booking: Booking): string {
  const percentage = booking.refundPercentage ?? 0;
  const refund =
    percentage === 0
      ? 'No refund.'
      : booking.creditsSpent > 0
        ? `${percentage} % refunded (${creditsLabel(booking.creditsRefunded ?? 0)}).`
        : `${percentage} % refunded.`;
  return `Booking cancelled: ${booking.sessionName}. ${refund}`;
}
