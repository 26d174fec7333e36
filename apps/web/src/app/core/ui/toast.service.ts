import { Injectable, Injector, inject } from '@angular/core';

/**
 * Short messages at the bottom of the screen (MatSnackBar), announced to screen readers. The snack bar is loaded
 * on first use so it stays out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class ToastService {
  readonly #injector = inject(Injector);

  success(message: string): Promise<void> {
    return this.#open(message, { duration: 5000 });
  }

  error(message: string): Promise<void> {
    return this.#open(message, { duration: 8000, panelClass: 'ff-toast-error', politeness: 'assertive' });
  }

  async #open(
    message: string,
    config: { duration: number; panelClass?: string; politeness?: 'assertive' | 'polite' },
  ): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.#injector.get(MatSnackBar).open(message, 'Dismiss', config);
  }
}
