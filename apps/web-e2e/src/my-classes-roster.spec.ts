import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import { expectNoSidewaysScroll } from './support/layout';
import { addDays, bookClass, nextMonday, publishClass, registerTrainer, studioInstant, studioTimeZone } from './support/scheduling';

/** The card of a class on My classes. */
function cardOf(page: Page, className: string) {
  return page.getByRole('listitem').filter({ hasText: className });
}

// A trainer sees who booked each class on My classes, fetched when they open the class's booked list. At both
// widths the app is used at.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('a trainer opens the booked list of a class and sees both members who booked it', async ({ page, request }) => {
      const [trainer, zone, first, second] = await Promise.all([
        registerTrainer(request),
        studioTimeZone(request),
        registerMember(request, 'first'),
        registerMember(request, 'second'),
      ]);
      const tuesday = addDays(nextMonday(zone), 1);
      const bookedName = `E2E Booked ${uniqueSuffix()}`;
      const quietName = `E2E Quiet ${uniqueSuffix()}`;
      const plan = { minutes: 60, capacity: 8, creditCost: 1 };
      const [bookedId] = await Promise.all([
        publishClass(request, trainer, { ...plan, name: bookedName, startsAt: studioInstant(zone, tuesday, '08:00') }),
        publishClass(request, trainer, { ...plan, name: quietName, startsAt: studioInstant(zone, tuesday, '10:00') }),
      ]);
      await Promise.all([first, second].map((member) => bookClass(request, member, bookedId)));
      await signInThroughApi(page, request, trainer);

      await page.goto('/trainer/classes');
      const quiet = cardOf(page, quietName);
      await expect(quiet).toContainText('No one has booked yet');
      await expect(quiet.getByRole('button', { name: /^Booked/ })).toHaveCount(0);

      const toggle = cardOf(page, bookedName).getByRole('button', { name: 'Booked, 2 members' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const booked = page.getByRole('list', { name: `Booked for ${bookedName}` });
      await expect(booked.getByRole('listitem')).toHaveCount(2);
      for (const member of [first, second]) {
        await expect(booked.getByRole('listitem').filter({ hasText: member.name })).toContainText(member.email);
      }
      await expect(page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`)).toContainText(first.name);
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(booked).toBeHidden();
    });
  });
}
