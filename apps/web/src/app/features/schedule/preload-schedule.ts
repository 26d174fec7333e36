import { DOCUMENT, type EnvironmentProviders, Injector, inject, provideAppInitializer } from '@angular/core';
import { startEarlySessions } from './early-sessions';

/** The app's home (`/` redirects there) and the schedule: the paths whose page is the schedule. */
export function isSchedulePath(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path === '' || path === '/schedule';
}

/**
 * On the schedule, its first list of classes is asked for while the app starts, beside the session's restore, as
 * soon as the studio's zone and the caller are known (`startEarlySessions`). Nothing waits for it: the page takes
 * the answer when it gets there.
 */
export function provideSchedulePreload(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const { pathname, search } = inject(DOCUMENT).location;
    if (isSchedulePath(pathname)) startEarlySessions(inject(Injector), search);
  });
}
