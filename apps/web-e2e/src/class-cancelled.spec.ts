import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import {
  addDays,
  bookClass,
  cancelClass,
  publishClass,
  registerTrainer,
  studioInstant,
  studioTimeZone,
  studioToday,
} from './support/scheduling';

/** The booking card of a class in My Bookings (its name is the card's h2). */
function bookingCardOf(page: Page, className: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: className }) });
}

test.describe('a class the studio cancels', () => {
  test('its member finds the booking under Cancelled: by the studio, with the reason and a full refund', async ({ page, request }) => {
    const [trainer, member, zone] = await Promise.all([
      registerTrainer(request),
      registerMember(request, 'cancelled-class'),
      studioTimeZone(request),
    ]);
    const className = `E2E Cancelled ${uniqueSuffix()}`;
    const startsAt = studioInstant(zone, addDays(studioToday(zone), 3), '10:00');
    const sessionId = await publishClass(request, trainer, { name: className, startsAt, minutes: 45, capacity: 5, creditCost: 2 });
    await bookClass(request, member, sessionId);
    await signInThroughApi(page, request, member);

    await page.goto('/bookings/upcoming');
    await expect(bookingCardOf(page, className)).toContainText('Confirmed');

    const reason = `Tess is ill, sorry ${uniqueSuffix()}`;
    await cancelClass(request, trainer, sessionId, reason);

    // The bookings are cancelled a moment after the class, by the event engine: the member looks again, moving
    // between the tabs (each visit loads the tab afresh), until the booking shows as the studio's cancellation.
    const upcomingTab = page.getByRole('tab', { name: 'Upcoming' });
    const cancelledTab = page.getByRole('tab', { name: 'Cancelled' });
    const cancelled = bookingCardOf(page, className);
    await expect(async () => {
      await upcomingTab.click();
      await expect(page.getByRole('list', { name: 'Upcoming bookings' })).toBeVisible();
      await cancelledTab.click();
      await expect(page.getByRole('list', { name: 'Cancelled bookings' })).toBeVisible();
      await expect(cancelled).toContainText('Cancelled by the studio', { timeout: 1_000 });
    }).toPass();

    await expect(page).toHaveURL(/\/bookings\/cancelled$/);
    await expect(cancelled).toContainText(`Reason: ${reason}`);
    await expect(cancelled).toContainText('100 % refunded (2 credits)');
    await expect(cancelled.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await upcomingTab.click();
    await expect(page.getByRole('list', { name: 'Upcoming bookings' })).toBeVisible();
    await expect(bookingCardOf(page, className)).toHaveCount(0);

    // The class's page says it is cancelled, and why.
    await cancelledTab.click();
    await cancelled.getByRole('link', { name: className }).click();
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('This class is cancelled.');
    await expect(page.getByRole('note')).toContainText(`Reason: ${reason}`);
  });
});
