import {
  ChangeDetectionStrategy,
  Component,
  type Type,
  ViewContainerRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from './core/auth/auth.store';
import { CreditsStore } from './core/credits/credits.store';
import { mediaQuery } from './core/ui/media-query';
import { AccountIcon, MenuIcon } from './core/ui/toolbar-icons';
import { StudioStore } from './core/studio/studio.store';

type ShellMenus = typeof import('./shell-menus');

/**
 * The shell: toolbar with the studio's name, navigation by role, the signed-in account's balance and menu, the
 * banner when its credits expire soon, and the page.
 */
@Component({
  selector: 'ff-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MenuIcon, AccountIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly auth = inject(AuthStore);
  protected readonly studio = inject(StudioStore);
  protected readonly credits = inject(CreditsStore);
  /** Where the toolbar has room for its links, by how many a role brings (a trainer's five, an admin's seven). */
  readonly #roomy = {
    member: mediaQuery('(min-width: 720px)', true),
    trainer: mediaQuery('(min-width: 800px)', true),
    admin: mediaQuery('(min-width: 960px)', true),
  };
  /**
   * Whether the toolbar shows its links and the account's entries; narrower, they fold into the menu. What a
   * width does not show is not made at all, so a phone starts sooner.
   */
  protected readonly wide = computed(() => {
    const role = this.auth.isAdmin() ? 'admin' : this.auth.canUseTrainerTools() ? 'trainer' : 'member';
    return this.#roomy[role]();
  });
  /**
   * Whether the menus (shell-menus.ts) have taken their places. Material's menu and its overlay are no part of the
   * first load: a stand-in button shows until the first click on one, which loads them and opens its menu.
   */
  protected readonly menusShown = signal(false);
  readonly #menus = signal<ShellMenus | null>(null);
  #menusLoading: Promise<ShellMenus> | null = null;
  /** There on narrow screens. */
  private readonly navMenuPlace = viewChild('navMenuPlace', { read: ViewContainerRef });
  /** There on wide screens while someone is signed in. */
  private readonly accountMenuPlace = viewChild('accountMenuPlace', { read: ViewContainerRef });

  constructor() {
    // Once loaded, each menu is in its place, again each time its place shows anew (after a sign-in, a resize).
    effect(() => {
      const menus = this.#menus();
      const place = this.navMenuPlace();
      if (menus && place) fill(place, menus.NavMenu);
    });
    effect(() => {
      const menus = this.#menus();
      const place = this.accountMenuPlace();
      if (menus && place) fill(place, menus.AccountMenu);
    });
  }

  /** Starts loading the menus (a pointer over or focus on a stand-in), so the click finds them here. */
  protected loadMenus(): void {
    this.#loadMenus().catch(() => undefined);
  }

  /** The first click on a stand-in: the menus take their places, and the one clicked opens. */
  protected async openMenu(which: 'nav' | 'account'): Promise<void> {
    const menus = await this.#loadMenus();
    const place = which === 'nav' ? this.navMenuPlace() : this.accountMenuPlace();
    const menu = place && fill(place, which === 'nav' ? menus.NavMenu : menus.AccountMenu);
    if (menu) {
      menu.changeDetectorRef.detectChanges();
      menu.instance.open();
    }
    this.#menus.set(menus);
    this.menusShown.set(true);
  }

  #loadMenus(): Promise<ShellMenus> {
    // A failed load (offline) is tried again at the next click.
    this.#menusLoading ??= import('./shell-menus').catch((error: unknown) => {
      this.#menusLoading = null;
      throw error;
    });
    return this.#menusLoading;
  }

  /** Moves the focus to the page's content (the skip link). */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}

/** Puts the component in an empty place, and answers it; answers null where the place is taken already. */
function fill<T>(place: ViewContainerRef, type: Type<T>) {
  return place.length === 0 ? place.createComponent(type) : null;
}
