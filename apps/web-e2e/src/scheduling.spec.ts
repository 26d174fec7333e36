import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openedDialog } from './support/dialogs';
import { registerMember, signIn, signOut, uniqueSuffix } from './support/accounts';
import { addDays, dayHeading, nextMonday, registerTrainer, studioTimeZone } from './support/scheduling';

test.describe('scheduling', () => {
  test('a trainer puts a weekly class on the schedule and publishes one; a member finds it by trainer; visitors never see drafts', async ({
    page,
    request,
  }) => {
    test.slow(); // three people, a dozen pages, axe on each
    const trainer = await registerTrainer(request);
    const member = await registerMember(request, 'member');
    const zone = await studioTimeZone(request);
    const monday = nextMonday(zone);
    const wednesday = addDays(monday, 2);
    const className = `E2E Flow ${uniqueSuffix()}`;

    // --- The trainer creates a template in the UI.
    await signIn(page, trainer.email, trainer.password);
    await page.getByRole('link', { name: 'Trainer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Class templates' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'No templates yet' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'New template' }).click();
    const templateDialog = await openedDialog(page, 'New template');
    await expect(templateDialog).toBeVisible();
    // Type only once the form shows its defaults, as a person would: typing into a field that is still being
    // set up loses the keystrokes.
    await expect(templateDialog.getByLabel('Duration (minutes)')).toHaveValue('60');
    await templateDialog.getByLabel('Name', { exact: true }).fill(className);
    await templateDialog.getByLabel('Duration (minutes)').fill('4');
    await templateDialog.getByRole('button', { name: 'Save' }).click();
    await expect(templateDialog.getByText('A class lasts 5 to 480 minutes')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await templateDialog.getByLabel('Duration (minutes)').fill('45');
    await templateDialog.getByLabel('Capacity').fill('8');
    await templateDialog.getByLabel('Credits').fill('1');
    await templateDialog.getByRole('button', { name: 'Save' }).click();
    await expect(templateDialog).toBeHidden();
    const templateCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: className }) });
    await expect(templateCard).toContainText('45 min · up to 8 people · 1 credit');

    // --- ... schedules it weekly, Mondays and Wednesdays of next week, at 07:30 studio time.
    await templateCard.getByRole('button', { name: 'Schedule' }).click();
    const scheduleDialog = await openedDialog(page, `Schedule ${className}`);
    await expect(scheduleDialog.getByLabel('Time')).toHaveValue('18:00');
    await scheduleDialog.getByLabel('Date').fill(monday);
    await scheduleDialog.getByLabel('Time').fill('07:30');
    await scheduleDialog.getByLabel('Repeat weekly').check();
    await expect(scheduleDialog.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    await scheduleDialog.getByRole('checkbox', { name: 'Wednesday' }).check();
    await scheduleDialog.getByLabel('Until').fill(addDays(monday, 6));
    await expect(scheduleDialog.getByText('This schedules 2 classes.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByText(`Scheduled 2 ${className} classes as drafts.`)).toBeVisible();
    await expect(scheduleDialog).toBeHidden();

    // --- ... and publishes the Monday one in "My classes".
    await page.getByRole('navigation', { name: 'Trainer tools' }).getByRole('link', { name: 'My classes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
    const mine = page.getByRole('listitem').filter({ hasText: className });
    await expect(mine).toHaveCount(2);
    await expect(mine.filter({ hasText: 'Draft' })).toHaveCount(2);
    const mondayClass = page
      .getByRole('region', { name: dayHeading(monday) })
      .getByRole('listitem')
      .filter({ hasText: className });
    await expect(mondayClass).toContainText('07:30');
    const wednesdayDraft = await page
      .getByRole('region', { name: dayHeading(wednesday) })
      .getByRole('link', { name: className })
      .getAttribute('href');
    expect(wednesdayDraft).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);
    await expectNoSeriousA11yViolations(page);
    await mondayClass.getByRole('button', { name: 'Publish' }).click();
    await expect(mondayClass).toContainText('8 left');
    await expect(mondayClass.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await expect(mine.filter({ hasText: 'Draft' })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await signOut(page);

    // --- An anonymous visitor sees the published class next week, and not the draft.
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

    // --- A member filters next week's schedule by the trainer and opens the class.
    await signIn(page, member.email, member.password);
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('radio', { name: 'Next week' }).click();
    await page.getByLabel('Trainer').click();
    await page.getByRole('option', { name: trainer.name }).click();
    await expect(page).toHaveURL(new RegExp(`trainer=${trainer.id}`));
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);
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

    // Back returns to the filtered view, filters intact.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`week=next.*trainer=${trainer.id}|trainer=${trainer.id}.*week=next`));
    await expect(page.getByLabel('Trainer')).toHaveText(trainer.name);
    await expect(page.getByRole('link', { name: className })).toHaveCount(1);

    // The Wednesday draft is not there for a member, not even by its address.
    await page.goto(wednesdayDraft as string);
    await expect(page.getByRole('heading', { level: 1, name: 'Class not found' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('a trainer moves a class, resizes it and cancels it with a reason that visitors then read', async ({ page, request }) => {
    const trainer = await registerTrainer(request);
    const zone = await studioTimeZone(request);
    const tuesday = addDays(nextMonday(zone), 1);
    const className = `E2E Spin ${uniqueSuffix()}`;

    await signIn(page, trainer.email, trainer.password);
    await page.goto('/trainer/templates');
    await page.getByRole('button', { name: 'New template' }).click();
    const templateDialog = await openedDialog(page, 'New template');
    await expect(templateDialog.getByLabel('Duration (minutes)')).toHaveValue('60');
    await templateDialog.getByLabel('Name', { exact: true }).fill(className);
    await templateDialog.getByRole('button', { name: 'Save' }).click();
    await expect(templateDialog).toBeHidden();
    await page.getByRole('listitem').filter({ hasText: className }).getByRole('button', { name: 'Schedule' }).click();
    const scheduleDialog = await openedDialog(page, `Schedule ${className}`);
    await expect(scheduleDialog.getByLabel('Time')).toHaveValue('18:00');
    await scheduleDialog.getByLabel('Date').fill(tuesday);
    await scheduleDialog.getByLabel('Time').fill('18:00');
    await expect(scheduleDialog.getByText('This schedules 1 class.')).toBeVisible();
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByText(`Scheduled 1 ${className} class as a draft.`)).toBeVisible();

    await page.getByRole('navigation', { name: 'Trainer tools' }).getByRole('link', { name: 'My classes' }).click();
    const card = page.getByRole('listitem').filter({ hasText: className });
    await expect(card).toContainText('18:00');
    await card.getByRole('button', { name: 'Publish' }).click();
    await expect(card).toContainText('12 left');

    // Move it to 19:15 for 45 minutes, with room for 6.
    await card.getByRole('button', { name: 'Edit' }).click();
    const editDialog = await openedDialog(page, `Edit ${className}`);
    await expect(editDialog.getByLabel('Capacity')).toHaveValue('12');
    await editDialog.getByLabel('Time').fill('19:15');
    await editDialog.getByLabel('Duration (minutes)').fill('45');
    await editDialog.getByLabel('Capacity').fill('6');
    await expectNoSeriousA11yViolations(page);
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await expect(editDialog).toBeHidden();
    await expect(card).toContainText('19:15');
    await expect(card).toContainText('45 min');
    await expect(card).toContainText('6 left');

    // Cancelling needs a reason.
    await card.getByRole('button', { name: 'Cancel class' }).click();
    const cancelDialog = await openedDialog(page, `Cancel ${className}?`);
    await cancelDialog.getByRole('button', { name: 'Cancel class' }).click();
    await expect(cancelDialog.getByText('Tell the members why the class is cancelled')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await cancelDialog.getByLabel('Reason').fill('The bikes are being serviced.');
    await cancelDialog.getByRole('button', { name: 'Cancel class' }).click();
    await expect(cancelDialog).toBeHidden();
    await expect(card).toContainText('Cancelled');
    await expect(card.getByRole('button', { name: 'Cancel class' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await signOut(page);

    // A visitor on a phone sees it cancelled, and why.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/schedule?date=${tuesday}`);
    const visitorCard = page.getByRole('listitem').filter({ hasText: className });
    await expect(visitorCard).toContainText('Cancelled');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await visitorCard.getByRole('link', { name: className }).click();
    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    await expect(page.getByText('Reason: The bikes are being serviced.')).toBeVisible();
    await expect(page.getByText('19:15–20:00')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
  });
});
