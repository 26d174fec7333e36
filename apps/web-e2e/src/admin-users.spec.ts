import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { admin, registerMember, signIn, signOut } from './support/accounts';

test.describe('users administration', () => {
  test('an admin finds a new member by searching and promotes them to trainer, who then sees the trainer section', async ({
    page,
    request,
  }) => {
    const member = await registerMember(request, 'coach');

    // Before the promotion the member has no trainer section, and the admin pages are closed to them.
    await signIn(page, member.email, member.password);
    await expect(page.getByRole('link', { name: 'Trainer', exact: true })).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await signOut(page);

    await signIn(page, admin.email, admin.password);
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
    await signOut(page);

    await signIn(page, member.email, member.password);
    await page.getByRole('link', { name: 'Trainer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Class templates' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
