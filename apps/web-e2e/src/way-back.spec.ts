import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expectNoSidewaysScroll } from './support/layout';
import { PASSWORD, registerMember, uniqueEmail, uniqueSuffix } from './support/accounts';
import { addDays, publishClass, registerTrainer, studioInstant, studioTimeZone, studioToday } from './support/scheduling';

// The ways back: through sign-in and registration to the class wanted, from the class to the view of the schedule
// it was found in, and for a trainer straight to their classes. At both widths the app is used at.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('a visitor registers on the way to a class and comes back to it, then to the day and search they came from', async ({
      page,
      request,
    }) => {
      const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
      const day = addDays(studioToday(zone), 2);
      const className = `E2E Way back ${uniqueSuffix()}`;
      await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, day, '09:00'), minutes: 45, capacity: 6, creditCost: 1 });

      await page.goto(`/schedule?date=${day}&q=${encodeURIComponent(className)}`);
      await page.getByRole('link', { name: className }).click();
      await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
      await page.getByRole('link', { name: 'Sign in to book' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

      await page.getByRole('link', { name: 'Create an account' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
      await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('way-back'));
      await page.getByLabel('Name', { exact: true }).fill(`Wanda Wayback ${uniqueSuffix()}`);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();

      await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
      // Signed in now, with no credits yet: the class offers the way to buy them (and back to it).
      await expect(page.getByRole('link', { name: 'Buy credits' })).toBeVisible();
      await page.getByRole('link', { name: '← Back to the schedule' }).click();
      await expect(page).toHaveURL(new RegExp(`/schedule\\?date=${day}&q=`));
      // On a phone the search sits folded behind "Filters" (its code loads when they open).
      if (width < 600) await page.getByRole('button', { name: /^Filters/ }).click();
      await expect(page.getByLabel('Search classes')).toHaveValue(className);
      await expect(page.getByRole('link', { name: className })).toHaveCount(1);
      await expectNoSidewaysScroll(page);
    });

    test('"Sign in instead" under a taken email is a link that keeps the way back', async ({ page, request }) => {
      const account = await registerMember(request, 'taken');

      await page.goto('/register?returnUrl=%2Fbookings%2Fupcoming');
      await page.getByLabel('Email', { exact: true }).fill(account.email);
      await page.getByLabel('Name', { exact: true }).fill('Someone Else');
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/already exists\. Sign in instead\./);
      await expectNoSeriousA11yViolations(page);

      await page.getByRole('link', { name: 'Sign in instead' }).click();
      await page.getByLabel('Email', { exact: true }).fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/bookings\/upcoming$/);
    });

    test('a trainer signing in lands on My classes', async ({ page, request }) => {
      const trainer = await registerTrainer(request);

      await page.goto('/sign-in');
      await page.getByLabel('Email', { exact: true }).fill(trainer.email);
      await page.getByLabel('Password', { exact: true }).fill(trainer.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page).toHaveURL(/\/trainer\/classes$/);
      await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
    });

    test('the Day view steps to the previous and next day', async ({ page, request }) => {
      const zone = await studioTimeZone(request);
      const day = addDays(studioToday(zone), 3);

      await page.goto(`/schedule?date=${day}`);
      await page.getByRole('button', { name: 'Next day' }).click();
      await expect(page).toHaveURL(new RegExp(`date=${addDays(day, 1)}$`));
      // Written as the studio writes dates, whatever the browser's language.
      await expect(page.getByLabel('Date')).toHaveValue(addDays(day, 1).split('-').reverse().join('/'));
      await page.getByRole('button', { name: 'Previous day' }).click();
      await page.getByRole('button', { name: 'Previous day' }).click();
      await expect(page).toHaveURL(new RegExp(`date=${addDays(day, -1)}$`));
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
