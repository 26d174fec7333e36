import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { admin, registerMember, signInThroughApi } from './support/accounts';
import { changeRole } from './support/scheduling';

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

  test('an admin finds a new member by searching and promotes them to trainer', async ({ page, request }) => {
    const member = await registerMember(request, 'coach');
    await signInThroughApi(page, request, admin);

    await page.goto('/');
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Search users').fill(member.email);
    const roleSelect = page.getByRole('combobox', { name: `Role of ${member.name}` });
    await expect(roleSelect).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(2); // the header and the one match
    await expect(roleSelect).toHaveText('Member');

    await roleSelect.click();
    await page.getByRole('option', { name: 'Trainer' }).click();
    await expect(page.getByText(`${member.name} is now a trainer.`)).toBeVisible();
    await expect(roleSelect).toHaveText('Trainer');
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
