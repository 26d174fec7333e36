import { computed, inject } from '@angular/core';
import type { Studio } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** The studio the app belongs to (its name in the toolbar, its time zone for every time shown). */
export const StudioStore = signalStore(
  { providedIn: 'root' },
  withState({ studio: null as Studio | null }),
  withComputed(({ studio }) => ({
    name: computed(() => studio()?.name ?? 'FitFlow'),
    timeZone: computed(() => studio()?.timeZone ?? 'UTC'),
  })),
  withMethods((store, api = inject(ApiClient)) => ({
    async load(): Promise<void> {
      try {
        patchState(store, { studio: await firstValueFrom(api.getStudio()) });
      } catch {
        // The app works with the defaults; the name appears when the API answers next time.
      }
    },
  })),
  withHooks({
    onInit(store) {
      void store.load();
    },
  }),
);
