import { Injectable, inject } from '@angular/core';
import type { Booking } from '@fitflow/api-contract';
import { firstValueFrom } from 'rxjs';
import { BookingsApi } from '../../core/api/bookings-api';
import { describeProblem, toProblem } from '../../core/api/problem';
import { StudioStore } from '../../core/studio/studio.store';
import { dateKeyOf } from '../../core/time/studio-time';
import { ToastService } from '../../core/ui/toast.service';

/**
 * "Add to calendar" wherever a booking shows: downloads its event as an .ics file, which calendars open. The API
 * wants the bearer for it, so the file is fetched and handed over, not linked; a failure is told in a toast.
 */
@Injectable({ providedIn: 'root' })
export class BookingCalendar {
  readonly #api = inject(BookingsApi);
  readonly #studio = inject(StudioStore);
  readonly #toast = inject(ToastService);

  async download(booking: Pick<Booking, 'id' | 'sessionName' | 'startsAt'>): Promise<void> {
    try {
      const file = await firstValueFrom(this.#api.calendar(booking.id));
      const url = URL.createObjectURL(file);
      const date = dateKeyOf(booking.startsAt, this.#studio.timeZone());
      Object.assign(document.createElement('a'), { href: url, download: calendarFileName(booking.sessionName, date) }).click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      void this.#toast.error(describeProblem(toProblem(error)));
    }
  }
}

/** "morning-yoga-2026-11-30.ics": the class and its studio day. */
function calendarFileName(sessionName: string, date: string): string {
  const slug = sessionName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'class';
  return `${slug}-${date}.ics`;
}
