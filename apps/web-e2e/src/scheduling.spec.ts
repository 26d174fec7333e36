import { expect, type APIRequestContext, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expectNoSidewaysScroll } from './support/layout';
import { openedDialog } from './support/dialogs';
import { registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import {
  addDays,
  calendarDayName,
  cancelClass,
  createTemplate,
  dayHeading,
  draftClass,
  nextMonday,
  publishClass,
  registerTrainer,
  studioInstant,
  studioTimeZone,
  studioToday,
  typedDay,
} from './support/scheduling';

/** The card of a class in a list (templates, My classes, the schedule), on the page or in one part of it. */
function cardOf(scope: Page | Locator, className: string) {
  return scope.getByRole('listitem').filter({ hasText: className });
}

test.describe('class templates', () => {
  test('a trainer creates a template, and the form says what it refuses', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const className = `E2E Flow ${uniqueSuffix()}`;
    await signInThroughApi(page, request, trainer);

    await page.goto('/');
    await page.getByRole('link', { name: 'Trainer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Class templates' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'No templates yet' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = await openedDialog(page, 'New template');
    // Type only once the form shows its defaults: keystrokes into a field still being set up are lost.
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('60');
    await dialog.getByLabel('Name', { exact: true }).fill(className);
    await dialog.getByLabel('Duration (minutes)').fill('4');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('A class lasts 5 to 480 minutes')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel('Duration (minutes)').fill('45');
    await dialog.getByLabel('Capacity').fill('8');
    await dialog.getByLabel('Credits').fill('1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(cardOf(page, className)).toContainText('45 min · up to 8 people · 1 credit');
  });

  test('a trainer schedules a template weekly, on two weekdays, as drafts', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const monday = nextMonday(await studioTimeZone(request));
    const className = `E2E Weekly ${uniqueSuffix()}`;
    await createTemplate(request, trainer, { name: className, durationMinutes: 45, capacity: 8 });
    await signInThroughApi(page, request, trainer);

    await page.goto('/trainer/templates');
    await cardOf(page, className).getByRole('button', { name: 'Schedule' }).click();
    const dialog = await openedDialog(page, `Schedule ${className}`);
    await expect(dialog.getByRole('combobox', { name: 'Time' })).toHaveValue('18:00');
    await dialog.getByLabel('Date').fill(typedDay(monday));
    await dialog.getByRole('combobox', { name: 'Time' }).fill('07:30');
    await dialog.getByLabel('Repeat weekly').check();
    await expect(dialog.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Wednesday' }).check();
    await dialog.getByLabel('Until').fill(typedDay(addDays(monday, 6)));
    await expect(dialog.getByText('This schedules 2 classes.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByText(`Scheduled 2 ${className} classes as drafts.`)).toBeVisible();
    await expect(dialog).toBeHidden();
  });
});

/** A fresh trainer's template, its "Schedule" dialog open and ready for typing; tomorrow is its default day. */
async function openScheduleDialog(page: Page, request: APIRequestContext) {
  const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
  const className = `E2E Picked ${uniqueSuffix()}`;
  await createTemplate(request, trainer, { name: className });
  await signInThroughApi(page, request, trainer);
  await page.goto('/trainer/templates');
  await cardOf(page, className).getByRole('button', { name: 'Schedule' }).click();
  const dialog = await openedDialog(page, `Schedule ${className}`);
  return { dialog, className, tomorrow: addDays(studioToday(zone), 1) };
}

// The dialog's day and time speak the studio's language (30/11/2026, 19:30), whatever the browser's; at both widths.
for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
]) {
  test.describe(`scheduling at ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test('a trainer picks the day from a calendar, and the field writes it DD/MM/YYYY', async ({ page, request }) => {
      const { dialog, tomorrow } = await openScheduleDialog(page, request);
      const [year, month] = tomorrow.split('-').map(Number) as [number, number];
      const fifteenthOfNextMonth = new Date(Date.UTC(year, month, 15)).toISOString().slice(0, 10);
      const date = dialog.getByLabel('Date');
      await expect(date).toHaveValue(typedDay(tomorrow));

      await dialog.getByRole('button', { name: 'Open calendar' }).click();
      const calendar = page.getByRole('dialog', { name: 'Date' });
      await calendar.getByRole('button', { name: 'Next month' }).click();
      const fifteenth = calendar.getByRole('button', { name: calendarDayName(fifteenthOfNextMonth) });
      await expect(fifteenth).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yViolations(page);
      await fifteenth.click();
      await expect(calendar).toBeHidden();
      await expect(date).toHaveValue(typedDay(fifteenthOfNextMonth));

      await date.fill('31/02/2027');
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await expect(dialog.getByText('Enter a real date as DD/MM/YYYY')).toBeVisible();
      await expect(date).toBeFocused();
    });

    test('a trainer picks the time from a 24-hour list, or types it', async ({ page, request }) => {
      const { dialog, className } = await openScheduleDialog(page, request);
      // The field, by its role: the list of times it opens is labelled "Time" too.
      const time = dialog.getByRole('combobox', { name: 'Time' });
      await expect(time).toHaveValue('18:00');

      await time.click();
      const times = page.getByRole('listbox', { name: 'Time' });
      await expect(times.getByRole('option', { name: '18:00', exact: true })).toBeVisible();
      await expect(times).not.toContainText(/AM|PM/);
      await expectNoSeriousA11yViolations(page);
      await times.getByRole('option', { name: '19:30', exact: true }).click();
      await expect(time).toHaveValue('19:30');

      // Typed without its leading zero, the field writes it back in full.
      await time.fill('7:05');
      await dialog.getByLabel('Date').focus();
      await expect(time).toHaveValue('07:05');
      await dialog.getByRole('button', { name: 'Schedule' }).click();
      await expect(page.getByText(`Scheduled 1 ${className} class as a draft.`)).toBeVisible();
      await expect(dialog).toBeHidden();
    });
  });
}

test.describe('my classes', () => {
  test('a trainer publishes one of two drafts in My classes', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const monday = nextMonday(zone);
    const wednesday = addDays(monday, 2);
    const className = `E2E Sunrise ${uniqueSuffix()}`;
    const plan = { name: className, minutes: 45, capacity: 8, creditCost: 1 };
    await draftClass(request, trainer, { ...plan, startsAt: studioInstant(zone, monday, '07:30') });
    await draftClass(request, trainer, { ...plan, startsAt: studioInstant(zone, wednesday, '07:30') });
    await signInThroughApi(page, request, trainer);

    await page.goto('/trainer/templates');
    await page.getByRole('navigation', { name: 'Trainer tools' }).getByRole('link', { name: 'My classes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
    const mine = cardOf(page, className);
    await expect(mine).toHaveCount(2);
    await expect(mine.filter({ hasText: 'Draft' })).toHaveCount(2);
    const mondayClass = cardOf(page.getByRole('region', { name: dayHeading(monday) }), className);
    await expect(mondayClass).toContainText('07:30');
    await expectNoSeriousA11yViolations(page);

    await mondayClass.getByRole('button', { name: 'Publish' }).click();
    await expect(mondayClass).toContainText('8 left');
    await expect(mondayClass.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await expect(mine.filter({ hasText: 'Draft' })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
  });

  test('a trainer moves a class, shortens it and makes it smaller', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const tuesday = addDays(nextMonday(zone), 1);
    const className = `E2E Spin ${uniqueSuffix()}`;
    await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, tuesday, '18:00'), minutes: 60, capacity: 12, creditCost: 1 });
    await signInThroughApi(page, request, trainer);

    await page.goto('/trainer/classes');
    const card = cardOf(page, className);
    await expect(card).toContainText('18:00');
    await expect(card).toContainText('12 left');
    await card.getByRole('button', { name: 'Edit' }).click();
    const dialog = await openedDialog(page, `Edit ${className}`);
    await expect(dialog.getByLabel('Capacity')).toHaveValue('12');
    await expect(dialog.getByLabel('Date')).toHaveValue(typedDay(tuesday));
    await expect(dialog.getByRole('combobox', { name: 'Time' })).toHaveValue('18:00');
    await dialog.getByRole('combobox', { name: 'Time' }).fill('19:15');
    await dialog.getByLabel('Duration (minutes)').fill('45');
    await dialog.getByLabel('Capacity').fill('6');
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText('19:15');
    await expect(card).toContainText('45 min');
    await expect(card).toContainText('6 left');
  });

  test('a trainer cancels a class, and the dialog asks for the reason first', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const tuesday = addDays(nextMonday(zone), 1);
    const className = `E2E Cancel ${uniqueSuffix()}`;
    await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, tuesday, '18:00'), minutes: 60, capacity: 12, creditCost: 1 });
    await signInThroughApi(page, request, trainer);

    await page.goto('/trainer/classes');
    const card = cardOf(page, className);
    await card.getByRole('button', { name: 'Cancel class' }).click();
    const dialog = await openedDialog(page, `Cancel ${className}?`);
    await dialog.getByRole('button', { name: 'Cancel class' }).click();
    await expect(dialog.getByText('Tell the members why the class is cancelled')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel('Reason').fill('The bikes are being serviced.');
    await dialog.getByRole('button', { name: 'Cancel class' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText('Cancelled');
    await expect(card.getByRole('button', { name: 'Cancel class' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('the schedule', () => {
  test('visitors see next week’s published classes and never a draft, and can search them', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const monday = nextMonday(zone);
    const wednesday = addDays(monday, 2);
    const className = `E2E Visible ${uniqueSuffix()}`;
    const plan = { name: className, minutes: 45, capacity: 8, creditCost: 1 };
    await publishClass(request, trainer, { ...plan, startsAt: studioInstant(zone, monday, '07:30') });
    await draftClass(request, trainer, { ...plan, startsAt: studioInstant(zone, wednesday, '07:30') });

    await page.goto('/schedule');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await page.getByRole('radio', { name: 'Next week' }).click();
    await expect(page).toHaveURL(/week=next/);
    await expect(page.getByRole('region', { name: dayHeading(monday) }).getByRole('link', { name: className })).toBeVisible();
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
    await expect(page.getByRole('region', { name: dayHeading(wednesday) }).getByRole('link', { name: className })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Search classes').fill(className);
    await expect(page).toHaveURL(/q=E2E/);
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
    await page.getByLabel('Search classes').fill(`${className} nothing like it`);
    await expect(page.getByRole('heading', { name: 'No classes match these filters' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a member filters next week by trainer, opens a class, and Back keeps the filters', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const member = await registerMember(request, 'member');
    const zone = await studioTimeZone(request);
    const monday = nextMonday(zone);
    const className = `E2E Filter ${uniqueSuffix()}`;
    await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, monday, '07:30'), minutes: 45, capacity: 8, creditCost: 1 });
    await signInThroughApi(page, request, member);

    await page.goto('/schedule');
    await page.getByRole('radio', { name: 'Next week' }).click();
    await page.getByLabel('Trainer', { exact: true }).click();
    await page.getByRole('option', { name: trainer.name }).click();
    await expect(page).toHaveURL(new RegExp(`trainer=${trainer.id}`));
    // Only this trainer's classes: every card names them.
    const cards = page.getByRole('listitem');
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText(`with ${trainer.name}`);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: className }).click();
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByText(trainer.name, { exact: true })).toBeVisible();
    await expect(page.getByText('8 of 8 free')).toBeVisible();
    await expect(page.getByText('Open for booking')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`week=next.*trainer=${trainer.id}|trainer=${trainer.id}.*week=next`));
    await expect(page.getByLabel('Trainer', { exact: true })).toHaveText(trainer.name);
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
  });

  test('a draft is not found by its address, not even by a member', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const member = await registerMember(request, 'member');
    const zone = await studioTimeZone(request);
    const draftId = await draftClass(request, trainer, {
      name: `E2E Hidden ${uniqueSuffix()}`,
      startsAt: studioInstant(zone, nextMonday(zone), '07:30'),
      minutes: 45,
      capacity: 8,
      creditCost: 1,
    });
    await signInThroughApi(page, request, member);

    await page.goto(`/sessions/${draftId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Class not found' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a visitor on a phone reads why a class was cancelled', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const tuesday = addDays(nextMonday(zone), 1);
    const className = `E2E Called off ${uniqueSuffix()}`;
    const id = await publishClass(request, trainer, { name: className, startsAt: studioInstant(zone, tuesday, '19:15'), minutes: 45, capacity: 6, creditCost: 1 });
    await cancelClass(request, trainer, id, 'The bikes are being serviced.');

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/schedule?date=${tuesday}`);
    const card = cardOf(page, className);
    await expect(card).toContainText('Cancelled');
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);

    await card.getByRole('link', { name: className }).click();
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByText('Reason: The bikes are being serviced.')).toBeVisible();
    await expect(page.getByText('19:15–20:00')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
  });
});
