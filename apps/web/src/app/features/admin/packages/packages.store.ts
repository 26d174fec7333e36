import { inject } from '@angular/core';
import type { CreditPackage, CreditPackageBody } from '@fitflow/api-contract';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { CreditsApi } from '../../../core/credits/credits-api';
import { placeFieldErrors } from '../../../core/forms/form-errors';
import { ToastService } from '../../../core/ui/toast.service';

/** The package form's fields, named as the API names them (but the price, typed in the currency's main unit). */
export const PACKAGE_FIELDS = ['name', 'credits', 'price', 'currency', 'validityDays'] as const;

/** What a save came to: done, or the API's messages for the fields and the whole form. */
export type PackageSaveResult = { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError: string | null };

interface PackagesState {
  packages: CreditPackage[];
  loading: boolean;
  error: string | null;
  /** Packages being retired, so their buttons wait. */
  retiring: string[];
}

/** The admin's credit packages: the ones on sale, create, edit, retire. Provided at the route. */
export const PackagesStore = signalStore(
  withState<PackagesState>({ packages: [], loading: true, error: null, retiring: [] }),
  withMethods((store, api = inject(CreditsApi), toast = inject(ToastService)) => ({
    async load(): Promise<void> {
      patchState(store, { loading: true, error: null });
      try {
        patchState(store, { packages: await firstValueFrom(api.packages()), loading: false });
      } catch (error) {
        patchState(store, { loading: false, error: describeProblem(toProblem(error)) });
      }
    },

    /** Creates a package, or replaces an existing one's details (members who bought it keep what they bought). */
    async save(body: CreditPackageBody, existing?: CreditPackage): Promise<PackageSaveResult> {
      try {
        if (existing) {
          const updated = await firstValueFrom(api.updatePackage(existing.id, body));
          patchState(store, { packages: store.packages().map((p) => (p.id === updated.id ? updated : p)) });
          void toast.success(`${updated.name} saved.`);
        } else {
          const created = await firstValueFrom(api.createPackage(body));
          patchState(store, { packages: [...store.packages(), created] });
          void toast.success(`${created.name} is on sale.`);
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, ...placeFieldErrors(toProblem(error), PACKAGE_FIELDS, { priceCents: 'price' }) };
      }
    },

    isRetiring(id: string): boolean {
      return store.retiring().includes(id);
    },

    /** Takes a package off sale. True once retired. */
    async retire(pkg: CreditPackage): Promise<boolean> {
      patchState(store, { retiring: [...store.retiring(), pkg.id] });
      try {
        await firstValueFrom(api.retirePackage(pkg.id));
        patchState(store, { packages: store.packages().filter((p) => p.id !== pkg.id) });
        void toast.success(`${pkg.name} is no longer sold.`);
        return true;
      } catch (error) {
        void toast.error(`Could not retire ${pkg.name}. ${describeProblem(toProblem(error))}`);
        return false;
      } finally {
        patchState(store, { retiring: store.retiring().filter((id) => id !== pkg.id) });
      }
    },
  })),
  withHooks({
    onInit(store) {
      void store.load();
    },
  }),
);
