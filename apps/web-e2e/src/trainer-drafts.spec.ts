import { expect, type APIRequestContext, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openedDialog } from './support/dialogs';
import { expectNoSidewaysScroll } from './support/layout';
import { signInThroughApi, uniqueSuffix, type Credentials } from './support/accounts';
import {
  addDays,
  bearerFor,
  dayHeading,
  draftClass,
  nextMonday,
  publishClass,
  registerTrainer,
  studioInstant,
  studioTimeZone,
} from './support/scheduling';

/** The card of a class on My classes, on the page or in one day of it. */
function cardOf(scope: Page | Locator, className: string) {
  return scope.getByRole('listitem').filter({ hasText: className });
}

/** A weekly series of drafts (Monday and Wednesday at `time`, for two weeks from `monday`), through the API. */
async function draftSeries(request: APIRequestContext, trainer: Credentials, zone: string, monday: string, name: string, time: string) {
  const startsAt = studioInstant(zone, monday, time);
  const created = await request.post('/api/v1/sessions', {
    headers: { authorization: await bearerFor(request, trainer) },
    data: {
      name,
      capacity: 8,
      creditCost: 1,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
      repeat: { weekdays: ['mon', 'wed'], until: addDays(monday, 9) },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { ids: string[] }).ids;
}

// Drafts are what a trainer prepares: a series is published in a few clicks, and a draft nobody has seen is
// deleted without the ceremony of cancelling a class. At both widths the app is used at.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('a trainer publishes a whole series of drafts at once', async ({ page, request }) => {
      const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
      const monday = nextMonday(zone);
      const className = `E2E Series ${uniqueSuffix()}`;
      const loneName = `E2E Lone ${uniqueSuffix()}`;
      const series = await draftSeries(request, trainer, zone, monday, className, '07:30');
      expect(series).toHaveLength(4);
      const plan = { minutes: 60, capacity: 8, creditCost: 1 };
      await draftClass(request, trainer, { ...plan, name: loneName, startsAt: studioInstant(zone, monday, '18:00') });
      await signInThroughApi(page, request, trainer);

      await page.goto('/trainer/classes');
      const drafts = cardOf(page, className);
      await expect(drafts.filter({ hasText: 'Draft' })).toHaveCount(4);
      await cardOf(page.getByRole('region', { name: dayHeading(monday) }), className).getByRole('checkbox', { name: 'Select' }).check();
      const bar = page.getByRole('region', { name: 'Selected drafts' });
      await expect(bar).toContainText('1 draft selected');

      await bar.getByRole('button', { name: 'Select the whole series' }).click();
      await expect(bar).toContainText('4 drafts selected');
      await expect(drafts.getByRole('checkbox', { name: 'Select' })).toHaveCount(4);
      for (const box of await drafts.getByRole('checkbox', { name: 'Select' }).all()) await expect(box).toBeChecked();
      await expect(cardOf(page, loneName).getByRole('checkbox', { name: 'Select' })).not.toBeChecked();
      await expectNoSidewaysScroll(page);
      await expectBarCoversNothingAtTheEnd(page, bar);
      await expectNoSeriousA11yViolations(page);

      await bar.getByRole('button', { name: 'Publish 4 classes' }).click();
      await expect(page.getByText(`Published 4 ${className} classes.`)).toBeVisible();
      await expect(bar).toBeHidden();
      await expect(drafts.filter({ hasText: '8 left' })).toHaveCount(4);
      await expect(drafts.getByRole('checkbox')).toHaveCount(0);
      await expect(cardOf(page, loneName)).toContainText('Draft');
      await expectNoSeriousA11yViolations(page);
    });

    test('a trainer deletes a draft after a plain confirmation; a published class is still cancelled', async ({ page, request }) => {
      const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
      const tuesday = addDays(nextMonday(zone), 1);
      const draftName = `E2E Scrap ${uniqueSuffix()}`;
      const publishedName = `E2E Keep ${uniqueSuffix()}`;
      const plan = { minutes: 60, capacity: 8, creditCost: 1 };
      await draftClass(request, trainer, { ...plan, name: draftName, startsAt: studioInstant(zone, tuesday, '08:00') });
      await publishClass(request, trainer, { ...plan, name: publishedName, startsAt: studioInstant(zone, tuesday, '09:30') });
      await signInThroughApi(page, request, trainer);

      await page.goto('/trainer/classes');
      const draft = cardOf(page, draftName);
      await expect(draft).toContainText('Draft');
      await expect(draft.getByRole('button', { name: 'Cancel class' })).toHaveCount(0);
      await expect(cardOf(page, publishedName).getByRole('button', { name: 'Delete draft' })).toHaveCount(0);
      await expect(cardOf(page, publishedName).getByRole('button', { name: 'Cancel class' })).toBeVisible();

      await draft.getByRole('button', { name: 'Delete draft' }).click();
      const dialog = await openedDialog(page, 'Delete this draft?');
      await expect(dialog).toContainText('Nobody has seen it.');
      await expect(dialog.getByRole('textbox')).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);

      await dialog.getByRole('button', { name: 'Delete draft' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Deleted the draft ${draftName}`)).toBeVisible();
      await expect(draft).toHaveCount(0);
      await expect(cardOf(page, publishedName)).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);

      await page.reload();
      await expect(cardOf(page, publishedName)).toBeVisible();
      await expect(cardOf(page, draftName)).toHaveCount(0);
    });
  });
}

/** Scrolled to the end, the selection bar sits below the last class: it floats over the list, never over its end. */
async function expectBarCoversNothingAtTheEnd(page: Page, bar: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const lastCard = page.getByRole('listitem').last();
  await expect
    .poll(async () => {
      const [card, box] = await Promise.all([lastCard.boundingBox(), bar.boundingBox()]);
      return card && box ? box.y - (card.y + card.height) : -1;
    })
    .toBeGreaterThanOrEqual(0);
}
