import { ChangeDetectionStrategy, Component } from '@angular/core';

/*
 * The toolbar's menu icons, in one place: the shell's stand-in buttons (in the first load) and the real menus that
 * replace them (shell-menus.ts, loaded on first use) must look exactly alike. Put on an `<svg>`, they keep the
 * markup an inline icon has.
 */

const DECORATIVE = { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' };

/** The three bars of the narrow screens' menu. */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- on the <svg> itself: the markup stays an inline icon's
  selector: 'svg[ffMenuIcon]',
  host: { ...DECORATIVE, width: '24', height: '24' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg:path fill="currentColor" d="M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z" />`,
})
export class MenuIcon {}

/** The account's circled figure. */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- as above
  selector: 'svg[ffAccountIcon]',
  host: { ...DECORATIVE, width: '20', height: '20' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg:path
    fill="currentColor"
    d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 3c1.66 0 3 1.34 3 3s-1.34 3-3 3-3-1.34-3-3 1.34-3 3-3zm0 14.2c-2.5 0-4.71-1.28-6-3.22.03-1.99 4-3.08 6-3.08 1.99 0 5.97 1.09 6 3.08-1.29 1.94-3.5 3.22-6 3.22z"
  />`,
})
export class AccountIcon {}
