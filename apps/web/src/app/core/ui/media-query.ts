import { DOCUMENT, DestroyRef, type Signal, inject, signal } from '@angular/core';

/**
 * Whether the media query matches, followed as the window changes (in an injection context). `fallback` where
 * there is no window to ask (tests without one).
 */
export function mediaQuery(query: string, fallback: boolean): Signal<boolean> {
  const list = inject(DOCUMENT).defaultView?.matchMedia?.(query);
  const matches = signal(list?.matches ?? fallback);
  if (list) {
    const follow = (event: MediaQueryListEvent) => matches.set(event.matches);
    list.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => list.removeEventListener('change', follow));
  }
  return matches.asReadonly();
}
