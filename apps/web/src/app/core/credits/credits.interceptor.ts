import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { API_BASE_PATH } from '../api/api-paths';
import { CreditsStore } from './credits.store';

/** The requests that spend, give back or add credits, wherever in the app they are made. */
const BALANCE_CHANGES: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/sessions\/[^/]+\/book$/ },
  { method: 'POST', path: /^\/holds\/[^/]+\/confirm$/ },
  { method: 'PATCH', path: /^\/bookings\/[^/]+\/cancel$/ },
  { method: 'POST', path: /^\/users\/[^/]+\/credits$/ },
];

/**
 * Keeps the toolbar's balance live: once a booking, a hold's confirmation, a cancel or an admin's adjustment has
 * been answered, the balance is read again. A 402 too: the balance shown was out of date (credits expired, or spent
 * in another tab). The flows themselves need not know the toolbar exists.
 */
export const creditsInterceptor: HttpInterceptorFn = (request, next) => {
  if (!changesBalance(request)) return next(request);
  const credits = inject(CreditsStore);
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) void credits.refresh();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 402) void credits.refresh();
      },
    }),
  );
};

function changesBalance(request: HttpRequest<unknown>): boolean {
  if (!request.url.startsWith(`${API_BASE_PATH}/`)) return false;
  const path = request.url.slice(API_BASE_PATH.length).split('?')[0] ?? '';
  return BALANCE_CHANGES.some((change) => change.method === request.method && change.path.test(path));
}
