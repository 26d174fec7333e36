import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openedDialog } from './support/dialogs';
import { registerMember, signIn, uniqueSuffix } from './support/accounts';
import {
  addDays,
  bearerFor,
  publishClass,
  registerTrainer,
  studioInstant,
  studioTimeZone,
  studioToday,
} from './support/scheduling';

/** The schedule of one studio day, searched for one class name (a shareable URL). */
async function openScheduleOf(page: Page, date: string, className: string): Promise<void> {
  await page.goto(`/schedule?date=${date}&q=${encodeURIComponent(className)}`);
  await expect(page.getByRole('heading', { level: 3, name: className })).toBeVisible();
}

/** The list item of a class: a schedule card (its name an h3 under the day) or a booking card (an h2). */
function cardOf(page: Page, className: string, level: 2 | 3 = 3) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level, name: className }) });
}

/** "Mon 10:00": when the full refund ends, 24 h before the start, as the SPA names a moment in the coming week. */
function fullRefundEnds(startsAt: Date, zone: string): string {
  const end = new Date(startsAt.getTime() - 24 * 3_600_000);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).format(end);
  return `${part({ weekday: 'short' })} ${part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

test.describe('booking', () => {
  test('a member books a class from the schedule, finds it under Upcoming, cancels it with the policy shown, and finds it under Cancelled', async ({
    page,
    request,
  }) => {
    test.slow(); // two dialogs, three tabs, axe on each
    const trainer = await registerTrainer(request);
    const member = await registerMember(request, 'booker');
    const zone = await studioTimeZone(request);
    const day = addDays(studioToday(zone), 3);
    const className = `E2E Book ${uniqueSuffix()}`;
    const startsAt = studioInstant(zone, day, '10:00');
    await publishClass(request, trainer, {
      name: className,
      startsAt,
      minutes: 45,
      capacity: 5,
      creditCost: 1,
    });

    await signIn(page, member.email, member.password);
    await openScheduleOf(page, day, className);
    const card = cardOf(page, className);
    await expect(card).toContainText('5 left');
    await card.getByRole('button', { name: 'Book', exact: true }).click();

    const bookDialog = await openedDialog(page, `Book ${className}?`);
    await expect(bookDialog).toContainText('10:00–10:45');
    await expect(bookDialog).toContainText(trainer.name);
    await expect(bookDialog).toContainText('1 credit');
    await expect(bookDialog).toContainText(
      'Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund.',
    );
    await expect(bookDialog).toContainText(`For this class: 100 % until ${fullRefundEnds(startsAt, zone)}, then 50 %.`);
    await expectNoSeriousA11yViolations(page);
    await bookDialog.getByRole('button', { name: 'Book', exact: true }).click();

    await expect(page.getByText(`Booked: ${className}`)).toBeVisible();
    await expect(card).toContainText("You're booked");
    // Focus stays on the card, on what it says now, not back at the top of the page.
    await expect(card.getByText("You're booked")).toBeFocused();
    await expect(card).toContainText('4 left');
    await expectNoSeriousA11yViolations(page);

    // --- My bookings, Upcoming.
    await page.getByRole('link', { name: 'My bookings', exact: true }).first().click();
    await expect(page).toHaveURL(/\/bookings\/upcoming$/);
    const upcoming = cardOf(page, className, 2);
    await expect(upcoming).toContainText('Confirmed');
    await expect(upcoming).toContainText('10:00–10:45');
    await expectNoSeriousA11yViolations(page);

    // "Add to calendar" downloads the event.
    const download = page.waitForEvent('download');
    await upcoming.getByRole('button', { name: 'Add to calendar' }).click();
    expect((await download).suggestedFilename()).toBe(`${className.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${day}.ics`);

    // --- Cancel, with what comes back now and when that changes.
    await upcoming.getByRole('button', { name: 'Cancel booking' }).click();
    const cancelDialog = await openedDialog(page, 'Cancel your booking?');
    await expect(cancelDialog).toContainText('If you cancel now, you get 100 % back (1 credit).');
    await expect(cancelDialog).toContainText(`Refund: 100 % until ${fullRefundEnds(startsAt, zone)}, then 50 %.`);
    await expectNoSeriousA11yViolations(page);
    await cancelDialog.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByText(`Booking cancelled: ${className}. 100 % refunded (1 credit).`)).toBeVisible();
    await expect(upcoming).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Upcoming bookings' })).toBeFocused();

    // --- Cancelled.
    await page.getByRole('tab', { name: 'Cancelled' }).click();
    await expect(page).toHaveURL(/\/bookings\/cancelled$/);
    const cancelled = cardOf(page, className, 2);
    await expect(cancelled).toContainText('Cancelled');
    await expect(cancelled).toContainText('100 % refunded (1 credit)');
    await expect(cancelled.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The spot is free again on the schedule, and the member may book it again.
    await openScheduleOf(page, day, className);
    await expect(cardOf(page, className)).toContainText('5 left');
    await expect(cardOf(page, className).getByRole('button', { name: 'Book', exact: true })).toBeEnabled();
  });

  test('a second member sees "Full" once the last spot is taken, also when it goes while the page is open', async ({
    page,
    request,
  }) => {
    const trainer = await registerTrainer(request);
    const [first, second, third] = await Promise.all([
      registerMember(request, 'first'),
      registerMember(request, 'second'),
      registerMember(request, 'third'),
    ]);
    const zone = await studioTimeZone(request);
    const day = addDays(studioToday(zone), 2);
    const className = `E2E Last spot ${uniqueSuffix()}`;
    const sessionId = await publishClass(request, trainer, {
      name: className,
      startsAt: studioInstant(zone, day, '18:00'),
      minutes: 60,
      capacity: 2,
      creditCost: 1,
    });
    const bookThrough = async (account: { email: string; password: string }) => {
      const response = await request.post(`/api/v1/sessions/${sessionId}/book`, {
        headers: { authorization: await bearerFor(request, account) },
      });
      expect(response.status(), await response.text()).toBe(201);
    };
    await bookThrough(first);

    // The third member opens the schedule while one spot is left...
    await signIn(page, third.email, third.password);
    await openScheduleOf(page, day, className);
    const card = cardOf(page, className);
    await expect(card).toContainText('1 left');

    // ... the second member takes it meanwhile, and the third member's attempt is refused and shown in place.
    await bookThrough(second);
    await card.getByRole('button', { name: 'Book', exact: true }).click();
    await (await openedDialog(page, `Book ${className}?`)).getByRole('button', { name: 'Book', exact: true }).click();
    await expect(page.getByText('Sorry, this class is full: the last spot was just taken.')).toBeVisible();
    await expect(card).toContainText('Full');
    await expect(card).toContainText('Class is full');
    await expect(card.getByText('Class is full')).toBeFocused();
    await expect(card.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();

    // A fresh look shows the same, on the schedule and on the class's page.
    await openScheduleOf(page, day, className);
    await expect(cardOf(page, className)).toContainText('Full');
    await expect(cardOf(page, className).getByRole('button', { name: 'Book', exact: true })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await cardOf(page, className).getByRole('link', { name: className }).click();
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByText('0 of 2 free')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();
  });
});
