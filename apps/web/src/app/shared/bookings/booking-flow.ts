import { Injectable, type Injector, inject } from '@angular/core';
import type { Booking, Session } from '@fitflow/api-contract';
import { firstValueFrom } from 'rxjs';
import { BookingsApi } from '../../core/api/bookings-api';
import { describeProblem, toProblem } from '../../core/api/problem';
import { SchedulingApi } from '../../core/api/scheduling-api';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK, formatMoment } from '../../core/time/studio-time';
import { openDialog } from '../../core/ui/dialogs';
import { ToastService } from '../../core/ui/toast.service';
import type { BookDialogData } from './book-dialog';

/**
 * Booking a session from anywhere it is shown: asks in a dialog, books, and says how it went in a toast. Resolves
 * with the session as it is now, so the page can show it in place (also after a 409: the last spot went to someone
 * else, or another tab booked it), or null when nothing changed.
 */
@Injectable({ providedIn: 'root' })
export class BookingFlow {
  readonly #bookings = inject(BookingsApi);
  readonly #scheduling = inject(SchedulingApi);
  readonly #studio = inject(StudioStore);
  readonly #toast = inject(ToastService);
  readonly #clock = inject(CLOCK);

  /** Whether the member confirmed in the dialog. */
  confirm(session: Session, injector: Injector): Promise<boolean> {
    return openDialog<BookDialogData, boolean>(injector, () => import('./book-dialog').then((m) => m.BookDialog), {
      data: {
        session,
        timeZone: this.#studio.timeZone(),
        tiers: this.#studio.studio()?.cancellationPolicy ?? [],
        now: this.#clock(),
      },
    }).then((confirmed) => confirmed === true);
  }

  /** Books a confirmed session and reports the outcome. */
  async book(session: Session): Promise<Session | null> {
    let booking: Booking;
    try {
      booking = await firstValueFrom(this.#bookings.book(session.id));
    } catch (error) {
      const problem = toProblem(error);
      void this.#toast.error(describeProblem(problem));
      // 409: the session is not what the page shows any more (full, booked elsewhere, started). 402: the member
      // cannot pay for it; the session read again says so, with the way to buy credits.
      return problem.status === 409 || problem.status === 402 ? this.#reload(session.id) : null;
    }
    const when = formatMoment(session.startsAt, this.#studio.timeZone(), this.#clock());
    void this.#toast.success(`Booked: ${session.name}, ${when}. See it under My bookings.`);
    return (await this.#reload(session.id)) ?? withBooking(session, booking);
  }

  async #reload(id: string): Promise<Session | null> {
    try {
      return await firstValueFrom(this.#scheduling.getSession(id));
    } catch {
      return null;
    }
  }
}

/** The session as the booking changed it, for when it cannot be loaded again. */
function withBooking(session: Session, booking: Booking): Session {
  return {
    ...session,
    bookedCount: session.bookedCount + 1,
    availableSpots: session.availableSpots - 1,
    me: { holdId: null, waitlistPosition: null, ...session.me, bookingId: booking.id },
  };
}
