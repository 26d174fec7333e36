import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expectNoSidewaysScroll } from './support/layout';
import { registerMember, signInThroughApi } from './support/accounts';

test.describe('app shell', () => {
  test('an unknown address shows the 404 page with a way home', async ({ page }) => {
    await page.goto('/no-such-page/at-all');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Go to the schedule' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  });

  test.describe('at 360 px wide', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('the toolbar folds into a menu that navigates, and nothing scrolls sideways', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
      const menu = page.getByRole('button', { name: 'Menu' });
      await expect(menu).toBeVisible();
      await expect(page.getByRole('banner').getByRole('link', { name: 'Register', exact: true })).toBeHidden();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      await menu.click();
      await expect(page.getByRole('menuitem', { name: 'Register' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('menuitem', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
    });

    test('signed in, the same menu holds the account’s entries', async ({ page, request }) => {
      const account = await registerMember(request, 'narrow');
      await signInThroughApi(page, request, account);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
      const menu = page.getByRole('button', { name: 'Menu' });

      await menu.click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      await menu.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await menu.click();
      await expect(page.getByRole('menuitem', { name: 'Sign in' })).toBeVisible();
    });
  });
});
