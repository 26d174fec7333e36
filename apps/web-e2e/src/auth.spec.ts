import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { PASSWORD, registerMember, signInThroughApi, uniqueEmail, uniqueSuffix } from './support/accounts';

test.describe('accounts', () => {
  test('a newcomer registers from the schedule and is signed in at once', async ({ page }) => {
    const email = uniqueEmail('newcomer');
    const name = `Nora Newcomer ${uniqueSuffix()}`;

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
    await expect(page.getByText('At least 10 characters')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveCount(0);
  });

  test('a member stays signed in after a reload and finds their profile in the account menu', async ({ page, request }) => {
    const account = await registerMember(request, 'profile');
    await signInThroughApi(page, request, account);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toBeVisible();

    await page.reload();
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByText(account.name, { exact: true })).toBeVisible();
    await expect(main.getByText(account.email, { exact: true })).toBeVisible();
    await expect(main.getByText('Member', { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('signing out is for good: the profile then asks to sign in', async ({ page, request }) => {
    const account = await registerMember(request, 'leaving');
    await signInThroughApi(page, request, account);
    await page.goto('/');

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toHaveCount(0);

    // A new page load does not bring the session back.
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fprofile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a wrong password is answered in place', async ({ page, request }) => {
    const account = await registerMember(request, 'forgetful');

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email', { exact: true }).fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill('Not-the-right-password-1');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('too many wrong passwords are answered with when to try again', async ({ page, request }) => {
    const account = await registerMember(request, 'locked');
    // Use up the per-email allowance (10 a minute) directly, then try once more through the form.
    for (let attempt = 0; attempt < 10; attempt++) {
      await request.post('/api/v1/auth/login', { data: { email: account.email, password: 'Not-the-right-password-1' } });
    }

    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    await expectNoSeriousA11yViolations(page);
  });

  test('registering with an email that is taken says so under the email field', async ({ page, request }) => {
    const account = await registerMember(request, 'taken');

    await page.goto('/register');
    await page.getByLabel('Email', { exact: true }).fill(account.email.toUpperCase());
    await page.getByLabel('Name', { exact: true }).fill('Someone Else');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    const email = page.getByLabel('Email', { exact: true });
    await expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
    await expect(email).toBeFocused();
    await expectNoSeriousA11yViolations(page);
  });

  test('the register form checks the fields before sending them', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription('Enter a valid email address');
    await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Enter your name');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription('Use at least 10 characters');
    await expectNoSeriousA11yViolations(page);
  });

  test("the server's verdict on a common password is shown under the password field", async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('common'));
    await page.getByLabel('Name', { exact: true }).fill('Common Password');
    await page.getByLabel('Password', { exact: true }).fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();

    const password = page.getByLabel('Password', { exact: true });
    await expect(password).toHaveAccessibleDescription(/too common/i);
    await expect(password).toBeFocused();
    await expect(page.getByRole('button', { name: 'Account', exact: true })).toHaveCount(0);
  });
});
