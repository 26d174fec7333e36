import { Injectable, Injector, inject } from '@angular/core';
import type { MatSnackBarRef } from '@angular/material/snack-bar';

/**
 * A toast that says what just changed and offers to take it back ("Undo"), like ToastService's but with its own
 * action. Kept with the feature that uses it, so it adds nothing to the initial bundle; the snack bar is the same
 * root one, so a newer toast replaces it as it replaces any other.
 */
@Injectable({ providedIn: 'root' })
export class UndoToast {
  readonly #injector = inject(Injector);
  #shown: MatSnackBarRef<unknown> | null = null;

  /**
   * Resolves true when the admin chooses Undo before the toast goes; false once it times out or gives way to
   * another toast. It stays longer than a plain success, to leave time to reach the button.
   */
  async offer(message: string): Promise<boolean> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    const ref = this.#injector.get(MatSnackBar).open(message, 'Undo', { duration: 10_000 });
    this.#shown = ref;
    return new Promise((resolve) =>
      ref.afterDismissed().subscribe(({ dismissedByAction }) => {
        if (this.#shown === ref) this.#shown = null;
        resolve(dismissedByAction);
      }),
    );
  }

  /** Takes back the offer on screen, if any: a new change is being decided, and an older Undo would undo under it. */
  withdraw(): void {
    this.#shown?.dismiss();
  }
}
