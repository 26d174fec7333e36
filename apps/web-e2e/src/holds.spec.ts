import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { type APIRequestContext, type Browser, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { type Account, registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import { expectNoSidewaysScroll } from './support/layout';
import { addDays, forgetBearers, publishClass, registerTrainer, studioInstant, studioTimeZone, studioToday } from './support/scheduling';

/** A trainer's class two days ahead at 18:00 (`capacity` spots, 1 credit), its studio day and its page's address. */
async function aClass(request: APIRequestContext, capacity: number) {
  const [trainer, zone] = await Promise.all([registerTrainer(request), studioTimeZone(request)]);
  const className = `E2E Hold ${uniqueSuffix()}`;
  const day = addDays(studioToday(zone), 2);
  const startsAt = studioInstant(zone, day, '18:00');
  const id = await publishClass(request, trainer, { name: className, startsAt, minutes: 60, capacity, creditCost: 1 });
  return { className, day, path: `/sessions/${id}` };
}

/** Opens a class's page and waits until it shows the class. */
async function openClass(page: Page, path: string, className: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
}

function spotsOf(page: Page) {
  return page.getByRole('definition').filter({ hasText: / of \d+ free/ });
}

function holdPanel(page: Page) {
  return page.getByRole('region', { name: /Your (spot is held|hold has run out)/ });
}

test.describe('spot holds', () => {
  test('a member holds a spot, sees the countdown (also after a reload) and confirms it into a booking', async ({ page, request }) => {
    const { className, path } = await aClass(request, 5);
    const member = await registerMember(request, 'holder');
    await signInThroughApi(page, request, member);
    await openClass(page, path, className);
    await expect(page.getByText('Keeps a spot for you for 10 minutes')).toBeVisible();

    await page.getByRole('button', { name: 'Hold my spot' }).click();
    const panel = holdPanel(page);
    await expect(panel.getByRole('heading', { name: 'Your spot is held' })).toBeFocused();
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveText(/^(10:00|09:[0-5]\d)$/);
    await expect(panel.getByRole('progressbar', { name: 'Time left on your hold' })).toBeVisible();
    await expect(spotsOf(page)).toHaveText('4 of 5 free');
    // The countdown moves on by itself.
    const shown = await timer.textContent();
    await expect(timer).not.toHaveText(shown ?? '');
    // Booking straight away is not offered beside the hold's own Confirm.
    await expect(page.getByRole('button', { name: 'Book', exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(panel.getByRole('heading', { name: 'Your spot is held' })).toBeVisible();
    await expect(panel.getByRole('timer')).toHaveText(/^(10:00|09:[0-5]\d)$/);

    await panel.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText(`Booked: ${className}`)).toBeVisible();
    await expect(page.getByText("You're booked")).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(spotsOf(page)).toHaveText('4 of 5 free');
    await expectNoSeriousA11yViolations(page);
  });

  test('a member holds a spot from the schedule, lands on the class page with the countdown, and confirms', async ({ page, request }) => {
    const { className, day, path } = await aClass(request, 5);
    const member = await registerMember(request, 'card-holder');
    await signInThroughApi(page, request, member);
    await page.goto(`/schedule?date=${day}&q=${encodeURIComponent(className)}`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: className }) });
    await expect(card.getByRole('button', { name: 'Book', exact: true })).toBeEnabled();
    await expectNoSeriousA11yViolations(page);

    await card.getByRole('button', { name: 'Hold', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    const panel = holdPanel(page);
    await expect(panel.getByRole('heading', { name: 'Your spot is held' })).toBeVisible();
    await expect(panel.getByRole('timer')).toHaveText(/^(10:00|09:[0-5]\d)$/);
    await expect(spotsOf(page)).toHaveText('4 of 5 free');

    // Back on the schedule, the card says the spot is held and leads back to it.
    await page.goBack();
    await expect(card.getByRole('link', { name: 'Held — confirm' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Book', exact: true })).toHaveCount(0);
    await card.getByRole('link', { name: 'Held — confirm' }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));

    await panel.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText(`Booked: ${className}`)).toBeVisible();
    await expect(page.getByText("You're booked")).toBeVisible();
    await expect(panel).toHaveCount(0);
  });

  test('a member holds a spot and releases it, and the spot is free again (on a small screen)', async ({ page, request }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const { className, path } = await aClass(request, 5);
    const member = await registerMember(request, 'releaser');
    await signInThroughApi(page, request, member);
    await openClass(page, path, className);
    await expect(spotsOf(page)).toHaveText('5 of 5 free');
    // Booking straight away stays possible beside holding.
    await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeEnabled();

    await page.getByRole('button', { name: 'Hold my spot' }).click();
    const panel = holdPanel(page);
    await expect(panel.getByRole('timer')).toBeVisible();
    await expect(spotsOf(page)).toHaveText('4 of 5 free');
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);

    await panel.getByRole('button', { name: 'Release' }).click();
    await expect(page.getByText('Spot released.')).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(spotsOf(page)).toHaveText('5 of 5 free');
    await expect(page.getByRole('button', { name: 'Hold my spot' })).toBeFocused();

    // Not only on this page: the API counts the spot as free.
    await page.reload();
    await expect(spotsOf(page)).toHaveText('5 of 5 free');
    await expect(page.getByRole('button', { name: 'Hold my spot' })).toBeEnabled();
  });
});

/** How long a hold lasts on the API this describe starts for itself; the suite's server keeps its 10 minutes. */
const SHORT_HOLD_SECONDS = 15;

test.describe('a hold that runs out', () => {
  let server: ChildProcess | undefined;
  let baseURL = '';
  let api: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(180_000); // starting an API and a worker, and migrating a database
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    // Its own database, Redis prefix and secret, through the same script as the suite's server.
    server = spawn(process.execPath, ['tools/e2e/serve.mjs'], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, E2E_PORT: String(port), HOLD_DURATION: `${SHORT_HOLD_SECONDS}s` },
      stdio: 'inherit',
    });
    api = await playwrightRequest.newContext({ baseURL });
    await expect(async () => {
      expect(server?.exitCode, 'the short-hold server exited').toBeNull();
      expect((await api.get('/readyz')).status()).toBe(200);
    }).toPass({ timeout: 150_000 });
    // Bearers kept so far belong to the suite's server.
    forgetBearers();
  });

  test.afterAll(async () => {
    forgetBearers();
    await api?.dispose();
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM'); // serve.mjs stops its API and worker and drops its database
      await exited;
    }
  });

  test('frees the spot at its expiresAt for a second member in another browser', async ({ browser }, testInfo) => {
    testInfo.setTimeout(testInfo.timeout + SHORT_HOLD_SECONDS * 1000 * 2);
    const { className, path } = await aClass(api, 1);
    const [first, second] = await Promise.all([registerMember(api, 'lapser'), registerMember(api, 'next')]);
    const firstPage = await signedInPage(browser, first);
    const secondPage = await signedInPage(browser, second);

    await openClass(firstPage, path, className);
    await firstPage.getByRole('button', { name: 'Hold my spot' }).click();
    const panel = holdPanel(firstPage);
    await expect(panel.getByRole('timer')).toBeVisible();

    await openClass(secondPage, path, className);
    await expect(spotsOf(secondPage)).toHaveText('0 of 1 free');
    await expect(secondPage.getByText('This session is full')).toBeVisible();
    await expect(secondPage.getByRole('button', { name: 'Hold my spot' })).toHaveCount(0);

    // The first member's countdown reaches the API's expiresAt.
    await expect(panel.getByRole('heading', { name: 'Your hold has run out' })).toBeVisible({
      timeout: SHORT_HOLD_SECONDS * 1000 + 10_000,
    });
    await expect(panel.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoSeriousA11yViolations(firstPage);

    await secondPage.reload();
    await expect(spotsOf(secondPage)).toHaveText('1 of 1 free');
    await secondPage.getByRole('button', { name: 'Hold my spot' }).click();
    const secondPanel = holdPanel(secondPage);
    await secondPanel.getByRole('button', { name: 'Confirm' }).click();
    await expect(secondPage.getByText("You're booked")).toBeVisible();

    // The spot is taken now: trying again tells the first member so.
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect(firstPage.getByRole('alert').filter({ hasText: 'this class is full' })).toBeVisible();
    await Promise.all([firstPage.context().close(), secondPage.context().close()]);
  });

  /** A page in a browser context of its own (cookies, storage), signed in as `account` on the short-hold API. */
  async function signedInPage(browser: Browser, account: Account): Promise<Page> {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInThroughApi(page, api, account);
    return page;
  }
});

/** A port nothing listens on right now, for the short-hold server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
