import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CheckIn, ManualCheckInRequest, RosterEntry, ScanCheckInRequest } from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/api/api-paths';

/** The door part of the API, for trainers and admins: a session's roster and checking members in. */
@Injectable({ providedIn: 'root' })
export class DoorApi {
  readonly #http = inject(HttpClient);

  roster(sessionId: string): Observable<RosterEntry[]> {
    return this.#http.get<RosterEntry[]>(apiUrl(`/sessions/${encodeURIComponent(sessionId)}/roster`));
  }

  /** The trainer's Check in button. */
  checkIn(bookingId: string): Observable<CheckIn> {
    const body: ManualCheckInRequest = { method: 'manual' };
    return this.#http.post<CheckIn>(apiUrl(`/bookings/${encodeURIComponent(bookingId)}/checkin`), body);
  }

  /** A code from the member's QR, read by the camera or typed by a hardware scanner. */
  checkInByCode(code: string): Observable<CheckIn> {
    const body: ScanCheckInRequest = { code };
    return this.#http.post<CheckIn>(apiUrl('/checkins'), body);
  }
}
