import { ChangeDetectionStrategy, Component, Injector, computed, inject } from '@angular/core';
import type { CreditPackage } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { formatPrice } from '../../../core/credits/money';
import type { ConfirmDialogData } from '../../../core/ui/confirm-dialog';
import { openDialog } from '../../../core/ui/dialogs';
import { LoadError } from '../../../core/ui/load-error';
import type { PackageDialogData } from './package-dialog';
import { PackagesStore } from './packages.store';

/** The credit packages members can buy: create, edit, retire. */
@Component({
  selector: 'ff-packages-page',
  imports: [LoadError, MatButtonModule, MatCardModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './packages-page.html',
  styleUrl: './packages-page.scss',
})
export class PackagesPage {
  protected readonly store = inject(PackagesStore);
  readonly #injector = inject(Injector);

  protected readonly rows = computed(() =>
    this.store.packages().map((pkg) => ({
      pkg,
      summary: `${pkg.credits === 1 ? '1 credit' : `${pkg.credits} credits`} for ${formatPrice(pkg.priceCents, pkg.currency)}`,
      validity: `Valid for ${pkg.validityDays === 1 ? '1 day' : `${pkg.validityDays} days`} after purchase`,
    })),
  );

  protected create(): void {
    void this.#openEditor({});
  }

  protected edit(pkg: CreditPackage): void {
    void this.#openEditor({ pkg });
  }

  protected async retire(pkg: CreditPackage): Promise<void> {
    const confirmed = await openDialog<ConfirmDialogData, boolean>(
      this.#injector,
      () => import('../../../core/ui/confirm-dialog').then((m) => m.ConfirmDialog),
      {
        data: {
          title: `Retire ${pkg.name}?`,
          message: 'Members can no longer buy it. Credits already bought with it stay on their balances, and its history is kept.',
          confirm: 'Retire',
        },
        width: '440px',
      },
    );
    if (confirmed) await this.store.retire(pkg);
  }

  #openEditor(data: PackageDialogData): Promise<boolean | undefined> {
    return openDialog<PackageDialogData, boolean>(this.#injector, () => import('./package-dialog').then((m) => m.PackageDialog), { data });
  }
}
