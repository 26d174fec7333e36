import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Booking, CheckInCode } from '@fitflow/api-contract';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/api/api-paths';

/** What a member shows at the door: their booking, its check-in code, and that code as a QR image. */
@Injectable({ providedIn: 'root' })
export class DoorPassApi {
  readonly #http = inject(HttpClient);

  booking(id: string): Observable<Booking> {
    return this.#http.get<Booking>(apiUrl(`/bookings/${encodeURIComponent(id)}`));
  }

  checkInCode(id: string): Observable<CheckInCode> {
    return this.#http.get<CheckInCode>(apiUrl(`/bookings/${encodeURIComponent(id)}/checkin-code`));
  }

  /** The QR code as SVG text (it needs the bearer, so it is fetched rather than linked). */
  qrSvg(id: string): Observable<string> {
    return this.#http.get(apiUrl(`/bookings/${encodeURIComponent(id)}/qr`), { responseType: 'text' });
  }
}
