import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Role } from '@fitflow/api-contract';
import { AuthStore } from './auth.store';

/** Lets signed-in people through; sends everyone else to sign in, coming back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isSignedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/**
 * Lets through only people with one of the roles; others see the 403 page at the URL they asked for. Before
 * refusing, it re-reads the account: an admin may have granted the role since sign-in.
 */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    if (!auth.isSignedIn()) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    if (auth.hasRole(...roles)) return true;
    await auth.reloadUser();
    if (auth.hasRole(...roles)) return true;
    return new RedirectCommand(router.parseUrl('/forbidden'), { skipLocationChange: true });
  };
}

/** Keeps signed-in people away from sign-in and registration. */
export const signedOutGuard: CanActivateFn = () =>
  inject(AuthStore).isSignedIn() ? inject(Router).createUrlTree(['/']) : true;
