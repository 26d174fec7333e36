import { inject } from '@angular/core';
import type { Trainer } from '@fitflow/api-contract';
import { patchState, signalStoreFeature, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { SchedulingApi } from '../../core/api/scheduling-api';

/**
 * The studio's trainers by name, for a store whose page filters or assigns by trainer. When they cannot be
 * loaded the list stays empty: a trainer filter then offers "All trainers" only, and a save that needs a trainer
 * says why (the API requires a known one).
 */
export function withTrainers() {
  return signalStoreFeature(
    withState({ trainers: [] as Trainer[] }),
    withMethods((store, api = inject(SchedulingApi)) => ({
      async loadTrainers(): Promise<void> {
        try {
          const trainers = await firstValueFrom(api.listTrainers());
          patchState(store, { trainers: [...trainers].sort((a, b) => a.name.localeCompare(b.name)) });
        } catch {
          // See above: an empty list is a working fallback.
        }
      },
    })),
  );
}
