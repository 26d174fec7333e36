import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { admin, registerMember, signInThroughApi, type Account } from './support/accounts';
import { openedDialog } from './support/dialogs';
import { expectNoSidewaysScroll } from './support/layout';
import { changeRole } from './support/scheduling';

/** Opens Users from the toolbar (folded into the Menu on a narrow screen). */
async function openUsersPage(page: Page, narrow: boolean): Promise<void> {
  if (narrow) {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('menuitem', { name: 'Users' }).click();
  } else {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
}

/** Searches the list for `account` and answers its role select, once it is the only row left. */
async function roleSelectOf(page: Page, account: Account): Promise<Locator> {
  await page.getByLabel('Search users').fill(account.email);
  const roleSelect = page.getByRole('combobox', { name: `Role of ${account.name}` });
  await expect(roleSelect).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2); // the header and the one match
  return roleSelect;
}

/** Chooses `role` in the select and answers the confirmation it opens. */
async function chooseRole(page: Page, roleSelect: Locator, role: string, title: string): Promise<Locator> {
  await roleSelect.click();
  await page.getByRole('option', { name: role }).click();
  return openedDialog(page, title);
}

test.describe('users administration', () => {
  test('a member has no trainer section, and the users page is closed to them', async ({ page, request }) => {
    const member = await registerMember(request, 'member');
    await signInThroughApi(page, request, member);

    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Trainer', exact: true })).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a member promoted to trainer finds the trainer section, and no admin pages', async ({ page, request }) => {
    const member = await registerMember(request, 'coach');
    await changeRole(request, member.email, 'trainer');
    await signInThroughApi(page, request, member);

    await page.goto('/');
    await page.getByRole('link', { name: 'Trainer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Class templates' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

// A role opens (or closes) whole sections of the app: the admin says yes to what it means first, and can take it
// back from the toast. At both widths the app is used at.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('an admin who thinks again leaves the role as it was', async ({ page, request }) => {
      const member = await registerMember(request, 'coach', { credits: 0 });
      const question = `Make ${member.name} a trainer?`;
      await signInThroughApi(page, request, admin);
      await page.goto('/');
      await openUsersPage(page, width < 720);
      const roleSelect = await roleSelectOf(page, member);
      await expect(roleSelect).toHaveText('Member');

      const dialog = await chooseRole(page, roleSelect, 'Trainer', question);
      await expect(dialog).toContainText('E2E will be able to create class templates, schedule classes and check people in.');
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(roleSelect).toHaveText('Member');

      // The select asks again after a cancel, and Escape backs out too.
      await chooseRole(page, roleSelect, 'Trainer', question);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(roleSelect).toHaveText('Member');
      await page.reload();
      await expect(await roleSelectOf(page, member)).toHaveText('Member');
    });

    test('an admin makes a new member a trainer once they confirm, and can undo it', async ({ page, request }) => {
      const member = await registerMember(request, 'coach', { credits: 0 });
      await signInThroughApi(page, request, admin);
      await page.goto('/admin/users');
      const roleSelect = await roleSelectOf(page, member);

      // Held on its way, so the select can be seen waiting for the answer.
      let releaseChange: () => void = () => undefined;
      const changeHeld = new Promise<void>((resolve) => (releaseChange = resolve));
      await page.route('**/api/v1/users/*/role', async (route) => {
        await changeHeld;
        await route.continue();
      });
      const dialog = await chooseRole(page, roleSelect, 'Trainer', `Make ${member.name} a trainer?`);
      await dialog.getByRole('button', { name: 'Make trainer' }).click();
      await expect(roleSelect).toBeDisabled();
      releaseChange();
      await expect(page.getByText(`${member.name} is now a trainer.`)).toBeVisible();
      await expect(roleSelect).toHaveText('Trainer');
      await expect(roleSelect).toBeEnabled();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByText(`${member.name} is a member again.`)).toBeVisible();
      await expect(roleSelect).toHaveText('Member');
      await page.reload();
      await expect(await roleSelectOf(page, member)).toHaveText('Member');
    });
  });
}
