import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { apiUrl, isApiRequest, isAuthRequest } from '../api/api-paths';
import { ToastService } from '../ui/toast.service';
import { AuthStore } from './auth.store';

/**
 * Adds the bearer to API calls. On a 401 from anything but the auth endpoints it refreshes once (concurrent
 * 401s share that one refresh) and retries; when the refresh fails it ends the session and sends the person
 * to sign in, coming back afterwards. A 403 means the account may have lost a role since it was read: the
 * user is re-read, so the navigation follows the role the account has now, and the error goes on to the caller.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url) || isAuthRequest(request.url)) return next(request);

  const auth = inject(AuthStore);
  // Looked up only when needed: the Router may itself be under construction when the first request leaves
  // (its TitleStrategy loads the studio), and injecting it here would make a cycle.
  const injector = inject(Injector);
  const sentToken = auth.accessToken();

  return next(sentToken ? withBearer(request, sentToken) : request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 403 && request.url !== apiUrl('/me')) {
        void auth.reloadUser();
      }
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !auth.refreshToken()) {
        return throwError(() => error);
      }
      const current = auth.accessToken();
      // Another request already refreshed while this one was on its way: retry with the newer token.
      if (current && current !== sentToken) return next(withBearer(request, current));

      return auth.refreshAccessToken().pipe(
        catchError(() => {
          const router = injector.get(Router);
          if (!router.url.startsWith('/sign-in')) {
            void injector.get(ToastService).error('Your session has ended. Please sign in again.');
            void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
          }
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(request, token))),
      );
    }),
  );
};

function withBearer(request: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
