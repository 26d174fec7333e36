import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from './core/auth/auth.store';
import { CreditsStore } from './core/credits/credits.store';
import { StudioStore } from './core/studio/studio.store';
import { ToastService } from './core/ui/toast.service';

/**
 * The shell: toolbar with the studio's name, navigation by role, the signed-in account's balance and menu, the
 * banner when its credits expire soon, and the page.
 */
@Component({
  selector: 'ff-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MatMenuModule, MatDividerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  protected readonly studio = inject(StudioStore);
  protected readonly credits = inject(CreditsStore);
  /** How many links the toolbar holds, by role: the more, the wider the screen they need before leaving the menu. */
  protected readonly navLength = computed(() => (this.auth.isAdmin() ? 'admin' : this.auth.canUseTrainerTools() ? 'trainer' : 'member'));
  readonly #router = inject(Router);
  readonly #toast = inject(ToastService);

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    this.#toast.success('You are signed out.');
    await this.#router.navigateByUrl('/');
  }

  /** Moves the focus to the page's content (the skip link). */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}
