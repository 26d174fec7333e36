import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Booking, ListBookingsQuery, PageOf } from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { toParams } from './api-client';
import { apiUrl } from './api-paths';

/** The bookings part of the API: book a session, the caller's own bookings (a list, or one), cancel, the calendar event. */
@Injectable({ providedIn: 'root' })
export class BookingsApi {
  readonly #http = inject(HttpClient);

  book(sessionId: string): Observable<Booking> {
    return this.#http.post<Booking>(apiUrl(`/sessions/${encodeURIComponent(sessionId)}/book`), null);
  }

  list(query: ListBookingsQuery): Observable<PageOf<Booking>> {
    return this.#http.get<PageOf<Booking>>(apiUrl('/bookings'), { params: toParams(query) });
  }

  /** One booking, with what the caller can do with it now (`actions`) and what cancelling would refund. */
  get(id: string): Observable<Booking> {
    return this.#http.get<Booking>(apiUrl(`/bookings/${encodeURIComponent(id)}`));
  }

  cancel(id: string): Observable<Booking> {
    return this.#http.patch<Booking>(apiUrl(`/bookings/${encodeURIComponent(id)}/cancel`), null);
  }

  /** The booking as an iCalendar file (it needs the bearer, so it is fetched rather than linked). */
  calendar(id: string): Observable<Blob> {
    return this.#http.get(apiUrl(`/bookings/${encodeURIComponent(id)}/calendar.ics`), { responseType: 'blob' });
  }
}
