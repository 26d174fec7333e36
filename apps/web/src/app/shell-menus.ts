import { ChangeDetectionStrategy, Component, Directive, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from './core/auth/auth.store';
import { ToastService } from './core/ui/toast.service';
import { AccountIcon, MenuIcon } from './core/ui/toolbar-icons';

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
  imports: [...MENU_IMPORTS, MenuIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: HOST_STYLES,
  template: `
    <button mat-icon-button type="button" aria-label="Menu" [matMenuTriggerFor]="navMenu">
      <svg ffMenuIcon></svg>
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
  imports: [...MENU_IMPORTS, AccountIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: HOST_STYLES,
  template: `
    <button mat-button type="button" class="ff-account-button" [matMenuTriggerFor]="accountMenu">
      <svg ffAccountIcon></svg>
      Account
    </button>
    <mat-menu #accountMenu="matMenu" xPosition="before">
      <a mat-menu-item routerLink="/profile">Profile</a>
      <button mat-menu-item type="button" (click)="signOut()">Sign out</button>
    </mat-menu>
  `,
})
export class AccountMenu extends ShellMenu {}
