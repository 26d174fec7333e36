import { writeFile } from 'node:fs/promises';
import { type APIRequestContext, chromium, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { type Account, type RegisteredAccount, registerMember, signInThroughApi, uniqueSuffix } from './support/accounts';
import { expectNoSidewaysScroll } from './support/layout';
import { qrCodeVideo } from './support/qr-video';
import { bearerFor, bookClass, publishClass, registerTrainer } from './support/scheduling';

/**
 * A trainer's class starting in ten minutes, so the door is open (from 30 minutes before the start), with three
 * members booked. (Just before the studio's midnight it is tomorrow's, and Today lists it still: it looks an hour ahead.)
 */
async function aClassAtTheDoor(request: APIRequestContext) {
  const [trainer, ...members] = await Promise.all([
    registerTrainer(request),
    ...['by-button', 'by-camera', 'by-typing'].map((label) => registerMember(request, label)),
  ]);
  const className = `E2E Door ${uniqueSuffix()}`;
  const startsAt = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
  const sessionId = await publishClass(request, trainer, { name: className, startsAt, minutes: 60, capacity: 5, creditCost: 1 });
  const bookingIds = await Promise.all(members.map((member) => bookClass(request, member, sessionId)));
  return { trainer, members, className, sessionId, bookingIds };
}

/** The member's check-in code, as their phone's QR code carries it. */
async function checkInCode(request: APIRequestContext, member: Account, bookingId: string): Promise<string> {
  const response = await request.get(`/api/v1/bookings/${bookingId}/checkin-code`, {
    headers: { authorization: await bearerFor(request, member) },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { code: string }).code;
}

function count(page: Page, what: 'booked' | 'checked-in' | 'late') {
  return page.getByTestId(`count-${what}`);
}

test.describe('check-in at the door', () => {
  test('a trainer checks members in by button, by camera and by a typed code, and the counts follow', async ({ request, baseURL }, testInfo) => {
    // A second browser with a fake camera starts inside this test: on a loaded machine that alone takes seconds.
    test.slow();
    const { trainer, members, className, bookingIds } = await aClassAtTheDoor(request);
    const [byButton, byCamera, byTyping] = members as [RegisteredAccount, RegisteredAccount, RegisteredAccount];
    const [cameraCode, typedCode] = await Promise.all([
      checkInCode(request, byCamera, bookingIds[1] as string),
      checkInCode(request, byTyping, bookingIds[2] as string),
    ]);

    // The trainer's browser has a camera that films the second member's phone: their QR code.
    const video = testInfo.outputPath('member-qr.y4m');
    await writeFile(video, qrCodeVideo(cameraCode));
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ baseURL, permissions: ['camera'], viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signInThroughApi(page, request, trainer);

      await page.goto('/trainer/today');
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: className }) });
      await card.getByRole('link', { name: 'Roster and check-in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
      await expect(count(page, 'booked')).toHaveText('3');
      await expect(count(page, 'checked-in')).toHaveText('0');
      const answer = page.getByTestId('door-result');

      // By button.
      const buttonRow = page.getByRole('listitem', { name: byButton.name });
      await buttonRow.getByRole('button', { name: 'Check in' }).click();
      await expect(answer).toContainText(`${byButton.name}: Checked in on time`);
      await expect(buttonRow).toContainText('Checked in');
      await expect(buttonRow.getByRole('button', { name: 'Check in' })).toHaveCount(0);
      await expect(count(page, 'checked-in')).toHaveText('1');

      // By the camera.
      await page.getByRole('button', { name: 'Scan with camera' }).click();
      await expect(answer).toContainText(`${byCamera.name}: Checked in on time`);
      await expect(count(page, 'checked-in')).toHaveText('2');
      await expect(page.getByRole('listitem', { name: byCamera.name })).toContainText('Checked in');
      await page.getByRole('button', { name: 'Stop camera' }).click();

      // By a hardware scanner, which types the code and Enter.
      const scannerField = page.getByLabel('Code from a scanner');
      await scannerField.fill(typedCode);
      await scannerField.press('Enter');
      await expect(answer).toContainText(`${byTyping.name}: Checked in on time`);
      await expect(count(page, 'checked-in')).toHaveText('3');
      await expect(count(page, 'late')).toHaveText('0');
      await expect(scannerField).toHaveValue('');
      await expectNoSeriousA11yViolations(page);

      // A code that is no code says why at once.
      await scannerField.fill('not-a-code');
      await scannerField.press('Enter');
      await expect(answer).toContainText('Not checked in');
      await expect(count(page, 'checked-in')).toHaveText('3');
    } finally {
      await browser.close();
    }
  });

  test('a member shows their QR code at the door, large on a phone', async ({ page, request }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const { className, members } = await aClassAtTheDoor(request);
    await signInThroughApi(page, request, members[0] as Account);
    await page.goto('/bookings/upcoming');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: className }) });
    await card.getByRole('link', { name: 'Show at the door' }).click();

    await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();
    const qr = page.getByRole('img', { name: 'Your check-in code as a QR code' });
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByTestId('door-pass-code')).toHaveText(/^\S{64}$/);
    // It fills the phone's width (less the page's margins).
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(320);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
  });
});
