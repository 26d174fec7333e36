import { ChangeDetectionStrategy, Component, Directive, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from './core/auth/auth.store';
import { ToastService } from './core/ui/toast.service';

/**
 * The toolbar's two menus, with Material's menu and the overlay it opens in: they load on the first click on one
 * (the shell's stand-in buttons, see App), not with the app. Each takes its stand-in's place as it was: the same
 * button, then the menu it opens.
 */
@Directive()
abstract class ShellMenu {
  protected readonly auth = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #toast = inject(ToastService);
  private readonly trigger = viewChild.required(MatMenuTrigger);

  /** Opens the menu, as the click on the stand-in asked (the stand-in goes; focus follows the menu). */
  open(): void {
    this.trigger().openMenu();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    this.#toast.success('You are signed out.');
    await this.#router.navigateByUrl('/');
  }
}

const MENU_IMPORTS = [MatButtonModule, MatMenuModule, MatDividerModule, RouterLink];
/** The host adds no box: its button lays out in the toolbar as the stand-in did. */
const HOST_STYLES = ':host { display: contents; }';

/** The menu of narrow screens: the toolbar's links, then the account's entries or Sign in and Register. */
@Component({
  selector: 'ff-nav-menu',
  imports: MENU_IMPORTS,
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: HOST_STYLES,
  template: `
    <button mat-icon-button type="button" aria-label="Menu" [matMenuTriggerFor]="navMenu">
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z" />
      </svg>
    </button>
    <mat-menu #navMenu="matMenu" class="ff-nav-menu">
      <a mat-menu-item routerLink="/schedule">Schedule</a>
      @if (auth.isSignedIn()) {
        <a mat-menu-item routerLink="/bookings">My bookings</a>
        <a mat-menu-item routerLink="/credits">Credits</a>
      }
      @if (auth.canUseTrainerTools()) {
        <a mat-menu-item routerLink="/trainer">Trainer</a>
        <a mat-menu-item routerLink="/reports/attendance">Attendance</a>
      }
      @if (auth.isAdmin()) {
        <a mat-menu-item routerLink="/admin/users">Users</a>
        <a mat-menu-item routerLink="/admin/packages">Packages</a>
      }
      <mat-divider />
      @if (auth.isSignedIn()) {
        <a mat-menu-item routerLink="/profile">Profile</a>
        <button mat-menu-item type="button" (click)="signOut()">Sign out</button>
      } @else {
        <a mat-menu-item routerLink="/sign-in">Sign in</a>
        <a mat-menu-item routerLink="/register">Register</a>
      }
    </mat-menu>
  `,
})
export class NavMenu extends ShellMenu {}

/** The signed-in account's menu of wide screens: Profile and Sign out. */
@Component({
  selector: 'ff-account-menu',
  imports: MENU_IMPORTS,
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: HOST_STYLES,
  template: `
    <button mat-button type="button" class="ff-account-button" [matMenuTriggerFor]="accountMenu">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 3c1.66 0 3 1.34 3 3s-1.34 3-3 3-3-1.34-3-3 1.34-3 3-3zm0 14.2c-2.5 0-4.71-1.28-6-3.22.03-1.99 4-3.08 6-3.08 1.99 0 5.97 1.09 6 3.08-1.29 1.94-3.5 3.22-6 3.22z"
        />
      </svg>
      Account
    </button>
    <mat-menu #accountMenu="matMenu" xPosition="before">
      <a mat-menu-item routerLink="/profile">Profile</a>
      <button mat-menu-item type="button" (click)="signOut()">Sign out</button>
    </mat-menu>
  `,
})
export class AccountMenu extends ShellMenu {}
