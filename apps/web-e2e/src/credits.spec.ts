import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { admin, registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import { packageOnSale } from './support/credits';
import { openedDialog } from './support/dialogs';
import { expectNoSidewaysScroll } from './support/layout';
import { addDays, publishClass, registerTrainer, studioInstant, studioTimeZone, studioToday } from './support/scheduling';

/** A member with no credits, a 1-credit class three days ahead (so a cancel gives it all back), and a package to buy. */
async function aMemberWithoutCredits(request: APIRequestContext, label: string) {
  const [trainer, member, zone, pkg] = await Promise.all([
    registerTrainer(request),
    registerMember(request, label, { credits: 0 }),
    studioTimeZone(request),
    packageOnSale(request, { credits: 5, priceCents: 4000 }),
  ]);
  const className = `E2E Credits ${uniqueSuffix()}`;
  const startsAt = studioInstant(zone, addDays(studioToday(zone), 3), '10:00');
  const sessionId = await publishClass(request, trainer, { name: className, startsAt, minutes: 45, capacity: 5, creditCost: 1 });
  return { member, pkg, className, path: `/sessions/${sessionId}` };
}

/** The toolbar's balance, a link to the credits page. */
function balance(page: Page, credits: string) {
  return page.getByRole('banner').getByRole('link', { name: credits, exact: true });
}

/** Opens Buy credits, chooses the package and waits for the payment step. */
async function choosePackage(page: Page, name: string): Promise<void> {
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await card.getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByRole('heading', { name: `Pay for ${name}` })).toBeFocused();
  await expect(page.getByText('Test mode — no real card is charged.')).toBeVisible();
}

test.describe('credits', () => {
  test('a member without credits buys a package, comes back to the class, books it, cancels, and sees the credits back', async ({
    page,
    request,
  }) => {
    const { member, pkg, className, path } = await aMemberWithoutCredits(request, 'buyer');
    await signInThroughApi(page, request, member);

    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByText('This class costs 1 credit; you have 0 credits')).toBeVisible();
    await expect(balance(page, '0 credits')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Book', exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Buy credits' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Buy credits' })).toBeVisible();
    await choosePackage(page, pkg.name);
    await expect(page.getByRole('radio', { name: 'Visa ending 4242 — succeeds' })).toBeChecked();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Pay €40.00' }).click();
    await expect(page.getByRole('heading', { name: 'Payment received' })).toBeFocused();
    await expect(page.getByText('Your balance is now 5 credits.')).toBeVisible();
    await expect(balance(page, '5 credits')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: `Back to ${className}` }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await (await openedDialog(page, `Book ${className}?`)).getByRole('button', { name: 'Book', exact: true }).click();
    await expect(page.getByText("You're booked")).toBeVisible();
    await expect(balance(page, '4 credits')).toBeVisible();

    await page.goto('/bookings/upcoming');
    const booking = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: className }) });
    await booking.getByRole('button', { name: 'Cancel booking' }).click();
    await (await openedDialog(page, 'Cancel your booking?')).getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByText(`Booking cancelled: ${className}. 100 % refunded (1 credit).`)).toBeVisible();
    await expect(balance(page, '5 credits')).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credits', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Credits' })).toBeVisible();
    const history = page.getByRole('list', { name: 'History' }).getByRole('listitem');
    await expect(history).toHaveCount(3);
    await expect(history.nth(0)).toContainText('Refund');
    await expect(history.nth(0)).toContainText('+1');
    await expect(history.nth(0)).toContainText('Balance 5');
    await expect(history.nth(1)).toContainText('Booking');
    await expect(history.nth(1)).toContainText('\u22121');
    await expect(history.nth(1)).toContainText('Balance 4');
    await expect(history.nth(2)).toContainText('Purchase');
    await expect(history.nth(2)).toContainText('+5');
    await expectNoSeriousA11yViolations(page);
  });

  test('a card that asks for 3-D Secure is confirmed in the bank’s step (on a small screen)', async ({ page, request }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const [member, pkg] = await Promise.all([
      registerMember(request, 'secure', { credits: 0 }),
      packageOnSale(request, { credits: 10, priceCents: 7500 }),
    ]);
    await signInThroughApi(page, request, member);
    await page.goto('/credits/buy');
    await choosePackage(page, pkg.name);
    await page.getByRole('radio', { name: 'Card ending 3155 — asks for 3-D Secure' }).check();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Pay €75.00' }).click();
    const bank = await openedDialog(page, 'Your bank asks you to confirm this payment');
    await expect(bank).toContainText('€75.00');
    await expectNoSeriousA11yViolations(page);
    await bank.getByRole('button', { name: 'Confirm' }).click();

    await expect(page.getByRole('heading', { name: 'Payment received' })).toBeFocused();
    await expect(page.getByText('Your balance is now 10 credits.')).toBeVisible();
    await expect(balance(page, '10 credits')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('a declined card says why, adds nothing, and leaves the member free to try another', async ({ page, request }) => {
    const [member, pkg] = await Promise.all([
      registerMember(request, 'declined', { credits: 0 }),
      packageOnSale(request, { credits: 5, priceCents: 4000 }),
    ]);
    await signInThroughApi(page, request, member);
    await page.goto('/credits/buy');
    await choosePackage(page, pkg.name);
    await page.getByRole('radio', { name: 'Card ending 0002 — declined' }).check();
    await page.getByRole('button', { name: 'Pay €40.00' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Payment declined.' });
    await expect(alert).toBeFocused();
    await expect(alert).toContainText('Nothing was charged: try another card.');
    await expect(page.getByRole('radio', { name: 'Visa ending 4242 — succeeds' })).toBeEnabled();
    await expect(balance(page, '0 credits')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto('/credits');
    await expect(page.getByRole('heading', { name: 'No credits bought or spent yet' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('an admin puts a package on sale, retires it, and adjusts a member’s credits with a reason', async ({ page, request }) => {
    const member = await registerMember(request, 'adjusted', { credits: 0 });
    await signInThroughApi(page, request, admin);
    await page.goto('/admin/packages');
    await expect(page.getByRole('heading', { level: 1, name: 'Credit packages' })).toBeVisible();

    const name = `E2E Package ${uniqueSuffix()}`;
    await page.getByRole('button', { name: 'New package' }).click();
    const editor = await openedDialog(page, 'New package');
    await editor.getByLabel('Name').fill(name);
    await editor.getByLabel('Credits').fill('8');
    await editor.getByLabel('Valid for (days)').fill('60');
    await editor.getByLabel('Price').fill('64');
    await expectNoSeriousA11yViolations(page);
    await editor.getByRole('button', { name: 'Save' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(card).toContainText('8 credits for €64.00');
    await expect(card).toContainText('Valid for 60 days after purchase');
    await expectNoSeriousA11yViolations(page);

    await card.getByRole('button', { name: 'Retire' }).click();
    await (await openedDialog(page, `Retire ${name}?`)).getByRole('button', { name: 'Retire' }).click();
    await expect(page.getByText(`${name} is no longer sold.`)).toBeVisible();
    await expect(card).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('Search users').fill(member.email);
    await page.getByRole('button', { name: `Adjust credits of ${member.name}` }).click();
    const adjust = await openedDialog(page, `Adjust ${member.name}'s credits`);
    await expect(adjust).toContainText('Current balance: 0 credits');
    await adjust.getByLabel('Credits').fill('3');
    await adjust.getByLabel('Reason').fill('Welcome gift');
    await expectNoSeriousA11yViolations(page);
    await adjust.getByRole('button', { name: 'Add credits' }).click();
    await expect(page.getByText(`Added 3 credits to ${member.name}. New balance: 3 credits.`)).toBeVisible();
    await expect(adjust).toHaveCount(0);
  });
});
