import type { Injector, Type } from '@angular/core';
import type { MatDialogConfig } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

/**
 * Opens a dialog whose component (and Material's dialog itself) is loaded on first use, so neither weighs on the
 * bundle of the page that offers it. The dialog gets `injector`, so it reaches the page's route-level store.
 * Resolves with what the dialog closed with (undefined when dismissed).
 */
export async function openDialog<Data, Result>(
  injector: Injector,
  load: () => Promise<Type<unknown>>,
  config: MatDialogConfig<Data>,
): Promise<Result | undefined> {
  const [{ MatDialog }, component] = await Promise.all([import('@angular/material/dialog'), load()]);
  const ref = injector.get(MatDialog).open<unknown, Data, Result>(component, {
    injector,
    width: '560px',
    maxWidth: 'calc(100vw - 32px)',
    autoFocus: 'first-tabbable',
    restoreFocus: true,
    ...config,
  });
  return firstValueFrom(ref.afterClosed());
}
