import { inject } from '@angular/core';
import type { Booking, BookingListScope } from '@fitflow/api-contract';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { BookingsApi } from '../../core/api/bookings-api';
import { describeProblem, toProblem } from '../../core/api/problem';
import { withPagedLoading } from '../../core/api/with-paged-loading';
import { ToastService } from '../../core/ui/toast.service';
import { cancelledMessage } from '../../shared/bookings/refund-labels';

export const BOOKINGS_PAGE_SIZE = 20;

interface MyBookingsState {
  /** Bookings being cancelled, so their buttons wait. */
  cancelling: string[];
}

/** The member's own bookings, one tab (upcoming, past, cancelled) at a time; cancelling one. Provided at the route. */
export const MyBookingsStore = signalStore(
  /** `load(scope)` shows a tab's first page, again whenever the tab changes. */
  withPagedLoading({
    collection: 'bookings',
    fetcher: () => {
      const api = inject(BookingsApi);
      return (scope: BookingListScope, page: number) => api.list({ scope, page, pageSize: BOOKINGS_PAGE_SIZE });
    },
    /*
     * "Load more" counts the page from what is shown, not from the pages loaded: a cancelled booking leaves the
     * list, so the rest move up, and asking for the page after the last one loaded would skip the ones that moved
     * into it (the ones already shown come back and are dropped).
     */
    nextPage: (shown) => Math.floor(shown / BOOKINGS_PAGE_SIZE) + 1,
  }),
  withState<MyBookingsState>({ cancelling: [] }),
  withMethods((store, api = inject(BookingsApi), toast = inject(ToastService)) => ({
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
