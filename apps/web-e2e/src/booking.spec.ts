import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openedDialog } from './support/dialogs';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import {
  addDays,
  bookClass,
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

/** A trainer's class three days ahead at 10:00 for 45 minutes (5 spots, 1 credit), and a member to book it. */
async function aClassAndAMember(request: APIRequestContext, label: string) {
  const [trainer, member, zone] = await Promise.all([registerTrainer(request), registerMember(request, label), studioTimeZone(request)]);
  const day = addDays(studioToday(zone), 3);
  const className = `E2E Book ${uniqueSuffix()}`;
  const startsAt = studioInstant(zone, day, '10:00');
  const sessionId = await publishClass(request, trainer, { name: className, startsAt, minutes: 45, capacity: 5, creditCost: 1 });
  return { trainer, member, zone, day, className, startsAt, sessionId };
}

test.describe('booking', () => {
  test('a member books a class from the schedule, with the refund policy shown before', async ({ page, request }) => {
    const { member, className, day, startsAt, zone, trainer } = await aClassAndAMember(request, 'booker');
    await signInThroughApi(page, request, member);

    await openScheduleOf(page, day, className);
    const card = cardOf(page, className);
    await expect(card).toContainText('5 left');
    await card.getByRole('button', { name: 'Book', exact: true }).click();

    const dialog = await openedDialog(page, `Book ${className}?`);
    await expect(dialog).toContainText('10:00–10:45');
    await expect(dialog).toContainText(trainer.name);
    await expect(dialog).toContainText('1 credit');
    await expect(dialog).toContainText(
      'Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund.',
    );
    // 50 % of the class's 1 credit rounds down to none.
    await expect(dialog).toContainText(`For this class: 100 % until ${fullRefundEnds(startsAt, zone)}, then no credits back.`);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();

    await expect(page.getByText(`Booked: ${className}`)).toBeVisible();
    await expect(card).toContainText("You're booked");
    // Focus stays on the card, on what it says now, not back at the top of the page.
    await expect(card.getByText("You're booked")).toBeFocused();
    await expect(card).toContainText('4 left');
    await expectNoSeriousA11yViolations(page);
  });

  test('a booked class is under Upcoming and goes into the calendar', async ({ page, request }) => {
    const { member, className, day, sessionId } = await aClassAndAMember(request, 'calendar');
    await bookClass(request, member, sessionId);
    await signInThroughApi(page, request, member);

    await page.goto('/');
    await page.getByRole('link', { name: 'My bookings', exact: true }).first().click();
    await expect(page).toHaveURL(/\/bookings\/upcoming$/);
    const upcoming = cardOf(page, className, 2);
    await expect(upcoming).toContainText('Confirmed');
    await expect(upcoming).toContainText('10:00–10:45');
    await expectNoSeriousA11yViolations(page);

    const download = page.waitForEvent('download');
    await upcoming.getByRole('button', { name: 'Add to calendar' }).click();
    expect((await download).suggestedFilename()).toBe(`${className.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${day}.ics`);
  });

  test('a member cancels a booking with the refund shown, finds it under Cancelled, and the spot is free again', async ({
    page,
    request,
  }) => {
    const { member, className, day, sessionId, startsAt, zone } = await aClassAndAMember(request, 'canceller');
    await bookClass(request, member, sessionId);
    await signInThroughApi(page, request, member);

    await page.goto('/bookings/upcoming');
    const upcoming = cardOf(page, className, 2);
    await upcoming.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = await openedDialog(page, 'Cancel your booking?');
    await expect(dialog).toContainText('If you cancel now, you get 100 % back (1 credit).');
    await expect(dialog).toContainText(`Refund: 100 % until ${fullRefundEnds(startsAt, zone)}, then no credits back.`);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByText(`Booking cancelled: ${className}. 100 % refunded (1 credit).`)).toBeVisible();
    await expect(upcoming).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Upcoming bookings' })).toBeFocused();

    await page.getByRole('tab', { name: 'Cancelled' }).click();
    await expect(page).toHaveURL(/\/bookings\/cancelled$/);
    const cancelled = cardOf(page, className, 2);
    await expect(cancelled).toContainText('Cancelled');
    await expect(cancelled).toContainText('100 % refunded (1 credit)');
    await expect(cancelled.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

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
    await bookClass(request, first, sessionId);

    // The third member opens the schedule while one spot is left...
    await signInThroughApi(page, request, third);
    await openScheduleOf(page, day, className);
    const card = cardOf(page, className);
    await expect(card).toContainText('1 left');

    // ... the second member takes it meanwhile, and the third member's attempt is refused and shown in place.
    await bookClass(request, second, sessionId);
    await card.getByRole('button', { name: 'Book', exact: true }).click();
    await (await openedDialog(page, `Book ${className}?`)).getByRole('button', { name: 'Book', exact: true }).click();
    await expect(page.getByText('Sorry, this class is full: the last spot was just taken.')).toBeVisible();
    await expect(card).toContainText('Full');
    await expect(card).toContainText('This session is full');
    await expect(card.getByText('This session is full')).toBeFocused();
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
