import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expectNoSidewaysScroll } from './support/layout';
import { uniqueSuffix } from './support/accounts';
import { addDays, dayHeading, nextMonday, publishClass, registerTrainer, studioInstant, studioTimeZone } from './support/scheduling';

/** "2 December 2026": a day as the calendar names it to screen readers. */
function longDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** "03/12/2026": a studio day as the app writes it in a date field. */
function typedDay(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

test.describe('the schedule on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('folds the filters behind a button that counts them, so the first class shows at once', async ({ page, request }) => {
    const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
    const monday = nextMonday(zone);
    const className = `E2E Folded ${uniqueSuffix()}`;
    await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, monday, '07:30'), minutes: 45, capacity: 8, creditCost: 1 });

    await page.goto('/schedule?week=next');
    const filters = page.getByRole('button', { name: 'Filters', exact: true });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('Search classes')).toBeHidden();
    await expect(page.getByRole('region', { name: dayHeading(monday) }).getByRole('listitem').first()).toBeInViewport();
    await expectNoSeriousA11yViolations(page);

    await filters.click();
    await expect(filters).toHaveAttribute('aria-expanded', 'true');
    await page.getByLabel('Search classes').fill(className);
    await expect(page).toHaveURL(/q=E2E/);
    await page.getByText('Only with free spots').click();
    await expect(page).toHaveURL(/available=true/);
    await expect(page.getByRole('button', { name: /^Filters\W+2 in use$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);

    // A shared link shows the same classes, its filters folded and counted.
    await page.reload();
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Filters\W+2 in use$/ })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('Search classes')).toBeHidden();
  });
});

test.describe('the schedule on a wide screen', () => {
  test('shows every filter in one row, with no Filters button', async ({ page }) => {
    await page.goto('/schedule?available=true');
    await expect(page.getByLabel('Search classes')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Only with free spots' })).toBeChecked();
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  });

  test("writes and picks the Day view's date as the studio writes dates, whatever the browser's language", async ({ page, request }) => {
    const zone = await studioTimeZone(request);
    const monday = nextMonday(zone);

    await page.goto(`/schedule?date=${monday}`);
    const date = page.getByRole('textbox', { name: 'Date', exact: true });
    await expect(date).toHaveValue(typedDay(monday));

    await page.getByRole('button', { name: 'Open calendar' }).click();
    const calendar = page.getByRole('dialog');
    // Weeks start on Monday, as the schedule's do.
    await expect(calendar.getByRole('columnheader').first()).toHaveAccessibleName('Monday');
    await expectNoSeriousA11yViolations(page);
    // A day beside it in the month shown.
    const picked = addDays(monday, 1).slice(0, 7) === monday.slice(0, 7) ? addDays(monday, 1) : addDays(monday, -1);
    await calendar.getByRole('button', { name: longDay(picked), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`date=${picked}$`));
    await expect(date).toHaveValue(typedDay(picked));

    await date.fill(typedDay(addDays(monday, 2)));
    await date.press('Enter');
    await expect(page).toHaveURL(new RegExp(`date=${addDays(monday, 2)}$`));
    await expect(page.getByText(dayHeading(addDays(monday, 2)), { exact: true }).first()).toBeVisible();
  });
});
