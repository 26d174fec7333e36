import { Injectable, type Injector, effect, inject, untracked } from '@angular/core';
import type { ListSessionsQuery, PageOf, Session } from '@fitflow/api-contract';
import type { Params } from '@angular/router';
import { type Observable, ReplaySubject } from 'rxjs';
import { SchedulingApi } from '../../core/api/scheduling-api';
import { AuthStore } from '../../core/auth/auth.store';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK } from '../../core/time/studio-time';
import { filtersFromParams, sessionsQuery } from './schedule-filters';

interface Early {
  /** The query asked, as text: the page takes the answer only for the same query. */
  key: string;
  /** Whether it went out with an access token: the answer's `me` and `actions` are for that caller only. */
  signedIn: boolean;
  answer: ReplaySubject<PageOf<Session>>;
}

/**
 * The schedule's first list, asked for while the app still starts (see `startEarlySessions`), so it is on its way
 * while the page's code loads instead of after it. The page takes the answer once, for the query it would ask.
 */
@Injectable({ providedIn: 'root' })
export class EarlySessions {
  readonly #api = inject(SchedulingApi);
  readonly #auth = inject(AuthStore);
  #early: Early | null = null;
  /** The page asked for its list: from then on it asks for itself, and an early request would be one too many. */
  #pageAsked = false;

  /** Asks the API now, unless the page already did; the answer is kept for `take`. */
  start(query: ListSessionsQuery): void {
    if (this.#pageAsked) return;
    const answer = new ReplaySubject<PageOf<Session>>(1);
    this.#api.listSessions(query).subscribe(answer);
    this.#early = { key: JSON.stringify(query), signedIn: this.#signedIn(), answer };
  }

  /**
   * The answer to `query` if it was asked for early, by the same caller (a session restored, or none): once, so a
   * reload or a retry asks again. Null otherwise. Called by the page as it asks for its list.
   */
  take(query: ListSessionsQuery): Observable<PageOf<Session>> | null {
    const early = this.#early;
    this.#early = null;
    this.#pageAsked = true;
    if (!early || early.key !== JSON.stringify(query) || early.signedIn !== this.#signedIn()) return null;
    return early.answer.asObservable();
  }

  #signedIn(): boolean {
    return this.#auth.accessToken() !== null;
  }
}

/**
 * Starts the schedule's first request for the URL's filters (`?week=next&trainer=…`) as soon as the app can ask
 * it: once the studio's time zone is known (the week is the studio's) and a stored session has its access token,
 * or there is none. Called while the app boots, beside the session's restore and the page's code loading.
 */
export function startEarlySessions(injector: Injector, search: string): void {
  const params: Params = {};
  new URLSearchParams(search).forEach((value, key) => (params[key] ??= value));
  const filters = filtersFromParams(params);
  const studio = injector.get(StudioStore);
  const auth = injector.get(AuthStore);
  const clock = injector.get(CLOCK);
  const ready = (): boolean => studio.settled() && (auth.status() !== 'restoring' || auth.accessToken() !== null);
  const start = (): void => injector.get(EarlySessions).start(sessionsQuery(filters, clock(), studio.timeZone()));
  // Often all is known by the time this code has loaded: ask at once, not at the next change detection.
  if (ready()) {
    start();
    return;
  }
  const waiting = effect(
    () => {
      if (!ready()) return;
      waiting.destroy();
      untracked(start);
    },
    { injector },
  );
}
