import { inject } from '@angular/core';
import type { Booking, CheckInCode } from '@fitflow/api-contract';
import { patchState, signalStore, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, forkJoin, map, pipe, switchMap, tap, timer } from 'rxjs';
import { describeProblem, toProblem } from '../../core/api/problem';
import { CLOCK } from '../../core/time/studio-time';
import { DoorPassApi } from './door-pass-api';

interface DoorPassState {
  booking: Booking | null;
  code: CheckInCode | null;
  /** The QR code as an image address (a `data:` URL of the API's SVG), once the door has opened. */
  qrImage: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * The "Show at the door" view of one booking: the booking and its code at once, the QR image from the code's
 * `opensAt` (30 minutes before the class), fetched at that moment when the page is opened earlier. Provided at the route.
 */
export const DoorPassStore = signalStore(
  withState<DoorPassState>({ booking: null, code: null, qrImage: null, loading: true, error: null }),
  withMethods((store, api = inject(DoorPassApi), clock = inject(CLOCK)) => {
    const fail = (error: unknown) => {
      patchState(store, { loading: false, error: describeProblem(toProblem(error)) });
      return EMPTY;
    };
    return {
      load: rxMethod<string>(
        pipe(
          tap(() => patchState(store, { booking: null, code: null, qrImage: null, loading: true, error: null })),
          switchMap((id) =>
            forkJoin([api.booking(id), api.checkInCode(id)]).pipe(
              tap(([booking, code]) => patchState(store, { booking, code, loading: false })),
              // At once when the door is open already.
              switchMap(([, code]) => timer(Math.max(0, new Date(code.opensAt).getTime() - clock().getTime()))),
              switchMap(() => api.qrSvg(id)),
              map(svgImage),
              tap((qrImage) => patchState(store, { qrImage })),
              catchError(fail),
            ),
          ),
        ),
      ),
    };
  }),
);

/**
 * The SVG as an image address. As an <img>, an SVG runs no script and reaches nothing, whatever the text holds;
 * a `data:` URL because the API's Content-Security-Policy allows `data:` images (not `blob:`).
 */
export function svgImage(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
