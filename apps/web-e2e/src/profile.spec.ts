import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expectNoSidewaysScroll } from './support/layout';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';

/** Long, unguessable and not the one every account starts with. */
const NEW_PASSWORD = 'Copper-lantern-orchard-77';

// A member's own account: their name, and their password (which signs every other session out). At both widths.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    /** The account menu of wide screens, or the menu button narrow ones fold it into. */
    async function signOut(page: Page): Promise<void> {
      await page.getByRole('button', { name: width < 720 ? 'Menu' : 'Account', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
    }

    async function openProfile(page: Page): Promise<void> {
      await page.goto('/profile');
      await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    }

    test('a member changes their name and sees it kept', async ({ page, request }) => {
      const account = await registerMember(request, 'renaming', { credits: 0 });
      await signInThroughApi(page, request, account);
      await openProfile(page);
      const main = page.getByRole('main');
      await expect(main.getByText(account.name, { exact: true })).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await page.getByRole('button', { name: 'Edit name' }).click();
      const name = page.getByLabel('Name', { exact: true });
      await expect(name).toBeFocused();
      await name.fill('   ');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(name).toHaveAccessibleDescription('Enter your name');
      await expectNoSeriousA11yViolations(page);
      await expectNoSidewaysScroll(page);

      const newName = `Renée Renamed ${uniqueSuffix()}`;
      await name.fill(newName);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('Your name is saved.')).toBeVisible();
      await expect(main.getByText(newName, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit name' })).toBeFocused();
      await expectNoSeriousA11yViolations(page);

      await page.reload();
      await expect(main.getByText(newName, { exact: true })).toBeVisible();
    });

    test('a member changes their password: other sessions end, the new password signs in, the old one not', async ({
      page,
      request,
      browser,
    }) => {
      const account = await registerMember(request, 'new-password', { credits: 0 });
      // Another device, signed in before the change.
      const elsewhere = await browser.newContext({ viewport: { width, height } });
      const otherDevice = await elsewhere.newPage();
      await signInThroughApi(otherDevice, request, account);
      await openProfile(otherDevice);

      await signInThroughApi(page, request, account);
      await openProfile(page);
      await expect(page.getByText('At least 10 characters')).toBeVisible();
      await page.getByLabel('Current password', { exact: true }).fill('Not-the-password-at-all-1');
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      const current = page.getByLabel('Current password', { exact: true });
      await expect(current).toHaveAccessibleDescription('This is not your current password');
      await expect(current).toBeFocused();
      await expectNoSeriousA11yViolations(page);
      await expectNoSidewaysScroll(page);

      await current.fill(account.password);
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.getByText('Your password is changed. You have been signed out everywhere else.')).toBeVisible();
      await expect(current).toHaveValue('');
      await expectNoSeriousA11yViolations(page);

      // This session goes on with its new tokens, across a reload too.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
      await expect(page.getByRole('main').getByText(account.email, { exact: true })).toBeVisible();

      // The other device's next request finds its session ended.
      await otherDevice.getByRole('button', { name: 'Edit name' }).click();
      await otherDevice.getByLabel('Name', { exact: true }).fill('Someone who is signed out');
      await otherDevice.getByRole('button', { name: 'Save' }).click();
      await expect(otherDevice.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(otherDevice.getByText('Your session has ended. Please sign in again.')).toBeVisible();
      await elsewhere.close();

      await signOut(page);
      await page.goto('/sign-in?returnUrl=%2Fprofile');
      await page.getByLabel('Email', { exact: true }).fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');

      await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
      await expect(page.getByRole('main').getByText(account.name, { exact: true })).toBeVisible();
    });
  });
}
