import { computed, inject } from '@angular/core';
import type { Studio } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { prepareTimeZone } from '../time/studio-time';

/**
 * The studio the app belongs to (its name in the toolbar, its time zone for every time shown). `settled` turns
 * true once the API answered (or failed): pages that show times wait for it, so they never show the wrong zone.
 */
export const StudioStore = signalStore(
  { providedIn: 'root' },
  withState({ studio: null as Studio | null, settled: false }),
  withComputed(({ studio }) => ({
    name: computed(() => studio()?.name ?? 'FitFlow'),
    timeZone: computed(() => studio()?.timeZone ?? 'UTC'),
    /** The zone's name for people ("America/New York"), for the line that says which zone times are in. */
    timeZoneLabel: computed(() => (studio()?.timeZone ?? 'UTC').replace(/_/g, ' ')),
  })),
  withMethods((store, api = inject(ApiClient)) => ({
    async load(): Promise<void> {
      try {
        const studio = await firstValueFrom(api.getStudio());
        prepareTimeZone(studio.timeZone);
        patchState(store, { studio, settled: true });
      } catch {
        // The app works with the defaults (UTC); the name appears when the API answers next time.
        patchState(store, { settled: true });
      }
    },
  })),
  withHooks({
    onInit(store) {
      void store.load();
    },
  }),
);
