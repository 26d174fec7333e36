import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openedDialog } from './support/dialogs';
import { expectNoSidewaysScroll } from './support/layout';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import { addDays, bookClass, publishClass, registerTrainer, studioInstant, studioTimeZone, studioToday } from './support/scheduling';

/** The toolbar's balance, a link to the credits page. */
function balance(page: Page, credits: string) {
  return page.getByRole('banner').getByRole('link', { name: credits, exact: true });
}

// A class the member booked offers on its own page what My bookings does: add it to a calendar, cancel it.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('a member opens a class they booked, adds it to their calendar, and cancels it there', async ({ page, request }) => {
      const [trainer, member, zone] = await Promise.all([registerTrainer(request), registerMember(request, 'booked'), studioTimeZone(request)]);
      const day = addDays(studioToday(zone), 3);
      const className = `E2E Booked ${uniqueSuffix()}`;
      const sessionId = await publishClass(request, trainer, {
        name: className,
        startsAt: studioInstant(zone, day, '10:00'),
        minutes: 45,
        capacity: 5,
        creditCost: 1,
      });
      await bookClass(request, member, sessionId);
      await signInThroughApi(page, request, member);

      await page.goto(`/sessions/${sessionId}`);
      await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
      await expect(page.getByText("You're booked")).toBeVisible();
      await expect(page.getByText('4 of 5 free')).toBeVisible();
      await expect(balance(page, '19 credits')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Cancel booking' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Add to calendar' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${className.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${day}.ics`);
      const event = await readFile(await file.path(), 'utf8');
      expect(event).toContain('BEGIN:VEVENT');
      expect(event).toContain(`SUMMARY:${className}`);

      await page.getByRole('button', { name: 'Cancel booking' }).click();
      const dialog = await openedDialog(page, 'Cancel your booking?');
      await expect(dialog).toContainText('If you cancel now, you get 100 % back (1 credit).');
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Cancel booking' }).click();

      await expect(page.getByText(`Booking cancelled: ${className}. 100 % refunded (1 credit).`)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeEnabled();
      await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeFocused();
      await expect(page.getByText('5 of 5 free')).toBeVisible();
      await expect(balance(page, '20 credits')).toBeVisible();
      await expect(page.getByText("You're booked")).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Add to calendar' })).toHaveCount(0);
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
