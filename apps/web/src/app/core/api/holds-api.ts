import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Booking, Hold } from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { apiUrl } from './api-paths';

/** Spot holds: keep a spot while deciding, then confirm it into a booking or release it. */
@Injectable({ providedIn: 'root' })
export class HoldsApi {
  readonly #http = inject(HttpClient);

  /** 201 with a new hold, 200 with the caller's hold when it already has one here: either way, the hold. */
  hold(sessionId: string): Observable<Hold> {
    return this.#http.post<Hold>(apiUrl(`/sessions/${encodeURIComponent(sessionId)}/hold`), null);
  }

  get(id: string): Observable<Hold> {
    return this.#http.get<Hold>(apiUrl(`/holds/${encodeURIComponent(id)}`));
  }

  confirm(id: string): Observable<Booking> {
    return this.#http.post<Booking>(apiUrl(`/holds/${encodeURIComponent(id)}/confirm`), null);
  }

  release(id: string): Observable<unknown> {
    return this.#http.delete(apiUrl(`/holds/${encodeURIComponent(id)}`));
  }
}
