import { Injectable, signal } from '@angular/core';
import type { Params } from '@angular/router';

/**
 * The schedule's query parameters (week or day, filters) as the visitor last saw them, so a class page's "Back to
 * the schedule" returns there: also after a detour through sign-in and registration, which router state would lose.
 */
@Injectable({ providedIn: 'root' })
export class LastScheduleView {
  readonly #params = signal<Params>({});
  readonly params = this.#params.asReadonly();

  remember(params: Params): void {
    this.#params.set(params);
  }
}
