import { DOCUMENT, type EnvironmentProviders, Injector, inject, provideAppInitializer } from '@angular/core';

/** The app's home (`/` redirects there) and the schedule: the paths whose page is the schedule. */
export function isSchedulePath(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path === '' || path === '/schedule';
}

/**
 * Opening the app on the schedule, its code starts loading before Angular does (`main.ts` calls this first), not
 * once the router gets there: the route's module, and the one that asks for the first list (`EarlySessions`). The
 * router takes the same module when it loads the route. Only this file is in the initial bundle; what it loads is not.
 */
export function preloadScheduleCode(pathname: string): void {
  if (!isSchedulePath(pathname)) return;
  // A failed load is the router's to tell when it loads the route itself.
  import('./schedule.routes').catch(() => undefined);
  import('./early-sessions').catch(() => undefined);
}

/**
 * On the schedule, its first list of classes is asked for while the app starts, beside the session's restore, as
 * soon as the studio's zone and the caller are known (`startEarlySessions`). Nothing waits for it: the page takes
 * the answer when it gets there.
 */
export function provideSchedulePreload(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const { pathname, search } = inject(DOCUMENT).location;
    if (!isSchedulePath(pathname)) return;
    const injector = inject(Injector);
    import('./early-sessions').then(({ startEarlySessions }) => startEarlySessions(injector, search), () => undefined);
  });
}
